import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compileModel, type InputDeclaration, type Plan, type ScoreResult } from '@vitals/core';

/** For every example model: random records, good and bad, never throw, and every score stays on the scale. */
const MODELS_DIR = join(import.meta.dirname, '../../models');
const modelFiles = readdirSync(MODELS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((dir) => readdirSync(join(MODELS_DIR, dir.name)).filter((f) => /^model.*\.yaml$/.test(f)).map((f) => join(dir.name, f)));

const junk = fc.oneof(fc.string({ maxLength: 6 }), fc.double(), fc.boolean(), fc.constantFrom(null, undefined, '', 'N/A', {}, [], -1, 1e300));

function fieldValue(input: InputDeclaration): fc.Arbitrary<unknown> {
  const good: Record<InputDeclaration['type'], fc.Arbitrary<unknown>> = {
    number: fc.double({ min: input.min ?? -1e6, max: input.max ?? 1e6, noNaN: true }),
    integer: fc.integer({ min: Math.ceil(input.min ?? -1e6), max: Math.floor(input.max ?? 1e6) }),
    boolean: fc.boolean(),
    enum: fc.constantFrom(...(input.values ?? ['x'])),
    string: fc.string({ minLength: 1, maxLength: 8 }),
    date: fc.integer({ min: 19_000, max: 21_000 }).map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10)),
  };
  return fc.oneof({ weight: 8, arbitrary: good[input.type] }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: junk });
}

function recordFor(plan: Plan): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(Object.fromEntries(plan.inputs.map((input) => [input.name, fieldValue(input)])));
}

function expectOnScale(result: ScoreResult, plan: Plan): void {
  const onScale = (score: number | null) => score === null || (score >= plan.scale.min && score <= plan.scale.max);
  expect(onScale(result.score)).toBe(true);
  expect(result.coverage).toBeGreaterThanOrEqual(0);
  expect(result.coverage).toBeLessThanOrEqual(1);
  if (result.band !== null) expect(plan.bands.names).toContain(result.band);
  for (const category of Object.values(result.categories)) expect(onScale(category.score)).toBe(true);
  for (const metric of Object.values(result.metrics)) expect(onScale(metric.score)).toBe(true);
  if (result.status === 'scored') expect(result.score).not.toBeNull();
}

describe.each(modelFiles)('%s', (file) => {
  test('random records never throw and scores stay within the scale', () => {
    const { model, diagnostics } = compileModel(readFileSync(join(MODELS_DIR, file)), { file });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const plan = (model as NonNullable<typeof model>).plan;
    const scorer = (model as NonNullable<typeof model>).scorer({ asOf: '2026-06-30' });
    fc.assert(
      fc.property(fc.array(recordFor(plan), { minLength: 1, maxLength: 5 }), (records) => {
        for (const record of records) expectOnScale(scorer.score(record), plan);
      }),
      { numRuns: 300 },
    );
  });
});
