import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import type { DataRow } from '../../src/data/data-row.js';
import { inputFormatOf } from '../../src/data/data-row.js';
import { jsonRows } from '../../src/data/json-rows.js';
import { ndjsonRows } from '../../src/data/ndjson-rows.js';
import { CliError } from '../../src/errors.js';

async function collect(rows: AsyncIterable<DataRow>): Promise<unknown[]> {
  const all: unknown[] = [];
  for await (const r of rows) all.push([r.row, r.line, r.record ?? r.problem?.code]);
  return all;
}
const chunked = (text: string) => Readable.from(text.match(/[\s\S]{1,4}/g) ?? []);

describe('NDJSON: one object per line', () => {
  test('blank lines are skipped; lines that are not JSON objects are bad rows', async () => {
    const text = '{"a":1}\n\n{oops\n[1]\nnull\n\r\n{"a":"x"}\r\n';
    expect(await collect(ndjsonRows(chunked(text)))).toEqual([
      [1, 1, { a: 1 }],
      [2, 3, 'bad-json'],
      [3, 4, 'not-an-object'],
      [4, 5, 'not-an-object'],
      [5, 7, { a: 'x' }],
    ]);
  });
});

describe('JSON: the elements of a top-level array, streamed', () => {
  test('rows are 1-based positions; elements that are not objects are bad rows', async () => {
    expect(await collect(jsonRows(chunked('[{"a":1}, 2, {"b":[1,2]}, "x"]'), 'd.json'))).toEqual([
      [1, null, { a: 1 }],
      [2, null, 'not-an-object'],
      [3, null, { b: [1, 2] }],
      [4, null, 'not-an-object'],
    ]);
  });

  test.each([
    ['an object at the top', '{"rows": []}'],
    ['broken JSON after good rows', '[{"a":1}, {"a":'],
  ])('%s is a usage error naming the file', async (_name, text) => {
    const error = await collect(jsonRows(chunked(text), 'd.json')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toMatch(/^d\.json: not a JSON array of objects: /);
  });
});

test.each([
  ['data.csv', undefined, 'csv'],
  ['DATA.CSV', undefined, 'csv'],
  ['rows.ndjson', undefined, 'ndjson'],
  ['rows.jsonl', undefined, 'ndjson'],
  ['rows.json', undefined, 'json'],
  ['rows.txt', undefined, undefined],
  ['-', undefined, undefined],
  ['rows.txt', 'csv', 'csv'],
] as const)('the format of %s (--input-format %s) is %s', (path, explicit, format) => {
  expect(inputFormatOf(path, explicit)).toBe(format);
});
