import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { DataRow } from './data-row.js';

/** NDJSON (one JSON object per line), line by line; a line that is not a JSON object is a bad row. */
export async function* ndjsonRows(input: Readable): AsyncGenerator<DataRow, void, undefined> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  let row = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() === '') continue;
    row++;
    yield parseLine(text, row, line);
  }
}

function parseLine(text: string, row: number, line: number): DataRow {
  let value: unknown;
  try {
    value = JSON.parse(line === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return { row, line, record: null, problem: { code: 'bad-json', message: `not valid JSON: ${(error as Error).message}` } };
  }
  return isRecord(value) ? { row, line, record: value } : { row, line, record: null, problem: notAnObject(value) };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function notAnObject(value: unknown): { code: 'not-an-object'; message: string } {
  const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
  return { code: 'not-an-object', message: `is ${kind}, not an object of fields` };
}
