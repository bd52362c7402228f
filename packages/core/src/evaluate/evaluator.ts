import type { Plan } from '../compile/plan.js';
import type { AccountState, ScoreResult, ScoreSummary } from './result.js';

export interface StepOptions {
  /** The as-of date (days since 1970-01-01) for models without an as-of field: "score as of today". */
  readonly asOf?: number;
}

export interface StepOutput<R extends ScoreSummary = ScoreResult> {
  readonly result: R;
  /** What to pass as `previous` for this account's next snapshot (undefined when there is no date). */
  readonly state: AccountState | undefined;
}

/** Scores one snapshot given the account's previous state. Pure: same inputs, same output. */
export interface Evaluator {
  readonly plan: Plan;
  readonly engine: 'reference' | 'compiled';
  step(record: Readonly<Record<string, unknown>>, previous: AccountState | undefined, options?: StepOptions): StepOutput;
  /**
   * The same step, building only the summary of the result (`summaryOf(step(…).result)`, the same
   * state): what bulk outputs need, without the explanation's cost.
   */
  stepSummary(record: Readonly<Record<string, unknown>>, previous: AccountState | undefined, options?: StepOptions): StepOutput<ScoreSummary>;
}
