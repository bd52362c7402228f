import type { Readable } from 'node:stream';
import streamArray from 'stream-json/streamers/stream-array.js';
import { CliError } from '../errors.js';
import type { DataRow } from './data-row.js';
import { isRecord, notAnObject } from './ndjson-rows.js';

/**
 * The elements of a top-level JSON array, one at a time (stream-json parses incrementally, so a
 * file of any size is read in constant memory). A JSON array has no useful line per element, so
 * rows are identified by their 1-based position in the array.
 */
export async function* jsonRows(input: Readable, file: string): AsyncGenerator<DataRow, void, undefined> {
  const elements = input.pipe(streamArray.withParserAsStream());
  input.on('error', (error) => elements.destroy(error));
  try {
    for await (const { key, value } of elements as AsyncIterable<{ key: number; value: unknown }>) {
      const row = key + 1;
      yield isRecord(value) ? { row, line: null, record: value } : { row, line: null, record: null, problem: notAnObject(value) };
    }
  } catch (error) {
    if ((error as { code?: string }).code !== undefined && (error as { syscall?: string }).syscall !== undefined) throw error;
    throw new CliError(`${file}: not a JSON array of objects: ${(error as Error).message}`);
  }
}
