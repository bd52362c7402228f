import { planModel } from '../../api/plan-model.js';
import { editModel } from '../../edit/edit-model.js';
import type { Weights } from './reweighted-scores.js';

/**
 * The model's text with other weights, changed in place (`editModel`): each `weight:` value is
 * replaced where it is written, a metric without one gets `weight: N` where `vitals fmt` would put it
 * (in the same flow `{ }` or block style), and nothing else in the file moves — comments, order and
 * layout stay, so a diff of the two texts shows only the weights. The result is checked to compile
 * to exactly these weights; a failure there is a bug, and throws.
 */
export function modelWithWeights(text: string, file: string, weights: Weights): string {
  const edits = [
    ...Object.entries(weights.categories).map(([key, value]) => ({ path: `categories.${key}.weight`, value })),
    ...Object.entries(weights.metrics).map(([key, value]) => ({ path: `metrics.${key}.weight`, value })),
  ];
  const edited = editModel(text, edits);
  if (edited.value === undefined) throw new Error(`${file}: ${edited.issues.map((issue) => issue.message).join('; ')}`);
  assertWeights(edited.value, file, weights);
  return edited.value;
}

function assertWeights(text: string, file: string, weights: Weights): void {
  const { plan } = planModel(text, file);
  const wrong =
    plan === undefined ||
    plan.categories.some((c) => weights.categories[c.key] !== undefined && c.weight !== weights.categories[c.key]) ||
    plan.metrics.some((m) => weights.metrics[m.key] !== undefined && m.weight !== weights.metrics[m.key]);
  if (wrong) throw new Error(`changing the weights of ${file} in place did not give the intended model`);
}
