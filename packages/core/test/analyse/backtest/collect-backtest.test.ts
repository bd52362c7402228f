import { describe, expect, test } from 'vitest';
import { compile, type ScoreResult } from '@vitals/core';
import { analyseBacktest } from '../../../src/analyse/backtest/analyse-backtest.js';
import { createBacktest, type BacktestSetup, type CollectedBacktest } from '../../../src/analyse/backtest/collect-backtest.js';
import { readOutcome } from '../../../src/analyse/backtest/outcome.js';

// One metric scored as it is: a snapshot's score is its `usage`.
const model = compile(`
vitals: 1
model: usage_only
scale: { min: 0, max: 100 }
bands: [ { name: red, below: 40 }, { name: amber, below: 70 }, { name: green } ]
data: { id: account, as_of: snapshot }
inputs:
  account: { type: string }
  snapshot: { type: date }
  usage: { type: number }
categories: { product: { weight: 1 } }
metrics:
  usage: { category: product, value: usage, score: identity }
`);

type Row = { account: string; snapshot: string; usage: number | string; outcome: unknown };

function collect(rows: readonly Row[], setup: Partial<BacktestSetup> = {}) {
  const scorer = model.scorer();
  const collector = createBacktest({ plans: [model.plan], outcomeField: 'outcome', ...setup });
  const issues = rows.map((r, i) => collector.add([scorer.score(r)], r.outcome, { row: i + 1, line: i + 2 })).filter((x) => x !== undefined);
  return { issues, finished: collector.finish() };
}

function value({ finished }: ReturnType<typeof collect>): CollectedBacktest {
  if (!('value' in finished)) throw new Error(`refused: ${finished.refusal.code}`);
  return finished.value;
}

describe('reading outcome values', () => {
  test.each([
    [true, true], [false, false], ['Yes', true], ['no', false], [' YES ', true], ['1', true], ['0', false], [1, true], [0, false],
    ['churned', true], ['Retained', false], ['TRUE', true], ['false', false],
  ])('%j is a label: churned %s', (cell, churned) => {
    expect(readOutcome(cell)).toEqual({ kind: 'label', churned });
  });

  test.each([['', 'blank'], ['  ', 'blank'], [null, 'blank'], [undefined, 'blank'], ['2024-03-15', 'date'], ['maybe', 'unknown'], ['y', 'unknown'], ['2', 'unknown'], [2, 'unknown'], ['2024-02-30', 'unknown']])(
    '%j reads as %s',
    (cell, kind) => {
      expect(readOutcome(cell).kind).toBe(kind);
    },
  );
});

describe('which snapshots count', () => {
  const snapshots = (account: string, outcome: string, usages: readonly number[]) =>
    ['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30'].slice(0, usages.length).map((snapshot, i) => ({ account, snapshot, usage: usages[i] as number, outcome }));

  test('a snapshot on or after the churn date never counts (no leakage from the future)', () => {
    // a churns on 2024-03-15: its March snapshot, scored 99 after the churn, must count nowhere.
    const rows = [...snapshots('a', '2024-03-15', [20, 30, 99]), ...snapshots('b', '', [80, 85, 90, 95])];
    const collected = value(collect(rows, { horizonDays: 90, observedUntil: '2024-12-31' }));
    expect(collected.counts.afterOutcome).toBe(1);
    expect(collected.counts.observations).toBe(6);
    expect(Array.from(collected.models[0]?.scores ?? [])).not.toContain(99);
    expect(collected.models[0]?.misses).toEqual([]);
    expect(Array.from(collected.labels)).toEqual([1, 1, 0, 0, 0, 0]);
  });

  test('the horizon: a churn more than 90 days after a snapshot makes it retained, within 90 days churned', () => {
    // Churn on 2024-05-15: 105 days after 2024-01-31, 76 after 2024-02-29, 45 after 2024-03-31.
    const rows = snapshots('a', '2024-05-15', [10, 20, 30]);
    expect(Array.from(value(collect(rows, { horizonDays: 90, observedUntil: '2024-12-31' })).labels)).toEqual([0, 1, 1]);
    expect(Array.from(value(collect(rows, { observedUntil: '2024-12-31' })).labels)).toEqual([1, 1, 1]);
  });

  test('censored: a retained snapshot whose horizon runs past the end of the data is left out, a churned one is known', () => {
    // The data ends on 2024-04-30 (the latest date in it): a window of 60 days is only fully
    // observed for the January and February snapshots. b churns on 2024-04-20: 80 days after its
    // January snapshot (retained within 60 days), 51 and 20 days after the next two (churned).
    const rows = [...snapshots('a', '', [50, 60, 70, 80]), ...snapshots('b', '2024-04-20', [10, 20, 30])];
    const collected = value(collect(rows, { horizonDays: 60 }));
    expect(collected.outcome.observedUntil).toBe('2024-04-30');
    expect(collected.counts.censored).toBe(2);
    expect(Array.from(collected.models[0]?.scores ?? [])).toEqual([50, 60, 10, 20, 30]);
    expect(Array.from(collected.labels)).toEqual([0, 0, 0, 1, 1]);
  });

  test('accounts with several snapshots are clusters; one row per account is not', () => {
    const repeated = value(collect([...snapshots('a', 'yes', [10, 20]), ...snapshots('b', 'no', [80])]));
    expect(Array.from(repeated.clusters ?? [])).toEqual([0, 0, 1]);
    expect(repeated.counts.accounts).toBe(2);
    const single = value(collect([...snapshots('a', 'yes', [10]), ...snapshots('b', 'no', [80])]));
    expect(single.clusters).toBeNull();
  });

  test('unscored and invalid rows are counted apart, with the churn rate of the unscored', () => {
    const rows = [...snapshots('a', 'yes', [10]), { account: 'b', snapshot: '2024-01-31', usage: '', outcome: 'yes' }, { account: 'c', snapshot: '2024-01-31', usage: 'lots', outcome: 'no' }];
    const { counts } = value(collect(rows));
    expect([counts.rows, counts.observations, counts.unscored, counts.invalid]).toEqual([3, 1, 1, 1]);
    expect(counts.unscoredRate?.rate).toBe(1);
  });
});

