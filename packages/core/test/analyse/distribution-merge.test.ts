import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { compileModel, createDistribution, createScorer, parseDay, type DistributionSummary, type HealthModel, type ScoreSummary } from '@vitals/core';
import { readRows } from '@vitals/data';

/**
 * A distribution merged from parts (`state()` of each, `merge`d into one) is exactly the
 * distribution of one accumulator given every result: the playground's preview workers each
 * summarise a share of the accounts and the page merges them. Exactly means every field, to the
 * last bit of every mean and in the same key order — so averages come from sums and counts, and
 * the sums are integers (scores are rounded to the model's precision), which add alike in any order.
 */
const MODELS = new URL('../../../../models/', import.meta.url);

const cases = readdirSync(MODELS).flatMap((name) =>
  readdirSync(new URL(`${name}/`, MODELS))
    .filter((file) => /^model.*\.yaml$/.test(file))
    .map((file) => ({ name: `${name}/${file}`, model: new URL(`${name}/${file}`, MODELS), data: new URL(`${name}/sample.csv`, MODELS) })),
);

function results(model: HealthModel, csv: string): ScoreSummary[] {
  const scorer = createScorer(model.evaluator, { asOf: parseDay('2026-03-01') });
  return readRows(csv, { format: 'csv', file: 'sample.csv' }).rows.flatMap((row) => (row.record === null ? [] : [scorer.score(row.record)]));
}

function summaryOf(model: HealthModel, all: readonly ScoreSummary[]): DistributionSummary {
  const one = createDistribution(model.plan);
  for (const result of all) one.add(result);
  return one.summary();
}

/** Each part's tallies made apart, then merged into a fresh accumulator. */
function mergedOf(model: HealthModel, parts: readonly (readonly ScoreSummary[])[]): DistributionSummary {
  const merged = createDistribution(model.plan);
  for (const part of parts) {
    const tally = createDistribution(model.plan);
    for (const result of part) tally.add(result);
    merged.merge(structuredClone(tally.state()));
  }
  return merged.summary();
}

/** Splits that keep the order, and ones that do not (the workers' parts arrive in any order). */
const SPLITS: readonly { name: string; split: <T>(all: readonly T[]) => T[][] }[] = [
  { name: 'two halves', split: (all) => [all.slice(0, all.length >> 1), all.slice(all.length >> 1)] },
  { name: 'three, the last first', split: (all) => [all.slice((2 * all.length) / 3), all.slice(0, all.length / 3), all.slice(all.length / 3, (2 * all.length) / 3)] },
  { name: 'odd and even, reversed', split: (all) => [all.filter((_, i) => i % 2 === 1).reverse(), all.filter((_, i) => i % 2 === 0)] },
  { name: 'one part empty', split: (all) => [[], [...all]] },
];

describe.each(cases)('$name on its sample data', ({ model: modelFile, data }) => {
  const model = compileModel(readFileSync(modelFile, 'utf8')).model as HealthModel;
  const all = results(model, readFileSync(data, 'utf8'));
  const single = summaryOf(model, all);

  test.each(SPLITS)('merged from $name: exactly the single summary', ({ split }) => {
    expect(all.length).toBeGreaterThan(0);
    const merged = mergedOf(model, split(all));
    expect(JSON.stringify(merged)).toBe(JSON.stringify(single));
  });
});

test('category averages are averages of every account, not of the parts: 3 accounts at 10 and 1 at 50 average 20', () => {
  const model = compileModel(`vitals: 1
model: two
bands: [ { name: red, below: 40 }, { name: green } ]
inputs: { usage: { type: number } }
categories: { product: { weight: 1 } }
metrics: { usage: { category: product, value: usage, score: identity } }
`).model as HealthModel;
  const scorer = createScorer(model.evaluator);
  const scored = [10, 10, 10, 50].map((usage) => scorer.score({ usage }));
  const merged = mergedOf(model, [scored.slice(0, 3), scored.slice(3)]);
  expect(merged.categories[0]?.mean).toBe(20);
  expect(merged.stats?.mean).toBe(20);
});

test('tallies of another model are refused: a bug, not a silently wrong number', () => {
  const compile = (threshold: number) => compileModel(`vitals: 1
model: two
bands: [ { name: red, below: ${threshold} }, { name: green } ]
inputs: { usage: { type: number } }
categories: { product: { weight: 1 } }
metrics: { usage: { category: product, value: usage, score: identity } }
`).model as HealthModel;
  const other = createDistribution(compile(40).plan).state();
  expect(() => createDistribution(compile(50).plan).merge(other)).toThrow(/bug: merging the distribution of model/);
});
