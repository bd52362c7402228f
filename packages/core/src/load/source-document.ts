import type { ScalarStyle } from '../position/scalar-source-map.js';

/** A YAML value as plain data. Mappings are null-prototype objects, so no key can reach a prototype. */
export type YamlValue = null | boolean | number | string | YamlValue[] | { [key: string]: YamlValue };

/** Where one node of the document is in the file (offsets into `SourceDocument.text`). */
export interface NodeLocation {
  readonly start: number;
  readonly end: number;
  /** The key's range, for a node that is the value of a mapping entry. */
  readonly keyStart?: number;
  readonly keyEnd?: number;
  /** How a string scalar was written, so offsets inside it can be mapped back to the file. */
  readonly style?: ScalarStyle;
  /** For a block scalar: the indentation its explicit indentation indicator (`|2`) counts from. */
  readonly blockIndent?: number;
}

/** The output of the load stage: the model as plain data plus the location of every node. */
export interface SourceDocument {
  readonly file: string;
  readonly text: string;
  readonly root: YamlValue;
  /** Keyed by JSON pointer (`''` for the root, `/metrics/seats/value`, …), as ajv's `instancePath`. */
  readonly locations: Readonly<Record<string, NodeLocation>>;
  /**
   * Pointers whose value the loader could not read (an unknown alias, an alias bomb, nesting too
   * deep, an unusable number) and left as null. A diagnostic already says why, so later stages
   * don't report the null again.
   */
  readonly unreadable?: readonly string[];
  /** Entries left out because their key was already used (the second `seats:` of a mapping). */
  readonly dropped?: readonly string[];
}

export function childPointer(pointer: string, key: string | number): string {
  return `${pointer}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value at a JSON pointer, or undefined when the path leads nowhere. */
export function valueAt(root: YamlValue, pointer: string): YamlValue | undefined {
  let node: YamlValue | undefined = root;
  for (const segment of pointerSegments(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = Array.isArray(node) ? node[Number(segment)] : Object.hasOwn(node, segment) ? node[segment] : undefined;
  }
  return node;
}
