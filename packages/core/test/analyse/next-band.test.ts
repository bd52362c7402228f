import { describe, expect, test } from 'vitest';
import { compile, nextBand } from '@vitals/core';
import { boundary, readableValue } from '../../src/analyse/value-search.js';

// Four metrics of equal weight on a 0–100 scale, so the overall score is their plain mean and
// every case below can be worked out by hand: a band needs (4 × threshold) points in total.
const model = compile(
  `
vitals: 1
model: what_if
scale: { min: 0, max: 100 }
bands:
  - { name: red, below: 40 }
  - { name: amber, below: 70 }
  - { name: green }
inputs:
  usage: { type: number }
  tickets: { type: number }
  tier: { type: enum, values: [bronze, silver, gold] }
  reviews: { type: number }
categories:
  product: { weight: 1 }
metrics:
  usage: { category: product, value: usage, score: { linear: { from: 0, to: 1 } } }
  tickets: { category: product, value: tickets, score: { linear: { from: 10, to: 0 } } }
  tier: { category: product, value: tier, score: { map: { bronze: 0, silver: 50, gold: 100 } } }
  reviews:
    category: product
    value: reviews
    score: { steps: [{ below: 1, score: 0 }, { below: 3, score: 60 }, { score: 100 }] }
`,
  { file: 'what-if.yaml' },
);

const summary = (record: Record<string, unknown>) => {
  const answer = nextBand(model.plan, record);
  return {
    band: answer.band,
    next: answer.next_band,
    blocked: answer.blocked,
    metrics: answer.metrics.map((m) => [m.metric, m.outcome, m.needed === null ? null : `${m.needed.op} ${String(m.needed.value)}`, m.overall_score]),
  };
};

describe('nextBand: the value each metric would need, all else equal', () => {
  test('amber at 65 (80 + 70 + 50 + 60): green needs 280 points, so each metric must make up 20', () => {
    expect(summary({ usage: 0.8, tickets: 3, tier: 'silver', reviews: 2 })).toEqual({
      band: 'amber',
      next: 'green',
      blocked: null,
      metrics: [
        // usage 80 → 100 means a value of 1 (a move of 0.2 of its 0–1 span); overall (100+70+50+60)/4 = 70
        ['usage', 'reachable', '>= 1', 70],
        // tickets 70 → 90 means 1 ticket or fewer (fewer is better; a move of 2 of its 10-ticket span)
        ['tickets', 'reachable', '<= 1', 70],
        // tier silver (50) → gold (100): (80+70+100+60)/4 = 77.5; half the scale
        ['tier', 'reachable', '= gold', 77.5],
        // reviews 60 → 100 needs 3 or more, the next step up: (80+70+50+100)/4 = 75
        ['reviews', 'reachable', '>= 3', 75],
      ],
    });
  });

  test('red at 10 (20 + 20 + 0 + 0): amber needs 160 points, which no metric alone can add', () => {
    expect(summary({ usage: 0.2, tickets: 8, tier: 'bronze', reviews: 0 })).toEqual({
      band: 'red',
      next: 'amber',
      blocked: null,
      metrics: [
        // the overall score with each metric at its best, the closest first:
        // (20+20+100+0)/4, (20+20+0+100)/4, (100+20+0+0)/4, (20+100+0+0)/4
        ['tier', 'unreachable', null, 35],
        ['reviews', 'unreachable', null, 35],
        ['usage', 'unreachable', null, 30],
        ['tickets', 'unreachable', null, 30],
      ],
    });
  });

  test('a missing metric is left out (mean of three, 60): supplying it, or raising another, is the change', () => {
    expect(summary({ tickets: 3, tier: 'silver', reviews: 2 })).toEqual({
      band: 'amber',
      next: 'green',
      blocked: null,
      metrics: [
        // tickets 70 → 100 needs 0 tickets: (100+50+60)/3 = 70; a move of 3 of its 10-ticket span (0.3)
        ['tickets', 'reachable', '<= 0', 70],
        // tier gold: (70+100+60)/3 = 76.67; half the scale (0.5)
        ['tier', 'reachable', '= gold', 76.67],
        // reviews ≥ 3: (70+50+100)/3 = 73.33; one step of a span of 2 (0.5, after tier in model order)
        ['reviews', 'reachable', '>= 3', 73.33],
        // usage supplied at 1: (100+70+50+60)/4 = 70 — from nothing, the whole span (1)
        ['usage', 'reachable', '>= 1', 70],
      ],
    });
  });

  test.each([
    ['green already (100 each)', { usage: 1, tickets: 0, tier: 'gold', reviews: 5 }, 'top-band'],
    ['no data at all', {}, 'not-scored'],
    ['a record the evaluator refuses', { usage: 'lots' }, 'not-scored'],
  ])('%s: nothing to search (%s)', (_name, record, blocked) => {
    const answer = nextBand(model.plan, record);
    expect(answer.blocked).toBe(blocked);
    expect(answer.metrics).toEqual([]);
  });

  test('each reachable answer, applied to the record, really moves the account (checked with the compiled evaluator)', () => {
    const record = { usage: 0.73, tickets: 2.9, tier: 'silver', reviews: 2 };
    const answer = nextBand(model.plan, record);
    const inputFor: Record<string, string> = { usage: 'usage', tickets: 'tickets', tier: 'tier', reviews: 'reviews' };
    const reachable = answer.metrics.filter((m) => m.outcome === 'reachable');
    expect(reachable.length).toBeGreaterThan(0);
    for (const change of reachable) {
      const moved = model.evaluate({ ...record, [inputFor[change.metric] as string]: change.needed?.value });
      expect(moved.band, change.metric).toBe(answer.next_band);
    }
  });
});

