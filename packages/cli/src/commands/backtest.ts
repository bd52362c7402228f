import { analyseBacktest, createBacktest, describeRefusal, modelWithWeights, suggestWeights, type CollectedBacktest, type ColumnUse, type HealthModel, type OutcomeIssue } from '@vitals/core';
import { createTwoFilesPatch } from 'diff';
import type { DataSource } from '@vitals/data/node';
import { columnsOfModels, openData } from '../data/open-data.js';
import { CliError, EXIT, type ExitCode } from '../errors.js';
import { writeChartPage } from '../io/write-chart-page.js';
import { readModelFile } from '../io/model-file.js';
import { note, writeStdout } from '../io/output.js';
import type { BacktestCommandOptions } from '../program.js';
import type { BacktestData, SuggestionData } from '../render/backtest-model.js';
import { renderBacktestJson } from '../render/backtest-json.js';
import { renderBacktestMarkdown } from '../render/backtest-markdown.js';
import { renderBacktestText } from '../render/backtest-text.js';
import { plural } from '../render/check-report.js';
import { styleFor } from '../render/style.js';
import { checkOutcomeColumn } from '../run/outcome-column.js';
import { loadModel } from '../run/load-model.js';
import { countsLine, refuseOnDataError, scoreStream } from '../run/score-stream.js';

/**
 * `vitals backtest MODEL --data FILE --outcome FIELD`: score every row (with `--compare`, under
 * both models), hand each result and its outcome cell to the core's collector, and render the
 * core's statistics. Nothing is computed here but the reading.
 */
export async function runBacktest(modelPath: string, options: BacktestCommandOptions): Promise<ExitCode> {
  const models = [await loadModel(modelPath), ...(options.compare === undefined ? [] : [await loadModel(options.compare)])];
  const source = await openData(options, backtestColumns(models, options.outcome));
  const collected = await collect(models, source, options);
  if (collected === undefined) return EXIT.failed;
  const analysed = analyseBacktest(collected.value, { method: options.ci, replicates: options.replicates, seed: options.seed });
  if ('refusal' in analysed) throw new CliError(`cannot backtest ${source.path}: ${describeRefusal(analysed.refusal, { field: options.outcome })}`);
  const data: BacktestData = { file: source.path, plans: models.map((m) => m.plan), modelFiles: [modelPath, ...(options.compare === undefined ? [] : [options.compare])], report: analysed.value, suggestion: null };
  const withSuggestion = options.suggest ? { ...data, suggestion: await suggest(modelPath, collected.value, options) } : data;
  if (options.html !== undefined) await writeHtml(options.html, withSuggestion);
  await writeStdout(render(withSuggestion, options.format));
  note(countsLine(source.path, collected.counts));
  return EXIT.ok;
}

/** The columns every compared model reads (each once) and the outcome's, so the header check names any that is missing. */
function backtestColumns(models: readonly HealthModel[], outcome: string): ColumnUse[] {
  const columns = columnsOfModels(models);
  return columns.some((c) => c.column === outcome) ? columns : [...columns, { column: outcome, input: outcome, roles: ['outcome (--outcome)'], declared: false, span: null }];
}

async function collect(models: readonly HealthModel[], source: DataSource, options: BacktestCommandOptions) {
  const collector = createBacktest({ plans: models.map((m) => m.plan), outcomeField: options.outcome, horizonDays: options.horizonDays, observedUntil: options.observedUntil ?? null, misses: options.misses });
  const others = models.slice(1).map((m) => m.scorer(options.asOf === undefined ? {} : { asOf: options.asOf }));
  const issues: OutcomeIssue[] = [];
  let first = true;
  const outcome = await scoreStream(models[0] as HealthModel, source, options, ({ data, result }) => {
    if (first && data.record !== null) {
      checkOutcomeColumn(source.path, data.record, options.outcome);
      first = false;
    }
    const results = [result, ...others.map((scorer) => (data.record === null ? null : scorer.score(data.record)))];
    const issue = collector.add(results, data.record?.[options.outcome], data);
    if (issue !== undefined) issues.push(issue);
  });
  if (outcome.stoppedAt !== undefined) {
    note(`vitals: stopped at row ${outcome.stoppedAt} (--strict); no backtest`);
    return undefined;
  }
  refuseOnDataError(source.path, outcome, 'no backtest');
  if (issues.length > 0) refuseOutcomeIssues(source.path, issues, options.maxIssues);
  const finished = collector.finish();
  if ('refusal' in finished) throw new CliError(`cannot backtest ${source.path}: ${describeRefusal(finished.refusal, { field: options.outcome })}`);
  return { value: finished.value, counts: outcome.counts };
}

/** Outcome values that read as nothing known: each is described, and the backtest is refused (a guess would skew it). */
function refuseOutcomeIssues(file: string, issues: readonly OutcomeIssue[], maxIssues: number): never {
  const shown = maxIssues === 0 ? issues : issues.slice(0, maxIssues);
  for (const i of shown) note(`${file}${i.line === null ? '' : `:${i.line}`}: row ${i.row}: field ${i.field}: ${i.message} [unknown-outcome]`);
  if (shown.length < issues.length) note(`${file}: … and ${plural(issues.length - shown.length, 'more row')} not described (--max-issues 0 describes all)`);
  throw new CliError(`cannot backtest ${file}: ${plural(issues.length, 'row')} with an outcome that is not a known value; fix them or leave the cells blank`);
}

/** `--suggest`: weights fitted to the outcome, as a diff of the model file (which is never written). */
async function suggest(path: string, collected: CollectedBacktest, options: BacktestCommandOptions): Promise<SuggestionData> {
  const suggested = suggestWeights(collected, { folds: options.folds, seed: options.seed });
  if ('refusal' in suggested) {
    const r = suggested.refusal;
    throw new CliError(
      r.code === 'nothing-to-fit'
        ? 'cannot suggest weights: no metric score goes with a lower churn rate in this data, so every fitted weight is 0'
        : `cannot suggest weights with ${r.folds} folds: only ${r.churnedAccounts} accounts churned, and each fold needs at least one (try --folds ${Math.max(2, r.churnedAccounts)})`,
    );
  }
  const text = (await readModelFile(path)).text;
  const changed = modelWithWeights(text, path, suggested.value.weights);
  return { ...suggested.value, patch: createTwoFilesPatch(path, path, text, changed, 'current weights', 'suggested weights', { context: 2 }) };
}

function render(data: BacktestData, format: BacktestCommandOptions['format']): string {
  switch (format) {
    case 'json':
      return renderBacktestJson(data);
    case 'markdown':
      return renderBacktestMarkdown(data);
    case 'text':
      return renderBacktestText(data, styleFor(process.stdout));
  }
}

/** The page template loads only for --html. */
async function writeHtml(path: string, data: BacktestData): Promise<void> {
  const { renderBacktestHtml } = await import('../render/backtest-html.js');
  await writeChartPage(path, (chartJs) => renderBacktestHtml(data, chartJs));
}

