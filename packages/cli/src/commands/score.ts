import type { HealthModel, Plan } from '@vitals/core';
import { formatOfName } from '@vitals/data';
import { openData } from '../data/open-data.js';
import { CliError, EXIT, type ExitCode } from '../errors.js';
import { BufferedOutput, note } from '../io/output.js';
import type { ScoreCommandOptions } from '../program.js';
import { scoreColumns, type ScoreColumn } from '../render/score-columns.js';
import type { WrittenRow } from '../render/score-row.js';
import { rowWriter } from '../render/score-writers.js';
import { selectColumns } from '../render/select-columns.js';
import { loadModel } from '../run/load-model.js';
import { countsLine, dataErrorExit, scoreSummaryStream, type ScoreStreamOutcome } from '../run/score-stream.js';

/** Errors found before any row is read (the file's kind, its header): nothing goes to stdout. */
const BEFORE_ROWS = new Set(['not-text', 'spreadsheet', 'no-header', 'missing-columns', 'duplicate-column', 'not-a-json-array']);

/**
 * `vitals score MODEL --data FILE`: one output row per input row, streamed. When the file breaks
 * off (an unclosed quote, a JSON array never closed), the rows before the break are written and
 * the output is still one whole document; then the error, exit 2.
 */
export async function runScore(modelPath: string, options: ScoreCommandOptions): Promise<ExitCode> {
  if (options.explain !== undefined) {
    const { runExplain } = await import('./explain.js');
    return runExplain(modelPath, options.explain, options);
  }
  const model = await loadModel(modelPath);
  const engine = chooseEngine(options);
  const columns = chosenColumns(model.plan, options.columns, engine !== 'js');
  const writer = rowWriter(options.format, model.plan, { csvRaw: options.csvRaw, columns });
  const out = new BufferedOutput(process.stdout);
  let begun = false;
  // Returns a promise only when the output must drain (once per 64 KB), so rows are not awaited one by one.
  const rowInto = writer.rowInto;
  const write = (row: WrittenRow): Promise<void> | undefined => {
    if (!begun) out.write(writer.begin());
    begun = true;
    if (rowInto === undefined) return out.write(writer.row(row));
    rowInto(row, out.chunk);
    return out.written();
  };
  const { path, outcome } = await runEngine(model, options, engine, write);
  if (begun || outcome.dataError === null || !BEFORE_ROWS.has(outcome.dataError.code)) {
    if (!begun) await out.write(writer.begin());
    await out.write(writer.end(outcome.counts, outcome.dataError));
  }
  await out.flush();
  const notice = writer.notice?.();
  if (notice !== undefined) note(notice);
  if (outcome.stoppedAt !== undefined) {
    note(`vitals: stopped at row ${outcome.stoppedAt} (--strict)`);
    return EXIT.failed;
  }
  dataErrorExit(path, outcome.dataError);
  note(countsLine(path, outcome.counts));
  return EXIT.ok;
}

/**
 * Scores with the engine `--engine` picks. DuckDB hands back `fallback` (before any row) for a
 * file only the JavaScript reader reads as the format says (see duckdb-score.ts): then the
 * JavaScript engine scores it, so the output is the same either way.
 */
async function runEngine(
  model: HealthModel,
  options: ScoreCommandOptions,
  engine: Engine,
  write: (row: WrittenRow) => Promise<void> | undefined,
): Promise<{ path: string; outcome: ScoreStreamOutcome }> {
  if (engine !== 'js') {
    const { duckdbScoreStream } = await import('../run/duckdb-score.js');
    const outcome = await duckdbScoreStream(model, options, engine.format, write);
    if (outcome !== 'fallback') return { path: options.data, outcome };
  }
  const source = await openData(options, model.columns);
  // The outputs need no explanation of a score: the summary scorer builds none.
  return { path: source.path, outcome: await scoreSummaryStream(model, source, options, write) };
}

/**
 * `--engine auto` (the default): Parquet files go to DuckDB (the JavaScript engine does not read
 * them); everything else to JavaScript. On CSV, DuckDB was slower than JavaScript end to end at
 * every size measured, with and without history (bench/SQL.md: reading CSV text as the reader does,
 * once per window lane, and handing every row to the JavaScript writer), so `auto` never picks it
 * there; `--engine duckdb` still can.
 */
type Engine = 'js' | { format: 'csv' | 'parquet' };

function chooseEngine(options: ScoreCommandOptions): Engine {
  const format = /\.parquet$/i.test(options.data) ? 'parquet' : options.inputFormat === 'tsv' ? 'csv' : (options.inputFormat ?? formatOfName(options.data)?.format);
  const duckdbReads = options.data !== '-' && (format === 'csv' || format === 'parquet');
  if (options.engine === 'js') {
    if (format === 'parquet') throw new CliError('the JavaScript engine reads CSV, NDJSON and JSON: score a Parquet file with --engine duckdb (or auto)');
    return 'js';
  }
  if (options.engine === 'duckdb') {
    if (!duckdbReads) throw new CliError(`--engine duckdb reads CSV and Parquet files (not ${options.data === '-' ? 'stdin' : 'this format'}): use --engine js`);
    return { format: format as 'csv' | 'parquet' };
  }
  return format === 'parquet' && options.data !== '-' ? { format } : 'js';
}

/**
 * `--columns`, checked against the model's columns before any row is read: a typo is an error, not
 * a missing column. The SQL engines (`sql`) compute no change, pulse or override and hand back no
 * record: by default they write every other column (a note says which are left out); a pattern
 * skips those, and naming one is an error.
 */
function chosenColumns(plan: Plan, spec: string | undefined, sql: boolean): readonly ScoreColumn[] {
  const all = scoreColumns(plan);
  if (spec === undefined) {
    if (!sql) return all;
    const left = all.filter((c) => !c.sql);
    if (left.length > 0) note(`vitals: DuckDB computes no ${left.map((c) => c.name).join(', ')}: those columns are left out (--engine js writes them)`);
    return all.filter((c) => c.sql);
  }
  const { columns, unknown } = selectColumns(all, spec);
  if (unknown.length > 0) {
    const items = unknown.map((u) => `\`${u.item}\`${u.suggestion === undefined ? '' : ` (did you mean \`${u.suggestion}\`?)`}`);
    throw new CliError(`--columns: ${items.join(', ')} ${unknown.length === 1 ? 'names no column' : 'name no column'} of this model`, EXIT.usage, [`its columns: ${all.map((c) => c.name).join(', ')}`]);
  }
  if (columns.length === 0) throw new CliError('--columns names no column');
  if (!sql) return columns;
  const named = new Set(spec.split(',').map((item) => item.trim()));
  const notSql = columns.filter((c) => !c.sql && named.has(c.name));
  if (notSql.length > 0) throw new CliError(`--columns: DuckDB computes no ${notSql.map((c) => c.name).join(', ')}: score with --engine js for ${notSql.length === 1 ? 'it' : 'them'}`);
  const computed = columns.filter((c) => c.sql);
  if (computed.length === 0) throw new CliError('--columns names no column DuckDB computes');
  return computed;
}
