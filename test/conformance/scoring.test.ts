import { beforeAll, describe, test } from 'vitest';
import type { ScoreResult } from '@vitals/core';
import { ENGINES, expectCarried, planOf } from '../support/evaluators.js';

/** Scores, rounding, bands, roll-ups, missing data and coverage, worked out by hand, on every evaluator. */
const ROLLUP_MODEL = `
vitals: 1
model: rollup
bands: [{ name: red, below: 40 }, { name: amber, below: 70 }, { name: green }]
inputs: { a: { type: number }, b: { type: number }, c: { type: number } }
categories: { one: { weight: 3 }, two: { weight: 1 } }
metrics:
  ma: { category: one, value: a, score: identity, weight: 1 }
  mb: { category: one, value: b, score: identity, weight: 3 }
  mc: { category: two, value: c, score: identity }
missing: { min_coverage: 0.5 }
`;

/** Category weights 0.1 and 0.2 with scores 30 and 45: (3 + 9) / 0.3 is 39.99999999999999 in binary, 40 in decimal. */
const BINARY_FORTY_MODEL = `
vitals: 1
model: binary_forty
bands: [{ name: red, below: 40 }, { name: amber, below: 70 }, { name: green }]
inputs: { a: { type: number }, b: { type: number } }
categories: { one: { weight: 0.1 }, two: { weight: 0.2 } }
metrics:
  ma: { category: one, value: a, score: identity }
  mb: { category: two, value: b, score: identity }
`;

const NORMALISE_MODEL = `
vitals: 1
model: normalise
bands: [{ name: red, below: 40 }, { name: amber, below: 70 }, { name: green }]
inputs:
  u: { type: number }
  t: { type: number }
  tier: { type: enum, values: [basic, pro, enterprise] }
  champion: { type: boolean }
categories: { all: { weight: 1 } }
metrics:
  rising: { category: all, value: u, score: { linear: { from: 0.1, to: 0.9 } } }
  falling: { category: all, value: t, score: { linear: { from: 2, to: 0.5 } } }
  stepped:
    category: all
    value: t
    score: { steps: [{ below: 2, score: 100 }, { below: 5, score: 60 }, { score: 20 }] }
    bands: [{ name: red, below: 30 }, { name: amber, below: 80 }, { name: green }]
  mapped: { category: all, value: tier, score: { map: { basic: 40, pro: 70, enterprise: 100 } } }
  flagged: { category: all, value: champion, score: { map: { "true": 100, "false": 10 } } }
missing: { min_coverage: 0 }
`;

/** (13.2 − 12) / 12 × 100 is 9.999999999999993 in binary: a growth of 10%, so not `below: 10`. */
const STEPS_AS_READ_MODEL = `
vitals: 1
model: steps_as_read
bands: [{ name: red, below: 40 }, { name: amber, below: 70 }, { name: green }]
inputs: { a: { type: number }, b: { type: number } }
categories: { all: { weight: 1 } }
metrics:
  growth: { category: all, value: (a - b) / b * 100, score: { steps: [{ below: 10, score: 50 }, { score: 100 }] } }
`;

const ALTERNATIVE_ROLLUPS = (rollup: string) => `
vitals: 1
model: rollups
bands: [{ name: red, below: 40 }, { name: amber, below: 70 }, { name: green }]
inputs: { a: { type: number }, b: { type: number } }
categories: { one: { weight: 1 }, two: { weight: 1 } }
metrics:
  ma: { category: one, value: a, score: identity }
  mb: { category: two, value: b, score: identity }
rollup: ${rollup}
`;

const MISSING_POLICIES = `
vitals: 1
model: missing
bands: [{ name: red, below: 40 }, { name: amber, below: 70 }, { name: green }]
inputs: { a: { type: number }, b: { type: number }, c: { type: number } }
categories: { one: { weight: 1 } }
metrics:
  ma: { category: one, value: a, score: identity }
  mb: { category: one, value: b, score: identity, missing: { score: 20 } }
  mc: { category: one, value: c, score: identity, missing: unknown }
missing: { min_coverage: 0.3 }
`;

