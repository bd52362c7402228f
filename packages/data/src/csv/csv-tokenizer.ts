import { MAX_CELL_LENGTH } from '../limits.js';

/** One tokenized row: its cells (a reused array: copy what you keep), and where it is in the file. */
export interface CsvRowEvent {
  readonly cells: readonly string[];
  /** Line the row starts on (1-based) and the line it ends on. */
  readonly line: number;
  readonly lastLine: number;
  /** Offsets of the row's text in the file's text: [start, end). */
  readonly start: number;
  readonly end: number;
  /** Index of the first cell longer than the limit (its content is dropped), or -1. */
  readonly tooLong: number;
  /** The row is one cell of spaces and tabs only (a blank line, to be skipped). */
  readonly blank: boolean;
}

/** Where a quoted field that never closes started (1-based line and column). */
export interface UnclosedQuote {
  readonly line: number;
  readonly column: number;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

const enum Mode {
  RowStart,
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote inside a quoted field: the end of the field, or the first of two (an escaped quote). */
  QuoteInQuoted,
  /** After the closing quote: a delimiter or a line end should follow. */
  AfterQuoted,
  /** A CR ended a row: a LF right after it belongs to the same line end. */
  AfterCr,
}

/**
 * An RFC 4180 tokenizer that is fed text in chunks of any size (a field, a quote pair or a CRLF
 * may straddle two chunks) and calls back once per row. It is linear in the input and resumes
 * where a chunk ended, so a field spanning many chunks is never scanned twice.
 *
 * Lenient where spreadsheets are: a quote inside an unquoted field is data (`5" disk`), text
 * after a closing quote joins the field (`"ab"c` is `abc`), and a line may end with LF, CRLF or
 * a lone CR (old Mac files). Cells longer than `maxCellLength` are dropped while being read and
 * flagged, so a runaway field costs one row, not the whole file's memory.
 */
export class CsvTokenizer {
  /** Cells of the current row; cells at indexes where `keep` is false are left empty (never sliced). */
  private readonly cells: string[] = [];
  private partial = '';
  private partialLength = 0;
  private mode = Mode.RowStart;
  private line = 1;
  private rowLine = 1;
  private rowStart = 0;
  private lineStart = 0;
  private offset = 0;
  private tooLong = -1;
  private firstCellBlank = true;
  private quote: UnclosedQuote = { line: 0, column: 0 };
  private crInQuotes = false;
  /** Which cells to keep (by index); undefined keeps all. Set it after the header row, for instance. */
  keep: readonly boolean[] | undefined;

  constructor(
    private readonly delimiter: number,
    private readonly onRow: (row: CsvRowEvent) => void,
    private readonly maxCellLength = MAX_CELL_LENGTH,
  ) {}

  push(text: string): void {
    const n = text.length;
    let i = 0;
    let cellStart = 0;
    while (i < n) {
      switch (this.mode) {
        case Mode.AfterCr:
          if (text.charCodeAt(i) === LF) {
            i++;
            this.lineStart = this.offset + i;
          }
          this.mode = Mode.RowStart;
          break;
        case Mode.RowStart:
          this.rowStart = this.offset + i;
          this.rowLine = this.line;
          this.mode = Mode.FieldStart;
          break;
        case Mode.FieldStart:
          if (text.charCodeAt(i) === QUOTE) {
            this.quote = { line: this.line, column: this.offset + i - this.lineStart + 1 };
            this.firstCellBlank &&= this.cells.length > 0;
            this.mode = Mode.Quoted;
            i++;
          } else this.mode = Mode.Unquoted;
          cellStart = i;
          break;
        case Mode.Unquoted: {
          const d = this.delimiter;
          let j = i;
          let c = 0;
          while (j < n) {
            c = text.charCodeAt(j);
            if (c === d || c === LF || c === CR) break;
            j++;
          }
          if (this.cells.length === 0 && this.firstCellBlank) this.firstCellBlank = isBlankRange(text, cellStart, j);
          if (j === n) {
            this.hold(text, cellStart, n);
            i = n;
            break;
          }
          this.endCell(text, cellStart, j);
          i = j + 1;
          if (c === d) this.mode = Mode.FieldStart;
          else this.endLine(c, i);
          break;
        }
        case Mode.Quoted: {
          const q = text.indexOf('"', i);
          const end = q < 0 ? n : q;
          this.countLineBreaks(text, i, end);
          this.hold(text, i, end);
          i = q < 0 ? n : q + 1;
          if (q >= 0) {
            this.mode = Mode.QuoteInQuoted;
            this.crInQuotes = false;
          }
          break;
        }
        case Mode.QuoteInQuoted:
          if (text.charCodeAt(i) === QUOTE) {
            this.holdText('"');
            this.mode = Mode.Quoted;
            i++;
            cellStart = i;
          } else this.mode = Mode.AfterQuoted;
          break;
        case Mode.AfterQuoted: {
          const c = text.charCodeAt(i);
          if (c === this.delimiter || c === LF || c === CR) {
            this.endCell(text, i, i);
            i++;
            if (c === this.delimiter) this.mode = Mode.FieldStart;
            else this.endLine(c, i);
          } else {
            this.mode = Mode.Unquoted;
            cellStart = i;
          }
          break;
        }
      }
    }
    this.offset += n;
  }

