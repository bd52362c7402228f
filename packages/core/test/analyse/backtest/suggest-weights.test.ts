import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { compile, formatModel, planModel } from '@vitals/core';
import { createBacktest, type CollectedBacktest } from '../../../src/analyse/backtest/collect-backtest.js';
import { fitNonNegativeLogistic } from '../../../src/analyse/backtest/logistic-fit.js';
import { modelWithWeights } from '../../../src/analyse/backtest/model-with-weights.js';
import { wholePercentages } from '../../../src/analyse/backtest/readable-weights.js';
import { seededRandom } from '../../../src/analyse/backtest/seeded-random.js';
import { suggestWeights } from '../../../src/analyse/backtest/suggest-weights.js';

const MODEL = `vitals: 1
model: three_metrics
scale: { min: 0, max: 100 }
bands: [ { name: red, below: 40 }, { name: amber, below: 70 }, { name: green } ]
inputs:
  a: { type: number }
  b: { type: number }
  c: { type: number }
categories:
  product: { weight: 50 }
  noise: { weight: 50 }
metrics:
  a: { category: product, value: a, score: identity }
  b: { category: product, value: b, score: identity }
  c: { category: noise, value: c, score: identity }
`;

// 2,000 accounts: churn depends strongly on a, weakly on b, not at all on c.
function collected(seedOfData = 3): CollectedBacktest {
  const model = compile(MODEL);
  const random = seededRandom(seedOfData);
  const collector = createBacktest({ plans: [model.plan], outcomeField: 'churned' });
  for (let row = 1; row <= 2000; row++) {
    const record = { a: random.below(101), b: random.below(101), c: random.below(101) };
    const risk = 1 / (1 + Math.exp(-(2.5 - 0.06 * record.a - 0.02 * record.b)));
    collector.add([model.evaluate(record)], random.below(1000) < risk * 1000, { row, line: row + 1 });
  }
  const finished = collector.finish();
  if (!('value' in finished)) throw new Error('refused');
  return finished.value;
}

describe('suggested weights', () => {
  const data = collected();
  const result = suggestWeights(data, { folds: 5, seed: 11 });
  if (!('value' in result)) throw new Error('refused');
  const s = result.value;

  test('the signal is found: a weighs most, b less, c (noise) little; readable whole percentages summing to 100', () => {
    const { a, b, c } = s.weights.metrics as { a: number; b: number; c: number };
    expect(a).toBeGreaterThan(b);
    expect(b).toBeGreaterThan(c);
    expect(c).toBeLessThanOrEqual(5);
    expect(a + b + c).toBe(100);
    expect([a, b, c].every((w) => Number.isInteger(w) && w >= 0)).toBe(true);
    expect(s.weights.categories).toEqual({ product: a + b, noise: c });
  });

  test('out of sample: one AUC per fold, the suggested weights beating the current ones on held-out folds', () => {
    expect(s.crossValidated.suggested.folds).toHaveLength(5);
    expect(s.crossValidated.current.folds).toHaveLength(5);
    expect(s.crossValidated.suggested.mean).toBeGreaterThan(s.crossValidated.current.mean);
    // In sample is at least as good as out of sample, and reported apart from it.
    expect(s.inSample.suggested).toBeGreaterThanOrEqual(s.crossValidated.suggested.mean - 0.02);
  });

  test('reproducible: the same seed gives the same suggestion; another seed other folds, the same fitted weights', () => {
    expect(suggestWeights(data, { folds: 5, seed: 11 })).toEqual(result);
    const other = suggestWeights(data, { folds: 5, seed: 12 });
    if (!('value' in other)) throw new Error('refused');
    expect(other.value.weights).toEqual(s.weights);
    expect(other.value.crossValidated.suggested.folds).not.toEqual(s.crossValidated.suggested.folds);
  });

  test('too few churned accounts for the folds is refused', () => {
    expect(suggestWeights(data, { folds: 5000 })).toMatchObject({ refusal: { code: 'too-few-for-folds', folds: 5000 } });
  });
});

describe('the fit itself', () => {
  test('at the optimum: zero gradient where a coefficient is positive, a gradient pushing below zero where it is 0', () => {
    const data = collected(5);
    const features = data.models[0]?.components.filter((c) => c.kind === 'metric').map((c) => c.scores.map((x) => x / 100)) as Float64Array[];
    // A fourth feature that raises risk: its coefficient must stay at 0.
    features.push(features[0]?.map((x) => 1 - x) as Float64Array);
    const rows = Int32Array.from({ length: data.labels.length }, (_, i) => i);
    const fit = fitNonNegativeLogistic(features, data.labels, rows, { tolerance: 1e-10, maxSweeps: 20000 });
    const lambda = 1e-3 * rows.length;
    const gradient = features.map((x, j) => {
      let g = lambda * (fit.coefficients[j] as number);
      for (const i of rows) {
        const eta = fit.intercept - features.reduce((s, f, k) => s + (fit.coefficients[k] as number) * (f[i] as number), 0);
        g -= (1 / (1 + Math.exp(-eta)) - (data.labels[i] as number)) * (x[i] as number);
      }
      return g;
    });
    expect(fit.coefficients[3]).toBe(0);
    expect(gradient[3]).toBeGreaterThan(0);
    for (const j of [0, 1]) {
      expect(fit.coefficients[j]).toBeGreaterThan(0);
      expect(Math.abs(gradient[j] as number)).toBeLessThan(1e-3);
    }
  });

  test.each([
    [[1, 1, 1], [34, 33, 33]],
    [[0.5, 0.25, 0.25], [50, 25, 25]],
    [[2, 0, 1], [67, 0, 33]],
    [[0, 0], [0, 0]],
    [[0.001, 10], [0, 100]],
  ])('whole percentages of %j → %j', (shares, expected) => {
    expect(wholePercentages(shares)).toEqual(expected);
  });
});

describe('the model with other weights', () => {
  const models = readdirSync(join(import.meta.dirname, '../../../../../models'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

  test.each(models)('models/%s: only the weights change, and `vitals fmt` would not move anything', (name) => {
    const file = `models/${name}/model.yaml`;
    const text = readFileSync(join(import.meta.dirname, '../../../../..', file), 'utf8');
    const plan = planModel(text, file).plan;
    if (plan === undefined) throw new Error(`${file} does not compile`);
    const weights = {
      categories: Object.fromEntries(plan.categories.map((c, i) => [c.key, 10 + i])),
      metrics: Object.fromEntries(plan.metrics.map((m, i) => [m.key, 1 + (i % 3)])),
    };
    const changed = modelWithWeights(text, file, weights);
    const after = planModel(changed, file).plan;
    expect(after?.categories.map((c) => c.weight)).toEqual(plan.categories.map((_, i) => 10 + i));
    expect(after?.metrics.map((m) => m.weight)).toEqual(plan.metrics.map((_, i) => 1 + (i % 3)));
    expect(formatModel(changed, file).value).toBe(changed);
    const lines = (t: string) => t.split('\n').filter((l) => !/^\s*weight: \d+$/.test(l)).map((l) => l.replace(/,? weight: \d+/, ''));
    expect(lines(changed)).toEqual(lines(text));
  });
});
