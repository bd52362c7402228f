import { compile, createScorer, parseModelTests, runModelTests, type ModelTestSuite, type ScoreResult } from '@vitals/core';
import { describe, expect, test } from 'vitest';
import { JS_ENGINES, SQL_ENGINES, planOf } from '../support/evaluators.js';

/**
 * `column:` maps an input to the data file's column: every evaluator reads the value there, while
 * results, issues and expressions keep the input's key.
 */
const MAPPED = `
vitals: 1
model: telco
bands: [{ name: red, below: 40 }, { name: green }]
data: { id: customer_id, as_of: snapshot_date }
inputs:
  customer_id: { type: string, column: customerID }
  snapshot_date: { type: date, column: Snapshot Date }
  monthly_charges: { type: number, column: MonthlyCharges, min: 0 }
  contract: { type: enum, column: Contract, values: [Month-to-month, One year, Two year] }
  odd: { type: number, column: toString }
pulse: { field: csm_pulse, recorded_at: pulse_date }
categories: { billing: { weight: 1 } }
metrics:
  charges: { category: billing, value: monthly_charges, score: { linear: { from: 120, to: 20 } } }
  contract_length: { category: billing, value: contract, score: { map: { Month-to-month: 20, One year: 60, Two year: 100 } } }
  strange: { category: billing, value: odd, score: identity, weight: 0 }
`;

const row = {
  customerID: '7590-VHVEG',
  'Snapshot Date': '2026-01-31',
  MonthlyCharges: ' 70 ',
  Contract: 'One year',
  csm_pulse: 'satisfied',
  pulse_date: '2026-01-20',
};
const compact = (r: ScoreResult) => [r.id, r.as_of, r.status, r.score, r.metrics['charges']?.value, r.metrics['contract_length']?.value, r.metrics['strange']?.value, r.issues.map((i) => `${i.field}:${i.code}`)];

describe.each(JS_ENGINES)('$name evaluator', ({ make }) => {
  const evaluator = make(planOf(MAPPED));

  test('reads each input from its column; the result names inputs by key', () => {
    // charges: (120 − 70) / 100 → 50.5; contract 60; mean 55.25
    expect(compact(evaluator.step(row, undefined).result)).toEqual(['7590-VHVEG', '2026-01-31', 'scored', 55.25, 70, 'One year', null, []]);
  });

  test('a record keyed by the inputs’ keys has none of the columns: the required id is missing', () => {
    const keyed = { customer_id: 'x', snapshot_date: '2026-01-31', monthly_charges: 70, contract: 'One year' };
    expect(compact(evaluator.step(keyed, undefined).result).at(-1)).toEqual(['customer_id:missing-required', 'snapshot_date:missing-required']);
  });

  test('a column named like an inherited property is read only when the record has it', () => {
    expect(evaluator.step({ ...row, toString: '5' }, undefined).result.metrics['strange']?.value).toBe(5);
    expect(evaluator.step(JSON.parse(JSON.stringify(row)) as Record<string, unknown>, undefined).result.issues).toEqual([]);
  });

  test('a bad value is reported under the input’s key', () => {
    expect(compact(evaluator.step({ ...row, MonthlyCharges: 'n/a' }, undefined).result).at(-1)).toEqual(['monthly_charges:not-a-number']);
  });

  test('history: snapshots of one account are matched by the mapped id and date', () => {
    const scorer = createScorer(evaluator);
    scorer.score(row);
    const again = scorer.score({ ...row, MonthlyCharges: '20' });
    expect(again.issues.map((i) => `${i.field}:${i.code}`)).toEqual(['snapshot_date:snapshot-duplicate']);
  });
});

describe.each(SQL_ENGINES)('$name engine', (engine) => {
  test.skipIf(engine.unavailable !== undefined)('reads each input from its column (quoted, spaces and case kept); results, issues and the history name inputs by key', async () => {
    const [good, bad, duplicate] = await engine.score(planOf(MAPPED), [row, { ...row, customerID: 'b', MonthlyCharges: 'n/a' }, { ...row, MonthlyCharges: '20' }]);
    expect(compact(good as ScoreResult)).toEqual(['7590-VHVEG', '2026-01-31', 'scored', 55.25, 70, 'One year', null, []]);
    expect(compact(bad as ScoreResult).at(-1)).toEqual(['monthly_charges:not-a-number']);
    expect(compact(duplicate as ScoreResult).at(-1)).toEqual(['snapshot_date:snapshot-duplicate']);
  });
});

test('the core lists every column a model reads: its input, roles, and where the model names it', () => {
  const model = compile(MAPPED);
  expect(model.columns.map((c) => [c.column, c.input, c.roles.join('+'), c.declared])).toEqual([
    ['customerID', 'customer_id', 'account id', true],
    ['Snapshot Date', 'snapshot_date', 'as-of date', true],
    ['MonthlyCharges', 'monthly_charges', '', true],
    ['Contract', 'contract', '', true],
    ['toString', 'odd', '', true],
    ['csm_pulse', 'csm_pulse', 'pulse', false],
    ['pulse_date', 'pulse_date', 'pulse date', false],
  ]);
  // Where the model names each column: the `column:` value, or the role's value for an implied input.
  expect(model.columns.map((c) => (c.span === null ? null : `${c.span.start.line}:${c.span.start.column}`))).toEqual(['7:40', '8:40', '9:44', '10:35', '11:32', '12:17', '12:41']);
});

describe('model tests name inputs by key', () => {
  const model = compile(MAPPED);
  const run = (record: string) => {
    const parsed = parseModelTests(`cases:\n  - name: one\n    record: ${record}\n    expect: { score: 55.25 }\n`, 'cases.test.yaml');
    return runModelTests(parsed.value as ModelTestSuite, model).cases[0];
  };

  test('a record keyed by the inputs is read through their columns', () => {
    expect(run('{ customer_id: a, snapshot_date: 2026-01-31, monthly_charges: 70, contract: One year }')).toMatchObject({ passed: true, problems: [] });
  });

  test('a record keyed by a column is an unknown input, with the input that reads that column as the hint', () => {
    const report = run('{ customer_id: a, snapshot_date: 2026-01-31, MonthlyCharges: 70, contract: One year }');
    expect(report?.problems.map((p) => [p.code, p.hint])).toEqual([['test-unknown-input', 'did you mean `monthly_charges`?']]);
  });
});
