import { planModel } from '../../api/plan-model.js';
import { childPointer, type NodeLocation, type SourceDocument } from '../../load/source-document.js';
import { yamlToDocument } from '../../load/yaml-to-document.js';
import { HEALTH_MODEL_SCHEMA } from '../../schema/health-model-schema.js';
import type { Weights } from './reweighted-scores.js';

/**
 * The model's text with other weights, changed in place: each `weight:` value is replaced where it
 * is written, a metric without one gets `weight: N` where `vitals fmt` would put it (in the same
 * flow `{ }` or block style), and nothing else in the file moves — comments, order and layout stay, so
 * a diff of the two texts shows only the weights. The result is checked to compile to exactly
 * these weights; a failure there is a bug, and throws.
 */
export function modelWithWeights(text: string, file: string, weights: Weights): string {
  const loaded = yamlToDocument(text, file);
  const doc = loaded.value;
  if (doc === undefined) throw new Error(`${file} no longer loads`);
  const edits: Edit[] = [];
  for (const [key, weight] of Object.entries(weights.categories)) edits.push(replace(doc, childPointer(childPointer('/categories', key), 'weight'), weight));
  for (const [key, weight] of Object.entries(weights.metrics)) {
    const pointer = childPointer(childPointer('/metrics', key), 'weight');
    edits.push(doc.locations[pointer] === undefined ? insertWeight(doc, key, weight) : replace(doc, pointer, weight));
  }
  let out = doc.text;
  for (const edit of edits.filter((e) => e.text !== null).sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + (edit.text as string) + out.slice(edit.end);
  assertWeights(out, file, weights);
  return out;
}

interface Edit {
  readonly start: number;
  readonly end: number;
  /** Null: the value is already written as it should be. */
  readonly text: string | null;
}

function replace(doc: SourceDocument, pointer: string, weight: number): Edit {
  const at = doc.locations[pointer];
  if (at === undefined) throw new Error(`no ${pointer} in ${doc.file}`);
  const written = doc.text.slice(at.start, at.end);
  return { start: at.start, end: at.end, text: Number(written) === weight ? null : String(weight) };
}

/** Keys a metric may have before `weight`, in the schema's order (the order `vitals fmt` writes). */
const BEFORE_WEIGHT = (() => {
  const keys = Object.keys((HEALTH_MODEL_SCHEMA as { properties: { metrics: { additionalProperties: { properties: object } } } }).properties.metrics.additionalProperties.properties);
  return keys.slice(0, keys.indexOf('weight'));
})();

/** `weight: N` after the last key that comes before it in the canonical order, so `vitals fmt --check` still passes. */
function insertWeight(doc: SourceDocument, metric: string, weight: number): Edit {
  const pointer = childPointer('/metrics', metric);
  const before = BEFORE_WEIGHT.map((key) => doc.locations[childPointer(pointer, key)]).filter((at) => at?.keyStart !== undefined) as NodeLocation[];
  if (before.length === 0) throw new Error(`metric ${metric} has no keys in ${doc.file}`);
  const last = before.reduce((a, b) => (b.end > a.end ? b : a));
  const end = doc.text.slice(0, last.end).trimEnd().length;
  const keyStart = last.keyStart as number;
  const inFlow = /[{,]$/.test(doc.text.slice(0, keyStart).trimEnd());
  if (inFlow) return { start: end, end, text: `, weight: ${weight}` };
  const lineStart = doc.text.lastIndexOf('\n', keyStart - 1) + 1;
  return { start: end, end, text: `\n${' '.repeat(keyStart - lineStart)}weight: ${weight}` };
}

function assertWeights(text: string, file: string, weights: Weights): void {
  const { plan } = planModel(text, file);
  const wrong =
    plan === undefined ||
    plan.categories.some((c) => weights.categories[c.key] !== undefined && c.weight !== weights.categories[c.key]) ||
    plan.metrics.some((m) => weights.metrics[m.key] !== undefined && m.weight !== weights.metrics[m.key]);
  if (wrong) throw new Error(`changing the weights of ${file} in place did not give the intended model`);
}
