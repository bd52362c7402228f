import type { ColumnUse } from '@vitals/core';
import { CsvRecords } from './csv/csv-records.js';
import { CsvTokenizer } from './csv/csv-tokenizer.js';
import { detectDelimiter, hasHeaderLine } from './csv/delimiter.js';
import type { DataError, DataFormat, DataRow, DataWarning } from './data-row.js';
import { FieldPresence } from './json/field-presence.js';
import { JsonArrayRecords } from './json/json-array-records.js';
import { NdjsonRecords, type JsonRecordOptions } from './json/ndjson-records.js';
import { MAX_CELL_LENGTH } from './limits.js';
import { describeKind, SNIFF_BYTES, sniffBytes } from './text/sniff.js';
import { ChunkDecoder } from './text/text-decoder.js';

export interface ReadOptions {
  readonly format: DataFormat;
  /** The file's name, for messages (and to tell a workbook by its extension). */
  readonly file?: string;
  /** CSV: the delimiter; by default the one the header line holds most of (`,` `;` tab `|`). */
  readonly delimiter?: string;
  /**
   * The columns the model reads (`HealthModel.columns`). A CSV header lacking one stops the reading
   * before the first row (unless `allowMissingColumns`), and CSV records then hold only these; a
   * JSON field no row has is a warning at the end.
   */
  readonly columns?: readonly ColumnUse[];
  readonly allowMissingColumns?: boolean;
  /** The longest CSV cell or JSON row kept (default `MAX_CELL_LENGTH`, 1 MiB); a longer one is a bad row. */
  readonly maxCellLength?: number;
}

/**
 * Reads a data file pushed in chunks of bytes (or text) of any size: each `push` returns the rows
 * it completed. Once `error` is set nothing more is read; the rows before it were returned.
 */
export interface RowReader {
  push(chunk: Uint8Array | string): DataRow[];
  /** The end of the input: the last rows, then `error` and `warnings` are final. */
  end(): DataRow[];
  readonly error: DataError | null;
  readonly warnings: readonly DataWarning[];
  /** CSV: the header row (names trimmed), once read. */
  readonly header: readonly string[] | null;
  /** CSV: the delimiter in use, once known. */
  readonly delimiter: string | null;
}

interface Format {
  push(text: string): void;
  end(): void;
}

/** How much of a CSV file is searched for the end of its header line before the delimiter is decided anyway. */
const HEADER_SEARCH = 64 * 1024;

