import { describe, expect, test } from 'vitest';
import { analyseImpact, compile, createImpact } from '@vitals/core';

/**
 * Two versions of a small model. BASE weighs usage and NPS alike: score = (usage + nps) / 2.
 * HEAD weighs usage three times: score = (3·usage + nps) / 4. A missing metric is left out, and an
 * account needs half the weight backed by data. Benchmark 65 for every account (stage adopt).
 */
const model = (usageWeight: number) => `vitals: 1
model: tiny
bands: [ { name: red, below: 40 }, { name: amber, below: 70 }, { name: green } ]
data: { id: account, stage: stage }
inputs:
  account: { type: string, required: true }
  stage: { type: enum, values: [ adopt ] }
  usage: { type: number }
  nps: { type: number }
categories: { product: { weight: 1 } }
metrics:
  usage: { category: product, value: usage, score: identity, weight: ${usageWeight} }
  nps: { category: product, value: nps, score: identity }
missing: { min_coverage: 0.5 }
benchmarks: [ { stage: adopt, score: 65 } ]
playbooks:
  at_risk: { when: band == "red", action: Call the sponsor. }
`;
const BASE = compile(model(1));
const HEAD = compile(model(3));

/** Worked out by hand: BASE = (u + n) / 2, HEAD = (3u + n) / 4, bands red < 40 ≤ amber < 70 ≤ green. */
const ACCOUNTS = [
  { account: 'a', stage: 'adopt', usage: 80, nps: 80 }, //       80 green  →  80    green
  { account: 'b', stage: 'adopt', usage: 90, nps: 30 }, //       60 amber  →  75    green   (rises above the benchmark 65)
  { account: 'c', stage: 'adopt', usage: 20, nps: 70 }, //       45 amber  →  32.5  red     (at_risk starts)
  { account: 'd', stage: 'adopt', usage: 30, nps: 30 }, //       30 red    →  30    red
  { account: 'e', stage: 'adopt', usage: 50, nps: 95 }, //     72.5 green  →  61.25 amber   (falls below the benchmark)
  { account: 'f', stage: 'adopt', usage: 45, nps: 34 }, //     39.5 red    →  42.25 amber   (at_risk stops)
  { account: 'g', stage: 'adopt', usage: null, nps: 60 }, //   60 amber (coverage ½) → unscored (coverage ¼)
  { account: 'h', stage: 'adopt', usage: 100, nps: null }, // 100 green (coverage ½) → 100 green (coverage ¾)
  { account: 'i', stage: 'adopt', usage: 'lots', nps: 50 }, // invalid under both
];

describe('analyseImpact on nine accounts worked out by hand', () => {
  const impact = analyseImpact(BASE, HEAD, ACCOUNTS);
  const data = impact.data;

  test('the transition matrix: rows BASE (red, amber, green, unscored, invalid), columns HEAD', () => {
    expect(data.transitions.from.map((s) => s.band ?? s.status)).toEqual(['red', 'amber', 'green', 'unscored', 'invalid']);
    expect(data.transitions.counts).toEqual([
      [1, 1, 0, 0, 0], // d stays red, f red → amber
      [1, 0, 1, 1, 0], // c amber → red, b amber → green, g amber → unscored
      [0, 1, 2, 0, 0], // e green → amber, a and h stay green
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 1], // i
    ]);
    expect(data.compared).toBe(9);
    expect(data.band_changes).toEqual({ changed: 4, better: 2, worse: 2 });
  });

  test('score changes: seven accounts scored under both, four moved; the mean change is (15 − 12.5 − 11.25 + 2.75) / 7', () => {
    expect(data.score_changes).toEqual({ changed: 4, up: 2, down: 2, mean_change: -6 / 7, both_scored: 7 });
    expect(data.distribution.base.stats?.mean).toBeCloseTo((80 + 60 + 45 + 30 + 72.5 + 39.5 + 60 + 100) / 8, 10);
    expect(data.distribution.head.stats?.mean).toBeCloseTo((80 + 75 + 32.5 + 30 + 61.25 + 42.25 + 100) / 7, 10);
    expect(data.distribution.shift?.mean).toBeCloseTo((80 + 75 + 32.5 + 30 + 61.25 + 42.25 + 100) / 7 - 487 / 8, 10);
    expect(data.distribution.head.bands.map((b) => b.count)).toEqual([2, 2, 3]);
  });

  test('movers, largest first, each with the metric whose contribution moved most', () => {
    // b: usage 45 → 67.5 points (+22.5), nps 15 → 7.5; c: nps 35 → 17.5 (−17.5), usage 10 → 15;
    // e: nps 47.5 → 23.75 (−23.75); f: usage 22.5 → 33.75 (+11.25), nps 17 → 8.5.
    expect(data.movers.map((m) => [m.id, m.before.score, m.after.score, m.change, m.moved_by?.metric, m.moved_by?.contribution_before, m.moved_by?.contribution_after])).toEqual([
      ['b', 60, 75, 15, 'usage', 45, 67.5],
      ['c', 45, 32.5, -12.5, 'nps', 35, 17.5],
      ['e', 72.5, 61.25, -11.25, 'nps', 47.5, 23.75],
      ['f', 39.5, 42.25, 2.75, 'usage', 22.5, 33.75],
    ]);
    expect(data.movers[0]?.moved_by).toMatchObject({ weight_before: 0.5, weight_after: 0.75, score_before: 90, score_after: 90 });
  });

  test('playbooks started and stopped, and for whom', () => {
    const [atRisk] = data.playbooks;
    expect(atRisk).toMatchObject({ key: 'at_risk', status: 'unchanged', fired_before: 2, fired_after: 2 });
    expect(atRisk?.started).toEqual({ count: 1, accounts: [{ id: 'c', row: 3 }] });
    expect(atRisk?.stopped).toEqual({ count: 1, accounts: [{ id: 'f', row: 6 }] });
    expect(atRisk?.workload_before).toEqual({ fires: 2, accounts: 2, covered: 0 });
  });

  test('benchmark crossings and coverage changes', () => {
    expect(data.benchmarks.rose_above).toEqual({ count: 1, accounts: [{ id: 'b', row: 2 }], by_stage: [{ stage: 'adopt', segment: null, count: 1 }] });
    expect(data.benchmarks.fell_below).toEqual({ count: 1, accounts: [{ id: 'e', row: 5 }], by_stage: [{ stage: 'adopt', segment: null, count: 1 }] });
    expect(data.coverage.became_unscored).toEqual({ count: 1, accounts: [{ id: 'g', row: 7 }], reasons: { 'insufficient-coverage': 1 } });
    expect(data.coverage.became_scored.count).toBe(0);
    // six accounts fully covered, g and h half under BASE; g a quarter, h three quarters under HEAD
    expect(data.coverage.mean_before).toBeCloseTo(7 / 8, 12);
    expect(data.coverage.mean_after).toBeCloseTo(7 / 8, 12);
  });

  test('the same models: nothing moves and the matrix is diagonal', () => {
    const same = analyseImpact(BASE, compile(model(1)), ACCOUNTS).data;
    expect(same.band_changes.changed).toBe(0);
    expect(same.movers).toEqual([]);
    expect(same.transitions.counts.every((row, i) => row.every((n, j) => i === j || n === 0))).toBe(true);
  });

  test('the impact is plain data: it survives JSON (a browser worker can post it)', () => {
    expect(JSON.parse(JSON.stringify(impact))).toEqual(impact);
  });
});

