import type { TypedExpr } from '../../check/typed-expr.js';
import type { Plan } from '../../compile/plan.js';
import { formatDay } from '../dates.js';
import { rankShortfalls } from '../lifecycle/shortfall.js';
import { WEIGHT_DECIMALS, roundTo } from '../numbers.js';
import type { CategoryResult, MetricResult } from '../result.js';
import type { Value } from './interpret-expression.js';
import { share, type Rolled } from './roll-up.js';
import type { MetricScore } from './score-metric.js';
import type { LateValues } from './slots.js';

/** The parts of a result that are assembled from the computed values. */
export function metricResults(plan: Plan, metrics: Map<string, MetricScore>, values: Map<string, Value>, categories: Map<string, Rolled>, scored: boolean): Record<string, MetricResult> {
  const overallPresent = new Map(plan.categories.filter((c) => c.weight > 0 && categories.get(c.key)?.score != null).map((c) => [c.key, c.weight]));
  const results: Record<string, MetricResult> = {};
  for (const metric of plan.metrics) {
    const m = metrics.get(metric.key) as MetricScore;
    const category = categories.get(metric.category) as Rolled;
    const weight = share(overallPresent, metric.category) * share(category.present, metric.key);
    const value = values.get(metric.key) ?? null;
    results[metric.key] = {
      value: metric.valueKind === 'date' && value !== null ? formatDay(value as number) : value,
      score: m.score,
      band: m.band,
      weight: roundTo(weight, WEIGHT_DECIMALS),
      contribution: scored && m.score !== null ? roundTo(weight * m.score, plan.precision) : null,
      missing: m.missing,
      imputed: m.imputed,
    };
  }
  return results;
}

export function categoryResultsWithBenchmarks(
  plan: Plan,
  categories: Map<string, Rolled>,
  base: { stage: string | null; segment: string | null },
  lookup: (stage: string | null, segment: string | null, category: string | null) => number | null,
  late: LateValues,
  scored: boolean,
): Record<string, CategoryResult> {
  const present = new Map(plan.categories.filter((c) => c.weight > 0 && categories.get(c.key)?.score != null).map((c) => [c.key, c.weight]));
  const results: Record<string, CategoryResult> = {};
  for (const category of plan.categories) {
    const rolled = categories.get(category.key) as Rolled;
    const benchmark = lookup(base.stage, base.segment, category.key);
    const gap = benchmark === null || rolled.score === null ? null : roundTo(rolled.score - benchmark, plan.precision);
    const weight = share(present, category.key);
    results[category.key] = {
      score: rolled.score,
      band: rolled.band,
      coverage: rolled.coverage,
      weight: roundTo(weight, WEIGHT_DECIMALS),
      contribution: scored && rolled.score !== null ? roundTo(weight * rolled.score, plan.precision) : null,
      benchmark,
      gap,
    };
    late.categories.set(category.key, { score: rolled.score, band: rolled.band, benchmark, gap });
  }
  return results;
}

/** Metrics scoring under the benchmark, the largest weighted shortfall first. */
export function belowBenchmark(plan: Plan, metrics: Map<string, MetricScore>, categories: Map<string, Rolled>, benchmark: number): string[] {
  const overallPresent = new Map(plan.categories.filter((c) => c.weight > 0 && categories.get(c.key)?.score != null).map((c) => [c.key, c.weight]));
  const weights = plan.metrics.map((m) => share(overallPresent, m.category) * share((categories.get(m.category) as Rolled).present, m.key));
  return rankShortfalls(plan.metrics.map((m) => m.key), plan.metrics.map((m) => metrics.get(m.key)?.score ?? null), weights, benchmark);
}

export function overrideFields(plan: Plan, inputs: Map<string, Value>) {
  const o = plan.overrides as NonNullable<Plan['overrides']>;
  const get = (name: string | null) => (name === null ? null : inputs.get(name) ?? null);
  return {
    score: get(o.score) as number | null,
    band: get(o.band) as string | null,
    reason: get(o.reason) as string | null,
    setAt: get(o.setAt) as number | null,
    expiresAt: get(o.expiresAt) as number | null,
  };
}

export function display(value: Value, expr: TypedExpr): Value {
  return expr.type.kind === 'date' && typeof value === 'number' ? formatDay(value) : value;
}
