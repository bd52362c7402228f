import { describe, expect, test } from 'vitest';
import { bandRates, calibration } from '../../../src/analyse/backtest/band-rates.js';
import { groupScores } from '../../../src/analyse/backtest/score-groups.js';
import { wilsonRate } from '../../../src/analyse/backtest/wilson.js';

describe("Wilson's 95% interval", () => {
  // Upper end for 0 of n is z²/(n + z²); 5 of 10 is symmetric around 0.5 with half-width
  // z/(1 + z²/n) · √(p(1−p)/n + z²/4n²) = 0.26342; 41 of 100: centre (0.41 + z²/200)/(1 + z²/100)
  // = 0.413329, half-width 1.887457 · √(0.002419 + 0.0000960) = 0.094656.
  test.each([
    [0, 10, 0, 0.27753],
    [5, 10, 0.23659, 0.76341],
    [10, 10, 0.72247, 1],
    [41, 100, 0.31867, 0.50799],
  ])('%i of %i → %f–%f', (churned, count, low, high) => {
    const rate = wilsonRate(churned, count);
    expect(rate.rate).toBe(churned / count);
    expect(rate.low).toBeCloseTo(low, 4);
    expect(rate.high).toBeCloseTo(high, 4);
  });

  test('an empty band has rate 0 and the widest interval, not NaN', () => {
    expect(wilsonRate(0, 0)).toEqual({ count: 0, churned: 0, rate: 0, low: 0, high: 1 });
  });
});

describe('rates per band and per decile', () => {
  const plan = { names: ['red', 'amber', 'green'], thresholds: [40, 70], titles: [null, null, 'Healthy'], colors: ['#c00', null, null] };

  test('per band: count, churned, rate and lift over the base rate (here 4 of 10)', () => {
    const bands = Int32Array.from([0, 0, 0, 0, 1, 1, 1, 2, 2, 2]);
    const labels = Uint8Array.from([1, 1, 1, 0, 1, 0, 0, 0, 0, 0]);
    const rates = bandRates(plan, bands, labels, 0.4);
    expect(rates.map((r) => [r.band, r.count, r.churned, r.rate, r.lift])).toEqual([
      ['red', 4, 3, 0.75, 1.875],
      ['amber', 3, 1, 1 / 3, 1 / 3 / 0.4],
      ['green', 3, 0, 0, 0],
    ]);
    expect(rates[2]?.title).toBe('Healthy');
  });

  test('deciles keep equal scores together: 20 rows, the score 50 held by 9 of them', () => {
    const scores = Float64Array.from([10, 10, 20, 30, 40, 50, 50, 50, 50, 50, 50, 50, 50, 50, 60, 70, 80, 90, 95, 99]);
    const labels = Uint8Array.from([1, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    const bins = calibration(groupScores(scores), scores, labels);
    // Rows before each group decide its decile: 10 → 0 before (decile 1), 20 → 2 (2), 30 → 3 (2),
    // 40 → 4 (3), 50 → 5 (3), 60 → 14 (8), 70 → 15 (8), 80 → 16 (9), 90 → 17 (9), 95 → 18 (10), 99 → 19 (10).
    expect(bins.map((b) => [b.decile, b.minScore, b.maxScore, b.count, b.churned])).toEqual([
      [1, 10, 10, 2, 2],
      [2, 20, 30, 2, 1],
      [3, 40, 50, 10, 3],
      [8, 60, 70, 2, 0],
      [9, 80, 90, 2, 0],
      [10, 95, 99, 2, 0],
    ]);
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(20);
    expect(bins[2]?.meanScore).toBe(49);
  });
});
