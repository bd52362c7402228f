import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import {
  analyseImpact,
  compile,
  createDistribution,
  createVariantRun,
  editedModel,
  parseSweep,
  parseTargetShares,
  rankKnobs,
  sensitivityKnobs,
  thresholdsForShares,
  type HealthModel,
  type VariantOutcome,
} from '@vitals/core';

const SAAS_TEXT = readFileSync(new URL('../../../../../models/saas-seven-metrics/model.yaml', import.meta.url), 'utf8');
const SAAS_ROWS = parse(readFileSync(new URL('../../../../../models/saas-seven-metrics/sample.csv', import.meta.url)), { columns: true }) as Record<string, string>[];

function variant(text: string, path: string, value: number): HealthModel {
  const edited = editedModel(text, [{ path, value }]);
  if (edited.model === undefined) throw new Error(`${path}=${value}: ${edited.issues.map((i) => i.message).join('; ')}${edited.diagnostics.map((d) => d.message).join('; ')}`);
  return edited.model;
}

describe('a sweep', () => {
  test('PATH=FROM:TO:STEP gives the values as written, the end included when a step lands on it', () => {
    expect(parseSweep('categories.product.weight=10:90:20').value).toEqual({ path: 'categories.product.weight', values: [10, 30, 50, 70, 90] });
    expect(parseSweep('bands.red=0.1:0.5:0.1').value?.values).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(parseSweep('bands.red=50:30:-10').value?.values).toEqual([50, 40, 30]);
    expect(parseSweep('bands.red=10:20:3').value?.values).toEqual([10, 13, 16, 19]);
    expect(parseSweep('bands.red=10:20:-1').issues[0]?.message).toBe('`bands.red=10:20:-1 (the step does not lead from FROM to TO)` is not PATH=VALUE');
    expect(parseSweep('bands.red=10:x:1').issues[0]?.message).toBe('`x` is not a number, and a sweep of `bands.red` needs FROM:TO:STEP in numbers');
    expect(parseSweep('bands.red=0:1000:1').issues[0]?.message).toMatch(/1001 values; at most 201/);
  });

  test('each point equals a separate scoring run of the model with that value (band shares, mean, accounts changing band)', () => {
    const base = compile(SAAS_TEXT);
    const values = parseSweep('categories.product.weight=10:90:20').value?.values as number[];
    const models = values.map((value) => variant(SAAS_TEXT, 'categories.product.weight', value));
    const run = createVariantRun(base, models.map((model, i) => ({ label: String(values[i]), model })));
    for (const row of SAAS_ROWS) run.add(row);
    const { variants } = run.result();
    models.forEach((model, i) => {
      // the separate run: what `vitals report` computes, and what `vitals diff` counts as a band change
      const distribution = createDistribution(model.plan);
      for (const row of SAAS_ROWS) distribution.add(model.evaluate(row));
      const summary = distribution.summary();
      const point = variants[i] as VariantOutcome;
      expect(point.bands.map((b) => [b.name, b.count, b.share])).toEqual(summary.bands.map((b) => [b.name, b.count, b.share]));
      expect(point.mean).toBeCloseTo(summary.stats?.mean as number, 10);
      expect([point.scored, point.unscored]).toEqual([summary.scored, summary.unscored]);
      expect(point.changed_band).toBe(analyseImpact(base, model, SAAS_ROWS).data.band_changes.changed);
    });
    // the sweep moves something: product's weight matters on this data
    expect(new Set(variants.map((v) => v.changed_band)).size).toBeGreaterThan(1);
  });
});

describe('with history', () => {
  const text = readFileSync(new URL('../../../../../models/lifecycle-b2b/model.yaml', import.meta.url), 'utf8');
  const rows = parse(readFileSync(new URL('../../../../../models/lifecycle-b2b/sample.csv', import.meta.url)), { columns: true }) as Record<string, string>[];

  test.each(['account', 'snapshot'] as const)("each variant agrees with the impact analysis of that one change (unit '%s')", (unit) => {
    const base = compile(text);
    const changes = [
      ['bands.red', 55],
      ['hysteresis', 0],
      ['categories.sentiment.weight', 10],
    ] as const;
    const models = changes.map(([path, value]) => variant(text, path, value));
    const run = createVariantRun(base, models.map((model, i) => ({ label: String(i), model })), { unit });
    for (const row of rows) run.add(row);
    const result = run.result();
    expect(result.unit).toBe(unit);
    models.forEach((model, i) => {
      const impact = analyseImpact(base, model, rows, { unit }).data;
      const point = result.variants[i] as VariantOutcome;
      expect(point.changed_band).toBe(impact.band_changes.changed);
      expect(point.bands.map((b) => b.count)).toEqual(impact.distribution.head.bands.map((b) => b.count));
      expect(point.mean).toBeCloseTo(impact.distribution.head.stats?.mean as number, 10);
    });
    expect(result.variants.some((v) => v.changed_band > 0)).toBe(true);
  });
});

/** The nine hand-worked accounts of create-impact.test.ts: score = (usage + nps) / 2, bands red < 40 ≤ amber < 70 ≤ green. */
const TINY = `vitals: 1
model: tiny
bands: [ { name: red, below: 40 }, { name: amber, below: 70 }, { name: green } ]
data: { id: account }
inputs: { account: { type: string }, usage: { type: number }, nps: { type: number } }
categories: { product: { weight: 1 } }
metrics:
  usage: { category: product, value: usage, score: identity }
  nps: { category: product, value: nps, score: identity }
missing: { min_coverage: 0.5 }
`;
const TINY_ROWS = [
  [80, 80], [90, 30], [20, 70], [30, 30], [50, 95], [45, 34], [null, 60], [100, null],
].map(([usage, nps], i) => ({ account: String.fromCharCode(97 + i), usage, nps })); // scores 80, 60, 45, 30, 72.5, 39.5, 60, 100

