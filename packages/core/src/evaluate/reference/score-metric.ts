import type { BandPlan, MetricPlan, Plan } from '../../compile/plan.js';
import { compareNumbers, roundTo } from '../numbers.js';
import { interpret, type Environment, type Value } from './interpret-expression.js';

/** One metric: its value normalised to the scale, rounded, banded, or its missing-data policy. */
export interface MetricScore {
  readonly score: number | null;
  readonly band: string | null;
  readonly missing: boolean;
  readonly imputed: boolean;
  /** Missing under the `unknown` policy: the whole score becomes unknown. */
  readonly unknown: boolean;
}


export function bandOf(bands: BandPlan, score: number | null): string | null {
  if (score === null) return null;
  for (let i = 0; i < bands.thresholds.length; i++) if (score < (bands.thresholds[i] as number)) return bands.names[i] as string;
  return bands.names[bands.names.length - 1] as string;
}

export function clampToScale(plan: Plan, x: number): number {
  return Math.min(plan.scale.max, Math.max(plan.scale.min, x));
}

function normalise(plan: Plan, metric: MetricPlan, value: Value, env: Environment): number | null {
  const { min, max } = plan.scale;
  const method = metric.score;
  switch (method.method) {
    case 'identity':
      return value as number;
    case 'linear': {
      const { from, to } = method;
      const v = value as number;
      if (from === to) return compareNumbers(v, from) >= 0 ? max : min;
      // At or past either end the score is that end's: (v − from) / (to − from) could overflow out there.
      if (from < to ? v >= to : v <= to) return max;
      if (from < to ? v <= from : v >= from) return min;
      return min + ((v - from) / (to - from)) * (max - min);
    }
    case 'steps': {
      const i = method.thresholds.findIndex((t) => compareNumbers(value as number, t) < 0);
      return method.scores[i < 0 ? method.scores.length - 1 : i] as number;
    }
    case 'map': {
      const key = typeof value === 'boolean' ? String(value) : (value as string);
      return method.entries.find(([k]) => k === key)?.[1] ?? method.fallback;
    }
    case 'expr':
      return interpret(method.expr, env) as number | null;
  }
}

export function scoreMetric(plan: Plan, metric: MetricPlan, value: Value, env: Environment): MetricScore {
  const raw = value === null ? null : normalise(plan, metric, value, env);
  if (raw !== null && Number.isFinite(raw)) {
    const score = roundTo(clampToScale(plan, raw), plan.precision);
    return { score, band: bandOf(metric.bands, score), missing: false, imputed: false, unknown: false };
  }
  const missing = metric.missing;
  if (missing.policy === 'score') {
    const score = roundTo(clampToScale(plan, missing.score), plan.precision);
    return { score, band: bandOf(metric.bands, score), missing: true, imputed: true, unknown: false };
  }
  return { score: null, band: null, missing: true, imputed: false, unknown: missing.policy === 'unknown' };
}
