import type { Plan } from '../../compile/plan.js';
import { placements } from './auc.js';
import type { CollectedBacktest, CollectedModel } from './collect-backtest.js';
import { fitNonNegativeLogistic } from './logistic-fit.js';
import { wholePercentages } from './readable-weights.js';
import { planWithWeights, reweightedScores, type Weights } from './reweighted-scores.js';
import { countGroups, groupScores } from './score-groups.js';
import { seededRandom, shuffledIndices } from './seeded-random.js';

export interface SuggestOptions {
  /** k of k-fold cross-validation (default 5). */
  readonly folds?: number;
  /** Seed of the fold assignment (default 1): the same seed gives the same folds and figures. */
  readonly seed?: number;
}

export interface WeightChange {
  readonly kind: 'category' | 'metric';
  readonly key: string;
  /** The metric's category (null for a category). */
  readonly category: string | null;
  readonly current: number;
  readonly suggested: number;
}

/** AUCs of held-out folds: each fold scored by weights fitted on the others. */
export interface FoldAucs {
  readonly mean: number;
  readonly folds: readonly number[];
}

/** Weights fitted to the outcome, for a person to review; never applied by vitals itself. */
export interface WeightSuggestion {
  readonly method: 'non-negative logistic regression on metric scores';
  readonly folds: number;
  readonly seed: number;
  /**
   * The suggested weights (fitted on all observations): metric weights are whole percentages of the
   * score, summing to 100, and a category's weight is the sum of its metrics'. The metrics of a
   * category suggested at 0 are left out (their weights stay as they are).
   */
  readonly weights: Weights;
  readonly changes: readonly WeightChange[];
  /** The out-of-sample figures: the current and the suggested weights on the same held-out folds. */
  readonly crossValidated: { readonly current: FoldAucs; readonly suggested: FoldAucs };
  /** On the data the weights were fitted to: flattering, shown only beside the cross-validated figures. */
  readonly inSample: { readonly current: number; readonly suggested: number };
}

export type SuggestRefusal = { readonly code: 'nothing-to-fit' } | { readonly code: 'too-few-for-folds'; readonly folds: number; readonly churnedAccounts: number };

/**
 * Suggests category and metric weights for the first model of a backtest: a non-negative logistic
 * regression of the outcome on the metric scores (a higher score may only lower the risk), its
 * coefficients read as each metric's share of the score and rounded to whole percentages. Its AUC
 * is measured out of sample by k-fold cross-validation — accounts (with all their snapshots) are
 * dealt to folds by a seeded shuffle, churned and retained separately so each fold has both — and
 * every fold's held-out scores come from the model's own roll-up with the weights fitted without
 * that fold (rounded as they would be written).
 */
export function suggestWeights(collected: CollectedBacktest, options: SuggestOptions = {}): { readonly value: WeightSuggestion } | { readonly refusal: SuggestRefusal } {
  const k = options.folds ?? 5;
  const seed = options.seed ?? 1;
  const model = collected.models[0] as CollectedModel;
  const { plan } = model;
  const features = scaledFeatures(model);
  const all = Int32Array.from({ length: collected.labels.length }, (_, i) => i);
  const weights = fitWeights(plan, features, collected.labels, all);
  if (weights === undefined) return { refusal: { code: 'nothing-to-fit' } };
  const folds = assignFolds(collected, k, seed);
  if ('refusal' in folds) return folds;
  const current = { categories: {}, metrics: {} };
  const cv = { current: [] as number[], suggested: [] as number[] };
  for (let f = 0; f < k; f++) {
    const train = Int32Array.from(all.filter((i) => folds.fold[i] !== f));
    const test = Int32Array.from(all.filter((i) => folds.fold[i] === f));
    const fitted = fitWeights(plan, features, collected.labels, train);
    cv.current.push(aucOf(plan, current, model, collected.labels, test));
    cv.suggested.push(fitted === undefined ? 0.5 : aucOf(plan, fitted, model, collected.labels, test));
  }
  return {
    value: {
      method: 'non-negative logistic regression on metric scores',
      folds: k,
      seed,
      weights,
      changes: changes(plan, weights),
      crossValidated: { current: foldAucs(cv.current), suggested: foldAucs(cv.suggested) },
      inSample: { current: aucOf(plan, current, model, collected.labels, all), suggested: aucOf(plan, weights, model, collected.labels, all) },
    },
  };
}