describe('sensitivity', () => {
  test('every weight ±10 % and every threshold ±5 points, ranked by accounts that change band', () => {
    const base = compile(TINY);
    const knobs = sensitivityKnobs(base.plan);
    expect(knobs.map((k) => `${k.path} ${k.moves.join('/')}`)).toEqual([
      'categories.product.weight 0.9/1.1',
      'metrics.usage.weight 0.9/1.1',
      'metrics.nps.weight 0.9/1.1',
      'bands.red 35/45',
      'bands.amber 65/75',
      'categories.product.bands.red 35/45',
      'categories.product.bands.amber 65/75',
      'metrics.usage.bands.red 35/45',
      'metrics.usage.bands.amber 65/75',
      'metrics.nps.bands.red 35/45',
      'metrics.nps.bands.amber 65/75',
    ]);
    const moves = knobs.flatMap((knob) => knob.moves.map((value) => ({ label: `${knob.path}=${value}`, model: variant(TINY, knob.path, value as number), watch: knob.watch })));
    const run = createVariantRun(base, moves);
    for (const row of TINY_ROWS) run.add(row);
    const outcomes = run.result().variants;
    const ranked = rankKnobs(knobs, knobs.map((_, i) => [outcomes[2 * i] ?? null, outcomes[2 * i + 1] ?? null]));
    const byPath = Object.fromEntries(ranked.map((k) => [k.path, [k.down?.changed_band, k.up?.changed_band]]));
    // red below 35: f (39.5) turns amber; below 45: nobody scores 40–45. Amber below 75: e (72.5) turns amber.
    expect(byPath['bands.red']).toEqual([1, 0]);
    expect(byPath['bands.amber']).toEqual([0, 1]);
    // one category: its weight cannot change anything — decoration
    expect(byPath['categories.product.weight']).toEqual([0, 0]);
    // nps red below 35 or 45: the 30s and 34 are red either way, and no nps lies from 35 to 45
    expect(byPath['metrics.nps.bands.red']).toEqual([0, 0]);
    // usage red below 45: f's usage 45 is not below it; below 35: no usage from 35 to 40
    expect(byPath['metrics.usage.bands.red']).toEqual([0, 0]);
    expect(ranked.slice(0, 2).map((k) => k.path).sort()).toEqual(['bands.amber', 'bands.red'].sort());
  });

  test('a knob equals a separate diff of that one move', () => {
    const base = compile(SAAS_TEXT);
    const knob = sensitivityKnobs(base.plan).find((k) => k.path === 'metrics.seat_utilisation.weight');
    const [down, up] = knob?.moves as [number, number];
    const run = createVariantRun(base, [down, up].map((value) => ({ label: String(value), model: variant(SAAS_TEXT, 'metrics.seat_utilisation.weight', value) })));
    for (const row of SAAS_ROWS) run.add(row);
    expect(run.result().variants.map((v) => v.changed_band)).toEqual(
      [down, up].map((value) => analyseImpact(base, variant(SAAS_TEXT, 'metrics.seat_utilisation.weight', value), SAAS_ROWS).data.band_changes.changed),
    );
  });
});

describe('--target: thresholds for a band distribution', () => {
  test('shares: even, or a percentage per band adding up to 100', () => {
    expect(parseTargetShares('even', ['red', 'amber', 'green']).value).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(parseTargetShares('red=25, amber=40, green=35', ['red', 'amber', 'green']).value).toEqual([0.25, 0.4, 0.35]);
    expect(parseTargetShares('red=25,amber=40', ['red', 'amber', 'green']).issues[0]?.message).toBe('no share for `green`');
    expect(parseTargetShares('red=50,amber=40,green=35', ['red', 'amber', 'green']).issues[0]?.message).toBe('the shares add up to 125, not 100');
    expect(parseTargetShares('rd=25,amber=40,green=35', ['red', 'amber', 'green']).issues[0]).toMatchObject({ message: 'the model has no band `rd`', hint: 'did you mean `red`?' });
    expect(parseTargetShares('red:25', ['red', 'amber', 'green']).issues[0]?.code).toBe('target-syntax');
  });

  test('even thirds of eight scores, by hand: three below 60, two from 60 to 72.5, three above — equal scores are never split', () => {
    const base = compile(TINY);
    const run = createVariantRun(base, []);
    for (const row of TINY_ROWS) run.add(row);
    const scores = run.result().baseScores;
    expect([...scores]).toEqual([30, 39.5, 45, 60, 60, 72.5, 80, 100]);
    const search = thresholdsForShares(scores, [1 / 3, 1 / 3, 1 / 3], base.plan);
    // a third of 8 is 2.67 → 3 below the first threshold (60); two thirds 5.33 → 5 below the second (72.5)
    expect(search.thresholds).toEqual([
      { band: 'red', before: 40, after: 60 },
      { band: 'amber', before: 70, after: 72.5 },
    ]);
    expect(search.expected).toEqual([3 / 8, 2 / 8, 3 / 8]);
    const head = editedModel(TINY, search.thresholds.map((t) => ({ path: `bands.${t.band}`, value: t.after }))).model as HealthModel;
    expect(analyseImpact(base, head, TINY_ROWS).data.distribution.head.bands.map((b) => b.count)).toEqual([3, 2, 3]);
  });
});
