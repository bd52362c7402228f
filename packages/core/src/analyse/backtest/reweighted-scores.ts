import type { Plan } from '../../compile/plan.js';
import { rollUpCategory, rollUpOverall } from '../../evaluate/reference/roll-up.js';
import type { MetricScore } from '../../evaluate/reference/score-metric.js';
import type { CollectedModel } from './collect-backtest.js';

/** Weights as a model file writes them: per category, and per metric within its category. */
export interface Weights {
  readonly categories: Readonly<Record<string, number>>;
  readonly metrics: Readonly<Record<string, number>>;
}

/** The plan with other weights, each metric's full share recomputed as the compiler does. */
export function planWithWeights(plan: Plan, weights: Weights): Plan {
  const categories = plan.categories.map((c) => ({ ...c, weight: weights.categories[c.key] ?? c.weight }));
  const metricWeight = (key: string) => weights.metrics[key] ?? (plan.metrics.find((m) => m.key === key)?.weight as number);
  const categoryTotal = categories.reduce((sum, c) => sum + c.weight, 0);
  const metrics = plan.metrics.map((m) => {
    const category = categories.find((c) => c.key === m.category) as (typeof categories)[number];
    const metricTotal = category.metrics.reduce((sum, key) => sum + metricWeight(key), 0);
    const fullShare = categoryTotal > 0 && metricTotal > 0 ? (category.weight / categoryTotal) * (metricWeight(m.key) / metricTotal) : 0;
    return { ...m, weight: metricWeight(m.key), fullShare };
  });
  return { ...plan, categories, metrics };
}

/**
 * The overall score of each observation under `plan`'s weights, from the metric scores the
 * backtest kept: the reference evaluator's own roll-up (categories, missing metrics left out and
 * weights renormalised, coverage), so the scores are the ones vitals would report with those
 * weights (NaN: unscored). Weights change no metric score, so nothing needs scoring again; an
 * active override is the one thing left out, as it is not the model's doing.
 */
export function reweightedScores(plan: Plan, model: CollectedModel, rows: Int32Array): Float64Array {
  const columns = plan.metrics.map((metric, m) => ({
    metric,
    scores: model.components.find((c) => c.kind === 'metric' && c.key === metric.key)?.scores as Float64Array,
    missing: model.metricMissing[m] as Uint8Array,
  }));
  const out = new Float64Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r] as number;
    const metrics = new Map<string, MetricScore>();
    for (const { metric, scores, missing } of columns) {
      const score = Number.isNaN(scores[i] as number) ? null : (scores[i] as number);
      const isMissing = missing[i] === 1;
      metrics.set(metric.key, { score, band: null, missing: isMissing, imputed: isMissing && score !== null, unknown: isMissing && score === null && metric.missing.policy === 'unknown' });
    }
    const categories = new Map(plan.categories.map((c) => [c.key, rollUpCategory(plan, c, metrics)]));
    out[r] = rollUpOverall(plan, categories, metrics).score ?? NaN;
  }
  return out;
}
