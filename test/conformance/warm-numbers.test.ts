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

/** An operator in a formula (a `value:` or `when:` line) and what a person might retype it as. */
const OPERATORS = [['+', '-', '*', '/'], ['<', '<=', '>', '>=']] as const;
const FORMULA_LINE = /^[ \t]*(?:value|when):.*$/gm;
const OPERATOR = / (\+|-|\*|\/|<=|>=|<|>) /g;

function operatorPlaces(text: string): { at: number; op: string }[] {
  return [...text.matchAll(FORMULA_LINE)].flatMap((line) => [...line[0].matchAll(OPERATOR)].map((op) => ({ at: (line.index ?? 0) + (op.index ?? 0) + 1, op: op[1] as string })));
}

/**
 * With `numbers: 'data'` each expression is a function of its own, so a model edited in a formula
 * reuses the step an earlier model made and ran (optimised for that model's functions) with the
 * edited formula's new function: it must score exactly as the reference interpreter.
 */
describe.each(examples)('%s, edited in its formulas', (name) => {
  const text = readFileSync(join(MODELS, name, 'model.yaml'), 'utf8');
  const records = parse(readFileSync(join(MODELS, name, 'sample.csv')), { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
  const places = operatorPlaces(text);

  test('scores as the reference, reusing the step with the edited formula new', () => {
    expect(places.length, 'the model has formulas with operators').toBeGreaterThan(0);
    const warmed = compiledEvaluator(planOrNothing(text) as Plan, { numbers: 'data' });
    for (let i = 0; i < 20; i++) scored(warmed, records);
    let reusedWithNew = 0;
    fc.assert(
      fc.property(fc.nat({ max: places.length - 1 }), fc.nat({ max: 2 }), (place, pick) => {
        const { at, op } = places[place] as (typeof places)[number];
        const others = (OPERATORS.find((group) => (group as readonly string[]).includes(op)) ?? []).filter((o) => o !== op);
        const plan = planOrNothing(`${text.slice(0, at)}${others[pick % others.length] as string}${text.slice(at + op.length)}`);
        if (plan === undefined) return; // a date plus a date, say
        const warm = compiledEvaluator(plan, { numbers: 'data' });
        if (warm.reused && warm.made > 0) reusedWithNew++;
        expect(scored(warm, records)).toEqual(scored(referenceEvaluator(plan), records));
      }),
      { numRuns: 10, seed: SEED },
    );
    expect(reusedWithNew, 'formula edits reused the step with a new function').toBeGreaterThan(0);
  });
});

describe('what reuses the step function', () => {
  const base = `
vitals: 1
model: tiny
bands: [{ name: low, below: 50 }, { name: high }]
inputs: { x: { type: number, min: 0 }, y: { type: number } }
categories: { all: { weight: 1 } }
metrics: { m: { category: all, value: x * 2, score: { linear: { from: 0, to: 80 } } } }
`;
  const evaluator = (text: string) => compiledEvaluator(planOrNothing(text) as Plan, { numbers: 'data' });
  // The step is reused, or made (1); and the functions made for the model's one expression (0 or 1).
  test.each([
    ['a band threshold', 'below: 50', 'below: 55', true, 0],
    ['a formula literal', 'x * 2', 'x * 3', true, 0],
    ['a linear bound', 'to: 80', 'to: 90', true, 0],
    ['an input bound', 'min: 0', 'min: 1', true, 0],
    ['a formula operator', 'x * 2', 'x + 2', true, 1],
    ["a round's decimals", 'value: x * 2', 'value: "round(x * 2, 1)"', true, 1],
    ['a formula reading another input', 'x * 2', 'x * y', false, 1],
    ['a band name', 'name: high', 'name: top', false, 0],
  ])('%s', (_, from, to, reused, expressions) => {
    const first = evaluator(base);
    const second = evaluator(base.replace(from, to));
    expect(second.reused).toBe(reused);
    expect(second.made).toBe((reused ? 0 : 1) + expressions);
    expect(second.source === first.source).toBe(second.made === 0);
    for (const record of [{ x: 30, y: 2 }, { x: 0.125, y: null }, { x: 'none' }]) {
      expect(second.step(record, undefined).result).toEqual(referenceEvaluator(second.plan).step(record, undefined).result);
      expect(second.stepSummary(record, undefined).result).toEqual(referenceEvaluator(second.plan).stepSummary(record, undefined).result);
    }
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
