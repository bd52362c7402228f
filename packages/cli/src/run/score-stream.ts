import type { HealthModel, Scorer, ScoreResult, ScoreSummary } from '@vitals/core';
import type { DataError } from '@vitals/data';
import type { DataSource } from '@vitals/data/node';
import { dataError } from '../data/open-data.js';
import { CliError } from '../errors.js';
import { note } from '../io/output.js';
import { createProgress, type Progress } from '../io/progress.js';
import { plural } from '../render/check-report.js';
import { rowIssueLine } from '../render/row-issue-line.js';
import { rowIssues, type RowIssue, type ScoredRow } from '../render/score-row.js';
import type { RunCounts } from '../render/score-writers.js';

export interface ScoreStreamOptions {
  readonly asOf: string | undefined;
  readonly strict: boolean;
  /** Bad rows described on stderr; 0 means all. */
  readonly maxIssues: number;
  readonly progress: boolean;
  /** Count bad rows without describing them (a second pass over rows already described). */
  readonly quiet?: boolean;
}

export interface ScoreStreamOutcome {
  readonly counts: RunCounts;
  /** Set when --strict stopped the run at a bad row. */
  readonly stoppedAt: number | undefined;
  /** Set when the file could not be read to its end (the rows before the error were scored). */
  readonly dataError: DataError | null;
}

/** Takes each scored row; may return a promise (backpressure from the output), which is then awaited before the next row. */
export type RowSink<R extends ScoreSummary> = (scored: ScoredRow<R>) => Promise<void> | void;

/**
 * Scores every row of a data source in order, carrying each account's history, and hands each
 * full result (with its explanation) to `onRow`. Bad rows are described on stderr and scoring goes
 * on, unless `strict`.
 */
export function scoreStream(model: HealthModel, source: DataSource, options: ScoreStreamOptions, onRow: RowSink<ScoreResult>): Promise<ScoreStreamOutcome> {
  return streamResults(model, model.scorer(stepOptions(options)), source, options, onRow);
}

/**
 * The same, handing on each result's summary (no weights, contributions or why): what the bulk
 * outputs write, built at a fraction of the full result's cost.
 */
export function scoreSummaryStream(model: HealthModel, source: DataSource, options: ScoreStreamOptions, onRow: RowSink<ScoreSummary>): Promise<ScoreStreamOutcome> {
  return streamResults(model, model.summaryScorer(stepOptions(options)), source, options, onRow);
}

function stepOptions(options: ScoreStreamOptions): { asOf?: string } {
  return options.asOf === undefined ? {} : { asOf: options.asOf };
}

function streamResults<R extends ScoreSummary>(
  model: HealthModel,
  scorer: Scorer<R>,
  source: DataSource,
  options: ScoreStreamOptions,
  onRow: RowSink<R>,
): Promise<ScoreStreamOutcome> {
  warnAboutAsOf(model, options.asOf);
  return streamScores(source, options, (record) => needingAsOf(model, scorer.score(record)), onRow);
}

/**
 * The loop under `scoreStream`, for any way of scoring a record (the impact commands score each
 * with two models): counts, bad-row descriptions on stderr, `--strict`, the progress bar.
 * `score` returns the result whose issues describe a bad row.
 */
export async function streamScores<R extends ScoreSummary>(
  source: DataSource,
  options: ScoreStreamOptions,
  score: (record: Readonly<Record<string, unknown>>, row: number) => R,
  onRow: RowSink<R>,
): Promise<ScoreStreamOutcome> {
  const progress = await createProgress(options.progress, source.size);
  const tally = new RowTally(source.path, options, progress);
  try {
    for await (const batch of source.batches) {
      for (const data of batch) {
        const result = data.record === null ? null : score(data.record, data.row);
        const scored: ScoredRow<R> = { data, result };
        const stop = tally.add(result?.status ?? 'invalid', data, () => rowIssues(scored));
        // Awaited only when the sink waits: a microtask per row is a measurable share of a million rows.
        const waiting = onRow(scored);
        if (waiting !== undefined) await waiting;
        if (stop) return { counts: tally.counts, stoppedAt: data.row, dataError: null };
      }
      progress.update(source.bytesRead(), tally.counts.rows);
    }
  } finally {
    progress.stop();
  }
  tally.finish();
  for (const warning of source.warnings()) note(`vitals: warning: ${warning.message}`);
  return { counts: tally.counts, stoppedAt: undefined, dataError: source.error() };
}

