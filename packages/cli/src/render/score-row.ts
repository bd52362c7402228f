import type { ChangeResult, OverrideResult, PulseResult, ScoreResult, ScoreSummary } from '@vitals/core';
import type { DataRow } from '@vitals/data';

/** Version of the score rows `score --format json|ndjson` writes (packages/cli/schema/score-row.schema.json). */
export const SCORE_FORMAT_VERSION = 1;

/** A problem with one row: the core's record issues, or the CLI's own (the row was not a record at all). */
export interface RowIssue {
  /** The field at fault; null when the row as a whole is (bad JSON, wrong field count). */
  readonly field: string | null;
  readonly code: string;
  readonly message: string;
  /** The offending value as text (shortened), when there is one. */
  readonly value?: string;
}

/**
 * A data row and what scoring it gave (null when the row could not be read as a record): the full
 * result, or only its summary where the output needs no explanation (`vitals score`).
 */
export interface ScoredRow<R extends ScoreSummary = ScoreResult> {
  readonly data: DataRow;
  readonly result: R | null;
}

/**
 * What the score writers read of a result. Every `ScoreSummary` is one; so is a row of the SQL
 * engines (`run/duckdb-score.ts`), which compute no change, pulse or override (null there) and
 * read no record (`record` null: no owner or value).
 */
export interface RowResult {
  readonly id: string | null;
  readonly as_of: string | null;
  readonly status: ScoreSummary['status'];
  readonly reason: ScoreSummary['reason'];
  readonly score: number | null;
  readonly band: string | null;
  readonly coverage: number | null;
  readonly categories: Readonly<Record<string, { readonly score: number | null; readonly band: string | null }>>;
  readonly metrics: Readonly<Record<string, { readonly value: number | string | boolean | null; readonly score: number | null; readonly band: string | null }>>;
  readonly stage: string | null;
  readonly segment: string | null;
  readonly benchmark: number | null;
  readonly gap: number | null;
  readonly below_benchmark: readonly string[];
  readonly playbooks: readonly { readonly key: string }[];
  readonly change: ChangeResult | null;
  readonly pulse: PulseResult | null;
  readonly override: OverrideResult | null;
  readonly issues: readonly RowIssue[];
}

/** Where a written row came from: a data row, or the row and line an SQL engine reports. */
export interface RowOrigin {
  readonly row: number;
  readonly line: number | null;
  readonly record: DataRow['record'];
  readonly problem?: DataRow['problem'];
}

/** What a score writer gets per row (a `ScoredRow<ScoreSummary>` is one). */
export interface WrittenRow {
  readonly data: RowOrigin;
  readonly result: RowResult | null;
}

/** The result a row shows: its score, or for a row that was not a record, an invalid result saying why. */
export function rowResult({ data, result }: WrittenRow): RowResult {
  return result ?? unreadableResult(data);
}

function unreadableResult(data: RowOrigin): RowResult {
  return {
    id: null,
    as_of: null,
    status: 'invalid',
    reason: null,
    score: null,
    band: null,
    coverage: null,
    categories: {},
    metrics: {},
    segment: null,
    stage: null,
    benchmark: null,
    gap: null,
    below_benchmark: [],
    pulse: null,
    override: null,
    change: null,
    playbooks: [],
    issues: problemIssues(data),
  };
}

function problemIssues(data: RowOrigin): RowIssue[] {
  const problem = data.problem ?? { code: 'bad-json', message: 'could not be read' };
  return [{ field: problem.field ?? null, code: problem.code, message: problem.message }];
}

/** The issues of a row, whichever kind of row it is. */
export function rowIssues(scored: ScoredRow<ScoreSummary>): readonly RowIssue[] {
  return scored.result === null ? problemIssues(scored.data) : scored.result.issues;
}
