import { analyseBacktest, createBacktest, describeRefusal, type BacktestReport, type CollectedBacktest, type ColumnUse, type IntervalOptions, type OutcomeIssue, type Plan, type ScoreResult } from '@vitals/core';
import type { DataRow } from '@vitals/data';
import { CliError } from '../errors.js';
import { note } from '../io/output.js';
import { plural } from '../render/check-report.js';
import { checkOutcomeColumn } from './outcome-column.js';

/** How an outcome column is read beside the scores (`vitals backtest`, `vitals diff --outcome`). */
export interface OutcomeOptions {
  /** The column holding the outcome: a label or a churn date. */
  readonly outcome: string;
  readonly horizonDays: number | null;
  readonly observedUntil: string | undefined;
  /** Outcome values described on stderr when some cannot be read; 0 means all. */
  readonly maxIssues: number;
  /** Misses listed per model (default 10). */
  readonly misses?: number;
}

/** The outcome run of one data file: each row's results under every model, then the collected columns. */
export interface OutcomeRun {
  /** One data row: its results (null: the row could not be read) in the models' order. */
  add(results: readonly (ScoreResult | null)[], data: DataRow): void;
  /** The collected backtest; a clear error when an outcome value could not be read or the data cannot be judged. */
  finish(): CollectedBacktest;
}

/** The columns the models read, and the outcome's: one header check names any that is missing. */
export function withOutcomeColumn(columns: readonly ColumnUse[], outcome: string): ColumnUse[] {
  return columns.some((c) => c.column === outcome) ? [...columns] : [...columns, { column: outcome, input: outcome, roles: ['outcome (--outcome)'], declared: false, span: null }];
}

/**
 * Hands each row and its outcome cell to the core's collector. The outcome column is checked on
 * the first record; values that read as no known outcome are gathered and refused at the end
 * (a guess would turn churners into retained accounts).
 */
export function createOutcomeRun(file: string, plans: readonly Plan[], options: OutcomeOptions): OutcomeRun {
  const collector = createBacktest({ plans, outcomeField: options.outcome, horizonDays: options.horizonDays, observedUntil: options.observedUntil ?? null, ...(options.misses === undefined ? {} : { misses: options.misses }) });
  const issues: OutcomeIssue[] = [];
  let checked = false;
  return {
    add(results, data) {
      if (!checked && data.record !== null) {
        checkOutcomeColumn(file, data.record, options.outcome);
        checked = true;
      }
      const issue = collector.add(results, data.record?.[options.outcome], data);
      if (issue !== undefined) issues.push(issue);
    },
    finish() {
      if (issues.length > 0) refuseOutcomeIssues(file, issues, options.maxIssues);
      const finished = collector.finish();
      if ('refusal' in finished) throw new CliError(`cannot backtest ${file}: ${describeRefusal(finished.refusal, { field: options.outcome })}`);
      return finished.value;
    },
  };
}

/** The core's statistics on the collected columns; a clear error when they cannot be computed (one class only, too few of one). */
export function analyseOutcome(file: string, collected: CollectedBacktest, interval: IntervalOptions): BacktestReport {
  const analysed = analyseBacktest(collected, interval);
  if ('refusal' in analysed) throw new CliError(`cannot backtest ${file}: ${describeRefusal(analysed.refusal, { field: collected.outcome.field })}`);
  return analysed.value;
}

/** Outcome values that read as nothing known: each is described, and the backtest is refused. */
function refuseOutcomeIssues(file: string, issues: readonly OutcomeIssue[], maxIssues: number): never {
  const shown = maxIssues === 0 ? issues : issues.slice(0, maxIssues);
  for (const i of shown) note(`${file}${i.line === null ? '' : `:${i.line}`}: row ${i.row}: field ${i.field}: ${i.message} [unknown-outcome]`);
  if (shown.length < issues.length) note(`${file}: … and ${plural(issues.length - shown.length, 'more row')} not described (--max-issues 0 describes all)`);
  throw new CliError(`cannot backtest ${file}: ${plural(issues.length, 'row')} with an outcome that is not a known value; fix them or leave the cells blank`);
}