/**
 * Counts rows by status and describes bad ones on stderr (up to --max-issues), whichever engine
 * scored them; says when --strict must stop.
 */
export class RowTally {
  readonly counts = { rows: 0, scored: 0, unscored: 0, invalid: 0 };
  private described = 0;

  constructor(
    private readonly file: string,
    private readonly options: Pick<ScoreStreamOptions, 'strict' | 'maxIssues' | 'quiet'>,
    private readonly progress: Progress,
  ) {}

  /** Counts a row; true when it is bad and --strict says stop. */
  add(status: ScoreResult['status'], where: { readonly row: number; readonly line: number | null }, issues: () => readonly RowIssue[]): boolean {
    this.counts.rows++;
    this.counts[status]++;
    if (status !== 'invalid') return false;
    if (this.options.quiet === true) return this.options.strict;
    if (this.options.maxIssues === 0 || this.described < this.options.maxIssues) {
      for (const issue of issues()) this.progress.note(rowIssueLine(this.file, where, issue));
    }
    this.described++;
    return this.options.strict;
  }

  /** Says how many bad rows went undescribed. */
  finish(): void {
    const { maxIssues } = this.options;
    if (maxIssues > 0 && this.described > maxIssues) {
      note(`${this.file}: … and ${plural(this.described - maxIssues, 'more bad row')} not described (--max-issues 0 describes all)`);
    }
  }
}

/** A data error that stopped the reading: the rows before it are scored and written; then it is said, exit 2. */
export function dataErrorExit(path: string, error: DataError | null): void {
  if (error !== null) throw dataError(path, error);
}

/**
 * For a command whose output sums up the whole file (a report, a backtest, an impact): a file that
 * broke off gives no output at all, since a summary of part of it would read as the whole.
 * `product` names what is not given (`no report`).
 */
export function refuseOnDataError(path: string, outcome: ScoreStreamOutcome, product: string): void {
  if (outcome.dataError !== null && outcome.counts.rows > 0) note(`vitals: ${countsLine(path, outcome.counts)} before the error below; ${product}`);
  dataErrorExit(path, outcome.dataError);
}

export function warnAboutAsOf(model: HealthModel, asOf: string | undefined): void {
  const field = model.plan.data.asOf;
  if (asOf !== undefined && field !== null) note(`vitals: --as-of is ignored: the model reads each snapshot's date from \`${field}\``);
}

/**
 * The result, unless the model has no as-of field and needs a date: then it cannot score any row,
 * which is said once, not per row.
 */
export function needingAsOf<R extends ScoreSummary>(model: HealthModel, result: R): R {
  if (model.plan.data.asOf === null && result.issues.some((issue) => issue.code === 'no-as-of')) {
    throw new CliError('this model needs an as-of date (for pulse age, overrides, history or cooldowns) and has no as-of field: pass --as-of YYYY-MM-DD');
  }
  return result;
}

/** The line on stderr after a run: how many rows became what. */
export function countsLine(file: string, counts: RunCounts): string {
  const parts = [`${counts.scored.toLocaleString('en-US')} scored`];
  if (counts.unscored > 0) parts.push(`${counts.unscored.toLocaleString('en-US')} unscored`);
  if (counts.invalid > 0) parts.push(`${counts.invalid.toLocaleString('en-US')} invalid`);
  return `${file}: ${plural(counts.rows, 'row')}: ${parts.join(', ')}`;
}
