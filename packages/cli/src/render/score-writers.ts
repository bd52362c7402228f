import type { Plan } from '@vitals/core';
import type { DataError } from '@vitals/data';
import { ByteChunk } from '../io/byte-chunk.js';
import { writeCsvField } from './csv-bytes.js';
import { csvLine } from './csv-field.js';
import { safeText } from './safe-text.js';
import { jsonRowInto } from './json-row-bytes.js';
import { scoreColumns, type ScoreColumn } from './score-columns.js';
import { rowResult, SCORE_FORMAT_VERSION, type RowOrigin, type RowResult, type WrittenRow } from './score-row.js';

/** Counts of one run, for the end of a JSON document and the summary on stderr. */
export interface RunCounts {
  readonly rows: number;
  readonly scored: number;
  readonly unscored: number;
  readonly invalid: number;
}

/** Turns score rows into text, a piece at a time, so output streams as rows come in. */
export interface RowWriter {
  begin(): string;
  /** Called without a pause per row: the caller waits on the output only when it must drain. */
  row(scored: WrittenRow): string;
  /** The same row written straight into the output's bytes, where a writer can (CSV, NDJSON, JSON): no string per row. */
  rowInto?(scored: WrittenRow, out: ByteChunk): void;
  /** `dataError`: the file broke off there; a JSON document says so, and stays whole. */
  end(counts: RunCounts, dataError?: DataError | null): string;
  /** A line for stderr once the rows are written, when the writer changed something a reader should know of. */
  notice?(): string | undefined;
}

export type ScoreFormat = 'table' | 'csv' | 'ndjson' | 'json';

export interface RowWriterOptions {
  /** CSV: write text cells as they are, even those a spreadsheet would run as a formula. */
  readonly csvRaw?: boolean;
  /** The columns of the CSV and JSON forms (`--columns`); every column of the model when left out. */
  readonly columns?: readonly ScoreColumn[];
}

export function rowWriter(format: ScoreFormat, plan: Plan, options: RowWriterOptions = {}): RowWriter {
  const columns = options.columns ?? scoreColumns(plan);
  switch (format) {
    case 'ndjson':
      return ndjsonWriter(columns);
    case 'json':
      return jsonWriter(plan, columns);
    case 'csv':
      return csvWriter(columns, options.csvRaw === true);
    case 'table':
      return tableWriter(plan);
  }
}

/**
 * A JSON object per line, written straight from each result into the output's bytes
 * (`json-row-bytes.ts`: the bytes of `JSON.stringify(jsonRow(…))`, no row object or string).
 */
function ndjsonWriter(columns: readonly ScoreColumn[]): RowWriter {
  const versioned: ScoreColumn = { name: 'format_version', path: ['format_version'], group: null, sql: true, json: () => SCORE_FORMAT_VERSION, csv: () => SCORE_FORMAT_VERSION };
  const object = jsonRowInto([versioned, ...columns]);
  const into = (scored: WrittenRow, out: ByteChunk): void => {
    object(rowResult(scored), scored.data, out);
    out.byte(10);
  };
  return { begin: () => '', row: decoded(into), rowInto: into, end: () => '' };
}

/** One JSON document, written as it goes: the rows array is opened first and closed with the counts; each row straight into the bytes, as NDJSON writes it. */
function jsonWriter(plan: Plan, columns: readonly ScoreColumn[]): RowWriter {
  let first = true;
  const head = { format_version: SCORE_FORMAT_VERSION, model: plan.model, model_hash: plan.hash };
  const object = jsonRowInto(columns);
  const into = (scored: WrittenRow, out: ByteChunk): void => {
    if (!first) out.byte(44);
    out.byte(10);
    first = false;
    object(rowResult(scored), scored.data, out);
  };
  return {
    begin: () => `${JSON.stringify(head).slice(0, -1)},\n"rows": [`,
    row: decoded(into),
    rowInto: into,
    end: (counts, dataError) => {
      const stopped = dataError === undefined || dataError === null ? '' : `,\n"data_error": ${JSON.stringify({ code: dataError.code, message: dataError.message, line: dataError.line, column: dataError.column })}`;
      return `${first ? '' : '\n'}],\n"summary": ${JSON.stringify(counts)}${stopped}\n}\n`;
    },
  };
}

