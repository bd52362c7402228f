import { describe, expect, test } from 'vitest';
import { aucOfCounts, placements } from '../../../src/analyse/backtest/auc.js';
import { aucCovariance } from '../../../src/analyse/backtest/auc-covariance.js';
import { seededRandom } from '../../../src/analyse/backtest/seeded-random.js';
import { countGroups, groupScores } from '../../../src/analyse/backtest/score-groups.js';

/** Scores and labels (1 = churned) as the statistics take them. */
function sample(churned: number[], retained: number[]) {
  const scores = Float64Array.from([...churned, ...retained]);
  const labels = Uint8Array.from([...churned.map(() => 1), ...retained.map(() => 0)]);
  const groups = groupScores(scores);
  return { scores, labels, groups, placements: placements(countGroups(groups, labels)) };
}

// Worked by hand. Low scores mean risk, so each churned score earns 1 per retained score above it
// and ½ per retained score equal to it:
//   churned 10: 20 30 40 50 50 above → 5;  churned 20 (twice): 30 40 50 50 above, 20 equal → 4.5 each;
//   churned 40: 50 50 above, 40 equal → 2.5.   AUC = (5 + 4.5 + 4.5 + 2.5) / (4 × 5) = 16.5 / 20.
const HAND = sample([10, 20, 20, 40], [20, 30, 40, 50, 50]);

describe('AUC (low score = risk, ties half)', () => {
  test('a small case with ties, worked by hand: 0.825', () => {
    expect(HAND.placements.auc).toBeCloseTo(0.825, 12);
    expect(aucOfCounts(countGroups(HAND.groups, HAND.labels))).toBeCloseTo(0.825, 12);
  });

  test.each([
    ['churned all below', [1, 2], [3, 4], 1],
    ['churned all above (the score points the wrong way)', [3, 4], [1, 2], 0],
    ['every score equal', [5, 5], [5, 5, 5], 0.5],
  ])('%s → %s', (_name, churned, retained, expected) => {
    expect(sample(churned, retained).placements.auc).toBe(expected);
  });

  test('placements by hand: churned 1, .9, .9, .5; retained .5, .75, .875, 1, 1', () => {
    const { groups, placements: p } = HAND;
    const ofChurned = [10, 20, 20, 40].map((s) => p.ofPositive[groups.values.indexOf(s)]);
    const ofRetained = [20, 30, 40, 50, 50].map((s) => p.ofNegative[groups.values.indexOf(s)]);
    expect(ofChurned).toEqual([1, 0.9, 0.9, 0.5]);
    expect(ofRetained).toEqual([0.5, 0.75, 0.875, 1, 1]);
  });

  test("DeLong's variance by hand: S10/4 + S01/5 = (0.1475/3)/4 + (0.175/4)/5", () => {
    const scoring = { group: HAND.groups.group, placements: HAND.placements };
    const [[variance]] = aucCovariance([scoring], HAND.labels, null) as [[number]];
    expect(variance).toBeCloseTo(0.1475 / 3 / 4 + 0.175 / 4 / 5, 12);
  });

  test('clustered variance with one snapshot per account, by hand: 9/8 · (0.1475/16 + 0.175/25)', () => {
    const scoring = { group: HAND.groups.group, placements: HAND.placements };
    const [[variance]] = aucCovariance([scoring], HAND.labels, Int32Array.from({ length: 9 }, (_, i) => i)) as [[number]];
    expect(variance).toBeCloseTo((9 / 8) * (0.1475 / 16 + 0.175 / 25), 12);
  });

  test("two identical snapshots per account: DeLong's variance halves, the clustered one does not move", () => {
    const twice = sample([10, 20, 20, 40, 10, 20, 20, 40], [20, 30, 40, 50, 50, 20, 30, 40, 50, 50]);
    const accounts = Int32Array.from([0, 1, 2, 3, 0, 1, 2, 3, 4, 5, 6, 7, 8, 4, 5, 6, 7, 8]);
    const once = aucCovariance([{ group: HAND.groups.group, placements: HAND.placements }], HAND.labels, Int32Array.from({ length: 9 }, (_, i) => i))[0]?.[0] as number;
    const naive = aucCovariance([{ group: twice.groups.group, placements: twice.placements }], twice.labels, null)[0]?.[0] as number;
    const clustered = aucCovariance([{ group: twice.groups.group, placements: twice.placements }], twice.labels, accounts)[0]?.[0] as number;
    expect(twice.placements.auc).toBeCloseTo(0.825, 12);
    expect(clustered).toBeCloseTo(once, 12);
    expect(naive).toBeLessThan(0.6 * clustered);
  });
});

describe('against an independent computation on random rows', () => {
  // 3,000 rows with scores on a coarse grid (many ties), churn likelier at low scores.
  const random = seededRandom(42);
  const n = 3000;
  const scores = new Float64Array(n);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const score = random.below(101) / 2;
    scores[i] = score;
    labels[i] = random.below(100) < 60 - score ? 1 : 0;
  }
  const groups = groupScores(scores);
  const p = placements(countGroups(groups, labels));

  /** Every churned/retained pair, compared directly: O(n²), no grouping, no sorting. */
  function bruteForce() {
    const churned: number[] = [];
    const retained: number[] = [];
    for (let i = 0; i < n; i++) (labels[i] === 1 ? churned : retained).push(scores[i] as number);
    const credit = (a: number, b: number) => (a < b ? 1 : a === b ? 0.5 : 0);
    const v10 = churned.map((c) => retained.reduce((s, r) => s + credit(c, r), 0) / retained.length);
    const v01 = retained.map((r) => churned.reduce((s, c) => s + credit(c, r), 0) / churned.length);
    const auc = v10.reduce((a, b) => a + b, 0) / churned.length;
    const s10 = v10.reduce((s, v) => s + (v - auc) ** 2, 0) / (churned.length - 1);
    const s01 = v01.reduce((s, v) => s + (v - auc) ** 2, 0) / (retained.length - 1);
    return { auc, variance: s10 / churned.length + s01 / retained.length };
  }

  test('the AUC and its DeLong variance match the pairwise definition', () => {
    const expected = bruteForce();
    expect(p.auc).toBeCloseTo(expected.auc, 12);
    expect(aucCovariance([{ group: groups.group, placements: p }], labels, null)[0]?.[0]).toBeCloseTo(expected.variance, 14);
    expect(p.auc).toBeGreaterThan(0.6);
  });
});
