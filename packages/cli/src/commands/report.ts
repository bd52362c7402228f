import { createDistribution, distributionView, type ScoreResult } from '@vitals/core';
import { openData } from '../data/open-data.js';
import { CliError, EXIT, type ExitCode } from '../errors.js';
import { writeChartPage } from '../io/write-chart-page.js';
import { note, writeStdout } from '../io/output.js';
import type { DataOptions } from '../program.js';
import { renderReportJson } from '../render/report-json.js';
import { renderReportMarkdown } from '../render/report-markdown.js';
import type { ReportData } from '../render/report-model.js';
import { renderReportText } from '../render/report-text.js';
import { styleFor } from '../render/style.js';
import { loadModel } from '../run/load-model.js';
import { countsLine, refuseOnDataError, scoreStream } from '../run/score-stream.js';

export interface ReportOptions extends DataOptions {
  readonly format: 'text' | 'markdown' | 'json';
  readonly html: string | undefined;
  /** Count each account once, at its latest snapshot (history still shapes its score). */
  readonly latest: boolean;
}

/** `vitals report MODEL --data FILE`: score everything, keep only the distribution (memory bounded by distinct scores). */
export async function runReport(modelPath: string, options: ReportOptions): Promise<ExitCode> {
  const model = await loadModel(modelPath);
  if (options.latest && model.plan.data.id === null) throw new CliError(`--latest needs accounts: ${modelPath} names no id field (data: { id: … })`);
  const source = await openData(options, model.columns);
  const distribution = createDistribution(model.plan);
  const latest = new Map<string, ScoreResult>();
  const outcome = await scoreStream(model, source, options, ({ result }) => {
    if (result === null) return;
    if (options.latest && result.id !== null && result.status !== 'invalid') latest.set(result.id, distributionView(result));
    else if (!options.latest || result.status !== 'invalid') distribution.add(result);
  });
  for (const result of latest.values()) distribution.add(result);
  if (outcome.stoppedAt !== undefined) {
    note(`vitals: stopped at row ${outcome.stoppedAt} (--strict); no report`);
    return EXIT.failed;
  }
  // A report of part of a file would pass for the whole: the error, and no report.
  refuseOnDataError(source.path, outcome, 'no report');
  const unit = options.latest || model.plan.data.asOf === null ? 'account' : 'snapshot';
  const data: ReportData = { file: source.path, unit, plan: model.plan, counts: outcome.counts, summary: distribution.summary() };
  if (options.html !== undefined) await writeHtml(options.html, data);
  await writeStdout(render(data, options.format));
  note(countsLine(source.path, outcome.counts));
  return EXIT.ok;
}

function render(data: ReportData, format: ReportOptions['format']): string {
  switch (format) {
    case 'json':
      return renderReportJson(data);
    case 'markdown':
      return renderReportMarkdown(data);
    case 'text':
      return renderReportText(data, styleFor(process.stdout));
  }
}

/** The page template loads only for --html. */
async function writeHtml(path: string, data: ReportData): Promise<void> {
  const { renderReportHtml } = await import('../render/report-html.js');
  await writeChartPage(path, (chartJs) => renderReportHtml(data, chartJs));
}
