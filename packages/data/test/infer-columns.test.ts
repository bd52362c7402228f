import { expect, test } from 'vitest';
import { inferColumns, inputKey } from '../src/index.js';

test.each([
  ['customerID', 'customer_id'],
  ['MonthlyCharges', 'monthly_charges'],
  ['Account ID', 'account_id'],
  ['HTTPStatus', 'http_status'],
  ['2024 MRR', 'c_2024_mrr'],
  ['stage', 'stage_field'],
  ['constructor', 'constructor_field'],
  ['% used', 'used'],
  ['!!!', 'column'],
])('the input key of column %j is %j', (column, key) => {
  expect(inputKey(column)).toBe(key);
});

const column = (values: unknown[]) => inferColumns(['c'], values.map((c) => ({ c }))).columns[0];

test.each<[string, unknown[], string]>([
  ['yes/no words', ['Yes', 'No', 'yes', ''], 'boolean'],
  ['0 and 1', ['0', '1', '1'], 'boolean'],
  ['JSON booleans', [true, false], 'boolean'],
  ['whole numbers', ['1', '22', ' 7 '], 'integer'],
  ['decimals', ['1.5', '2', ''], 'number'],
  ['a decimal point makes a number', ['1.0', '2.0'], 'number'],
  ['JSON numbers', [1, 2.5], 'number'],
  ['ISO dates', ['2026-01-31', '2026-02-28T10:00:00Z'], 'date'],
  ['a few repeated words', ['basic', 'pro', 'pro', 'basic', 'pro'], 'enum'],
  ['all different', ['a', 'b', 'c'], 'string'],
  ['thousands separators are not numbers', ['1,234', '5'], 'string'],
  ['nothing', ['', ' '], 'string'],
])('%s: %s', (_name, values, type) => {
  expect(column(values)?.type).toBe(type);
});

test('numbers carry their range; enums their values, the most frequent first', () => {
  expect(column(['5', '1', '3', '2', '4', '10', '7', '6', '9', '8', '11'])?.range).toEqual({ min: 1, p10: 2, p90: 10, max: 11 });
  expect(column(['b', 'a', 'b', 'c', 'b', 'a', 'b'])?.values).toEqual(['b', 'a', 'c']);
});

test.each([
  ['a unique column named like an id', [{ name: 'x', account_id: 'a1' }, { name: 'y', account_id: 'a2' }], 'account_id', null],
  ['an id repeated over dated snapshots', [{ id: 'a', day: '2026-01-31' }, { id: 'a', day: '2026-02-28' }, { id: 'b', day: '2026-01-31' }], 'id', 'day'],
  ['no id-like name: the first unique column', [{ name: 'x', n: '1' }, { name: 'y', n: '1' }], 'name', null],
  ['nothing unique', [{ a: 'x' }, { a: 'x' }], null, null],
])('the id and as-of: %s', (_name, records, id, asOf) => {
  const guess = inferColumns(Object.keys(records[0] as object), records);
  expect([guess.id, guess.asOf]).toEqual([id, asOf]);
});
