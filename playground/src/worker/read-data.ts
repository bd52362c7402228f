import { formatOfName, readRows, type DataRow } from '@vitals/data';
import type { DataInfo } from './protocol.js';

export type { DataRow };

/**
 * A data file (its bytes, or the text of a bundled example) → its rows, read by `@vitals/data` exactly as the CLI reads it: CSV (the
 * delimiter found in the header, or TSV by its name), NDJSON or a JSON array; a row that is not a
 * record (a wrong field count, bad JSON, a cell too long) is listed with its row and line, not
 * fatal. What stops a file (an unclosed quote, no header) is its error, and the rows before it are
 * kept. No model's columns are given to the reader: the model changes as the person types, so the
 * session checks the columns against each model (`missingColumns`).
 */
export function readData(name: string, content: string | Uint8Array): { info: DataInfo; rows: DataRow[] } {
  const { format, delimiter } = formatOfName(name) ?? { format: 'csv' as const };
  const read = readRows(content, { format, file: name, ...(delimiter === undefined ? {} : { delimiter }) });
  const rows = read.rows;
  const unreadable = rows.flatMap((r) => (r.problem === undefined ? [] : [{ row: r.row, line: r.line, field: r.problem.field ?? null, code: r.problem.code, message: r.problem.message }]));
  const info: DataInfo = { name, format, rows: rows.length, columns: read.header ?? fieldNames(rows), unreadable, error: describeError(name, read.error) };
  return { info, rows };
}

/** The fields JSON rows hold, in the order first seen. */
function fieldNames(rows: readonly DataRow[]): string[] {
  const names = new Set<string>();
  for (const row of rows) if (row.record !== null) for (const name of Object.keys(row.record)) names.add(name);
  return [...names];
}

function describeError(name: string, error: ReturnType<typeof readRows>['error']): string | null {
  if (error === null) return null;
  const place = error.line === null ? name : `${name}:${error.line}${error.column === null ? '' : `:${error.column}`}`;
  return [`${place}: ${error.message}`, ...(error.details ?? [])].join('\n');
}
