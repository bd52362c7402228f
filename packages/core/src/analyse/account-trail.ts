import type { Evaluator, StepOptions } from '../evaluate/evaluator.js';
import type { AccountState, ScoreResult } from '../evaluate/result.js';
import { createScorer } from '../evaluate/scorer.js';
import { nextBand, type NextBand } from './next-band.js';

/** One account's snapshots, scored in order: the drill-down of `score --explain` and the playground. */
export interface AccountTrail {
  /** Scores the account's next snapshot (in date order, as a full run would). */
  add(record: Readonly<Record<string, unknown>>): ScoreResult;
  /** The latest snapshot's result and the smallest change to the next band; undefined before any snapshot. */
  explain(): { readonly result: ScoreResult; readonly next_band: NextBand } | undefined;
}

/**
 * Only the account's own snapshots are needed: history is per account, so its results are the ones
 * a full run gives. The state before the latest snapshot is kept, so the what-if compares with the
 * same history (hysteresis, `prev()`) the latest result did.
 */
export function accountTrail(evaluator: Evaluator, account: string, options: StepOptions = {}): AccountTrail {
  const scorer = createScorer(evaluator, options);
  let stateBeforeLast: AccountState | undefined;
  let last: { record: Readonly<Record<string, unknown>>; result: ScoreResult } | undefined;
  return {
    add(record) {
      stateBeforeLast = scorer.state(account);
      const result = scorer.score(record);
      last = { record, result };
      return result;
    },
    explain() {
      if (last === undefined) return undefined;
      return { result: last.result, next_band: nextBand(evaluator.plan, last.record, stateBeforeLast, options) };
    },
  };
}
