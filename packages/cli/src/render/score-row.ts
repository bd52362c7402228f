import type { ScoreResult, ScoreSummary } from '@vitals/core';
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

/** One output row per input row: what a spreadsheet or a warehouse table wants of a score. */
export interface ScoreRow {
  readonly row: number;
  readonly line: number | null;
  readonly id: string | null;
  readonly as_of: string | null;
  readonly status: ScoreResult['status'];
  readonly reason: ScoreResult['reason'];
  readonly score: number | null;
  readonly band: string | null;
  readonly coverage: number | null;
  readonly categories: Readonly<Record<string, { readonly score: number | null; readonly band: string | null }>>;
  readonly stage: string | null;
  readonly segment: string | null;
  readonly benchmark: number | null;
  readonly gap: number | null;
  readonly below_benchmark: readonly string[];
  readonly playbooks: readonly string[];
  readonly issues: readonly RowIssue[];
}

/**
 * A data row and what scoring it gave (null when the row could not be read as a record): the full
 * result, or only its summary where the output needs no explanation (`vitals score`).
 */
export interface ScoredRow<R extends ScoreSummary = ScoreResult> {
  readonly data: DataRow;
  readonly result: R | null;
}

export function toScoreRow({ data, result }: ScoredRow<ScoreSummary>): ScoreRow {
  if (result === null) return unreadableRow(data);
  const categories: Record<string, { score: number | null; band: string | null }> = {};
  for (const [key, category] of Object.entries(result.categories)) categories[key] = { score: category.score, band: category.band };
  return {
    row: data.row,
    line: data.line,
    id: result.id,
    as_of: result.as_of,
    status: result.status,
    reason: result.reason,
    score: result.score,
    band: result.band,
    coverage: result.status === 'invalid' ? null : result.coverage,
    categories,
    stage: result.stage,
    segment: result.segment,
    benchmark: result.benchmark,
    gap: result.gap,
    below_benchmark: result.below_benchmark,
    playbooks: result.playbooks.map((p) => p.key),
    issues: result.issues,
  };
}

function unreadableRow(data: DataRow): ScoreRow {
  const problem = data.problem ?? { code: 'bad-json', message: 'could not be read' };
  return {
    row: data.row,
    line: data.line,
    id: null,
    as_of: null,
    status: 'invalid',
    reason: null,
    score: null,
    band: null,
    coverage: null,
    categories: {},
    stage: null,
    segment: null,
    benchmark: null,
    gap: null,
    below_benchmark: [],
    playbooks: [],
    issues: [{ field: problem.field ?? null, code: problem.code, message: problem.message }],
  };
}

/** The issues of a row, whichever kind of row it is. */
export function rowIssues(scored: ScoredRow<ScoreSummary>): readonly RowIssue[] {
  if (scored.result === null) return toScoreRow(scored).issues;
  return scored.result.issues;
}
