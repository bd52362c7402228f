import { modelWithWeights, suggestWeights, type CollectedBacktest, type HealthModel } from '@vitals/core';
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
import { styleFor } from '../render/style.js';
import { loadModel } from '../run/load-model.js';
import { analyseOutcome, createOutcomeRun, withOutcomeColumn } from '../run/outcome-run.js';
import { countsLine, refuseOnDataError, scoreStream } from '../run/score-stream.js';

/**
 * `vitals backtest MODEL --data FILE --outcome FIELD`: score every row (with `--compare`, under
 * both models), hand each result and its outcome cell to the core's collector, and render the
 * core's statistics. Nothing is computed here but the reading.
 */
export async function runBacktest(modelPath: string, options: BacktestCommandOptions): Promise<ExitCode> {
  const models = [await loadModel(modelPath), ...(options.compare === undefined ? [] : [await loadModel(options.compare)])];
  const source = await openData(options, withOutcomeColumn(columnsOfModels(models), options.outcome));
  const collected = await collect(models, source, options);
  if (collected === undefined) return EXIT.failed;
  const report = analyseOutcome(source.path, collected.value, { method: options.ci, replicates: options.replicates, seed: options.seed });
  const data: BacktestData = { file: source.path, plans: models.map((m) => m.plan), modelFiles: [modelPath, ...(options.compare === undefined ? [] : [options.compare])], report, suggestion: null };
  const withSuggestion = options.suggest ? { ...data, suggestion: await suggest(modelPath, collected.value, options) } : data;
  if (options.html !== undefined) await writeHtml(options.html, withSuggestion);
  await writeStdout(render(withSuggestion, options.format));
  note(countsLine(source.path, collected.counts));
  return EXIT.ok;
}

async function collect(models: readonly HealthModel[], source: DataSource, options: BacktestCommandOptions) {
  const run = createOutcomeRun(source.path, models.map((m) => m.plan), options);
  const others = models.slice(1).map((m) => m.scorer(options.asOf === undefined ? {} : { asOf: options.asOf }));
  const outcome = await scoreStream(models[0] as HealthModel, source, options, ({ data, result }) => {
    run.add([result, ...others.map((scorer) => (data.record === null ? null : scorer.score(data.record)))], data);
  });
  if (outcome.stoppedAt !== undefined) {
    note(`vitals: stopped at row ${outcome.stoppedAt} (--strict); no backtest`);
    return undefined;
  }
  refuseOnDataError(source.path, outcome, 'no backtest');
  return { value: run.finish(), counts: outcome.counts };
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

