import type { ColumnUse } from '@vitals/core';
import { describeMissingColumn, likelyHeaderDelimiter, missingColumns } from '../columns/missing-columns.js';
import type { DataError, DataRow, RowProblem } from '../data-row.js';
import type { CsvRowEvent, CsvTokenizer } from './csv-tokenizer.js';

export interface CsvRecordOptions {
  readonly file: string;
  /** The columns the model reads: checked against the header, and the only cells put in records. */
  readonly columns: readonly ColumnUse[] | undefined;
  readonly allowMissingColumns: boolean;
  /** The delimiter the file is read with (`,` unless detected or given otherwise). */
  readonly delimiter: string;
  readonly maxCellLength: number;
  /** Whether characters in [start, end) of the text replaced bytes that were not UTF-8. */
  readonly replacedWithin: (start: number, end: number) => boolean;
}

interface Field {
  readonly index: number;
  readonly name: string;
}

/**
 * Tokenized CSV rows → records keyed by the header. The header is checked first: a column the
 * model reads that the header lacks (or names twice) stops the reading before any row. Records
 * hold only the columns the model reads (all named columns when no model is given), as text: the
 * core reads each as its input's type.
 */
export class CsvRecords {
  header: string[] | null = null;
  private fields: readonly Field[] = [];
  /** Whether a column is named like a property every object has (`constructor`, `__proto__`): see `readRow`. */
  private nullPrototype = false;
  private row = 0;

  constructor(
    private readonly options: CsvRecordOptions,
    private readonly tokenizer: { keep: CsvTokenizer['keep'] },
    private readonly emit: (row: DataRow) => void,
    private readonly fail: (error: DataError) => void,
  ) {}

  readonly onRow = (event: CsvRowEvent): void => {
    if (this.header === null) this.readHeader(event);
    else if (!event.blank) this.readRow(event);
  };

  private readHeader(event: CsvRowEvent): void {
    if (event.blank) return;
    const names = event.cells.map(trimName);
    this.header = names;
    const wanted = this.options.columns === undefined ? undefined : new Set(this.options.columns.map((use) => use.column));
    const duplicate = findDuplicate(names, wanted);
    if (duplicate !== undefined) {
      const { name, first, second } = duplicate;
      this.fail({ code: 'duplicate-column', message: `column \`${name}\` appears twice in the header (columns ${first + 1} and ${second + 1}), so a row's value would be ambiguous`, line: event.line, column: null });
      return;
    }
    const missing = this.options.columns === undefined ? [] : missingColumns(names, this.options.columns);
    if (missing.length > 0 && !this.options.allowMissingColumns) {
      const headerDelimiter = likelyHeaderDelimiter(names, missing.length, this.options.delimiter);
      this.fail({
        code: 'missing-columns',
        message: missingColumnsHeadline(this.options.file, missing.length),
        details: missing.map((m) => describeMissingColumn(m)),
        ...(headerDelimiter === null ? {} : { headerDelimiter }),
        line: event.line,
        column: null,
      });
      return;
    }
    this.fields = names.map((name, index) => ({ index, name })).filter((f) => f.name !== '' && (wanted === undefined || wanted.has(f.name)));
    this.nullPrototype = this.fields.some((f) => f.name in Object.prototype);
    const keep = names.map(() => false);
    for (const field of this.fields) keep[field.index] = true;
    this.tokenizer.keep = keep;
  }

  private readRow(event: CsvRowEvent): void {
    const row = ++this.row;
    const problem = this.problemOf(event);
    if (problem !== undefined) {
      this.emit({ row, line: event.line, record: null, problem });
      return;
    }
    // A plain object, filled in the same order every row, keeps one fast shape: a null-prototype
    // object is a hash table in V8, about twice as slow to build and to read. Only a column named
    // like an object's own property (`__proto__` would set the prototype) needs one.
    const record = (this.nullPrototype ? Object.create(null) : {}) as Record<string, string>;
    for (const { index, name } of this.fields) record[name] = event.cells[index] as string;
    this.emit({ row, line: event.line, record });
  }

  private problemOf(event: CsvRowEvent): RowProblem | undefined {
    const expected = (this.header as string[]).length;
    const count = event.cells.length;
    if (count !== expected) {
      const spans = event.lastLine > event.line ? ` (it runs over lines ${event.line}–${event.lastLine}: a stray quote?)` : '';
      return { code: 'wrong-field-count', message: `has ${count} field${count === 1 ? '' : 's'}; the header has ${expected}${spans}` };
    }
    if (event.tooLong >= 0) {
      const field = (this.header as string[])[event.tooLong] as string;
      return { code: 'cell-too-long', field, message: tooLongMessage('cell', this.options.maxCellLength) };
    }
    if (this.options.replacedWithin(event.start, event.end)) {
      const damaged = this.fields.find((f) => (event.cells[f.index] as string).includes('\uFFFD'));
      if (damaged !== undefined) return { code: 'not-utf8', field: damaged.name, message: 'has bytes that are not UTF-8 (save the file as UTF-8; in Excel: CSV UTF-8)' };
    }
    return undefined;
  }
}

/** The problem text of a cell (or JSON row) past the limit. */
export function tooLongMessage(what: 'cell' | 'row', limit: number): string {
  return `is longer than ${limit.toLocaleString('en-US')} characters, the most a ${what} may hold (see the data limits in docs/cli.md)`;
}

/** The headline of the error for a header that lacks columns the model reads (a line per column follows it). */
export function missingColumnsHeadline(file: string, count: number): string {
  return `${file} lacks ${count === 1 ? 'a column' : `${count} columns`} the model reads:`;
}

/** Header names are trimmed: `" Seats "` is `Seats`. */
function trimName(name: string): string {
  return name.trim();
}

/** The first name that appears twice among the names that matter (all non-empty ones when none are given). */
function findDuplicate(names: readonly string[], wanted: ReadonlySet<string> | undefined): { name: string; first: number; second: number } | undefined {
  const seen = new Map<string, number>();
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    if (name === '' || (wanted !== undefined && !wanted.has(name))) continue;
    const first = seen.get(name);
    if (first !== undefined) return { name, first, second: i };
    seen.set(name, i);
  }
  return undefined;
}
