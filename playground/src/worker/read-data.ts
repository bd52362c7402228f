import { parse } from 'csv-parse/browser/esm/sync';
import type { DataInfo } from './protocol.js';

/**
 * One row of a data file, as the CLI reads it: `row` counts data rows from 1 (not the header, not
 * blank lines), `line` is the file line the row starts on, and a row that is not a record says why.
 */
export interface DataRow {
  readonly row: number;
  readonly line: number | null;
  readonly record: Readonly<Record<string, unknown>> | null;
  readonly problem?: { readonly code: string; readonly message: string };
}

/**
 * A data file's text → its rows. STOPGAP until the shared browser-safe reader of the data-in
 * stream lands in the core: csv-parse with the CLI's options, NDJSON line by line. Replace this
 * file's body with a call to that reader, so a file reads the same everywhere.
 */
export function readData(name: string, text: string): { info: DataInfo; rows: DataRow[] } {
  const format = /\.(ndjson|jsonl)$/i.test(name) ? 'ndjson' : 'csv';
  const base = { name, format, rows: 0, columns: [], unreadable: [] } as const;
  if (text.trim() === '') return { info: { ...base, error: `${name} is empty` }, rows: [] };
  try {
    const rows = format === 'csv' ? csvRows(text) : ndjsonRows(text);
    const columns = format === 'csv' ? csvHeader(text) : [...new Set(rows.flatMap((r) => (r.record === null ? [] : Object.keys(r.record))))];
    const unreadable = rows.filter((r) => r.problem !== undefined).map((r) => ({ row: r.row, line: r.line, field: null, code: r.problem?.code ?? '', message: r.problem?.message ?? '' }));
    return { info: { ...base, rows: rows.length, columns, unreadable, error: null }, rows };
  } catch (error) {
    return { info: { ...base, error: `${name}: not valid CSV: ${(error as Error).message}` }, rows: [] };
  }
}

function csvHeader(text: string): string[] {
  const [header] = parse(text, { bom: true, to_line: 1 }) as string[][];
  return (header ?? []).map((name) => name.trim());
}

function csvRows(text: string): DataRow[] {
  const records = parse(text, { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
  const [head, ...body] = records;
  const header = (head?.record ?? []).map((name) => name.trim());
  return body.map(({ record, info }, i) => {
    const row = i + 1;
    const line = info.lines - newlinesIn(record);
    if (record.length !== header.length) {
      return { row, line, record: null, problem: { code: 'wrong-field-count', message: `has ${record.length} field${record.length === 1 ? '' : 's'}; the header has ${header.length}` } };
    }
    const values = Object.create(null) as Record<string, string>;
    header.forEach((name, k) => (values[name] = record[k] as string));
    return { row, line, record: values };
  });
}

function ndjsonRows(text: string): DataRow[] {
  const rows: DataRow[] = [];
  text.split(/\r?\n/).forEach((source, i) => {
    if (source.trim() === '') return;
    const row = rows.length + 1;
    try {
      const value: unknown = JSON.parse(source);
      const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
      rows.push(isObject ? { row, line: i + 1, record: value as Record<string, unknown> } : { row, line: i + 1, record: null, problem: { code: 'not-an-object', message: 'is not an object of fields' } });
    } catch (error) {
      rows.push({ row, line: i + 1, record: null, problem: { code: 'bad-json', message: `not valid JSON: ${(error as Error).message}` } });
    }
  });
  return rows;
}

function newlinesIn(fields: readonly string[]): number {
  return fields.reduce((n, field) => n + (field.split('\n').length - 1), 0);
}
