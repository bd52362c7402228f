import { accountFacts, createDistribution, createMovement, parseDay, pullingDown, summariseBook, type BookEntry, type HealthModel, type ScoreResult } from '@vitals/core';
import type { DataRow } from '@vitals/data';
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
  /** Count every snapshot in the distribution, not each account's latest (the lists stay the current book). */
  readonly allSnapshots: boolean;
  /** `--since DATE`: how the book moved from this date to the latest (default: from the second-latest snapshot date). */
  readonly since: string | undefined;
}

/**
 * `vitals report MODEL --data FILE`: score everything, keep each account's latest snapshot (the
 * current book: memory grows with accounts, not rows), then summarise it. With history, the
 * distribution is of the latest snapshots unless `--all-snapshots`.
 */
export async function runReport(modelPath: string, options: ReportOptions): Promise<ExitCode> {
  const model = await loadModel(modelPath);
  if (options.allSnapshots && (model.plan.data.id === null || model.plan.data.asOf === null)) throw new CliError(`--all-snapshots needs history: ${modelPath} names no id and as-of field (data: { id: …, as_of: … })`);
  const source = await openData(options, model.columns);
  const distribution = createDistribution(model.plan, { bandEdges: true });
  const book = new CurrentBook(model);
  const movement = movementFor(modelPath, model, options.since);
  const outcome = await scoreStream(model, source, options, ({ data, result }) => {
    if (result === null) return;
    book.add(data, result);
    movement?.add(result);
    if (options.allSnapshots) distribution.add(result);
  });
  if (!options.allSnapshots) for (const { result } of book.entries()) distribution.add(result);
  if (outcome.stoppedAt !== undefined) {
    note(`vitals: stopped at row ${outcome.stoppedAt} (--strict); no report`);
    return EXIT.failed;
  }
  // A report of part of a file would pass for the whole: the error, and no report.
  refuseOnDataError(source.path, outcome, 'no report');
  const unit = options.allSnapshots ? 'snapshot' : 'account';
  const data: ReportData = { file: source.path, unit, plan: model.plan, counts: outcome.counts, summary: distribution.summary(), book: summariseBook(model.plan, book.entries()), movement: movement?.summary() ?? null };
  if (options.html !== undefined) await writeHtml(options.html, data);
  await writeStdout(render(data, options.format));
  note(countsLine(source.path, outcome.counts));
  return EXIT.ok;
}

/** History (`data: { id, as_of }`) shows how the book moved; `--since` needs it and a real date. */
function movementFor(modelPath: string, model: HealthModel, since: string | undefined) {
  const history = model.plan.data.id !== null && model.plan.data.asOf !== null;
  if (since !== undefined && !history) throw new CliError(`--since needs history: ${modelPath} names no id and as-of field (data: { id: …, as_of: … })`);
  if (since !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(since) || parseDay(since) === undefined)) throw new CliError(`--since ${JSON.stringify(since)} is not a date (YYYY-MM-DD)`);
  return history ? createMovement(model.plan, since) : null;
}

/**
 * Each account's latest snapshot that could be read (an invalid one keeps the one before), with
 * its value, owner and the metric costing it most; a model without an id field makes every row an
 * account.
 */
class CurrentBook {
  private readonly byId = new Map<string, BookEntry>();
  private readonly rows: BookEntry[] = [];
  private readonly facts;

  constructor(private readonly model: HealthModel) {
    this.facts = accountFacts(model.plan);
  }

  add(data: DataRow, result: ScoreResult): void {
    const keyed = this.model.plan.data.id !== null && result.id !== null;
    if (keyed && result.status === 'invalid') return;
    const record = data.record ?? {};
    const entry = { result: summaryOnly(result), value: this.facts.value(record), owner: this.facts.owner(record), pullingDown: pullingDown(this.model.plan, result) };
    if (keyed) this.byId.set(result.id as string, entry);
    else this.rows.push(entry);
  }

  entries(): BookEntry[] {
    return [...this.byId.values(), ...this.rows];
  }
}

/** What the distribution and the book read of a result, without the per-metric detail: an account held until the end costs little. */
function summaryOnly(result: ScoreResult): ScoreResult {
  return { ...result, metrics: {}, missing_inputs: [], playbooks: result.playbooks.map((p) => ({ ...p, why: [] })) };
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
