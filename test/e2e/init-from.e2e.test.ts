import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { vitals } from './support/run-cli.js';

/** `vitals init --from FILE`: a starter model from a real export must check clean and score that file. */
test.each([
  ['IBM’s telco customers (customerID, MonthlyCharges, blank TotalCharges)', '../shared/data/telco/customers.csv', 7043, 'data: { id: customer_id }', '  monthly_charges: { type: number, column: MonthlyCharges, min: 0 }'],
  ['RavenStack accounts', '../shared/data/ravenstack/accounts.csv', 500, 'data: { id: account_id }', '  # plan_tier: { type: enum, values: [Pro, Basic, Enterprise] }'],
  ['monthly snapshots: the id repeats, the date makes rows distinct', 'models/lifecycle-b2b/sample.csv', 25, 'data: { id: account_id, as_of: snapshot_date }', '  account_id: { type: string, required: true }'],
  ['NDJSON', 'test/fixtures/data/pulse-snapshots.ndjson', 6, 'data: { id: account_id }', '  active_users_30d: { type: integer, min: 0 }'],
])('%s', async (_name, data, rows, dataLine, inputLine) => {
  const dir = join(mkdtempSync(join(tmpdir(), 'vitals-init-from-')), 'model');
  const init = await vitals(['init', dir, '--from', data]);
  expect([init.code, init.stderr]).toEqual([0, '']);
  const model = readFileSync(join(dir, 'model.yaml'), 'utf8');
  expect(model.split('\n')).toContain(dataLine);
  expect(model.split('\n')).toContain(inputLine);
  const check = await vitals(['check', join(dir, 'model.yaml'), '--no-weights']);
  expect([check.code, check.stdout.trim()]).toEqual([0, '✓ 1 model checked: no problems']);
  const score = await vitals(['score', join(dir, 'model.yaml'), '--data', data, '--format', 'csv']);
  expect(score.code).toBe(0);
  expect(score.stderr).toMatch(new RegExp(`: ${rows.toLocaleString('en-US')} rows: ${rows.toLocaleString('en-US')} scored\\n$`));
  // Never overwrites: a second run changes nothing.
  expect((await vitals(['init', dir, '--from', data])).code).toBe(2);
});

test('a file that is not data is refused, and nothing is written', async () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'vitals-init-from-')), 'model');
  const run = await vitals(['init', dir, '--from', 'test/fixtures/data/workbook.csv']);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('this looks like an Excel workbook (.xlsx), not CSV: save it as CSV');
});
