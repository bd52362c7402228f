/**
 * One row of a data file, before scoring. `row` is the 1-based number of the data row (the CSV
 * header and blank lines are not rows; in a JSON array, the element's position); `line` is the
 * 1-based line of the file the row starts on.
 */
export interface DataRow {
  readonly row: number;
  readonly line: number;
  /** The record to score, or null when the row could not be read as one (see `problem`). */
  readonly record: Readonly<Record<string, unknown>> | null;
  readonly problem?: RowProblem;
}

export type RowProblemCode = 'wrong-field-count' | 'bad-json' | 'not-an-object' | 'cell-too-long' | 'not-utf8';

/** Why a row is not a record at all (before the model sees it). `field` when one column is at fault. */
export interface RowProblem {
  readonly code: RowProblemCode;
  readonly message: string;
  readonly field?: string;
}

/** What stopped the reading of a file: nothing after it is read (the rows before it are). */
export interface DataError {
  readonly code: DataErrorCode;
  readonly message: string;
  /** Lines that belong under the message (`missing-columns`: one per column), each without a line break. */
  readonly details?: readonly string[];
  /**
   * `missing-columns`: the delimiter the header seems to be split by instead (one header cell holds
   * several names joined by `;`, a tab or `|`), when that would explain the missing columns.
   */
  readonly headerDelimiter?: string;
  /** 1-based line and column (UTF-16 units) in the file, when the error has a place. */
  readonly line: number | null;
  readonly column: number | null;
}

export type DataErrorCode =
  | 'not-text'
  | 'spreadsheet'
  | 'no-header'
  | 'missing-columns'
  | 'duplicate-column'
  | 'unclosed-quote'
  | 'not-a-json-array'
  | 'json-syntax'
  | 'json-unclosed';

/** Something the run should say but that stopped nothing: a field no JSON row had. */
export interface DataWarning {
  readonly code: 'column-never-present';
  readonly message: string;
}

/** Data file formats. TSV and other delimiters are `csv` with a `delimiter`. */
export type DataFormat = 'csv' | 'ndjson' | 'json';

/** The format and delimiter a file's name says: `.csv`, `.tsv`, `.ndjson`/`.jsonl`, `.json`; undefined when it says none. */
export function formatOfName(name: string): { format: DataFormat; delimiter?: string } | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  switch (extension) {
    case 'csv':
      return { format: 'csv' };
    case 'tsv':
    case 'tab':
      return { format: 'csv', delimiter: '\t' };
    case 'ndjson':
    case 'jsonl':
      return { format: 'ndjson' };
    case 'json':
      return { format: 'json' };
    default:
      return undefined;
  }
}