/** Metric scores on 0–1 of the scale; NaN where a metric has no score. */
function scaledFeatures(model: CollectedModel): Float64Array[] {
  const { min, max } = model.plan.scale;
  return model.plan.metrics.map((metric) => {
    const scores = model.components.find((c) => c.kind === 'metric' && c.key === metric.key)?.scores as Float64Array;
    return scores.map((s) => (s - min) / (max - min));
  });
}

/** Fits on `rows` (a metric without a score takes its mean over those rows) and reads the coefficients as weights. */
function fitWeights(plan: Plan, features: readonly Float64Array[], labels: Uint8Array, rows: Int32Array): Weights | undefined {
  const filled = features.map((x) => {
    let sum = 0;
    let n = 0;
    for (const r of rows) if (!Number.isNaN(x[r] as number)) (sum += x[r] as number), n++;
    const mean = n === 0 ? 0 : sum / n;
    return x.map((v) => (Number.isNaN(v) ? mean : v));
  });
  const fit = fitNonNegativeLogistic(filled, labels, rows);
  const percentages = wholePercentages(Array.from(fit.coefficients));
  if (percentages.every((p) => p === 0)) return undefined;
  const share = new Map(plan.metrics.map((m, j) => [m.key, percentages[j] as number]));
  const categories = Object.fromEntries(plan.categories.map((c) => [c.key, c.metrics.reduce((sum, key) => sum + (share.get(key) as number), 0)]));
  // A category left at 0 keeps its metrics' weights: they no longer count, and all-zero metric
  // weights would be an error in the model.
  const metrics = Object.fromEntries(plan.categories.flatMap((c) => (categories[c.key] === 0 ? [] : c.metrics.map((key) => [key, share.get(key) as number]))));
  return { categories, metrics };
}

function aucOf(plan: Plan, weights: Weights, model: CollectedModel, labels: Uint8Array, rows: Int32Array): number {
  const scores = reweightedScores(planWithWeights(plan, weights), model, rows);
  const groups = groupScores(scores);
  const subset = Uint8Array.from(rows, (i) => labels[i] as number);
  const p = placements(countGroups(groups, subset));
  return p.positives === 0 || p.negatives === 0 ? 0.5 : p.auc;
}

/** Each observation's fold: whole accounts, churned accounts (any churned snapshot) and the others dealt separately. */
function assignFolds(collected: CollectedBacktest, k: number, seed: number): { fold: Int32Array } | { refusal: SuggestRefusal } {
  const n = collected.labels.length;
  const clusterOf = (i: number) => (collected.clusters === null ? i : (collected.clusters[i] as number));
  const churnedCluster = new Map<number, boolean>();
  for (let i = 0; i < n; i++) churnedCluster.set(clusterOf(i), (churnedCluster.get(clusterOf(i)) ?? false) || collected.labels[i] === 1);
  const clusters = [...churnedCluster.keys()].sort((a, b) => a - b);
  const churned = clusters.filter((c) => churnedCluster.get(c) === true);
  const retained = clusters.filter((c) => churnedCluster.get(c) !== true);
  if (churned.length < k || retained.length < k) return { refusal: { code: 'too-few-for-folds', folds: k, churnedAccounts: churned.length } };
  const random = seededRandom(seed);
  const foldOfCluster = new Map<number, number>();
  for (const group of [churned, retained]) shuffledIndices(group.length, random).forEach((index, position) => foldOfCluster.set(group[index] as number, position % k));
  return { fold: Int32Array.from({ length: n }, (_, i) => foldOfCluster.get(clusterOf(i)) as number) };
}

function foldAucs(folds: readonly number[]): FoldAucs {
  return { mean: folds.reduce((a, b) => a + b, 0) / folds.length, folds };
}

function changes(plan: Plan, weights: Weights): WeightChange[] {
  return plan.categories.flatMap((c) => [
    { kind: 'category' as const, key: c.key, category: null, current: c.weight, suggested: weights.categories[c.key] as number },
    ...c.metrics.map((key) => ({ kind: 'metric' as const, key, category: c.key, current: plan.metrics.find((m) => m.key === key)?.weight as number, suggested: weights.metrics[key] ?? (plan.metrics.find((m) => m.key === key)?.weight as number) })),
  ]);
}
