import { createReadStream } from 'node:fs';
import { MAX_CELL_LENGTH } from '@vitals/data';

/**
 * A record (a non-empty line, or lines joined by a quoted line break, after the header) that the
 * reader does not score: one with another field count than the header's (a row, reported), or a
 * whitespace-only line (not a row at all).
 */
export interface OddRecord {
  readonly record: number;
  readonly kind: 'wrong-field-count' | 'skipped';
  readonly row: number;
  readonly line: number;
  readonly fields: number;
}

/** From record `record` on, rows and lines are `record + rowOffset` and `record + lineOffset`. */
export interface Offset {
  readonly record: number;
  readonly rowOffset: number;
  readonly lineOffset: number;
}

/**
 * Where each record of a CSV file is, as the JavaScript reader (csv-rows.ts) numbers them: its
 * header, the data row and file line of every record (as offsets that change only at a blank
 * line, a quoted line break or a skipped record), and the records it does not score. DuckDB
 * reads the records themselves (every one, padded, numbered in file order), much faster; this
 * pass over the bytes only counts, so it needs no memory per row.
 */
export interface CsvLayout {
  readonly header: readonly string[];
  readonly headerLine: number;
  readonly newline: '\n' | '\r\n';
  readonly records: number;
  readonly odd: readonly OddRecord[];
  readonly offsets: readonly Offset[];
  /** Set when a quoted field is never closed: the line it starts on (the reader stops there). */
  readonly unclosedQuoteLine?: number;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export class UnsupportedCsv extends Error {}

/**
 * Scans a CSV file once, fields split by `delimiter` (one ASCII character). Throws `UnsupportedCsv`
 * for what only the JavaScript reader handles as it should: lone CR line ends, bytes that are not
 * UTF-8 (it reports the rows), a cell longer than its limit, a quote never closed (it keeps the
 * rows before it).
 */
export async function csvLayout(path: string, delimiter = ','): Promise<CsvLayout> {
  const scan = new LayoutScan(delimiter.charCodeAt(0));
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const start = first && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 3 : 0;
    first = false;
    isUtf8(utf8, chunk, true);
    scan.push(chunk, start);
  }
  isUtf8(utf8, new Uint8Array(0), false);
  const layout = scan.finish();
  if (layout.unclosedQuoteLine !== undefined) throw new UnsupportedCsv(`a quoted field that starts on line ${layout.unclosedQuoteLine} or later is never closed`);
  return layout;
}

/** Decodes (natively) only to validate: a byte sequence that is not UTF-8 throws `UnsupportedCsv`. */
function isUtf8(decoder: TextDecoder, bytes: Uint8Array, more: boolean): void {
  try {
    decoder.decode(bytes, { stream: more });
  } catch {
    throw new UnsupportedCsv('it holds bytes that are not UTF-8');
  }
}

class LayoutScan {
  constructor(private readonly delimiter: number) {}

  private cellBytes = 0;
  private inQuotes = false;
  private quotePending = false;
  private fieldStart = true;
  private fields = 1;
  private empty = true;
  private blank = true;
  private crPending = false;
  private lines = 0;
  private recordLine = 1;
  private headerBytes: number[] | null = [];
  private header: string[] = [];
  private headerLine = 1;
  private newline: '\n' | '\r\n' | undefined;
  private row = 0;
  private record = 0;
  private readonly odd: OddRecord[] = [];
  private readonly offsets: Offset[] = [];

  push(chunk: Buffer, start: number): void {
    for (let i = start; i < chunk.length; i++) this.byte(chunk[i] as number);
  }

  private byte(b: number): void {
    if (this.crPending) {
      this.crPending = false;
      if (b !== LF) throw new UnsupportedCsv('its lines end with a lone carriage return');
    }
    this.headerBytes?.push(b);
    // Bytes are at least as many as UTF-16 units: past the limit in bytes, the reader decides.
    if (++this.cellBytes > MAX_CELL_LENGTH) throw new UnsupportedCsv('a cell is longer than the reader takes');
    if (this.quotePending) {
      this.quotePending = false;
      if (b === QUOTE) {
        this.inQuotes = true; // "" inside quotes: an escaped quote
        return;
      }
    }
    if (this.inQuotes) {
      this.empty = false;
      if (b === QUOTE) {
        this.inQuotes = false;
        this.quotePending = true;
        return;
      }
      if (b === LF) this.lines++;
      if (!isSpace(b)) this.blank = false;
      return;
    }
    if (b === LF) return this.endRecord(this.newline ?? '\n');
    if (b === CR) {
      this.crPending = true;
      this.newline ??= '\r\n';
      this.headerBytes?.pop();
      return;
    }
    this.empty = false;
    if (b === this.delimiter) {
      this.cellBytes = 0;
      this.fields++;
      this.fieldStart = true;
      this.blank = false;
      return;
    }
    if (b === QUOTE && this.fieldStart) this.inQuotes = true;
    else if (!isSpace(b)) this.blank = false;
    this.fieldStart = false;
  }

  private endRecord(newline: '\n' | '\r\n'): void {
    this.newline ??= newline;
    const line = this.recordLine;
    this.lines++;
    this.recordLine = this.lines + 1;
    const [empty, blank, fields] = [this.empty, this.blank, this.fields];
    this.empty = true;
    this.blank = true;
    this.fields = 1;
    this.fieldStart = true;
    this.cellBytes = 0;
    if (empty) {
      if (this.headerBytes !== null) this.headerBytes = [];
      return;
    }
    if (this.headerBytes !== null) return this.takeHeader(line);
    this.record++;
    const skipped = blank && fields === 1;
    if (!skipped) this.row++;
    if (skipped || fields !== this.header.length) this.odd.push({ record: this.record, kind: skipped ? 'skipped' : 'wrong-field-count', row: this.row, line, fields });
    const rowOffset = this.row - this.record;
    const lineOffset = line - this.record;
    const last = this.offsets[this.offsets.length - 1];
    if (last === undefined || last.rowOffset !== rowOffset || last.lineOffset !== lineOffset) this.offsets.push({ record: this.record, rowOffset, lineOffset });
  }

  private takeHeader(line: number): void {
    const bytes = Buffer.from(this.headerBytes as number[]);
    this.headerBytes = null;
    this.header = splitHeader(bytes.toString('utf8').replace(/\r?\n$/, ''), String.fromCharCode(this.delimiter));
    this.headerLine = line;
  }

  finish(): CsvLayout {
    const unclosed = this.inQuotes ? this.recordLine : undefined;
    if (!this.inQuotes && (!this.empty || this.quotePending)) this.endRecord(this.newline ?? '\n');
    return {
      header: this.header,
      headerLine: this.headerLine,
      newline: this.newline ?? '\n',
      records: this.record,
      odd: this.odd,
      offsets: this.offsets,
      ...(unclosed === undefined ? {} : { unclosedQuoteLine: unclosed }),
    };
  }
}

/** The characters the reader's `trim()` removes that a byte can hold (others are read as data here). */
function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0b || b === 0x0c;
}

/** The header's names, trimmed (as the reader keeps them); quoted names may hold commas. */
function splitHeader(text: string, delimiter: string): string[] {
  const names: string[] = [];
  let current = '';
  let quoted = false;
  let atStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        current += '"';
        i++;
      } else if (c === '"') quoted = false;
      else current += c;
    } else if (c === delimiter) {
      names.push(current.trim());
      current = '';
      atStart = true;
      continue;
    } else if (c === '"' && atStart) quoted = true;
    else current += c;
    atStart = false;
  }
  names.push(current.trim());
  return names;
}