export function createRowReader(options: ReadOptions): RowReader {
  const file = options.file ?? 'data';
  const max = options.maxCellLength ?? MAX_CELL_LENGTH;
  let rows: DataRow[] = [];
  let error: DataError | null = null;
  let warnings: DataWarning[] = [];
  let decoder: ChunkDecoder | undefined;
  let head: Uint8Array | undefined = new Uint8Array(0);
  let started = false;
  let csv: { records: CsvRecords; delimiter: string } | undefined;
  let pendingText = '';
  let rowsRead = 0;
  const presence = options.format === 'csv' ? undefined : new FieldPresence(options.columns);

  const emit = (row: DataRow) => {
    if (error !== null) return;
    rowsRead++;
    if (row.record !== null) presence?.note(row.record);
    rows.push(row);
  };
  const fail = (e: DataError) => {
    error ??= e;
  };
  const replacedWithin = (start: number, end: number) => decoder !== undefined && decoder.replacedWithin(start, end);
  const jsonOptions: JsonRecordOptions = { maxRowLength: max, columns: options.columns?.map((c) => c.column), replacedWithin };

  const format: Format = (() => {
    switch (options.format) {
      case 'ndjson':
        return new NdjsonRecords(jsonOptions, emit);
      case 'json':
        return new JsonArrayRecords(jsonOptions, emit, fail);
      case 'csv':
        return csvFormat();
    }
  })();

  /** CSV waits for its header line when the delimiter must be found there. */
  function csvFormat(): Format {
    let tokenizer: CsvTokenizer | undefined;
    const start = (text: string) => {
      const delimiter = options.delimiter ?? detectDelimiter(text);
      let records: CsvRecords | undefined;
      tokenizer = new CsvTokenizer(delimiter.charCodeAt(0), (event) => records?.onRow(event), max);
      records = new CsvRecords({ file, columns: options.columns, allowMissingColumns: options.allowMissingColumns === true, delimiter, maxCellLength: max, replacedWithin }, tokenizer, emit, fail);
      csv = { records, delimiter };
      tokenizer.push(text);
    };
    return {
      push(text) {
        if (tokenizer !== undefined) return tokenizer.push(text);
        pendingText += text;
        if (options.delimiter !== undefined || hasHeaderLine(pendingText) || pendingText.length > HEADER_SEARCH) {
          start(pendingText);
          pendingText = '';
        }
      },
      end() {
        if (tokenizer === undefined) start(pendingText);
        const unclosed = (tokenizer as CsvTokenizer).end();
        if (unclosed !== undefined) {
          fail({ code: 'unclosed-quote', message: `a quoted field starts here and is never closed; ${rowsBefore(rowsRead)}`, ...unclosed });
        } else if (csv?.records.header === null) {
          fail({ code: 'no-header', message: 'has no header row (a first line naming the columns)', line: null, column: null });
        }
      },
    };
  }

  const pushText = (text: string) => {
    if (error === null && text.length > 0) format.push(text);
  };

  /** The first bytes say what the file is: text (and its encoding) or something to refuse. */
  const startBytes = (bytes: Uint8Array): string => {
    const kind = sniffBytes(bytes, file);
    if (kind.kind !== 'text') {
      fail({ code: kind.kind === 'spreadsheet' ? 'spreadsheet' : 'not-text', message: describeKind(kind), line: null, column: null });
      return '';
    }
    decoder = new ChunkDecoder(kind.encoding);
    return decoder.decode(bytes.subarray(kind.bom));
  };

  const take = () => {
    const out = rows;
    rows = [];
    return out;
  };

  return {
    push(chunk) {
      if (error !== null) return take();
      if (typeof chunk === 'string') {
        pushText(!started && chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk);
        started = true;
      } else if (head !== undefined) {
        const joined = new Uint8Array(head.length + chunk.length);
        joined.set(head);
        joined.set(chunk, head.length);
        head = joined;
        if (head.length >= SNIFF_BYTES) {
          pushText(startBytes(head));
          head = undefined;
        }
      } else {
        pushText((decoder as ChunkDecoder).decode(chunk));
      }
      return take();
    },
    end() {
      if (head !== undefined && head.length > 0) pushText(startBytes(head));
      head = undefined;
      if (decoder !== undefined && error === null) pushText(decoder.decode(new Uint8Array(0), true));
      if (error === null) format.end();
      if (presence !== undefined) warnings = presence.warnings(rowsRead);
      return take();
    },
    get error() {
      return error;
    },
    get warnings() {
      return warnings;
    },
    get header() {
      return csv?.records.header ?? null;
    },
    get delimiter() {
      return csv?.delimiter ?? null;
    },
  };
}

function rowsBefore(count: number): string {
  if (count === 0) return 'no row came before it';
  return count === 1 ? 'the row before it was read' : `the ${count.toLocaleString('en-US')} rows before it were read`;
}

/** A whole file (an upload, a test fixture) read at once: every row, and what stopped the reading, if anything. */
export function readRows(input: Uint8Array | string, options: ReadOptions): { rows: DataRow[]; error: DataError | null; warnings: readonly DataWarning[]; header: readonly string[] | null } {
  const reader = createRowReader(options);
  const rows = [...reader.push(input), ...reader.end()];
  return { rows, error: reader.error, warnings: reader.warnings, header: reader.header };
}