describe('refused, clearly', () => {
  const row = (usage: number, outcome: unknown, account = `acct-${usage}`): Row => ({ account, snapshot: '2024-01-31', usage, outcome });

  test('an unknown outcome value: the row, the field, the value, and the values that read', () => {
    const { issues } = collect([row(10, 'yes'), row(20, 'maybe')]);
    expect(issues).toEqual([{ row: 2, line: 3, field: 'outcome', value: 'maybe', message: expect.stringMatching(/^"maybe" is not an outcome: expected true\/false, yes\/no, 1\/0, churned\/retained/) }]);
  });

  test('labels and dates mixed in one column', () => {
    const { issues } = collect([row(10, '2024-03-01'), row(20, 'no')]);
    expect(issues[0]?.message).toMatch(/holds churn dates \(from row 1 on\), but this row has a label/);
  });

  test('a horizon with a label outcome', () => {
    expect(collect([row(10, 'yes')], { horizonDays: 90 }).finished).toEqual({ refusal: { code: 'horizon-needs-dates' } });
  });

  const many = (n: number, outcome: string, from: number) => Array.from({ length: n }, (_, i) => row(from + i, outcome));

  test('a single-class outcome', () => {
    expect(analyseBacktest(value(collect(many(30, 'no', 1))))).toEqual({ refusal: { code: 'single-class', churned: 0, retained: 30 } });
  });

  test('too few churned accounts', () => {
    expect(analyseBacktest(value(collect([...many(9, 'yes', 1), ...many(30, 'no', 50)])))).toEqual({ refusal: { code: 'too-few', churned: 9, retained: 30, minimum: 10 } });
  });
});

describe('the report', () => {
  // 40 accounts: usage 1…40 churned when usage ≤ 12, plus two green churners (75 and 90).
  const rows: Row[] = Array.from({ length: 40 }, (_, i) => ({ account: `a${i + 1}`, snapshot: '2024-01-31', usage: (i + 1) * 2, outcome: i < 12 ? 'yes' : 'no' }));
  rows[37] = { ...(rows[37] as Row), usage: 75, outcome: 'yes' };
  rows[38] = { ...(rows[38] as Row), usage: 90, outcome: 'yes' };
  const collected = value(collect(rows, { misses: 1 }));
  const result = analyseBacktest(collected);
  if (!('value' in result)) throw new Error('refused');
  const report = result.value;
  const [usage] = report.models;

  test('bands, base rate and the misses: the best band and churned anyway, highest score first', () => {
    expect(report.baseRate.churned).toBe(14);
    expect(usage?.bands.map((b) => [b.band, b.count, b.churned])).toEqual([['red', 19, 12], ['amber', 15, 0], ['green', 6, 2]]);
    expect(usage?.misses.churned).toBe(2);
    expect(usage?.misses.listed.map((m) => [m.row, m.result.score])).toEqual([[39, 90]]);
  });

  test('the overall AUC with a DeLong interval that contains it, and each component alone', () => {
    expect(report.interval).toEqual({ method: 'delong', clustered: false });
    const auc = usage?.auc;
    expect(auc?.low).toBeLessThan(auc?.auc as number);
    expect(auc?.high).toBeGreaterThan(auc?.auc as number);
    expect(usage?.components.map((c) => [c.kind, c.key, c.estimate?.auc])).toEqual([
      ['category', 'product', auc?.auc],
      ['metric', 'usage', auc?.auc],
    ]);
  });

  test('bootstrap: the same seed gives the same interval, another seed another', () => {
    const run = (seed: number) => {
      const r = analyseBacktest(collected, { method: 'bootstrap', replicates: 500, seed });
      return 'value' in r ? r.value.models[0]?.auc : undefined;
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
    expect(run(7)?.auc).toBe(usage?.auc.auc);
  });
});

export type { ScoreResult };