describe('with history', () => {
  /** Monthly snapshots; `dropped` fires when the band falls since the last snapshot, `low` below 50. */
  const history = (threshold: number) => `vitals: 1
model: monthly
bands: [ { name: red, below: ${threshold} }, { name: green } ]
data: { id: account, as_of: month }
inputs: { account: { type: string }, month: { type: date }, usage: { type: number } }
categories: { product: { weight: 1 } }
metrics: { usage: { category: product, value: usage, score: identity } }
playbooks:
  dropped: { when: band_changed and band == "red", action: Call them. }
  low: { when: score < 50, action: Send the adoption guide. }
`;
  const rows = [
    { account: 'a', month: '2026-01-31', usage: 70 },
    { account: 'b', month: '2026-01-31', usage: 45 },
    { account: 'a', month: '2026-02-28', usage: 45 },
    { account: 'b', month: '2026-02-28', usage: 65 },
  ];

  test('each account counts once, at its latest snapshot; the playbook workload is over every snapshot', () => {
    const data = analyseImpact(compile(history(50)), compile(history(40)), rows).data;
    expect(data.unit).toBe('account');
    expect([data.records, data.compared]).toEqual([4, 2]);
    // latest: a at 45 (red under BASE, green under HEAD), b at 65 (green under both)
    expect(data.transitions.counts.slice(0, 2)).toEqual([
      [0, 1, 0, 0],
      [0, 1, 0, 0],
    ]);
    const [dropped, low] = data.playbooks;
    // BASE (red below 50): a drops in February, on the same snapshot as `low` (covered); b starts red (no change)
    expect(dropped?.workload_before).toEqual({ fires: 1, accounts: 1, covered: 1 });
    expect(dropped?.stopped).toEqual({ count: 1, accounts: [{ id: 'a', row: 3 }] });
    // HEAD (red below 40): nobody is ever red, so the trigger would create no work; `low` reads the score only
    expect(dropped?.workload_after).toEqual({ fires: 0, accounts: 0, covered: 0 });
    expect(low?.workload_before).toEqual({ fires: 2, accounts: 2, covered: 1 });
    expect(low?.workload_after).toEqual({ fires: 2, accounts: 2, covered: 0 });
  });

  test("unit 'snapshot' compares every snapshot", () => {
    const data = analyseImpact(compile(history(50)), compile(history(40)), rows, { unit: 'snapshot' }).data;
    expect([data.unit, data.compared]).toEqual(['snapshot', 4]);
    // b in January (45) and a in February (45) go from red to green
    expect(data.band_changes).toEqual({ changed: 2, better: 2, worse: 0 });
  });

  test('the accumulator refuses records after its result (the result is final)', () => {
    const impact = createImpact(compile(history(50)), compile(history(60)));
    impact.result();
    expect(() => impact.add(rows[0] as Record<string, unknown>)).toThrow(/after result/);
  });
});
