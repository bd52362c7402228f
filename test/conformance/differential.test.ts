import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compiledEvaluator, formatDay, referenceEvaluator, type AccountState } from '@vitals/core';
import { planOf } from '../support/evaluators.js';
import { modelArbitrary, recordArbitrary } from '../support/model-arbitraries.js';

/**
 * The compiled evaluator agrees with the reference interpreter to the last bit (toEqual tells 0
 * from -0) on random models and random records, snapshot histories included — and the results
 * checked really came from the generated code.
 */
describe('the compiled evaluator agrees with the reference', () => {
  test('on random models and records', () => {
    fc.assert(
      fc.property(
        modelArbitrary().chain((model) => fc.tuple(fc.constant(model), fc.array(recordArbitrary(model), { minLength: 1, maxLength: 8 }))),
        ([model, records]) => {
          const plan = planOf(model.text);
          const reference = referenceEvaluator(plan);
          const compiled = compiledEvaluator(plan, { instrument: true });
          const states = { reference: new Map<string, AccountState>(), compiled: new Map<string, AccountState>() };
          records.forEach((record, i) => {
            // Snapshots a week apart, so history, cooldowns and hysteresis all come into play.
            const snapshot = model.history ? { ...record, day: formatDay(20454 + 7 * i) } : record;
            const key = String(snapshot['account']);
            const fromReference = reference.step(snapshot, states.reference.get(key), { asOf: 20500 });
            const fromCompiled = compiled.step(snapshot, states.compiled.get(key), { asOf: 20500 });
            expect(fromCompiled).toEqual(fromReference);
            if (fromReference.state !== undefined) states.reference.set(key, fromReference.state);
            if (fromCompiled.state !== undefined) states.compiled.set(key, fromCompiled.state);
          });
          expect(compiled.stepsRun()).toBe(records.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('the compiled evaluator runs generated code, not the interpreter', () => {
    const plan = planOf(`
vitals: 1
model: tiny
bands: [{ name: low, below: 50 }, { name: high }]
inputs: { x: { type: number } }
categories: { all: { weight: 1 } }
metrics: { m: { category: all, value: x * 2, score: identity } }
`);
    const compiled = compiledEvaluator(plan, { instrument: true });
    expect(compiled.engine).toBe('compiled');
    expect(compiled.source).toContain('rt.stepsRun++');
    expect(compiled.source).not.toMatch(/interpret/);
    expect(compiled.step({ x: 30 }, undefined).result.score).toBe(60);
    expect(compiled.stepsRun()).toBe(1);
  });
});
