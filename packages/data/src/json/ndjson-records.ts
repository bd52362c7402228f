import type { DataRow } from '../data-row.js';
import { tooLongMessage } from '../csv/csv-records.js';
import { damagedField, jsonRow, NOT_UTF8 } from './json-row.js';

export interface JsonRecordOptions {
  readonly maxRowLength: number;
  /** The fields the model reads (bytes that are not UTF-8 elsewhere do not spoil a row). */
  readonly columns: readonly string[] | undefined;
  readonly replacedWithin: (start: number, end: number) => boolean;
}

/**
 * NDJSON (one JSON object per line), fed in chunks: blank lines are skipped; a line that is not a
 * JSON object, or longer than the limit, is a bad row and the next line is read.
 */
export class NdjsonRecords {
  private pending = '';
  private pendingLength = 0;
  private offset = 0;
  private rowStart = 0;
  private line = 1;
  private row = 0;

  constructor(
    private readonly options: JsonRecordOptions,
    private readonly emit: (row: DataRow) => void,
  ) {}

  push(text: string): void {
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      this.take(text, start, nl);
      this.endLine(this.offset + nl);
      start = nl + 1;
      this.rowStart = this.offset + start;
    }
    this.take(text, start, text.length);
    this.offset += text.length;
  }

  end(): void {
    if (this.pendingLength > 0) this.endLine(this.offset);
  }

  private take(text: string, start: number, end: number): void {
    this.pendingLength += end - start;
    if (this.pendingLength <= this.options.maxRowLength) this.pending += text.slice(start, end);
    else this.pending = '';
  }

  private endLine(end: number): void {
    const line = this.line++;
    const tooLong = this.pendingLength > this.options.maxRowLength;
    const text = this.pending;
    this.pending = '';
    this.pendingLength = 0;
    if (!tooLong && text.trim() === '') return;
    const row = ++this.row;
    if (tooLong) this.emit({ row, line, record: null, problem: { code: 'cell-too-long', message: tooLongMessage('row', this.options.maxRowLength) } });
    else this.emit(withUtf8Check(jsonRow(text, row, line), this.options, this.rowStart, end));
  }
}

/** A row with a damaged field the model reads becomes a bad row naming the field. */
export function withUtf8Check(data: DataRow, options: JsonRecordOptions, start: number, end: number): DataRow {
  if (data.record === null || !options.replacedWithin(start, end)) return data;
  const field = damagedField(data.record, options.columns);
  return field === undefined ? data : { row: data.row, line: data.line, record: null, problem: { code: 'not-utf8', field, message: NOT_UTF8 } };
}
