import { isMap, isSeq, parseDocument, stringify, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { canonicalJson } from '../compile/canonical-json.js';
import { unpadFlowLists } from '../format/flow-padding.js';
import { keyOrderAt } from '../format/key-order.js';
import { editIssue, type EditIssue } from './edit-issues.js';
import { keyText, resolveEditPath, type EditTarget } from './edit-path.js';

/** A value an edit sets: YAML's core types. */
export type EditValue = null | boolean | number | string | EditValue[] | { [key: string]: EditValue };

/** One change to a model, addressed the way the model file nests it. */
export interface ModelEdit {
  /** `categories.product.weight`, `metrics.seat_utilisation.bands.red`, `bands.amber`, `pulse.scale.at_risk`. */
  readonly path: string;
  readonly value: EditValue;
}

export interface EditResult {
  /** The edited model text; undefined when an edit could not be applied (see `issues`). */
  readonly value: string | undefined;
  readonly issues: readonly EditIssue[];
}

/**
 * Applies edits to a model's text in place: only the edited values change, byte for byte, so
 * comments, layout and everything else stay as written, and the difference is a patch a person
 * can review and apply. The yaml library's document gives each value's range; a field left to its
 * default is added beside its siblings in their style (flow `{ … }` or block); a metric or
 * category without bands of its own gets a copy of the model's first, so `…bands.red=35` moves
 * that metric's threshold only. The edited text is not checked here: compile it, and its
 * diagnostics say what a value broke.
 */
export function editModel(source: string, edits: readonly ModelEdit[]): EditResult {
  let text = source;
  for (const edit of edits) {
    const applied = applyEdit(text, edit);
    if (typeof applied !== 'string') return { value: undefined, issues: [applied] };
    text = applied;
  }
  return { value: text, issues: [] };
}

/** The value a path addresses in a model's text, as plain data; undefined where the path leads nowhere or to a default left unwritten. */
export function valueAtPath(source: string, path: string): EditValue | undefined {
  const doc = parseDocument(source, { uniqueKeys: false, schema: 'core' });
  if (doc.errors.length > 0) return undefined;
  const target = resolveEditPath(doc, path.split('.'), path);
  return target.kind === 'replace' ? nodeValue(target.node) : undefined;
}

function nodeValue(node: unknown): EditValue | undefined {
  if (isMap(node) || isSeq(node)) return node.toJSON() as EditValue;
  return (node as { value?: EditValue } | null | undefined)?.value;
}

/** The edit as a person wrote it, for messages: `categories.product.weight=60`. */
export function editText(edit: ModelEdit): string {
  return `${edit.path}=${typeof edit.value === 'string' ? edit.value : valueText(edit.value, false)}`;
}

function applyEdit(text: string, edit: ModelEdit): string | EditIssue {
  const doc = parseDocument(text, { uniqueKeys: false, schema: 'core' });
  if (doc.errors.length > 0) return editIssue('edit-unreadable-model', { detail: (doc.errors[0] as Error).message.split('\n')[0] as string }, editText(edit));
  const segments = edit.path.split('.');
  const target = resolveEditPath(doc, segments, editText(edit));
  switch (target.kind) {
    case 'issue':
      return target.issue;
    case 'own-bands':
      return applyEdit(insertField(text, target.owner, 'bands', valueText(modelBands(doc), true), keyOrderAt(target.schemaPath)), edit);
    case 'insert':
      return checked(insertField(text, target.map, target.key, valueText(edit.value, target.map.flow === true), keyOrderAt(target.schemaPath)), edit);
    case 'replace':
      // A value already as it should be stays as it is written (`50.0` is not rewritten as `50`).
      if (canonicalJson(nodeValue(target.node)) === canonicalJson(edit.value)) return text;
      return checked(replaceNode(text, target.node, target.inFlow, edit.value), edit);
  }
}

/** The model's own bands as plain data, to copy into a metric or category that inherits them. */
function modelBands(doc: Document): EditValue {
  const bands = doc.get('bands', true);
  return isSeq(bands) ? (bands.toJSON() as EditValue) : [];
}

function replaceNode(text: string, node: Node, inFlow: boolean, value: EditValue): string {
  const [start, end] = node.range as [number, number, number];
  // A block value (a `>` scalar, a nested mapping) ends with its line break; keep the line.
  const newline = text[end - 1] === '\n' ? '\n' : '';
  return text.slice(0, start) + valueText(value, inFlow) + newline + text.slice(end);
}

/**
 * Adds `key: value` to a mapping where `vitals fmt` would put it — after the last key that comes
 * before it in the canonical order (so `fmt --check` still passes) — inside the braces of a flow
 * mapping, or on a line of its own at the mapping's indentation.
 */
function insertField(text: string, map: YAMLMap, key: string, value: string, order: readonly string[]): string {
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  const pairs = map.items as Pair[];
  const after = pairs.filter((p) => rank(keyText(p)) <= rank(key)).pop();
  const first = pairs[0];
  if (map.flow === true) {
    if (first === undefined) {
      const [start, end] = map.range as [number, number, number];
      return `${text.slice(0, start)}{ ${key}: ${value} }${text.slice(end)}`;
    }
    if (after === undefined) return splice(text, nodeStart(first.key), `${key}: ${value}, `);
    return splice(text, nodeEnd(after.value ?? after.key), `, ${key}: ${value}`);
  }
  const firstKey = first === undefined ? (map.range as [number, number, number])[0] : nodeStart(first.key);
  const indent = ' '.repeat(firstKey - (text.lastIndexOf('\n', firstKey - 1) + 1));
  const line = `${indent}${key}: ${value}\n`;
  if (after === undefined) return splice(text, firstKey - indent.length, line);
  const end = nodeEnd(after.value ?? after.key);
  if (text[end - 1] === '\n') return splice(text, end, line);
  const lineEnd = text.indexOf('\n', end);
  return lineEnd < 0 ? `${text}\n${line.trimEnd()}` : splice(text, lineEnd + 1, line);
}

function splice(text: string, at: number, insert: string): string {
  return text.slice(0, at) + insert + text.slice(at);
}

function nodeStart(node: unknown): number {
  return ((node as Node).range as [number, number, number])[0];
}

function nodeEnd(node: unknown): number {
  return ((node as Node).range as [number, number, number])[1];
}

/** A value as YAML on one line; inside a flow collection, text with flow punctuation is quoted. */
function valueText(value: EditValue, inFlow: boolean): string {
  // Laid out as `vitals fmt` lays it out (`{ a: 1 }`, `[a, b]`), so an edited model stays formatted.
  if (value !== null && typeof value === 'object') return unpadFlowLists(stringify(value, { collectionStyle: 'flow', flowCollectionPadding: true, lineWidth: 0 })).trimEnd();
  const plain = stringify(value, { lineWidth: 0 }).trimEnd();
  const quoted = /^["']/.test(plain);
  return typeof value === 'string' && !quoted && (plain.includes('\n') || (inFlow && /[,[\]{}]/.test(plain))) ? JSON.stringify(value) : plain;
}

/** The edit must read back as the value it set; anything else is a bug here, never a silent wrong model. */
function checked(text: string, edit: ModelEdit): string {
  const doc = parseDocument(text, { uniqueKeys: false, schema: 'core' });
  const target: EditTarget = doc.errors.length > 0 ? { kind: 'issue', issue: editIssue('edit-unreadable-model', { detail: '' }, edit.path) } : resolveEditPath(doc, edit.path.split('.'), edit.path);
  if (target.kind !== 'replace' || canonicalJson(nodeValue(target.node)) !== canonicalJson(edit.value)) {
    throw new Error(`editModel: setting ${edit.path} did not read back as ${JSON.stringify(edit.value)}`);
  }
  return text;
}
