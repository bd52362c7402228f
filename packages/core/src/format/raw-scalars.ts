import { visit, type Document, type Scalar } from 'yaml';

/** A scalar printed exactly as the author wrote it. */
export interface RawScalar {
  readonly placeholder: string;
  readonly source: string;
}

/**
 * Numbers, booleans and nulls are kept exactly as written: `1.0`, `1e3`, `0x10`, `~` and `True`
 * would otherwise be printed as `1`, `1000`, `16`, `null` and `true`, and as map keys they are
 * names (`map: { 1.0: 90 }` scores the enum value `1.0`, not `1`). The printer cannot write a
 * node's source, so each is swapped for a placeholder before printing and put back afterwards.
 * Strings are not: their quoting is the layout's to choose, and it never changes the text.
 */
export function protectRawScalars(doc: Document, text: string): RawScalar[] {
  const raw: RawScalar[] = [];
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' || node.range === undefined || node.range === null) return;
      const placeholder = `__vitals_fmt_raw_${raw.length}__`;
      raw.push({ placeholder, source: text.slice(node.range[0], node.range[1]) });
      forget(node);
      node.value = placeholder;
    },
  });
  return raw;
}

/**
 * Forgets how a string scalar was written, so the printer writes it the canonical way: plain
 * where YAML 1.2 allows it, except the words a YAML 1.1 reader takes for a boolean (`Yes`, `no`,
 * `On`…), which stay double-quoted. vitals reads YAML 1.2, where they are strings, but the
 * same file also passes through linters, CI tools and scripts that read YAML 1.1 (PyYAML, yq v3,
 * Ruby's Psych), where `values: [Yes, No]` becomes `[true, false]`.
 */
export function canonicalStrings(doc: Document): void {
  visit(doc, {
    Scalar(_key, node) {
      if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') return;
      forget(node);
      if (typeof node.value === 'string' && YAML_1_1_BOOLEAN.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
}

/**
 * YAML 1.1's boolean words as its common readers take them (https://yaml.org/type/bool.html lists
 * `y` and `n` too, which PyYAML and Psych leave strings: quoting every input named `y` would be noise).
 */
const YAML_1_1_BOOLEAN = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;

function forget(node: Scalar): void {
  delete node.type;
  delete node.format;
  delete node.minFractionDigits;
  delete (node as { source?: string }).source;
}

/** Puts each scalar's source back where its placeholder was printed. */
export function restoreRawScalars(output: string, raw: readonly RawScalar[]): string {
  if (raw.length === 0) return output;
  const bySource = new Map(raw.map((r) => [r.placeholder, r.source]));
  return output.replace(/__vitals_fmt_raw_\d+__/g, (placeholder) => bySource.get(placeholder) ?? placeholder);
}
