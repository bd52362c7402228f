import type { Plan } from '../compile/plan.js';
import type { Evaluator, StepOptions, StepOutput } from './evaluator.js';
import { accountKeyReader } from './account-key.js';
import { readInput } from './read-value.js';
import { invalidResult } from './invalid-result.js';
import type { AccountState, RecordIssue, ScoreResult, ScoreSummary } from './result.js';
import { summaryOf } from './summary.js';

/** Scores a stream of snapshots, carrying each account's history from one snapshot to its next. */
export interface Scorer<R extends ScoreSummary = ScoreResult> {
  score(record: Readonly<Record<string, unknown>>): R;
  /** Accounts seen so far (the memory a stream holds: one small state per account). */
  readonly accounts: () => number;
  /** An account's state after its last accepted snapshot (what its next snapshot is compared with). */
  readonly state: (id: string) => AccountState | undefined;
}

/**
 * Snapshots of one account must come in date order: a snapshot dated on or before the previous
 * one of the same account is reported (duplicate or out of order) and not scored, so no row wins
 * silently. Accounts may interleave freely; memory grows with accounts, not rows.
 */
export function createScorer(evaluator: Evaluator, options: StepOptions = {}): Scorer {
  return scorerOf(evaluator.plan, (record, previous) => evaluator.step(record, previous, options), (result) => result);
}

/**
 * The same, giving each snapshot's summary (`summaryOf` its full result): the evaluator's summary
 * step, which builds no explanation — what bulk outputs (`vitals score`) need.
 */
export function createSummaryScorer(evaluator: Evaluator, options: StepOptions = {}): Scorer<ScoreSummary> {
  return scorerOf(evaluator.plan, (record, previous) => evaluator.stepSummary(record, previous, options), summaryOf);
}

type Step<R extends ScoreSummary> = (record: Readonly<Record<string, unknown>>, previous: AccountState | undefined) => StepOutput<R>;

function scorerOf<R extends ScoreSummary>(plan: Plan, step: Step<R>, refused: (result: ScoreResult) => R): Scorer<R> {
  const states = new Map<string, AccountState>();
  const { id: idField, asOf: asOfField } = plan.data;
  if (idField === null || asOfField === null) {
    return { score: (record) => step(record, undefined).result, accounts: () => 0, state: () => undefined };
  }
  const read = (field: string, record: Readonly<Record<string, unknown>>) => {
    const input = plan.inputs.find((i) => i.name === field) as Plan['inputs'][number];
    return readInput(record, input, []);
  };
  const keyOf = accountKeyReader(plan);
  return {
    score(record) {
      const key = keyOf(record);
      const asOf = read(asOfField, record) as number | null;
      const previous = key === undefined ? undefined : states.get(key);
      if (previous !== undefined && asOf !== null && asOf <= previous.asOf) {
        const [segment, stage] = [plan.data.segment, plan.data.stage].map((field) => (field === null ? null : read(field, record)));
        const where = { id: key as string, asOf, segment: segment == null ? null : String(segment), stage: stage == null ? null : String(stage) };
        return refused(outOfOrder(plan, where, previous, asOfField, fieldIssues(plan, record)));
      }
      const { result, state } = step(record, previous);
      if (key !== undefined && state !== undefined) states.set(key, state);
      return result;
    },
    accounts: () => states.size,
    state: (id) => states.get(id),
  };
}

/** Every field's issue, so a refused snapshot lists all that is wrong with it, not only its date. */
function fieldIssues(plan: Plan, record: Readonly<Record<string, unknown>>): RecordIssue[] {
  const issues: RecordIssue[] = [];
  for (const input of plan.inputs) readInput(record, input, issues);
  return issues;
}

function outOfOrder(plan: Plan, where: { id: string; asOf: number; segment: string | null; stage: string | null }, previous: AccountState, field: string, issues: readonly RecordIssue[]): ScoreResult {
  return invalidResult(plan, where, [...issues, snapshotIssue(field, where.id, where.asOf === previous.asOf)]);
}

/** The issue of a snapshot dated on (duplicate) or before the account's last accepted one. */
export function snapshotIssue(field: string, id: string, duplicate: boolean): RecordIssue {
  return {
    field,
    code: duplicate ? 'snapshot-duplicate' : 'snapshot-out-of-order',
    message: duplicate
      ? `account ${id} already has a snapshot for this date`
      : `account ${id} has a later snapshot already; snapshots of an account must be in date order`,
  };
}