type Expectation = Record<string, unknown>;
const CASES: [name: string, model: string, record: Record<string, unknown>, expected: Expectation][] = [
  // one = (40·1 + 80·3) / 4 = 70; two = 20; overall = (70·3 + 20·1) / 4 = 57.5. Shares: ma .75·.25, mb .75·.75, mc .25.
  ['weighted roll-up with contributions', ROLLUP_MODEL, { a: 40, b: 80, c: 20 }, {
    score: 57.5, band: 'amber', coverage: 1,
    'categories.one': { score: 70, band: 'green', weight: 0.75, contribution: 52.5 },
    'categories.two': { score: 20, band: 'red', weight: 0.25, contribution: 5 },
    'metrics.ma': { weight: 0.1875, contribution: 7.5 },
    'metrics.mb': { weight: 0.5625, contribution: 45 },
    'metrics.mc': { weight: 0.25, contribution: 5 },
  }],
  // a missing: one = 80 (renormalised), coverage .5625 + .25; overall (80·3 + 20) / 4 = 65.
  ['a missing metric is left out and the others renormalised', ROLLUP_MODEL, { a: null, b: 80, c: 20 }, {
    score: 65, band: 'amber', coverage: 0.8125, missing_inputs: ['a'],
    'metrics.ma': { missing: true, score: null, weight: 0, contribution: null },
    'metrics.mb': { weight: 0.75, contribution: 60 },
    'categories.one': { coverage: 0.75 },
  }],
  ['a missing category leaves the overall to the others', ROLLUP_MODEL, { a: 40, b: 80, c: '' }, { score: 70, band: 'green', coverage: 0.75 }],
  // b missing: coverage .1875 + .25 = .4375 < .5.
  ['below min_coverage there is no score, and the result says why', ROLLUP_MODEL, { a: 40, c: 20 }, {
    status: 'unscored', reason: 'insufficient-coverage', score: null, band: null, coverage: 0.4375,
    'categories.one': { score: 40, contribution: null },
  }],
  ['no data at all', ROLLUP_MODEL, {}, { status: 'unscored', reason: 'insufficient-coverage', coverage: 0, score: null }],
  ['scores are clamped to the scale', ROLLUP_MODEL, { a: 150, b: -5, c: 100 }, { 'metrics.ma': { score: 100 }, 'metrics.mb': { score: 1 } }],
  ['exactly 40 is amber (the boundary belongs to the band above)', ROLLUP_MODEL, { a: 40, b: 40, c: 40 }, { score: 40, band: 'amber' }],
  ['39.99 is red', ROLLUP_MODEL, { a: 39.99, b: 39.99, c: 39.99 }, { score: 39.99, band: 'red' }],
  ['exactly 70 is green, 69.99 amber', ROLLUP_MODEL, { a: 70, b: 70, c: 69.96 }, { score: 69.99, band: 'amber', 'categories.one': { band: 'green' } }],
  ['40 reached through binary noise is still 40 and amber', BINARY_FORTY_MODEL, { a: 30, b: 45 }, { score: 40, band: 'amber' }],
  // rising: 1 + (0.5 − 0.1)/0.8 · 99 = 50.5. falling: 1 + (1.25 − 2)/(−1.5) · 99 = 50.5.
  ['linear, rising and inverted', NORMALISE_MODEL, { u: 0.5, t: 1.25 }, { 'metrics.rising': { score: 50.5, band: 'amber' }, 'metrics.falling': { score: 50.5 } }],
  ['linear ends and clamping', NORMALISE_MODEL, { u: 0.9, t: 3 }, { 'metrics.rising': { score: 100 }, 'metrics.falling': { score: 1 } }],
  ['linear below its start', NORMALISE_MODEL, { u: 0.05, t: 0.4 }, { 'metrics.rising': { score: 1 }, 'metrics.falling': { score: 100 } }],
  // 1 + (1/3 − 0.1)/0.8 · 99 = 29.875 → 29.88 (half away from zero).
  ['scores are rounded half away from zero to the precision', NORMALISE_MODEL, { u: 0.1 + 0.7 / 3 }, { 'metrics.rising': { score: 29.88, band: 'red' } }],
  // In binary 9.995 · 100 is 999.4999999999999 and 39.995 · 100 is 3999.4999999999995: each reads as a half, so rounds up (and 40 is amber).
  ['a score just below a half in binary rounds as it reads', ROLLUP_MODEL, { a: 9.995, b: 39.995, c: 1.005 }, {
    'metrics.ma': { score: 10 }, 'metrics.mb': { score: 40, band: 'amber' }, 'metrics.mc': { score: 1.01 },
  }],
  ['steps: just below a step', NORMALISE_MODEL, { t: 1.99 }, { 'metrics.stepped': { score: 100, band: 'green' } }],
  ['steps: a value on a step belongs to the step above', NORMALISE_MODEL, { t: 2 }, { 'metrics.stepped': { score: 60, band: 'amber' } }],
  ['steps: the last step takes the rest', NORMALISE_MODEL, { t: 5 }, { 'metrics.stepped': { score: 20, band: 'red' } }],
  ['steps compare the value as a person reads it', STEPS_AS_READ_MODEL, { a: 13.2, b: 12 }, { 'metrics.growth': { value: 9.999999999999993, score: 100 } }],
  ['a metric with its own bands', NORMALISE_MODEL, { t: 4.99 }, { 'metrics.stepped': { score: 60, band: 'amber' }, 'metrics.falling': { score: 1, band: 'red' } }],
  ['map on an enum', NORMALISE_MODEL, { tier: 'pro' }, { 'metrics.mapped': { value: 'pro', score: 70, band: 'green' } }],
  ['map on a boolean', NORMALISE_MODEL, { champion: 'no' }, { 'metrics.flagged': { value: false, score: 10, band: 'red' } }],
  ['geometric mean', ALTERNATIVE_ROLLUPS('geometric'), { a: 25, b: 100 }, { score: 50, band: 'amber' }],
  ['weakest link caps the score near the worst category', ALTERNATIVE_ROLLUPS('{ weakest_link: { margin: 10 } }'), { a: 90, b: 30 }, { score: 40, band: 'amber' }],
  ['weakest link leaves a score that is not far above the worst', ALTERNATIVE_ROLLUPS('weakest_link'), { a: 60, b: 55 }, { score: 57.5 }],
  // mb missing → fixed 20 (counts against coverage, not against the score): one = (60 + 20 + 90)/3 = 56.67.
  ['missing: { score } imputes a fixed score', MISSING_POLICIES, { a: 60, c: 90 }, {
    score: 56.67, coverage: 0.6667, 'metrics.mb': { score: 20, band: 'red', missing: true, imputed: true },
  }],
  ['missing: unknown makes the whole score unknown', MISSING_POLICIES, { a: 60, b: 50 }, {
    status: 'unscored', reason: 'metric-unknown', score: null, 'categories.one': { score: null },
  }],
];

/** Each case's result, every model's records scored in one batch (the models have no history, so records are independent). */
async function scoreAll(engine: (typeof ENGINES)[number]): Promise<ScoreResult[]> {
  const results: ScoreResult[] = new Array(CASES.length);
  const byModel = new Map<string, number[]>();
  CASES.forEach(([, model], i) => byModel.set(model, [...(byModel.get(model) ?? []), i]));
  for (const [model, indexes] of byModel) {
    const scored = await engine.score(planOf(model), indexes.map((i) => (CASES[i] as (typeof CASES)[number])[2]));
    indexes.forEach((caseIndex, j) => (results[caseIndex] = scored[j] as ScoreResult));
  }
  return results;
}

describe.each(ENGINES)('scoring on the $name engine', (engine) => {
  let results: ScoreResult[];
  beforeAll(async () => {
    if (engine.unavailable === undefined) results = await scoreAll(engine);
  }, 120_000);
  test.skipIf(engine.unavailable !== undefined).each(CASES.map((c, i) => [...c, i] as const))('%s', (_, __, ___, expected, i) => {
    const result = results[i] as ScoreResult;
    for (const [path, value] of Object.entries(expected)) expectCarried(engine, result, path, value);
  });
});
