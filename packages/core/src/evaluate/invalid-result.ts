import type { Plan } from '../compile/plan.js';
import { formatDay } from './dates.js';
import type { RecordIssue, ScoreResult } from './result.js';

/** The result for a record the evaluator refuses: every field present, no score, the issues. */
export function invalidResult(plan: Plan, base: { id: string | null; asOf: number | null; segment: string | null; stage: string | null }, issues: readonly RecordIssue[]): ScoreResult {
  return {
    model: plan.model,
    model_hash: plan.hash,
    id: base.id,
    as_of: base.asOf === null ? null : formatDay(base.asOf),
    status: 'invalid',
    reason: null,
    score: null,
    band: null,
    coverage: 0,
    missing_inputs: [],
    categories: {},
    metrics: {},
    segment: base.segment,
    stage: base.stage,
    benchmark: null,
    gap: null,
    below_benchmark: [],
    pulse: null,
    override: null,
    change: null,
    playbooks: [],
    issues,
  };
}
