import { expect, test } from 'vitest';
import { rowIssueLine } from '../../src/render/row-issue-line.js';

test.each([
  ['a CSV row names its file line and data row', { row: 3, line: 5, record: {} }, { field: 'seats', code: 'not-a-number', message: '`seats` is not a number', value: 'ten' }, 'data.csv:5: row 3: field seats: `seats` is not a number (got "ten") [not-a-number]'],
  ['a JSON array element has no line', { row: 7, line: null, record: {} }, { field: 'id', code: 'missing-required', message: '`id` is required but empty' }, 'data.csv: row 7: field id: `id` is required but empty [missing-required]'],
  ['a row that is not a record has no field', { row: 2, line: 2, record: null }, { field: null, code: 'bad-json', message: 'not valid JSON' }, 'data.csv:2: row 2: not valid JSON [bad-json]'],
])('%s', (_name, data, issue, expected) => {
  expect(rowIssueLine('data.csv', data, issue)).toBe(expected);
});
