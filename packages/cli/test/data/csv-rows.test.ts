import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { csvRows } from '../../src/data/csv-rows.js';
import type { DataRow } from '../../src/data/data-row.js';
import { CliError } from '../../src/errors.js';

async function rows(text: string): Promise<DataRow[]> {
  const all: DataRow[] = [];
  // Split the text into small chunks: rows and fields cross chunk boundaries as in a real file.
  const chunks = text.match(/[\s\S]{1,3}/g) ?? [];
  for await (const row of csvRows(Readable.from(chunks), 'data.csv')) all.push(row);
  return all;
}

const place = (r: DataRow) => [r.row, r.line, r.record === null ? r.problem?.code : { ...r.record }];

describe('csvRows: rows are data rows (1-based), lines are file lines', () => {
  test.each([
    ['one row per line after the header', 'a,b\n1,2\n3,4\n', [[1, 2, { a: '1', b: '2' }], [2, 3, { a: '3', b: '4' }]]],
    ['blank lines are neither rows nor lost lines', 'a,b\n\n1,2\n\n\n3,4\n', [[1, 3, { a: '1', b: '2' }], [2, 6, { a: '3', b: '4' }]]],
    ['a quoted field across lines: the row starts on its first line', 'a,b\n"x\ny",2\n3,4\n', [[1, 2, { a: 'x\ny', b: '2' }], [2, 4, { a: '3', b: '4' }]]],
    ['CRLF line ends, inside quotes too', 'a,b\r\n"x\r\ny",2\r\n3,4\r\n', [[1, 2, { a: 'x\r\ny', b: '2' }], [2, 4, { a: '3', b: '4' }]]],
    ['no newline at the end', 'a,b\n1,2', [[1, 2, { a: '1', b: '2' }]]],
    ['a byte-order mark is not part of the first column name', '\uFEFFa,b\n1,2\n', [[1, 2, { a: '1', b: '2' }]]],
    ['header names are trimmed', ' a , b\n1,2\n', [[1, 2, { a: '1', b: '2' }]]],
    ['values stay text (the core reads types)', 'n,flag\n 007 ,TRUE\n', [[1, 2, { n: ' 007 ', flag: 'TRUE' }]]],
    ['a row with too few or too many fields is a bad row, the next one is still read', 'a,b\n1\n1,2,3\n1,2\n', [[1, 2, 'wrong-field-count'], [2, 3, 'wrong-field-count'], [3, 4, { a: '1', b: '2' }]]],
    ['a header only: no rows', 'a,b\n', []],
    ['a line of spaces is blank, not a row', 'a,b\n1,2\n   \n3,4\n', [[1, 2, { a: '1', b: '2' }], [2, 4, { a: '3', b: '4' }]]],
  ])('%s', async (_name, text, expected) => {
    expect((await rows(text)).map(place)).toEqual(expected);
  });

  test('a column named __proto__ is data, never a prototype', async () => {
    const [row] = await rows('__proto__,x\npolluted,1\n');
    expect(Object.getPrototypeOf(row?.record)).toBeNull();
    expect(row?.record?.['__proto__']).toBe('polluted');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  test.each([
    ['a header naming a column twice', 'a,b,a\n1,2,3\n', 'data.csv:1: column `a` appears twice in the header (columns 1 and 3)'],
    ['a quote never closed', 'a,b\n1,2\n3,"4\n5,6\n', 'data.csv:3: not valid CSV: a quoted field that starts on this line or later is never closed'],
  ])('%s stops with a usage error naming the line', async (_name, text, message) => {
    const error = await rows(text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toBe(message);
  });
});
