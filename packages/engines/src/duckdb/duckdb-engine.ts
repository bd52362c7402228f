import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBDataChunk, type DuckDBResult } from '@duckdb/node-api';
import { SQL_DIALECTS, acceptedValues, planToSql, type ColumnKind, type Plan, type SqlColumn, type SqlQuery } from '@vitals/core';
import { rowReader, unreadableRow, type EngineRow } from '../engine-row.js';
import { ChunkColumns, type ColumnValues } from './chunk-columns.js';
import { csvLayout, UnsupportedCsv, type CsvLayout } from './csv-layout.js';

/** A data file DuckDB reads directly. */
export type DuckDbFormat = 'csv' | 'parquet';

export interface DuckDbOptions {
  /** For a model without an as-of field: the as-of date of the run (YYYY-MM-DD). */
  readonly asOf?: string;
  /** Each metric's value, score and band in the rows (default true). */
  readonly metricColumns?: boolean;
  /** Threads DuckDB may use (default: its own choice, one per core). */
  readonly threads?: number;
  /**
   * DuckDB's memory limit (e.g. `1GB`; default DuckDB's, 80% of the machine's memory). Past it,
   * what DuckDB can spill goes to a temporary folder of the system's, removed after; a query that
   * still needs more fails with DuckDB's out-of-memory error.
   */
  readonly memoryLimit?: string;
  /** CSV: the field delimiter, one ASCII character (default `,`; the data reader finds it). */
  readonly delimiter?: string;
}

/** A file DuckDB should not read, where the JavaScript engine can (a layout only its reader handles). */
export class UnsupportedFileError extends Error {}

const dialect = SQL_DIALECTS.duckdb;

/**
 * Scores a CSV or Parquet file with embedded DuckDB: the model's query (`planToSql`) runs over
 * the file directly and its rows stream out in file order, one per input row, numbered as the
 * JavaScript engine numbers them, with the same issues for a bad row. CSV is read by DuckDB
 * with every record kept (padded when short), so a record DuckDB and the JavaScript reader would
 * see differently cannot shift the others; a first pass over the bytes (`csvLayout`) finds the
 * rows, lines and bad records as the JavaScript reader does.
 */
export async function* scoreWithDuckDb(plan: Plan, path: string, format: DuckDbFormat, options: DuckDbOptions = {}): AsyncGenerator<EngineRow, void, undefined> {
  for await (const batch of scoreBatchesWithDuckDb(plan, path, format, options)) {
    for (let i = 0; i < batch.length; i++) yield batch.row(i);
  }
}

/** The rows of one chunk of DuckDB's (up to 2,048), in file order, with the CSV records the reader refuses among them. */
export interface EngineRowBatch {
  readonly length: number;
  /** Row `index` of the batch, read from DuckDB's columns when asked for: ask in order, and before the next batch. */
  row(index: number): EngineRow;
}

/**
 * `scoreWithDuckDb`'s rows a batch at a time, for a caller that writes every row: a wait per
 * chunk instead of per row, each column of a chunk read once (`ChunkColumns`), and with
 * `reuseRows` every `row()` fills and returns the same object (no objects per row: read each
 * row before asking for the next).
 */
export async function* scoreBatchesWithDuckDb(
  plan: Plan,
  path: string,
  format: DuckDbFormat,
  options: DuckDbOptions & { readonly reuseRows?: boolean } = {},
): AsyncGenerator<EngineRowBatch, void, undefined> {
  const layout = format === 'csv' ? await readLayout(path, options.delimiter ?? ',') : undefined;
  // DuckDB's own spill folder would be `.tmp` in the working directory.
  const spill = await mkdtemp(join(tmpdir(), 'vitals-duckdb-'));
  try {
    yield* scoreIn(spill, plan, path, layout, options);
  } finally {
    await rm(spill, { recursive: true, force: true });
  }
}

