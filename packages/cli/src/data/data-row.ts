/**
 * One row of a data file, before scoring. `row` is the 1-based number of the data row (the CSV
 * header and blank lines are not rows); `line` is the 1-based line of the file the row starts on
 * (CSV, NDJSON), or null where a format has no useful line (a JSON array).
 */
export interface DataRow {
  readonly row: number;
  readonly line: number | null;
  /** The record to score, or null when the row could not be read as one (see `problem`). */
  readonly record: Readonly<Record<string, unknown>> | null;
  readonly problem?: RowProblem;
}

/** Why a row is not a record at all (before the model sees it): wrong field count, bad JSON. */
export interface RowProblem {
  readonly code: 'wrong-field-count' | 'bad-json' | 'not-an-object';
  readonly message: string;
}

export type InputFormat = 'csv' | 'ndjson' | 'json';

/** The format a data file is in, from `--input-format` or the file's extension. */
export function inputFormatOf(path: string, explicit: InputFormat | undefined): InputFormat | undefined {
  if (explicit !== undefined) return explicit;
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  if (extension === 'csv') return 'csv';
  if (extension === 'ndjson' || extension === 'jsonl') return 'ndjson';
  if (extension === 'json') return 'json';
  return undefined;
}
