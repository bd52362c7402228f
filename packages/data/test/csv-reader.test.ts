import { planColumns, type ColumnUse } from '@vitals/core';
import { describe, expect, test } from 'vitest';
import { detectDelimiter, parseDelimiter } from '../src/index.js';
import { brief, readIn, SIZES } from './support.js';

const csv = (text: string, size: number, options: { delimiter?: string; maxCellLength?: number; columns?: readonly ColumnUse[] } = {}) => readIn(text, { format: 'csv', file: 'data.csv', ...options }, size);

describe.each(SIZES)('CSV in pieces of %s characters', (size) => {
  test.each([
    ['one row per line after the header', 'a,b\n1,2\n3,4\n', [[1, 2, { a: '1', b: '2' }], [2, 3, { a: '3', b: '4' }]]],
    ['blank lines are neither rows nor lost lines', 'a,b\n\n1,2\n\n\n3,4\n', [[1, 3, { a: '1', b: '2' }], [2, 6, { a: '3', b: '4' }]]],
    ['a quoted field across lines: the row starts on its first line', 'a,b\n"x\ny",2\n3,4\n', [[1, 2, { a: 'x\ny', b: '2' }], [2, 4, { a: '3', b: '4' }]]],
    ['CRLF line ends, inside quotes too', 'a,b\r\n"x\r\ny",2\r\n3,4\r\n', [[1, 2, { a: 'x\r\ny', b: '2' }], [2, 4, { a: '3', b: '4' }]]],
    ['lone CR line ends (old Mac files)', 'a,b\r1,2\r3,4\r', [[1, 2, { a: '1', b: '2' }], [2, 3, { a: '3', b: '4' }]]],
    ['no newline at the end', 'a,b\n1,2', [[1, 2, { a: '1', b: '2' }]]],
    ['a byte-order mark is not part of the first column name', '\uFEFFa,b\n1,2\n', [[1, 2, { a: '1', b: '2' }]]],
    ['header names are trimmed', ' a , b\n1,2\n', [[1, 2, { a: '1', b: '2' }]]],
    ['values stay text, as written (the core reads types)', 'n,flag\n 007 ,TRUE\n', [[1, 2, { n: ' 007 ', flag: 'TRUE' }]]],
    ['escaped quotes, delimiters and line ends inside quotes', 'a,b\n"say ""hi"", 1,2",""\n', [[1, 2, { a: 'say "hi", 1,2', b: '' }]]],
    ['a quote inside an unquoted field is data', 'a,b\n5" disk,x\n', [[1, 2, { a: '5" disk', b: 'x' }]]],
    ['text after a closing quote joins the field', 'a,b\n"ab"c,x\n', [[1, 2, { a: 'abc', b: 'x' }]]],
    ['an empty last field', 'a,b\n1,\n', [[1, 2, { a: '1', b: '' }]]],
    ['a row with too few or too many fields is a bad row; the next is read', 'a,b\n1\n1,2,3\n1,2\n', [[1, 2, 'wrong-field-count'], [2, 3, 'wrong-field-count'], [3, 4, { a: '1', b: '2' }]]],
    ['a header only: no rows', 'a,b\n', []],
    ['a line of spaces is blank, not a row', 'a,b\n1,2\n   \n3,4\n', [[1, 2, { a: '1', b: '2' }], [2, 4, { a: '3', b: '4' }]]],
    ['a quoted empty field alone is a row, not a blank line', 'a\n""\n', [[1, 2, { a: '' }]]],
    ['columns without a name are not read', 'a,,b,\n1,x,2,y\n', [[1, 2, { a: '1', b: '2' }]]],
  ])('%s', (_name, text, expected) => {
    const { rows, error } = csv(text, size);
    expect(error).toBeNull();
    expect(rows.map(brief)).toEqual(expected);
  });

  test.each([
    ['a quote never closed: the rows before it, then where it opened', 'a,b\n1,2\n3,"4\n5,6\n', [[1, 2, { a: '1', b: '2' }]], { code: 'unclosed-quote', line: 3, column: 3 }],
    ['a header naming a column twice', 'a,b,a\n1,2,3\n', [], { code: 'duplicate-column', line: 1, column: null }],
    ['no header at all', '\n\n', [], { code: 'no-header', line: null, column: null }],
  ])('%s', (_name, text, expected, error) => {
    const read = csv(text, size);
    expect(read.rows.map(brief)).toEqual(expected);
    expect(read.error).toMatchObject(error);
  });

  test('a cell past the limit is a bad row, dropped while read; the next row is read', () => {
    const { rows } = csv(`a,b\n1,${'x'.repeat(50)}\n"${'y'.repeat(9)}\n",2\n3,4\n`, size, { maxCellLength: 8 });
    expect(rows.map(brief)).toEqual([[1, 2, 'cell-too-long:b'], [2, 3, 'cell-too-long:a'], [3, 5, { a: '3', b: '4' }]]);
  });

  test('with the model’s columns, records hold only those; a duplicate or over-long column it does not read is no problem', () => {
    const columns = planColumns({ inputs: [{ name: 'seats', column: 'Seats', implied: false }], data: {}, pulse: null, overrides: null } as never);
    const { rows, error } = csv(`Seats,notes,notes\n4,${'n'.repeat(20)},x\n`, size, { columns, maxCellLength: 8 });
    expect(error).toBeNull();
    expect(rows.map(brief)).toEqual([[1, 2, { Seats: '4' }]]);
  });
});

describe('the delimiter', () => {
  test.each([
    ['a,b;c', ','],
    ['a;b;c,d', ';'],
    ['a\tb\tc', '\t'],
    ['a|b|c', '|'],
    ['"a,b";"c,d";e', ';'],
    ['"x,y,z";b', ';'],
    ['single', ','],
    ['a;b\n1,2,3,4', ';'],
  ])('of %j is %j', (header, delimiter) => {
    expect(detectDelimiter(header)).toBe(delimiter);
  });

  test.each([
    ['tab', '\t'],
    ['\\t', '\t'],
    [';', ';'],
    ['semicolon', ';'],
    ['"', undefined],
    [';;', undefined],
  ])('--delimiter %j is %j', (text, delimiter) => {
    expect(parseDelimiter(text)).toBe(delimiter);
  });

  test('found in the header, or given', () => {
    expect(csv('a;b\n1,5;2\n', 3).rows.map(brief)).toEqual([[1, 2, { a: '1,5', b: '2' }]]);
    expect(csv('a;b\n1,5;2\n', 3, { delimiter: ',' }).rows.map(brief)).toEqual([[1, 2, 'wrong-field-count']]);
  });
});

test.each([
  ['__proto__,b\nx,2\n', [['__proto__', 'x'], ['b', '2']]],
  ['constructor,toString\nc,t\n', [['constructor', 'c'], ['toString', 't']]],
])('columns named like properties of every object are data, kept as own fields (%j)', (text, expected) => {
  const { rows } = readIn(text, { format: 'csv', file: 'data.csv' }, text.length);
  const record = rows[0]?.record as Record<string, unknown>;
  expect(Object.keys(record)).toEqual(expected.map(([key]) => key));
  for (const [key, value] of expected) expect(Object.hasOwn(record, key as string) && record[key as string]).toBe(value);
});

test('a record of ordinary columns has no inherited field the header does not name', () => {
  const { rows } = readIn('a,b\n1,2\n', { format: 'csv', file: 'data.csv' }, 100);
  expect(Object.keys(rows[0]?.record ?? {})).toEqual(['a', 'b']);
});
