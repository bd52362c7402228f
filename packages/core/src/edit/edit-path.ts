import { isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { suggest } from '../diagnostics/suggest.js';
import { editIssue, type EditIssue } from './edit-issues.js';

/** Where an edit lands in the YAML document. */
export type EditTarget =
  /** An existing value: its text is replaced (`inFlow`: it sits inside a `{ … }` or `[ … ]`). */
  | { readonly kind: 'replace'; readonly node: Node; readonly inFlow: boolean }
  /** A field the mapping does not have yet (a default, such as a metric's `weight`): it is added. `schemaPath` places it in the canonical key order. */
  | { readonly kind: 'insert'; readonly map: YAMLMap; readonly key: string; readonly schemaPath: readonly string[] }
  /** A metric or category without bands of its own: the model's bands are copied into it first. */
  | { readonly kind: 'own-bands'; readonly owner: YAMLMap; readonly schemaPath: readonly string[] }
  | { readonly kind: 'issue'; readonly issue: EditIssue };

/** Lists whose items are named by a field, so a path names them the way a person does: `bands.red`, `pulse.scale.at_risk`, `benchmarks.adopt`. */
const NAMED_BY = ['name', 'value', 'stage'] as const;
/** The field a named item's own value means (`bands.red=35` sets red's `below`). */
const ITEM_VALUE: ReadonlyMap<string, string> = new Map([['bands', 'below'], ['scale', 'score'], ['benchmarks', 'score']]);
/** What the entries under a key are called in messages; a key listed here names entries, which a path cannot create. */
const KIND: ReadonlyMap<string, string> = new Map([
  ['metrics', 'metric'],
  ['categories', 'category'],
  ['inputs', 'input'],
  ['playbooks', 'playbook'],
  ['bands', 'band'],
  ['scale', 'pulse level'],
  ['benchmarks', 'benchmark'],
]);

/**
 * Follows a path as the user writes it (`metrics.seat_utilisation.bands.red`) through the
 * document: mapping keys by name, list items by their name field or position. The last step may
 * name a field the mapping leaves to its default; anything else that is not there is an issue.
 */
export function resolveEditPath(doc: Document, segments: readonly string[], edit: string): EditTarget {
  let node: unknown = doc.contents;
  let parentKey = '';
  let inFlow = false;
  // The path as the schema nests it: mapping keys, and `[]` for a list's item.
  const schemaPath: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    const at = segments.slice(0, i).join('.');
    const last = i === segments.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p) === segment);
      if (pair !== undefined) {
        inFlow = node.flow === true;
        node = pair.value;
        parentKey = segment;
        schemaPath.push(segment);
        continue;
      }
      if (segment === 'bands' && (segments[i - 2] === 'metrics' || segments[i - 2] === 'categories') && i === 2) return { kind: 'own-bands', owner: node, schemaPath };
      // A field left to its default can be set; a new metric or category cannot be made from a path.
      if (last && !KIND.has(parentKey)) return { kind: 'insert', map: node, key: segment, schemaPath };
      const names = node.items.map(keyText);
      return issue('edit-unknown-entry', { at, kind: KIND.get(parentKey) ?? 'field', name: segment, allowed: names, ...suggestion(segment, names) }, edit);
    }
    if (isSeq(node)) {
      const found = findItem(node, segments, i, at, edit);
      if ('kind' in found) return found;
      inFlow = node.flow === true;
      node = found.node;
      i += found.consumed - 1;
      schemaPath.push('[]');
      const valueField = ITEM_VALUE.get(parentKey);
      if (i === segments.length - 1 && isMap(node) && valueField !== undefined) return fieldOf(node, valueField, schemaPath);
      parentKey = '';
      continue;
    }
    return issue('edit-not-a-collection', { at, found: describeNode(node), next: segment }, edit);
  }
  return { kind: 'replace', node: node as Node, inFlow };
}

function fieldOf(map: YAMLMap, field: string, schemaPath: readonly string[]): EditTarget {
  const pair = map.items.find((p) => keyText(p) === field);
  return pair === undefined ? { kind: 'insert', map, key: field, schemaPath } : { kind: 'replace', node: pair.value as Node, inFlow: map.flow === true };
}

/** A list item by position, or by its name field; benchmarks may need a second step (`adopt.high_touch`). */
function findItem(seq: YAMLSeq, segments: readonly string[], i: number, at: string, edit: string): { node: unknown; consumed: number } | Extract<EditTarget, { kind: 'issue' }> {
  const segment = segments[i] as string;
  if (/^\d+$/.test(segment)) {
    const item = seq.items[Number(segment)];
    if (item !== undefined) return { node: item, consumed: 1 };
    return issue('edit-unknown-entry', { at, kind: 'field', name: segment, allowed: seq.items.map((_, n) => String(n)) }, edit);
  }
  const maps = seq.items.filter(isMap);
  const named = (item: YAMLMap, field: string) => scalarText(item.get(field, true));
  let matches = maps.filter((item) => NAMED_BY.some((field) => named(item, field) === segment));
  let consumed = 1;
  const next = segments[i + 1];
  if (matches.length > 1 && next !== undefined) {
    const narrowed = matches.filter((item) => named(item, 'segment') === next || named(item, 'category') === next);
    if (narrowed.length > 0) [matches, consumed] = [narrowed, 2];
  }
  if (matches.length > 1) matches = matches.filter((item) => named(item, 'segment') === undefined && named(item, 'category') === undefined);
  if (matches.length === 1) return { node: matches[0], consumed };
  if (matches.length > 1) return issue('edit-ambiguous', { at, name: segment, count: matches.length }, edit);
  const names = [...new Set(maps.flatMap((item) => NAMED_BY.map((field) => named(item, field)).filter((n): n is string => n !== undefined)))];
  return issue('edit-unknown-entry', { at, kind: KIND.get(at.split('.').pop() ?? '') ?? 'entry', name: segment, allowed: names, ...suggestion(segment, names) }, edit);
}

function issue<C extends Parameters<typeof editIssue>[0]>(code: C, params: Parameters<typeof editIssue<C>>[1], edit: string): Extract<EditTarget, { kind: 'issue' }> {
  return { kind: 'issue', issue: editIssue(code, params, edit) };
}

function suggestion(name: string, names: readonly string[]): { suggestion?: string } {
  const found = suggest(name, names);
  return found === undefined ? {} : { suggestion: found };
}

export function keyText(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

function scalarText(node: unknown): string | undefined {
  return isScalar(node) && node.value !== null ? String(node.value) : undefined;
}

function describeNode(node: unknown): string {
  if (isScalar(node)) return node.value === null ? 'empty' : `\`${String(node.value)}\``;
  return node === null || node === undefined ? 'empty' : 'not a mapping';
}
