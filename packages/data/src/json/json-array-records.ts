import { tooLongMessage } from '../csv/csv-records.js';
import type { DataError, DataRow } from '../data-row.js';
import { jsonRow } from './json-row.js';
import { withUtf8Check, type JsonRecordOptions } from './ndjson-records.js';

const enum State {
  /** Before the `[`. */
  Start,
  /** After `[` or `,`: an element (or, right after `[`, the `]`) comes next. */
  Element,
  InContainer,
  InString,
  InScalar,
  /** After an element: `,` or `]`. */
  AfterElement,
  /** After the closing `]`: only white space. */
  Done,
}

/**
 * The elements of a top-level JSON array, fed in chunks: the scanner only finds where each
 * element starts and ends (tracking strings and nesting) and hands the element's text to
 * `JSON.parse`, so an element that is not valid JSON is one bad row and the next is still read,
 * every row gets the line it starts on, and an array cut short keeps the rows before the cut:
 * the error (with its line and column) comes after them.
 */
export class JsonArrayRecords {
  private state = State.Start;
  private afterComma = false;
  private depth = 0;
  private escaped = false;
  private text = '';
  private textLength = 0;
  private offset = 0;
  private line = 1;
  private lineStart = 0;
  private elementLine = 1;
  private elementStart = 0;
  private row = 0;
  private stopped = false;

  constructor(
    private readonly options: JsonRecordOptions,
    private readonly emit: (row: DataRow) => void,
    private readonly fail: (error: DataError) => void,
  ) {}

  push(chunk: string): void {
    // Where the current element's text starts in this chunk (0: it began in an earlier one).
    let from = this.state === State.InContainer || this.state === State.InString || this.state === State.InScalar ? 0 : -1;
    for (let i = 0; i < chunk.length && !this.stopped; i++) {
      const c = chunk.charCodeAt(i);
      switch (this.state) {
        case State.Start:
          if (c === 91) this.state = State.Element;
          else if (!isSpace(c)) this.syntax(i, 'not-a-json-array', 'expected a JSON array of records (`[{…}, {…}]`)');
          break;
        case State.Element:
          if (isSpace(c)) break;
          if (c === 93 && !this.afterComma) this.state = State.Done;
          else if (c === 93 || c === 44) this.syntax(i, 'json-syntax', `expected a record, found \`${String.fromCharCode(c)}\``);
          else {
            from = i;
            this.beginElement(i, c);
          }
          break;
        case State.InContainer:
          if (c === 34) this.state = State.InString;
          else if (c === 123 || c === 91) this.depth++;
          else if ((c === 125 || c === 93) && --this.depth === 0) from = this.endElement(chunk, from, i + 1);
          break;
        case State.InString:
          if (this.escaped) this.escaped = false;
          else if (c === 92) this.escaped = true;
          else if (c === 34) {
            if (this.depth === 0) from = this.endElement(chunk, from, i + 1);
            else this.state = State.InContainer;
          }
          break;
        case State.InScalar:
          if (c === 44 || c === 93 || isSpace(c)) {
            from = this.endElement(chunk, from, i);
            i--; // the delimiter is read again, after the element
            continue;
          }
          break;
        case State.AfterElement:
          if (c === 44) {
            this.state = State.Element;
            this.afterComma = true;
          } else if (c === 93) this.state = State.Done;
          else if (!isSpace(c)) this.syntax(i, 'json-syntax', `expected \`,\` or \`]\` after record ${this.row}`);
          break;
        case State.Done:
          if (!isSpace(c)) this.syntax(i, 'json-syntax', 'text after the end of the array');
          break;
      }
      if (c === 10) {
        this.line++;
        this.lineStart = this.offset + i + 1;
      }
    }
    if (from >= 0 && !this.stopped) this.hold(chunk, from, chunk.length);
    this.offset += chunk.length;
  }

  end(): void {
    if (this.stopped || this.state === State.Done) return;
    if (this.state === State.Start) {
      this.fail({ code: 'not-a-json-array', message: 'expected a JSON array of records (`[{…}, {…}]`); the file has none', line: null, column: null });
      return;
    }
    const inside = this.state === State.InContainer || this.state === State.InString || this.state === State.InScalar;
    const where = inside ? `inside record ${this.row + 1}, which starts on line ${this.elementLine}` : `after record ${this.row}`;
    this.fail({ code: 'json-unclosed', message: `the array is never closed: the file ends ${where}`, line: this.line, column: this.offset - this.lineStart + 1 });
  }

  private beginElement(i: number, c: number): void {
    this.elementLine = this.line;
    this.elementStart = this.offset + i;
    this.depth = c === 123 || c === 91 ? 1 : 0;
    this.state = this.depth === 1 ? State.InContainer : c === 34 ? State.InString : State.InScalar;
    this.text = '';
    this.textLength = 0;
  }

  /** Holds the element's text so far (it continues in the next chunk). */
  private hold(chunk: string, from: number, to: number): void {
    this.textLength += to - from;
    this.text = this.textLength <= this.options.maxRowLength ? this.text + chunk.slice(from, to) : '';
  }

  private endElement(chunk: string, from: number, to: number): number {
    this.hold(chunk, from, to);
    const row = ++this.row;
    const line = this.elementLine;
    if (this.textLength > this.options.maxRowLength) {
      this.emit({ row, line, record: null, problem: { code: 'cell-too-long', message: tooLongMessage('row', this.options.maxRowLength) } });
    } else {
      this.emit(withUtf8Check(jsonRow(this.text, row, line), this.options, this.elementStart, this.offset + to));
    }
    this.text = '';
    this.textLength = 0;
    this.state = State.AfterElement;
    this.afterComma = false;
    return -1;
  }

  private syntax(i: number, code: 'json-syntax' | 'not-a-json-array', message: string): void {
    this.stopped = true;
    this.fail({ code, message, line: this.line, column: this.offset + i - this.lineStart + 1 });
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}
