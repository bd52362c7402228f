import type { Plan } from '../compile/plan.js';
import type { AccountState, ScoreResult } from './result.js';

export interface StepOptions {
  /** The as-of date (days since 1970-01-01) for models without an as-of field: "score as of today". */
  readonly asOf?: number;
}

export interface StepOutput {
  readonly result: ScoreResult;
  /** What to pass as `previous` for this account's next snapshot (undefined when there is no date). */
  readonly state: AccountState | undefined;
}

/** Scores one snapshot given the account's previous state. Pure: same inputs, same output. */
export interface Evaluator {
  readonly plan: Plan;
  readonly engine: 'reference' | 'compiled';
  step(record: Readonly<Record<string, unknown>>, previous: AccountState | undefined, options?: StepOptions): StepOutput;
}