  /** Ends the input: the last row (without a line end) is emitted; an unclosed quote is returned. */
  end(): UnclosedQuote | undefined {
    if (this.mode === Mode.Quoted) return this.quote;
    if (this.mode !== Mode.RowStart && this.mode !== Mode.AfterCr) {
      this.endCell('', 0, 0);
      this.endRow(this.offset);
    }
    return undefined;
  }

  private get keeping(): boolean {
    return this.keep === undefined || this.keep[this.cells.length] === true;
  }

  /** Holds a piece of the current cell until the cell ends (it continues in the next chunk, or after a quote). */
  private hold(text: string, start: number, end: number): void {
    this.partialLength += end - start;
    if (this.partialLength > this.maxCellLength) this.flagTooLong();
    else if (end > start && this.keeping) this.partial += text.slice(start, end);
  }

  private holdText(piece: string): void {
    this.partialLength += piece.length;
    if (this.partialLength > this.maxCellLength) this.flagTooLong();
    else if (this.keeping) this.partial += piece;
  }

  /** A cell past the limit: its content is dropped; only a cell that is kept makes the row bad. */
  private flagTooLong(): void {
    if (this.tooLong < 0 && this.keeping) this.tooLong = this.cells.length;
    this.partial = '';
  }

  private endCell(text: string, start: number, end: number): void {
    const length = this.partialLength + end - start;
    if (length > this.maxCellLength) this.flagTooLong();
    let value = '';
    if (this.keeping && length <= this.maxCellLength) {
      value = this.partialLength === 0 ? text.slice(start, end) : end > start ? this.partial + text.slice(start, end) : this.partial;
    }
    this.cells.push(value);
    this.partial = '';
    this.partialLength = 0;
  }

  /** A line end after a row (CR or LF at index i − 1 of the chunk). */
  private endLine(c: number, i: number): void {
    this.endRow(this.offset + i - 1);
    this.line++;
    this.lineStart = this.offset + i;
    this.mode = c === CR ? Mode.AfterCr : Mode.RowStart;
  }

  private endRow(end: number): void {
    this.onRow({
      cells: this.cells,
      line: this.rowLine,
      lastLine: this.line,
      start: this.rowStart,
      end,
      tooLong: this.tooLong,
      blank: this.cells.length === 1 && this.firstCellBlank,
    });
    this.cells.length = 0;
    this.tooLong = -1;
    this.firstCellBlank = true;
  }

  /** Line ends inside a quoted field: LF, CRLF and a lone CR each count once (a CRLF may straddle chunks). */
  private countLineBreaks(text: string, start: number, end: number): void {
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === LF) {
        if (!this.crInQuotes) this.line++;
        this.crInQuotes = false;
        this.lineStart = this.offset + i + 1;
      } else if (c === CR) {
        this.line++;
        this.crInQuotes = true;
        this.lineStart = this.offset + i + 1;
      } else this.crInQuotes = false;
    }
  }
}

function isBlankRange(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}
