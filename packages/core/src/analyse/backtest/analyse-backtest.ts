import { placements } from './auc.js';
import { aucCovariance, type Scoring } from './auc-covariance.js';
import { MIN_PER_CLASS, type AucEstimate, type BacktestComparison, type BacktestRefusal, type BacktestReport, type ComponentAuc, type IntervalMethod, type ModelBacktest } from './backtest-report.js';
import { bandRates, calibration, transitions } from './band-rates.js';
import { bootstrapAucs, percentileInterval, type BootstrapReplicates } from './bootstrap.js';
import type { CollectedBacktest, CollectedModel } from './collect-backtest.js';
import { Z_95 } from './quantile.js';
import { countGroups, groupScores } from './score-groups.js';
import { wilsonRate } from './wilson.js';

export interface IntervalOptions {
  /** `delong` (the default: exact to compute, clustered by account when accounts repeat) or `bootstrap`. */
  readonly method: 'delong' | 'bootstrap';
  /** Bootstrap resamples (default 2,000). */
  readonly replicates?: number;
  /** Bootstrap seed (default 1): the same seed gives the same interval. */
  readonly seed?: number;
}

export const DEFAULT_REPLICATES = 2000;
export const DEFAULT_SEED = 1;

/**
 * The statistics of a collected backtest: per model, the AUC of the overall score with its 95%
 * interval, the AUC of each category and metric alone (DeLong's interval), outcome rates per band
 * and per score decile, and the best band's misses; with two models, the paired difference of
 * their AUCs and the band transitions. A backtest that cannot be computed (one class, too few of
 * one) is refused with a reason, never answered with NaN.
 */
export function analyseBacktest(collected: CollectedBacktest, options: IntervalOptions = { method: 'delong' }): { readonly value: BacktestReport } | { readonly refusal: BacktestRefusal } {
  const { labels, clusters } = collected;
  let churned = 0;
  for (let i = 0; i < labels.length; i++) churned += labels[i] as number;
  const retained = labels.length - churned;
  if (churned === 0 || retained === 0) return { refusal: { code: 'single-class', churned, retained } };
  if (churned < MIN_PER_CLASS || retained < MIN_PER_CLASS) return { refusal: { code: 'too-few', churned, retained, minimum: MIN_PER_CLASS } };

  const baseRate = wilsonRate(churned, labels.length);
  const scorings = collected.models.map((m) => scoringOf(m.scores, labels));
  const bootstrap = options.method === 'bootstrap' ? runBootstrap(scorings, labels, clusters, options) : null;
  const interval: IntervalMethod = bootstrap === null
    ? { method: 'delong', clustered: clusters !== null }
    : { method: 'bootstrap', replicates: bootstrap.replicates, seed: bootstrap.seed, clustered: clusters !== null, skipped: bootstrap.result.skipped };
  const estimates = scorings.map((s, m) => (bootstrap === null ? delongEstimate(s, labels, clusters) : bootstrapEstimate(s, bootstrap.result.aucs[m] as Float64Array)));
  const models = collected.models.map((model, m) => modelBacktest(model, estimates[m] as AucEstimate, collected, baseRate.rate));
  const comparison = collected.models.length === 2 ? compare(collected, scorings, bootstrap?.result ?? null) : null;
  return { value: { outcome: collected.outcome, counts: collected.counts, baseRate, interval, models, comparison } };
}

interface GroupedScoring extends Scoring {
  readonly groups: number;
}

function scoringOf(scores: Float64Array, labels: Uint8Array): GroupedScoring {
  const groups = groupScores(scores);
  return { group: groups.group, groups: groups.values.length, placements: placements(countGroups(groups, labels)) };
}

function delongEstimate(s: GroupedScoring, labels: Uint8Array, clusters: Int32Array | null): AucEstimate {
  const variance = Math.max(0, (aucCovariance([s], labels, clusters)[0] as number[])[0] as number);
  const half = Z_95 * Math.sqrt(variance);
  const { auc, positives, negatives } = s.placements;
  return { auc, low: Math.max(0, auc - half), high: Math.min(1, auc + half), churned: positives, retained: negatives };
}

function bootstrapEstimate(s: GroupedScoring, replicates: Float64Array): AucEstimate {
  const [low, high] = percentileInterval(replicates);
  return { auc: s.placements.auc, low, high, churned: s.placements.positives, retained: s.placements.negatives };
}

function runBootstrap(scorings: readonly GroupedScoring[], labels: Uint8Array, clusters: Int32Array | null, options: IntervalOptions) {
  const replicates = options.replicates ?? DEFAULT_REPLICATES;
  const seed = options.seed ?? DEFAULT_SEED;
  return { replicates, seed, result: bootstrapAucs(scorings, labels, clusters, { replicates, seed }) };
}

function modelBacktest(model: CollectedModel, auc: AucEstimate, collected: CollectedBacktest, baseRate: number): ModelBacktest {
  const { plan } = model;
  const bands = bandRates(plan.bands, model.bands, collected.labels, baseRate);
  const best = bands[bands.length - 1] as (typeof bands)[number];
  return {
    model: plan.model,
    title: plan.title,
    hash: plan.hash,
    auc,
    components: model.components.map((c) => componentAuc(c, collected)),
    bands,
    calibration: calibration(groupScores(model.scores), model.scores, collected.labels),
    misses: { band: best.band, churned: best.churned, of: best.count, listed: model.misses },
  };
}

function componentAuc(component: CollectedModel['components'][number], { labels, clusters }: CollectedBacktest): ComponentAuc {
  const s = scoringOf(component.scores, labels);
  const scored = s.placements.positives + s.placements.negatives;
  const enough = s.placements.positives >= MIN_PER_CLASS && s.placements.negatives >= MIN_PER_CLASS;
  return { kind: component.kind, key: component.key, title: component.title, scored, estimate: enough ? delongEstimate(s, labels, clusters) : null };
}

function compare(collected: CollectedBacktest, scorings: readonly GroupedScoring[], bootstrap: BootstrapReplicates | null): BacktestComparison {
  const [a, b] = scorings as [GroupedScoring, GroupedScoring];
  const value = b.placements.auc - a.placements.auc;
  let low: number;
  let high: number;
  if (bootstrap === null) {
    const c = aucCovariance([a, b], collected.labels, collected.clusters);
    const variance = Math.max(0, (c[0]?.[0] as number) + (c[1]?.[1] as number) - 2 * (c[0]?.[1] as number));
    [low, high] = [value - Z_95 * Math.sqrt(variance), value + Z_95 * Math.sqrt(variance)];
  } else {
    const [ra, rb] = bootstrap.aucs as [Float64Array, Float64Array];
    [low, high] = percentileInterval(rb.map((x, i) => x - (ra[i] as number)));
  }
  const [from, to] = collected.models as [CollectedModel, CollectedModel];
  return { difference: { value, low, high }, fromBands: from.plan.bands.names, toBands: to.plan.bands.names, transitions: transitions(from, to, collected.labels) };
}
