import { expect, test } from 'vitest';
import { rowIssueLine } from '../../src/render/row-issue-line.js';

test.each([
  ['a CSV row names its file line and data row', { row: 3, line: 5, record: {} }, { field: 'seats', code: 'not-a-number', message: '`seats` is not a number', value: 'ten' }, 'data.csv:5: row 3: field seats: `seats` is not a number (got "ten") [not-a-number]'],
  ['a JSON array element names the line it starts on', { row: 7, line: 12, record: {} }, { field: 'id', code: 'missing-required', message: '`id` is required but empty' }, 'data.json:12: row 7: field id: `id` is required but empty [missing-required]'],
  ['a row that is not a record has no field', { row: 2, line: 2, record: null }, { field: null, code: 'bad-json', message: 'is not valid JSON' }, 'data.json:2: row 2: is not valid JSON [bad-json]'],
  ['a cell past the limit names its column', { row: 4, line: 9, record: null }, { field: 'notes', code: 'cell-too-long', message: 'is longer than 1,048,576 characters' }, 'data.json:9: row 4: field notes: is longer than 1,048,576 characters [cell-too-long]'],
])('%s', (_name, data, issue, expected) => {
  expect(rowIssueLine(expected.split(':')[0] as string, data, issue)).toBe(expected);
});