async function* scoreIn(
  spill: string,
  plan: Plan,
  path: string,
  layout: CsvLayout | undefined,
  options: DuckDbOptions & { readonly reuseRows?: boolean },
): AsyncGenerator<EngineRowBatch, void, undefined> {
  const instance = await DuckDBInstance.create(':memory:', { ...duckDbSettings(options), temp_directory: spill });
  const connection = await instance.connect();
  let next: Promise<DuckDBDataChunk | null> | undefined;
  try {
    const { query, records: expected } = await engineQuery(connection, plan, path, layout, options);
    // Without window functions (no history) DuckDB keeps the rows in file order; the sort is left out.
    const history = plan.data.id !== null && plan.data.asOf !== null;
    const read = rowReader(plan, query.columns, { reuse: options.reuseRows === true });
    const place = layout === undefined ? (record: number) => ({ row: record, line: null }) : placeInCsv(layout);
    const odd = [...(layout?.odd ?? [])];
    let seen = 0;
    let last = 0;
    const { key, kept, raw, issues } = columnRoles(query.columns);
    const sorted = history || (layout?.odd.length ?? 0) > 0;
    const result = await rowsInFileOrder(connection, plan, query, sorted ? (query.columns[key] as SqlColumn).name : null);
    const chunks = new ChunkColumns(result.columnTypes());
    // One array of values, refilled for every row (the reader copies what it keeps).
    const values: unknown[] = new Array(result.columnCount).fill(null);
    // The loaded chunk's columns every row reads, each read once.
    let keptColumns: ColumnValues[] = [];
    // A row of the chunk: its values gathered from the chunk's columns, read by the row reader.
    const rowOfChunk = (r: number, record: number): EngineRow => {
      for (let k = 0; k < kept.length; k++) values[kept[k] as number] = (keptColumns[k] as ColumnValues)[r];
      // A field's raw value is read only to describe its issue: the raw columns only of a chunk with a bad row.
      const bad = values[issues] !== null && values[issues] !== '';
      for (const c of raw) values[c] = bad ? chunks.column(c)[r] : null;
      return read(values, place(record));
    };
    // The next chunk is asked for before this one is read: DuckDB computes it while JavaScript reads.
    next = result.fetchChunk();
    for (let chunk = await next; chunk !== null && chunk.rowCount > 0; chunk = await next) {
      next = result.fetchChunk();
      chunks.load(chunk);
      keptColumns = kept.map((c) => chunks.column(c));
      const records = chunks.column(key);
      // Each entry a row of the chunk (its index) or a record the reader refuses, in file order.
      const entries: (number | EngineRow)[] = [];
      for (let r = 0; r < chunk.rowCount; r++) {
        const record = Number(records[r]);
        if (record <= last) throw new Error(`bug: DuckDB gave record ${record} after ${last}`);
        last = record;
        while (odd.length > 0 && (odd[0] as { record: number }).record < record) entries.push(...oddRow(odd.shift(), layout as CsvLayout));
        entries.push(r);
      }
      seen += chunk.rowCount;
      yield { length: entries.length, row: (i) => (typeof entries[i] === 'number' ? rowOfChunk(entries[i] as number, Number(records[entries[i] as number])) : (entries[i] as EngineRow)) };
    }
    const after = odd.flatMap((rest) => [...oddRow(rest, layout as CsvLayout)]);
    if (after.length > 0) yield { length: after.length, row: (i) => after[i] as EngineRow };
    if (seen !== expected) {
      // A CSV layout DuckDB reads differently is the JavaScript engine's to score; a Parquet row lost is a bug (duckdb#25702 lost rows of a spilled join).
      if (layout !== undefined) throw new UnsupportedFileError(`DuckDB read ${seen} records where the CSV reader finds ${expected}`);
      throw new Error(`bug: DuckDB gave ${seen} rows of the ${expected} the Parquet file holds`);
    }
  } finally {
    // A reader that stops early leaves a chunk being fetched: it must land before the connection closes.
    await next?.catch(() => null);
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * The engine's query over the file, and the records it must give a row for: the file's rows made
 * the view `snapshots` in `connection` (typed Parquet columns read by their types).
 */
async function engineQuery(
  connection: DuckDBConnection,
  plan: Plan,
  path: string,
  layout: CsvLayout | undefined,
  options: DuckDbOptions,
): Promise<{ query: SqlQuery; records: number }> {
  const columns = layout === undefined ? await parquetView(connection, path) : await csvView(connection, path, layout, options.delimiter ?? ',');
  const query = planToSql(plan, 'duckdb', {
    table: 'snapshots',
    orderBy: '_record',
    sortOutput: false,
    rawValues: true,
    availableColumns: columns.names,
    columnKinds: columnKinds(plan, columns.types),
    metricColumns: options.metricColumns !== false,
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
  });
  return { query, records: columns.records };
}

/**
 * The engine's query over a Parquet file, its view made in `connection`: for a caller that runs
 * the query itself (the SQL bench's query alone), so that what it measures is what the engine runs.
 */
export async function duckDbParquetQuery(connection: DuckDBConnection, plan: Plan, path: string, options: Pick<DuckDbOptions, 'asOf' | 'metricColumns'> = {}): Promise<SqlQuery> {
  return (await engineQuery(connection, plan, path, undefined, options)).query;
}

/** Where the row key is, which columns every row reads, which only a bad row (the raw inputs), and where its issues are. */
function columnRoles(columns: readonly SqlColumn[]): { key: number; kept: number[]; raw: number[]; issues: number } {
  const kept: number[] = [];
  const raw: number[] = [];
  columns.forEach((column, i) => (column.field.kind === 'raw' ? raw : kept).push(i));
  const find = (kind: SqlColumn['field']['kind']) => columns.findIndex((column) => column.field.kind === kind);
  return { key: find('row'), kept, raw, issues: find('issues') };
}

/**
 * The query's rows, streamed in file order. Unsorted (`sortBy` null), DuckDB keeps the file order
 * itself (no window function reorders the rows). Sorted by the row key `sortBy` (history), the query first writes its rows to a temporary
 * table, and a statement of its own sorts them by the row key: the query's window states and hash
 * tables are freed before the sort starts, and under `memory_limit` the table and the sort spill.
 * In one statement the sort's buffers were held beside the final pipeline's hash tables (one per
 * window lane) and the probe rows those joins set aside once they spill: lifecycle-b2b, 1,000,000
 * rows, stopped out of memory at 800 MB (docs/bench.md, *Memory of the model with history*).
 */
async function rowsInFileOrder(connection: DuckDBConnection, plan: Plan, query: SqlQuery, sortBy: string | null): Promise<DuckDBResult> {
  const readable = readableQuery(plan, query);
  if (sortBy === null) return connection.stream(readable);
  await connection.run(`CREATE TEMP TABLE scored_rows AS ${readable}`);
  return connection.stream(`SELECT * FROM scored_rows ORDER BY ${dialect.identifier(sortBy)}`);
}

/**
 * The query as the engine reads it: its closed-list text columns (status, reason, the bands) cast to
 * DuckDB enums, so each value reaches JavaScript from the enum's list instead of being decoded from
 * UTF-8 cell by cell (a value outside the list would fail the cast: an error, never a wrong value).
 */
function readableQuery(plan: Plan, query: { sql: string; columns: readonly SqlColumn[] }): string {
  const casts = query.columns.flatMap(({ name, field }) => {
    const values = acceptedValues(plan, field);
    if (values === undefined || values.length === 0) return [];
    const column = dialect.identifier(name);
    return [`CAST(${column} AS ENUM(${values.map((value) => dialect.string(value)).join(', ')})) AS ${column}`];
  });
  return `SELECT *${casts.length === 0 ? '' : ` REPLACE (${casts.join(', ')})`} FROM (\n${query.sql}\n) AS scored`;
}

/**
 * DuckDB's settings for the engine's query. `build_side_probe_side` is off: every join of the query
 * is written with its narrow side on the right (a window lane, a walk's rows), which is the side
 * DuckDB hashes, and that optimizer, misled by its estimate of a recursive CTE's size, swapped the
 * walks' joins so as to hash the snapshots with every column they carry (lifecycle-b2b, 400,000
 * rows, end to end: peak memory 1,447 MB with it, 670 MB without).
 */
export function duckDbSettings(options: Pick<DuckDbOptions, 'threads' | 'memoryLimit'> = {}): Record<string, string> {
  const out: Record<string, string> = { preserve_insertion_order: 'true', disabled_optimizers: 'build_side_probe_side' };
  if (options.threads !== undefined) out['threads'] = String(options.threads);
  if (options.memoryLimit !== undefined) out['memory_limit'] = options.memoryLimit;
  return out;
}

async function readLayout(path: string, delimiter: string): Promise<CsvLayout> {
  if (!/^[\x01-\x7f]$/.test(delimiter) || delimiter === '"') throw new UnsupportedFileError(`${path}: DuckDB reads CSV files whose delimiter is one ASCII character`);
  try {
    return await csvLayout(path, delimiter);
  } catch (error) {
    if (error instanceof UnsupportedCsv) throw new UnsupportedFileError(`${path}: ${error.message}`);
    throw error;
  }
}

interface Columns {
  readonly names: readonly string[];
  readonly types: ReadonlyMap<string, string>;
  /** The records the query must give a row for, each once. */
  readonly records: number;
}

/**
 * Every record of the file as a row of text columns named by the header, numbered in file order
 * (`_record`); the records the reader does not score (wrong field count, whitespace only) left out.
 */
async function csvView(connection: DuckDBConnection, path: string, layout: CsvLayout, delimiter: string): Promise<Columns> {
  const columns = layout.header.map((_, i) => `${dialect.string(`column${i}`)}: 'VARCHAR'`).join(', ');
  const renamed = layout.header.map((name, i) => `${dialect.identifier(`column${i}`)} AS ${dialect.identifier(name)}`).join(', ');
  const reader = `read_csv(${dialect.string(path)}, header = true, auto_detect = false, delim = ${dialect.string(delimiter)}, quote = '"', escape = '"', new_line = ${layout.newline === '\r\n' ? String.raw`'\r\n'` : String.raw`'\n'`}, columns = {${columns}}, null_padding = true, strict_mode = false)`;
  const skipped = layout.odd.map((r) => r.record);
  await connection.run('CREATE TABLE skipped_records (record BIGINT)');
  if (skipped.length > 0) {
    const appender = await connection.createAppender('skipped_records');
    for (const record of skipped) {
      appender.appendBigInt(BigInt(record));
      appender.endRow();
    }
    appender.closeSync();
  }
  const filter = skipped.length === 0 ? '' : ' WHERE ordinality NOT IN (SELECT record FROM skipped_records)';
  await connection.run(`CREATE TEMP VIEW snapshots AS SELECT ordinality AS _record, ${renamed} FROM ${reader} WITH ORDINALITY${filter}`);
  return { names: layout.header, types: new Map(layout.header.map((name) => [name, 'VARCHAR'])), records: layout.records - layout.odd.length };
}

/** The Parquet file's rows, numbered from 1 in file order; its columns keep their types. */
async function parquetView(connection: DuckDBConnection, path: string): Promise<Columns> {
  await connection.run(`CREATE TEMP VIEW snapshots AS SELECT file_row_number + 1 AS _record, * EXCLUDE (file_row_number) FROM read_parquet(${dialect.string(path)}, file_row_number = true)`);
  const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM snapshots`);
  const types = new Map<string, string>();
  for (const [name, type] of described.getRowsJS() as [string, string][]) if (name !== '_record') types.set(name, type);
  // From the file's metadata, not from the query: a row the query loses must not go unnoticed.
  const counted = await connection.runAndReadAll(`SELECT count(*) FROM read_parquet(${dialect.string(path)})`);
  return { names: [...types.keys()], types, records: Number((counted.getRowsJS()[0] as unknown[])[0]) };
}

const SMALL_WHOLE = /^(TINYINT|SMALLINT|INTEGER|UTINYINT|USMALLINT|UINTEGER)$/;
const WHOLE = /^(BIGINT|HUGEINT|UBIGINT|UHUGEINT)$/;
const NUMERIC = /^(DOUBLE|DECIMAL.*)$/;

/**
 * Typed columns whose type fits the input are taken as they are (an integer column as `whole`:
 * it needs no finite or whole-number check; of 32 bits or fewer as `small-whole`: no 2^53 check
 * either); everything else is read as text. FLOAT is read as
 * its text too: the float 0.3 widened to a double is 0.30000001192…, its text (what a CSV export
 * of the column holds) is 0.3.
 */
export function columnKinds(plan: Plan, types: ReadonlyMap<string, string>): Record<string, ColumnKind> {
  const kinds: Record<string, ColumnKind> = {};
  for (const input of plan.inputs) {
    const type = types.get(input.column) ?? 'VARCHAR';
    const number = input.type === 'number' || input.type === 'integer';
    const fits =
      (number && NUMERIC.test(type)) ||
      (input.type === 'boolean' && type === 'BOOLEAN') ||
      (input.type === 'date' && (type === 'DATE' || type.startsWith('TIMESTAMP')));
    kinds[input.name] = number && SMALL_WHOLE.test(type) ? 'small-whole' : number && WHOLE.test(type) ? 'whole' : fits ? 'typed' : 'text';
  }
  return kinds;
}

/** A record's row and line from the layout's offsets (they change only at blank lines, quoted line breaks and skipped records). */
function placeInCsv(layout: CsvLayout): (record: number) => { row: number; line: number } {
  let i = 0;
  return (record) => {
    while (i + 1 < layout.offsets.length && (layout.offsets[i + 1] as { record: number }).record <= record) i++;
    const offset = layout.offsets[i] as { rowOffset: number; lineOffset: number };
    return { row: record + offset.rowOffset, line: record + offset.lineOffset };
  };
}

function* oddRow(odd: CsvLayout['odd'][number] | undefined, layout: CsvLayout): Generator<EngineRow> {
  if (odd === undefined || odd.kind === 'skipped') return;
  const message = `has ${odd.fields} field${odd.fields === 1 ? '' : 's'}; the header has ${layout.header.length}`;
  yield unreadableRow(odd.row, odd.line, { field: null, code: 'wrong-field-count', message });
}