test('a metric that is an integer input needs a whole number: 1 ticket, not 1.4', () => {
  const counts = compile(
    `
vitals: 1
model: counts
scale: { min: 0, max: 100 }
bands: [{ name: red, below: 40 }, { name: amber, below: 70 }, { name: green }]
inputs: { usage: { type: number }, tickets: { type: integer, min: 0 } }
categories: { product: { weight: 1 } }
metrics:
  usage: { category: product, value: usage, score: { linear: { from: 0, to: 1 } } }
  tickets: { category: product, value: tickets, score: { linear: { from: 10, to: 0 } } }
`,
    { file: 'counts.yaml' },
  );
  // usage 54 + tickets 40 = 94 / 2 = 47 (amber); green needs 140 points, so tickets must score 86:
  // at most 1.4 tickets, which for a count means 1 (scoring 90, overall 72).
  const tickets = nextBand(counts.plan, { usage: 0.54, tickets: 6 }).metrics.find((m) => m.metric === 'tickets');
  expect(tickets).toMatchObject({ outcome: 'reachable', needed: { op: '<=', value: 1 }, metric_score: 90, overall_score: 72 });
});

describe('value search', () => {
  test.each([
    // [miss, hit, threshold, expected]: the smallest value reaching `x >= threshold`, from either side
    [0, 1, 0.5878282828, 0.5878282828],
    [10, 0, 1.0005, 1.0005],
  ])('boundary(%d, %d) for x crossing %d', (miss, hit, threshold, expected) => {
    const reaches = (x: number) => (hit > miss ? x >= threshold : x <= threshold);
    expect(boundary(miss, hit, reaches)).toBeCloseTo(expected, 12);
  });

  test.each([
    // [value, range, upward, goal threshold, expected]: a thousandth of the range, rounded toward the goal
    [0.5878282828, 1, true, 0.5878282828, 0.588],
    [1.0005, 10, false, 1.0005, 1],
    [37.24, 100, true, 37.24, 37.3],
    // a narrow range asks for finer values: a millionth here
    [0.12345678, 0.001, true, 0.12345678, 0.123457],
  ])('readableValue(%d, range %d, upward %s)', (value, range, upward, threshold, expected) => {
    const reaches = (x: number) => (upward ? x >= threshold : x <= threshold);
    expect(readableValue(value, range, upward, reaches)).toBe(expected);
  });
});

describe('a metric that scores the CSM pulse', () => {
  const pulseModel = compile(
    `
vitals: 1
model: pulse_what_if
scale: { min: 0, max: 100 }
bands: [{ name: red, below: 40 }, { name: amber, below: 70 }, { name: green }]
inputs: { usage: { type: number } }
pulse: { field: pulse, recorded_at: pulse_day }
categories: { all: { weight: 1 } }
metrics:
  usage: { category: all, value: usage, score: identity }
  sentiment: { category: all, value: pulse.score, score: identity }
`,
    { file: 'pulse-what-if.yaml' },
  );

  test('is moved by a pulse level, not a number nobody can set', () => {
    // usage 60, pulse At Risk (40): overall 50, amber. Green needs 70: sentiment 80, so Very Satisfied (85).
    const answer = nextBand(pulseModel.plan, { usage: 60, pulse: 'at_risk', pulse_day: '2026-01-10' }, undefined, { asOf: 20465 });
    const sentiment = answer.metrics.find((m) => m.metric === 'sentiment');
    expect(answer.next_band).toBe('green');
    expect(sentiment).toMatchObject({ outcome: 'reachable', needed: { op: '>=', value: 80 }, pulse_level: { value: 'very_satisfied', score: 85 } });
  });
});
