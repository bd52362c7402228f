import { createImpact, type HealthModel, type Impact } from '@vitals/core';
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
import { countsLine, needingAsOf, refuseOnDataError, streamScores, warnAboutAsOf } from './score-stream.js';

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
 * no report (an impact on part of the accounts would read as the impact on all).
 */
export async function runImpact(base: HealthModel, head: HealthModel, options: ImpactOptions): Promise<{ impact: Impact; file: string; counts: RunCounts } | undefined> {
  warnAboutAsOf(head, options.asOf);
  const source = await openData(options, columnsOfModels([base, head]));
  const impact = createImpact(base, head, { ...(options.asOf === undefined ? {} : { asOf: options.asOf }), ...(options.everySnapshot ? { unit: 'snapshot' as const } : {}), movers: options.movers });
  const outcome = await streamScores(
    source,
    options,
    (record, row) => {
      const pair = impact.add(record, row);
      const [b, h] = [needingAsOf(base, pair.base), needingAsOf(head, pair.head)];
      return h.status !== 'invalid' && b.status === 'invalid' ? b : h;
    },
    () => undefined,
  );
  if (outcome.stoppedAt !== undefined) {
    note(`vitals: stopped at row ${outcome.stoppedAt} (--strict); no report`);
    return undefined;
  }
  refuseOnDataError(source.path, outcome, 'no report');
  note(countsLine(source.path, outcome.counts));
  return { impact: impact.result(), file: source.path, counts: outcome.counts };
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
