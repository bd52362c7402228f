import type { CategoryPlan, Plan, RollupPlan } from '../../compile/plan.js';
import { COVERAGE_DECIMALS, roundTo } from '../numbers.js';
import type { ScoreResult } from '../result.js';
import { bandOf, clampToScale, type MetricScore } from './score-metric.js';

/** Categories from their metrics, the overall score from the categories, and coverage. */
export interface Rolled {
  readonly score: number | null;
  readonly band: string | null;
  readonly coverage: number;
  readonly unknown: boolean;
  /** Weights of the parts that took part, by key, before normalising. */
  readonly present: Map<string, number>;
}

function rollUp(plan: Plan, rollup: RollupPlan, parts: readonly { key: string; weight: number; score: number | null }[]): number | null {
  const present = parts.filter((p) => p.weight > 0 && p.score !== null) as { key: string; weight: number; score: number }[];
  if (present.length === 0) return null;
  let weights = 0;
  let total = 0;
  for (const p of present) {
    weights += p.weight;
    total += rollup.method === 'geometric' ? p.weight * Math.log(p.score) : p.weight * p.score;
  }
  const mean = rollup.method === 'geometric' ? Math.exp(total / weights) : total / weights;
  const raw = rollup.method === 'weakest_link' ? Math.min(mean, Math.min(...present.map((p) => p.score)) + rollup.margin) : mean;
  return roundTo(clampToScale(plan, raw), plan.precision);
}

export function rollUpCategory(plan: Plan, category: CategoryPlan, metrics: Map<string, MetricScore>): Rolled {
  const parts = category.metrics.map((key) => ({ key, weight: weightOf(plan, key), score: metrics.get(key)?.score ?? null }));
  const unknown = category.metrics.some((key) => metrics.get(key)?.unknown === true && weightOf(plan, key) > 0);
  const score = unknown ? null : rollUp(plan, category.rollup, parts);
  const all = parts.filter((p) => p.weight > 0).reduce((sum, p) => sum + p.weight, 0);
  const withData = parts.filter((p) => p.weight > 0 && metrics.get(p.key)?.missing === false).reduce((sum, p) => sum + p.weight, 0);
  const present = new Map(parts.filter((p) => p.weight > 0 && p.score !== null).map((p) => [p.key, p.weight]));
  return { score, band: bandOf(category.bands, score), coverage: all > 0 ? roundTo(withData / all, COVERAGE_DECIMALS) : 0, unknown, present };
}

function weightOf(plan: Plan, metric: string): number {
  return plan.metrics.find((m) => m.key === metric)?.weight ?? 0;
}

export interface Overall {
  readonly score: number | null;
  readonly band: string | null;
  readonly coverage: number;
  readonly status: 'scored' | 'unscored';
  readonly reason: ScoreResult['reason'];
  readonly present: Map<string, number>;
}

export function rollUpOverall(plan: Plan, categories: Map<string, Rolled>, metrics: Map<string, MetricScore>): Overall {
  let coverage = 0;
  for (const metric of plan.metrics) if (metrics.get(metric.key)?.missing === false) coverage += metric.fullShare;
  coverage = roundTo(coverage, COVERAGE_DECIMALS);
  const parts = plan.categories.map((c) => ({ key: c.key, weight: c.weight, score: categories.get(c.key)?.score ?? null }));
  const present = new Map(parts.filter((p) => p.weight > 0 && p.score !== null).map((p) => [p.key, p.weight]));
  const unknown = plan.metrics.some((m) => m.weight > 0 && metrics.get(m.key)?.unknown === true);
  const rolled = rollUp(plan, plan.rollup, parts);
  const reason = unknown ? 'metric-unknown' : coverage < plan.minCoverage ? 'insufficient-coverage' : rolled === null ? 'no-data' : null;
  const score = reason === null ? rolled : null;
  return { score, band: bandOf(plan.bands, score), coverage, status: reason === null ? 'scored' : 'unscored', reason, present };
}

export function share(present: Map<string, number>, key: string): number {
  const weight = present.get(key);
  if (weight === undefined) return 0;
  let total = 0;
  for (const w of present.values()) total += w;
  return weight / total;
}
