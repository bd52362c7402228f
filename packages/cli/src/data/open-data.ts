import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { CliError } from '../errors.js';
import { dataFileSize } from '../io/read-input-file.js';
import { csvRows } from './csv-rows.js';
import { inputFormatOf, type DataRow, type InputFormat } from './data-row.js';
import { jsonRows } from './json-rows.js';
import { ndjsonRows } from './ndjson-rows.js';

/** A data file opened for streaming: its rows, and how far the reading has got (for a progress bar). */
export interface DataSource {
  readonly path: string;
  readonly format: InputFormat;
  /** Bytes in the file, or undefined for stdin. */
  readonly size: number | undefined;
  readonly rows: AsyncGenerator<DataRow, void, undefined>;
  bytesRead(): number;
}

/** Opens `--data`: a path or `-` for stdin. Missing, empty or unrecognised files are usage errors. */
export async function openData(path: string, explicit: InputFormat | undefined): Promise<DataSource> {
  const format = inputFormatOf(path, explicit);
  if (format === undefined) {
    throw new CliError(path === '-' ? 'reading data from stdin needs --input-format csv|ndjson|json' : `cannot tell the format of ${path} from its extension: use --input-format csv|ndjson|json`);
  }
  if (path === '-') return source(path, format, undefined, process.stdin, () => 0);
  const size = await dataFileSize(path);
  if (size === 0) throw new CliError(`${path} is empty: expected ${format === 'csv' ? 'a header row and data rows' : format === 'json' ? 'a JSON array of objects' : 'one JSON object per line'}`);
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  return source(path, format, size, stream, () => stream.bytesRead);
}

function source(path: string, format: InputFormat, size: number | undefined, input: Readable, bytesRead: () => number): DataSource {
  const label = path === '-' ? '<stdin>' : path;
  const rows = format === 'csv' ? csvRows(input, label) : format === 'json' ? jsonRows(input, label) : ndjsonRows(input);
  return { path: label, format, size, rows, bytesRead };
}
