import type { MetricPlan, Plan } from '../compile/plan.js';
import type { AccountState, ScoreResult } from '../evaluate/result.js';
import type { StepOptions } from '../evaluate/evaluator.js';
import { referenceEvaluator } from '../evaluate/reference/reference-evaluator.js';

export type MetricValue = number | string | boolean;

/**
 * Scores one snapshot as if one metric's value were `value` and everything else stayed as it is:
 * the plan is copied with that metric's value expression replaced by the literal, and the
 * reference evaluator runs it. The metric's own score method, the roll-up, hysteresis (from the
 * account's previous state) and overrides all apply as in a real run, so the answer is the model's
 * and not an approximation of it.
 */
export function whatIf(
  plan: Plan,
  metric: MetricPlan,
  record: Readonly<Record<string, unknown>>,
  previous: AccountState | undefined,
  options: StepOptions,
): (value: MetricValue) => ScoreResult {
  return (value) => {
    const literal = { kind: 'literal', type: metric.value.type, value } as const;
    const metrics = plan.metrics.map((m) => (m.key === metric.key ? { ...m, value: literal } : m));
    return referenceEvaluator({ ...plan, metrics }).step(record, previous, options).result;
  };
}

/** The band the score itself gives, before an active override replaces it. */
export function computedBand(result: ScoreResult): string | null {
  return result.override?.status === 'active' ? result.override.computed_band : result.band;
}
