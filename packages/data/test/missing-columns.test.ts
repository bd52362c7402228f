import type { ColumnUse } from '@vitals/core';
import { compile } from '@vitals/core';
import { describe, expect, test } from 'vitest';
import { columnSuggestion, describeMissingColumn, missingColumns } from '../src/index.js';
import { readIn } from './support.js';

test.each([
  ['purchased_seats', ['Account ID', 'Purchased Seats'], 'Purchased Seats'],
  ['purchased_seats', ['purchased-seats'], 'purchased-seats'],
  ['purchased_seats', ['PurchasedSeats'], 'PurchasedSeats'],
  ['MonthlyCharges', ['monthly_charges'], 'monthly_charges'],
  ['pulse_dat', ['pulse_date', 'account_id'], 'pulse_date'],
  ['seats', ['tickets', 'region'], null],
])('a missing %j is most likely %j of the header', (column, header, suggestion) => {
  expect(columnSuggestion(column, header)).toBe(suggestion);
});

const MODEL = `
vitals: 1
model: roles
bands: [{ name: red, below: 40 }, { name: green }]
data: { id: account_id }
inputs:
  account_id: { type: string, column: Account ID }
  seats: { type: number }
categories: { all: { weight: 1 } }
metrics:
  seat_count: { category: all, value: seats, score: identity }
pulse: { field: csm_pulse, recorded_at: pulse_dat }
`;

test('each missing column is described with where the model names it, who reads it and the likely header name', () => {
  const { columns } = compile(MODEL, { file: 'model.yaml' });
  const lines = missingColumns(['account_id', 'Seats', 'csm_pulse', 'pulse_date'], columns).map((m) => describeMissingColumn(m));
  expect(lines).toEqual([
    'model.yaml:7:39 input `account_id` (the account id) reads column `Account ID`, which the file lacks — did you mean `account_id`?',
    'model.yaml:8:3 input `seats` reads column `seats`, which the file lacks — did you mean `Seats`?',
    'model.yaml:12:41 pulse date `pulse_dat` reads column `pulse_dat`, which the file lacks — did you mean `pulse_date`?',
  ]);
});

test('the reader stops at the header with all of them in one error; rows are never read', () => {
  const { columns } = compile(MODEL, { file: 'model.yaml' });
  const read = readIn('account_id,Seats,csm_pulse,pulse_date\nacme,4,satisfied,2026-01-01\n', { format: 'csv', file: 'data.csv', columns }, 5);
  expect(read.rows).toEqual([]);
  expect(read.error?.code).toBe('missing-columns');
  expect(read.error?.message).toBe('data.csv lacks 3 columns the model reads:');
  expect(read.error?.details).toHaveLength(3);
  const allowed = readIn('account_id,Seats\nacme,4\n', { format: 'csv', columns, allowMissingColumns: true }, 5);
  expect([allowed.error, allowed.rows.map((r) => r.record)]).toEqual([null, [{}]]);
});

test('JSON rows have no header: a field no row has is a warning once all are read', () => {
  const uses: ColumnUse[] = compile(MODEL, { file: 'model.yaml' }).columns.slice();
  const read = readIn('{"Account ID":"a","Seats":1}\n{"Account ID":"b","seats":2,"csm_pulse":"satisfied"}\n', { format: 'ndjson', columns: uses }, 4);
  expect(read.rows).toHaveLength(2);
  expect(read.warnings.map((w) => w.message)).toEqual([
    'model.yaml:12:41 pulse date `pulse_dat` reads column `pulse_dat`, which none of the 2 rows has (each read it as missing)',
  ]);
});

describe('a header split with the wrong delimiter', () => {
  const { columns } = compile(MODEL, { file: 'model.yaml' });
  test.each([
    ['`;` read as `,`', 'Account ID;seats;csm_pulse;pulse_dat\nacme;4;satisfied;2026-01-01\n', ',', ';'],
    ['tabs read as `,`', 'Account ID\tseats\tcsm_pulse\tpulse_dat\n', ',', '\t'],
    ['`|` read as `;`', 'Account ID|seats|csm_pulse|pulse_dat\n', ';', '|'],
    ['`,` read as `;`: a comma file is not mistaken for another', 'Account ID,seats,csm_pulse,pulse_dat\n', ';', undefined],
    ['one column missing: a typo, not a delimiter', 'Account ID,seats,csm_pulse,pulse;dat\n', ',', undefined],
    ['the right delimiter, columns missing', 'Account ID;Seats;pulse\n', ';', undefined],
  ])('%s: the missing-columns error names the delimiter it seems to be (%#)', (_case, text, delimiter, expected) => {
    const read = readIn(text, { format: 'csv', file: 'data.csv', columns, delimiter });
    expect(read.error?.code).toBe('missing-columns');
    expect(read.error?.headerDelimiter).toBe(expected);
  });
});
