import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { DataError, DataFormat, DataRow, DataWarning } from '../data-row.js';
import { formatOfName } from '../data-row.js';
import { createRowReader, type ReadOptions } from '../row-reader.js';
import { describeFsError } from './fs-errors.js';

/** A file that cannot be opened for reading at all (missing, a directory, empty, of no known format). */
export class DataFileError extends Error {
  override readonly name = 'DataFileError';
}

export interface OpenOptions extends Omit<ReadOptions, 'format' | 'file'> {
  /** The format; by default the file name's extension says (`.csv`, `.tsv`, `.ndjson`/`.jsonl`, `.json`). */
  readonly format?: DataFormat;
}

/** A data file opened for streaming: its rows in batches, then what stopped the reading and what to warn about. */
export interface DataSource {
  /** The name to show (`<stdin>` for `-`). */
  readonly path: string;
  readonly format: DataFormat;
  /** Bytes in the file, or undefined for stdin. */
  readonly size: number | undefined;
  /** The rows, a chunk's worth at a time (a batch is never empty). Iterate once. */
  readonly batches: AsyncIterable<readonly DataRow[]>;
  bytesRead(): number;
  /** After the batches: the error that stopped the reading (the rows before it were given), or null. */
  error(): DataError | null;
  /** After the batches: JSON fields the model reads that no row had. */
  warnings(): readonly DataWarning[];
  /** CSV, after the first batch: the header and the delimiter. */
  header(): readonly string[] | null;
  delimiter(): string | null;
}

const CHUNK = 256 * 1024;
const BATCH_BYTES = 16 * 1024;

/**
 * Opens `path` (or `-` for stdin) for reading in constant memory: bytes are pushed to a row
 * reader as they arrive, so a slow consumer slows the reading and nothing piles up.
 */
export async function openDataFile(path: string, options: OpenOptions = {}): Promise<DataSource> {
  const stdin = path === '-';
  const named = stdin ? undefined : formatOfName(path);
  const format = options.format ?? named?.format;
  if (format === undefined) {
    throw new DataFileError(stdin ? 'reading data from stdin needs --input-format csv|tsv|ndjson|json' : `cannot tell the format of ${path} from its extension: use --input-format csv|tsv|ndjson|json`);
  }
  const size = stdin ? undefined : await fileSize(path);
  if (size === 0) throw new DataFileError(`${path} is empty: expected ${format === 'csv' ? 'a header row and data rows' : format === 'json' ? 'a JSON array of objects' : 'one JSON object per line'}`);
  const input: Readable = stdin ? process.stdin : createReadStream(path, { highWaterMark: CHUNK });
  const label = stdin ? '<stdin>' : path;
  const delimiter = options.delimiter ?? named?.delimiter;
  const reader = createRowReader({ ...options, format, file: label, ...(delimiter === undefined ? {} : { delimiter }) });
  let read = 0;
  async function* batches(): AsyncGenerator<readonly DataRow[], void, undefined> {
    for await (const chunk of input as AsyncIterable<Uint8Array>) {
      read += chunk.byteLength;
      // Small batches: rows handed on soon after they are made die young, in the cheap part of
      // the garbage collector (a whole 256 KB chunk's rows outlived it, and collecting them took
      // most of the reading time).
      for (let at = 0; at < chunk.byteLength; at += BATCH_BYTES) {
        const rows = reader.push(chunk.subarray(at, at + BATCH_BYTES));
        if (rows.length > 0) yield rows;
        if (reader.error !== null) return;
      }
    }
    const rows = reader.end();
    if (rows.length > 0) yield rows;
  }
  return {
    path: label,
    format,
    size,
    batches: batches(),
    bytesRead: () => read,
    error: () => reader.error,
    warnings: () => reader.warnings,
    header: () => reader.header,
    delimiter: () => reader.delimiter,
  };
}

/** The size of a data file, checking it exists and is a regular file before streaming it. */
async function fileSize(path: string): Promise<number> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new DataFileError(`cannot read ${path}: it is a directory`);
    return info.size;
  } catch (error) {
    if (error instanceof DataFileError) throw error;
    throw new DataFileError(`cannot read ${path}: ${describeFsError(error)}`);
  }
}
