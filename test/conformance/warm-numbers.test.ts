import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compiledEvaluator, createScorer, createSummaryScorer, planModel, referenceEvaluator, type Evaluator, type Plan } from '@vitals/core';

/**
 * With `numbers: 'data'` (the playground's), a model edited only in its numbers (weights,
 * thresholds, scale bounds, map scores, input bounds, minimum coverage) generates the same source,
 * so the compiled evaluator reuses the step function an earlier model made, already run and
 * optimised, with the new numbers in its context. That warm path must score exactly as a fresh
 * compile of the edited model (numbers as data, and as literals, the default) and as the reference
 * interpreter: every example model, random numeric edits, over its sample data, in full and in
 * summary, with history carried from snapshot to snapshot.
 */
const MODELS = join(import.meta.dirname, '../../models');
const examples = readdirSync(MODELS).filter((name) => existsSync(join(MODELS, name, 'sample.csv'))).sort();
const AS_OF = { asOf: Date.UTC(2026, 5, 30) / 86_400_000 };
const SEED = Number(process.env['FC_SEED'] ?? 20261130);
/** The numbers a person tweaks, by key; `precision` and `vitals` are not among them (they shape the code). */
const NUMBER = /\b(below|weight|from|to|min|max|score|min_coverage|hysteresis): (-?\d+(?:\.\d+)?)\b/g;

function planOrNothing(text: string): Plan | undefined {
  const { plan, diagnostics } = planModel(text, 'model.yaml');
  return diagnostics.some((d) => d.severity === 'error') ? undefined : plan;
}

/** Every result and state of each evaluator over the records, in full and in summary. */
function scored(evaluator: Evaluator, records: readonly Record<string, string>[]): unknown[] {
  const full = createScorer(evaluator, AS_OF);
  const summary = createSummaryScorer(evaluator, AS_OF);
  return records.map((record) => [full.score(record), summary.score(record)]);
}

describe.each(examples)('%s, edited in its numbers', (name) => {
  const text = readFileSync(join(MODELS, name, 'model.yaml'), 'utf8');
  const records = parse(readFileSync(join(MODELS, name, 'sample.csv')), { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
  const places = [...text.matchAll(NUMBER)].map((m) => ({ at: (m.index ?? 0) + m[0].length - (m[2] as string).length, length: (m[2] as string).length, key: m[1] as string }));
  const edits = fc.array(fc.record({ place: fc.nat({ max: places.length - 1 }), value: fc.integer({ min: -100, max: 1100 }).map((n) => n / 10) }), { minLength: 1, maxLength: 4 });

  test('scores as a fresh compile and as the reference, reusing the optimised step', () => {
    const original = planOrNothing(text) as Plan;
    const warmed = compiledEvaluator(original, { numbers: 'data' });
    // Runs it often enough for the engine to optimise it on the original numbers.
    for (let i = 0; i < 20; i++) scored(warmed, records);
    let reused = 0;
    fc.assert(
      fc.property(edits, (changes) => {
        let edited = text;
        for (const { place, value } of [...changes].sort((a, b) => b.place - a.place)) {
          const { at, length, key } = places[place] as (typeof places)[number];
          edited = `${edited.slice(0, at)}${key === 'weight' ? Math.abs(value) : value}${edited.slice(at + length)}`;
        }
        const plan = planOrNothing(edited);
        if (plan === undefined) return; // thresholds out of order, a bound that excludes a default…
        const warm = compiledEvaluator(plan, { numbers: 'data' });
        const fresh = compiledEvaluator(plan, { numbers: 'data', reuse: false });
        const inline = compiledEvaluator(plan, { reuse: false });
        expect(fresh.reused).toBe(false);
        if (warm.reused) reused++;
        const expected = scored(referenceEvaluator(plan), records);
        expect(scored(warm, records)).toEqual(expected);
        expect(scored(fresh, records)).toEqual(expected);
        expect(scored(inline, records)).toEqual(expected);
      }),
      { numRuns: 12, seed: SEED },
    );
    expect(reused, 'numeric edits reused the step function').toBeGreaterThan(0);
  });
});

describe('what reuses the step function', () => {
  const base = `
vitals: 1
model: tiny
bands: [{ name: low, below: 50 }, { name: high }]
inputs: { x: { type: number, min: 0 } }
categories: { all: { weight: 1 } }
metrics: { m: { category: all, value: x * 2, score: { linear: { from: 0, to: 80 } } } }
`;
  const evaluator = (text: string) => compiledEvaluator(planOrNothing(text) as Plan, { numbers: 'data' });
  test.each([
    ['a band threshold', 'below: 50', 'below: 55', true],
    ['a formula literal', 'x * 2', 'x * 3', true],
    ['a linear bound', 'to: 80', 'to: 90', true],
    ['an input bound', 'min: 0', 'min: 1', true],
    ['a formula operator', 'x * 2', 'x + 2', false],
    ['a band name', 'name: high', 'name: top', false],
  ])('%s', (_, from, to, reused) => {
    const first = evaluator(base);
    const second = evaluator(base.replace(from, to));
    expect(second.reused).toBe(reused);
    expect(second.source === first.source).toBe(reused);
    expect(second.step({ x: 30 }, undefined).result).toEqual(referenceEvaluator(second.plan).step({ x: 30 }, undefined).result);
  });
});

test('with numbers inline (the default) a numeric edit makes new code', () => {
  const text = readFileSync(join(MODELS, 'saas-seven-metrics/model.yaml'), 'utf8');
  const first = compiledEvaluator(planOrNothing(text) as Plan);
  const second = compiledEvaluator(planOrNothing(text.replace('name: amber, below: 70', 'name: amber, below: 71')) as Plan);
  expect(second.reused).toBe(false);
  expect(second.source).not.toBe(first.source);
  expect(second.source).toContain('(71)');
});