/** `row` of a writer that writes bytes: the same bytes, as a string. */
function decoded(into: (scored: WrittenRow, out: ByteChunk) => void): (scored: WrittenRow) => string {
  const scratch = new ByteChunk(1024);
  return (scored) => {
    into(scored, scratch);
    const taken = scratch.take();
    const text = taken.toString('utf8');
    scratch.recycle(taken);
    return text;
  };
}

/**
 * CSV straight from each result into the output's bytes: no row object, no string per cell or
 * line, one pass over the precomputed columns. Text cells a spreadsheet would run as a formula are
 * neutralised (and counted) unless `raw`. `row` (a string) is the same bytes, decoded.
 */
function csvWriter(columns: readonly ScoreColumn[], raw: boolean): RowWriter {
  let neutralised = 0;
  const cells = columns.map((c) => c.csv);
  const count = cells.length;
  const into = (scored: WrittenRow, out: ByteChunk): void => {
    const result = rowResult(scored);
    const data = scored.data;
    for (let i = 0; i < count; i++) {
      if (i > 0) out.byte(44);
      if (writeCsvField(out, (cells[i] as ScoreColumn['csv'])(result, data), raw)) neutralised++;
    }
    out.byte(10);
  };
  return {
    begin: () => csvLine(columns.map((c) => c.name)),
    row: decoded(into),
    rowInto: into,
    end: () => '',
    notice: () =>
      neutralised === 0
        ? undefined
        : `vitals: ${neutralised} CSV ${neutralised === 1 ? 'cell' : 'cells'} began with =, +, -, @, a tab or a CR, so a spreadsheet would run ${neutralised === 1 ? 'it' : 'them'} as a formula: written as text, with a leading ' (--csv-raw writes them as they are)`,
  };
}

/**
 * A fixed-width table for reading in a terminal. Widths come from the model, not the data, so
 * the table streams; a value too long for its column is cut with an ellipsis.
 */
function tableWriter(plan: Plan): RowWriter {
  const bandWidth = Math.max(4, ...plan.bands.names.map((name) => name.length));
  const columns: Column[] = [
    { title: 'row', width: 6, align: 'right', value: (_r, d) => String(d.row) },
    { title: 'id', width: 16, align: 'left', value: (r) => safeText(r.id ?? '') },
    { title: 'as_of', width: 10, align: 'left', value: (r) => r.as_of ?? '' },
    { title: 'score', width: 7, align: 'right', value: (r) => (r.score === null ? (r.status === 'invalid' ? 'invalid' : '—') : String(r.score)) },
    { title: 'band', width: bandWidth, align: 'left', value: (r) => r.band ?? '' },
    ...plan.categories.map((c): Column => ({ title: c.key, width: Math.max(6, Math.min(12, c.key.length)), align: 'right', value: (r) => numberText(r.categories[c.key]?.score) })),
    { title: 'gap', width: 7, align: 'right', value: (r) => numberText(r.gap) },
    { title: 'playbooks / issues', width: 0, align: 'left', value: lastCell },
  ];
  const line = (cells: string[]) => `${cells.join('  ').trimEnd()}\n`;
  return {
    begin: () => line(columns.map((c) => fit(c.title, c))) + line(columns.map((c) => '─'.repeat(c.width === 0 ? c.title.length : c.width))),
    row: (scored) => {
      const result = rowResult(scored);
      return line(columns.map((c) => fit(c.value(result, scored.data), c)));
    },
    end: () => '',
  };
}

interface Column {
  readonly title: string;
  /** 0: as wide as the content (the last column). */
  readonly width: number;
  readonly align: 'left' | 'right';
  readonly value: (result: RowResult, data: RowOrigin) => string;
}

/** What a reader acts on: the issues of an invalid row; the playbooks that fired, after why an unscored row has no score. */
function lastCell(r: RowResult): string {
  if (r.status === 'invalid') return safeText(r.issues.map((i) => `${i.field ?? 'row'}: ${i.code}`).join(', '));
  const playbooks = r.playbooks.map((p) => p.key).join(', ');
  if (r.status === 'unscored') return `(unscored: ${r.reason ?? 'no score'})${playbooks === '' ? '' : ` ${playbooks}`}`;
  return playbooks;
}

function fit(text: string, column: Column): string {
  if (column.width === 0) return text;
  const cut = text.length > column.width ? `${text.slice(0, column.width - 1)}…` : text;
  return column.align === 'right' ? cut.padStart(column.width) : cut.padEnd(column.width);
}

function numberText(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}
