import { createImpact, type CollectedBacktest, type HealthModel, type Impact, type ScoreResult } from '@vitals/core';
import { EXIT, type ExitCode } from '../errors.js';
import { note, writeStdout } from '../io/output.js';
import { writeChartPage } from '../io/write-chart-page.js';
import type { DataOptions } from '../program.js';
import type { ImpactReport } from '../render/impact/impact-report.js';
import { renderImpactJson } from '../render/impact/impact-json.js';
import { renderImpactMarkdown } from '../render/impact/impact-markdown.js';
import { renderImpactText } from '../render/impact/impact-text.js';
import type { RunCounts } from '../render/score-writers.js';
import { styleFor } from '../render/style.js';
import { columnsOfModels, openData } from '../data/open-data.js';
import { createOutcomeRun, withOutcomeColumn, type OutcomeOptions } from './outcome-run.js';
import { countsLine, needingAsOf, refuseOnDataError, streamScores, warnAboutAsOf } from './score-stream.js';

/** Both models over one data file. */
export interface ImpactRun {
  readonly impact: Impact;
  readonly file: string;
  readonly counts: RunCounts;
  /** With an outcome: both models' scores and the outcomes, collected for the backtest's statistics. */
  readonly outcome: CollectedBacktest | null;
}

/** Options every impact report takes (`vitals diff`, `vitals simulate --set/--target`). */
export interface ImpactOptions extends DataOptions {
  readonly format: 'text' | 'markdown' | 'json';
  readonly html: string | undefined;
  /** Compare every snapshot instead of each account's latest. */
  readonly everySnapshot: boolean;
  readonly movers: number;
}

/**
 * Both models over the data file in one pass. The header is checked against the columns either
 * model reads; bad rows are described on stderr once (by the model that finds them invalid, HEAD
 * first), and `--strict` stops at the first, as `vitals score` does. A file that breaks off gives
 * no report (an impact on part of the accounts would read as the impact on all). With `outcome`
 * (`diff --outcome`), the same pass hands both results of every row to a backtest of the two
 * models, as `backtest --compare` collects it.
 */
export async function runImpact(base: HealthModel, head: HealthModel, options: ImpactOptions, outcome?: OutcomeOptions): Promise<ImpactRun | undefined> {
  warnAboutAsOf(head, options.asOf);
  const columns = columnsOfModels([base, head]);
  const source = await openData(options, outcome === undefined ? columns : withOutcomeColumn(columns, outcome.outcome));
  const backtest = outcome === undefined ? undefined : createOutcomeRun(source.path, [base.plan, head.plan], outcome);
  let pair: readonly [ScoreResult, ScoreResult] | null = null;
  const impact = createImpact(base, head, { ...(options.asOf === undefined ? {} : { asOf: options.asOf }), ...(options.everySnapshot ? { unit: 'snapshot' as const } : {}), movers: options.movers });
  const streamed = await streamScores(
    source,
    options,
    (record, row) => {
      const added = impact.add(record, row);
      const [b, h] = [needingAsOf(base, added.base), needingAsOf(head, added.head)];
      pair = [b, h];
      return h.status !== 'invalid' && b.status === 'invalid' ? b : h;
    },
    ({ data }) => backtest?.add(data.record === null ? [null, null] : (pair ?? [null, null]), data),
  );
  if (streamed.stoppedAt !== undefined) {
    note(`vitals: stopped at row ${streamed.stoppedAt} (--strict); no report`);
    return undefined;
  }
  refuseOnDataError(source.path, streamed, 'no report');
  const collected = backtest?.finish() ?? null;
  note(countsLine(source.path, streamed.counts));
  return { impact: impact.result(), file: source.path, counts: streamed.counts, outcome: collected };
}

/** The report on stdout in the chosen form, and the HTML page beside it when asked for. */
export async function writeImpactReport(report: ImpactReport, options: Pick<ImpactOptions, 'format' | 'html'>): Promise<ExitCode> {
  if (options.html !== undefined) await writeHtml(options.html, report);
  await writeStdout(render(report, options.format));
  return EXIT.ok;
}

function render(report: ImpactReport, format: ImpactOptions['format']): string {
  switch (format) {
    case 'json':
      return renderImpactJson(report);
    case 'markdown':
      return renderImpactMarkdown(report);
    case 'text':
      return renderImpactText(report, styleFor(process.stdout));
  }
}

/** Chart.js and the page template load only for --html. */
async function writeHtml(path: string, report: ImpactReport): Promise<void> {
  const { renderImpactHtml } = await import('../render/impact/impact-html.js');
  await writeChartPage(path, (chartJs) => renderImpactHtml(report, chartJs));
}
