import { SqlTranslationError, type HealthModel } from '@vitals/core';
import type { EngineRow } from '@vitals/engines';
import { openData } from '../data/open-data.js';
import { CliError } from '../errors.js';
import { createProgress } from '../io/progress.js';
import { note } from '../io/output.js';
import type { ScoreCommandOptions } from '../program.js';
import type { RowOrigin, RowResult, WrittenRow } from '../render/score-row.js';
import { RowTally, warnAboutAsOf, type ScoreStreamOutcome } from './score-stream.js';

type Engines = typeof import('@vitals/engines');

/**
 * Scores a CSV or Parquet file with embedded DuckDB (`@vitals/engines`): the same rows, row
 * numbers, lines and bad-row reports as the JavaScript engine, streamed in file order. A CSV file
 * is first opened by the one data reader (@vitals/data), which checks its kind, its header against
 * the model's columns and finds its delimiter, exactly as for the JavaScript engine. `fallback`
 * (before any row is written) means the JavaScript engine should score the file: it has something
 * only the JavaScript reader reads as it should (bytes that are not UTF-8, a quote never closed, …).
 * DuckDB is loaded only here, so other commands never load the native module.
 */
export async function duckdbScoreStream(
  model: HealthModel,
  options: ScoreCommandOptions,
  format: 'csv' | 'parquet',
  onRow: (row: WrittenRow) => Promise<void> | void,
): Promise<ScoreStreamOutcome | 'fallback'> {
  const engines = await loadEngines();
  let delimiter = ',';
  if (format === 'csv') {
    const checked = await checkCsv(model, options);
    if ('fallback' in checked) return fallBack(options, checked.fallback);
    if ('outcome' in checked) return checked.outcome;
    delimiter = checked.delimiter;
  }
  warnAboutAsOf(model, options.asOf);
  const tally = new RowTally(options.data, options, await createProgress(false, undefined));
  try {
    const asOf = options.asOf === undefined ? {} : { asOf: options.asOf };
    const memoryLimit = options.memoryLimit === undefined ? {} : { memoryLimit: options.memoryLimit };
    // A batch per chunk of DuckDB's, its rows written without a wait each; one engine row and one
    // written row refilled for every row: the writers and the tally are done with a row when onRow returns.
    const batches = engines.scoreBatchesWithDuckDb(model.plan, options.data, format, { delimiter, reuseRows: true, ...asOf, ...memoryLimit });
    const written = rowWriting();
    for await (const batch of batches) {
      for (let i = 0; i < batch.length; i++) {
        const row = batch.row(i);
        const stop = tally.add(row.status, row, () => row.issues);
        const writing = onRow(written(row));
        if (writing !== undefined) await writing;
        if (stop) return { counts: tally.counts, stoppedAt: row.row, dataError: null };
      }
    }
  } catch (error) {
    if (error instanceof engines.UnsupportedFileError && tally.counts.rows === 0) return fallBack(options, error.message);
    if (/^Out of Memory Error/.test(String((error as Error).message))) {
      const limit = options.memoryLimit === undefined ? "DuckDB's default limit" : `--memory-limit ${options.memoryLimit}`;
      throw new CliError(`DuckDB ran out of memory (${limit}) after ${tally.counts.rows} rows: raise --memory-limit, or score with --engine js (it streams in constant memory)`);
    }
    if (error instanceof SqlTranslationError) throw new CliError(`${error.message}: pass --as-of YYYY-MM-DD`.replace(/: give the as-of date of the run: pass/, ': pass'));
    throw error;
  }
  tally.finish();
  return { counts: tally.counts, stoppedAt: undefined, dataError: null };
}

/** `fallback`, saying why when DuckDB was asked for by name. */
function fallBack(options: ScoreCommandOptions, why: string): 'fallback' {
  if (options.engine === 'duckdb') note(`vitals: ${why}; scored by the JavaScript engine instead`);
  return 'fallback';
}

/** @vitals/engines with DuckDB; a clear error when DuckDB, an optional peer of the packed CLI, is not installed. */
async function loadEngines(): Promise<Engines> {
  try {
    return await import('@vitals/engines');
  } catch (error) {
    if (!/@duckdb\/node-api/.test(String((error as Error).message))) throw error;
    throw new CliError('scoring with DuckDB needs the optional package @duckdb/node-api: `npm install -g @duckdb/node-api` beside a global vitals');
  }
}

/**
 * The data reader's checks of a CSV file (its kind, its header, its delimiter), from its first
 * rows: the delimiter when DuckDB may read the file; the outcome when the reader refuses it before
 * any row; `fallback` when the reader stops within those rows (the JavaScript engine keeps the rows
 * before) or finds none.
 */
async function checkCsv(model: HealthModel, options: ScoreCommandOptions): Promise<{ delimiter: string } | { outcome: ScoreStreamOutcome } | { fallback: string }> {
  const source = await openData(options, model.columns);
  const batches = source.batches[Symbol.asyncIterator]();
  const first = await batches.next();
  const dataError = source.error();
  if (!first.done) await batches.return?.();
  if (dataError !== null && first.done === true) return { outcome: { counts: { rows: 0, scored: 0, unscored: 0, invalid: 0 }, stoppedAt: undefined, dataError } };
  if (dataError !== null) return { fallback: `${source.path}: ${dataError.message}` };
  if (first.done === true) return { fallback: `${source.path} has no rows` };
  return { delimiter: source.delimiter() ?? ',' };
}

/**
 * An engine row as the score writers read it: the query computes no change, pulse or override
 * (null here; `score` leaves their columns out) and hands back no record (no owner or value). One
 * written row, refilled from each engine row (field by field: a spread of the engine row cost more
 * than the CSV writer per row, profiled).
 */
function rowWriting(): (row: EngineRow) => WrittenRow {
  const result: Mutable<RowResult> = {
    id: null, as_of: null, status: 'scored', reason: null, score: null, band: null, coverage: null, categories: {}, metrics: {}, stage: null,
    segment: null, benchmark: null, gap: null, below_benchmark: [], playbooks: [], change: null, pulse: null, override: null, issues: [],
  };
  const data: Mutable<RowOrigin> = { row: 0, line: null, record: null };
  const written: WrittenRow = { data, result };
  const playbooks = playbookKeys();
  return (row) => {
    result.id = row.id;
    result.as_of = row.as_of;
    result.status = row.status;
    result.reason = row.reason;
    result.score = row.score;
    result.band = row.band;
    result.coverage = row.coverage;
    result.categories = row.categories;
    result.metrics = row.metrics;
    result.stage = row.stage;
    result.segment = row.segment;
    result.benchmark = row.benchmark;
    result.gap = row.gap;
    result.below_benchmark = row.below_benchmark;
    result.playbooks = playbooks(row.playbooks);
    result.issues = row.issues;
    data.row = row.row;
    data.line = row.line;
    return written;
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A row's playbooks as the writers read them (`{ key }`), made once per list of keys (the engine's lists repeat, and are never changed). */
function playbookKeys(): (keys: readonly string[]) => RowResult['playbooks'] {
  const made = new WeakMap<readonly string[], RowResult['playbooks']>();
  return (keys) => {
    let playbooks = made.get(keys);
    if (playbooks === undefined) made.set(keys, (playbooks = keys.map((key) => ({ key }))));
    return playbooks;
  };
}
