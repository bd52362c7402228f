import { readFileSync } from 'node:fs';
import { compiledEvaluator, planModel, type Plan } from '@vitals/core';
import { afterEach, describe, expect, test } from 'vitest';

/**
 * `compiledEvaluator(plan)` is public: it takes plans from anyone who imports it, not only from
 * `planModel`. Every field it writes into generated code is checked first; a plan that breaks one
 * gets a PlanError, and no code of it ever runs.
 */
const MODEL = readFileSync(new URL('../../../../models/lifecycle-b2b/model.yaml', import.meta.url), 'utf8');
const PLAN = planModel(MODEL, 'model.yaml').plan as Plan;
const PAYLOAD = '0; globalThis.__pwnedByPlan = 1; 0';

declare global {
  // eslint-disable-next-line no-var
  var __pwnedByPlan: unknown;
}
afterEach(() => {
  expect(globalThis.__pwnedByPlan).toBeUndefined();
});

/** A copy of the plan with one change made to it. */
const tampered = (change: (plan: Record<string, unknown> & { metrics: Record<string, unknown>[]; playbooks: Record<string, unknown>[] }) => void): Plan => {
  const plan = structuredClone(PLAN) as unknown as Record<string, unknown> & { metrics: Record<string, unknown>[]; playbooks: Record<string, unknown>[] };
  change(plan);
  return plan as unknown as Plan;
};
const firstOfKind = (expr: unknown, kind: string): Record<string, unknown> => {
  const stack = [expr];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node !== null && typeof node === 'object') {
      if ((node as { kind?: string }).kind === kind) return node as Record<string, unknown>;
      stack.push(...Object.values(node));
    }
  }
  throw new Error(`no ${kind} node in the plan`);
};

test('the untouched plan compiles', () => {
  expect(() => compiledEvaluator(PLAN)).not.toThrow();
});

describe('a plan with code where a field belongs is refused', () => {
  test.each([
    ['precision', (p) => void (p.precision = PAYLOAD)],
    ['precision out of range', (p) => void (p.precision = 1e9)],
    ['an arithmetic operator', (p) => void (firstOfKind(p.metrics, 'arithmetic').op = `+ (globalThis.__pwnedByPlan = 1) +`)],
    ['a comparison', (p) => void (firstOfKind(p.playbooks, 'compare').op = `=== (globalThis.__pwnedByPlan = 1) ===`)],
    ['a logical operator', (p) => void (firstOfKind(p.playbooks, 'logic').op = 'xor')],
    ['a history site', (p) => void (firstOfKind(p.metrics, 'prev').site = PAYLOAD)],
    ['a pulse field', (p) => void (firstOfKind(p.metrics, 'slot').slot = { kind: 'pulse', field: `score; globalThis.__pwnedByPlan = 1; 0` })],
    ['an input that is not declared', (p) => void (firstOfKind(p.metrics, 'slot').slot = { kind: 'input', input: 'no_such_input' })],
    ['a metric that does not exist', (p) => void (firstOfKind(p.metrics, 'slot').slot = { kind: 'metric', metric: 'no_such_metric', field: 'score' })],
    ['an input type', (p) => void (((p.inputs as Record<string, unknown>[])[0] as Record<string, unknown>).type = PAYLOAD)],
    ['a `not in` flag', (p) => void (firstOfKind(p.playbooks, 'compare').kind = 'in', Object.assign(firstOfKind(p.playbooks, 'in'), { value: { kind: 'literal', type: { kind: 'number' }, value: 1 }, items: [], negated: PAYLOAD }))],
    ['an expression of an unknown kind', (p) => void (firstOfKind(p.metrics, 'arithmetic').kind = 'eval')],
    ['a number that is not one', (p) => void (firstOfKind(p.playbooks, 'literal').value = { toString: () => PAYLOAD })],
    // With numbers as data they are read at run time from a list (`P[i]`), not written into the code; checked all the same.
    ['a band threshold that is text', (p) => void ((p.bands as { thresholds: unknown[] }).thresholds[0] = PAYLOAD)],
    ['a band threshold that is an object', (p) => void ((p.bands as { thresholds: unknown[] }).thresholds[0] = { valueOf: () => 40, toString: () => PAYLOAD })],
    ['a metric weight that is NaN', (p) => void ((p.metrics[0] as { weight: unknown }).weight = NaN)],
    ['a scale bound that is Infinity', (p) => void ((p.scale as { max: unknown }).max = Infinity)],
    ['a minimum coverage that is text', (p) => void (p.minCoverage = PAYLOAD)],
  ] as [string, (plan: Record<string, unknown> & { metrics: Record<string, unknown>[]; playbooks: Record<string, unknown>[] }) => void][])('%s', (_, change) => {
    // Numbers written into the code (the default) or read from a list at run time (the playground's): both check them.
    for (const numbers of ['inline', 'data'] as const) expect(() => compiledEvaluator(tampered(change), { numbers })).toThrow(/not a plan vitals can compile|needs a (finite number|string)/);
  });
});

test('with numbers as data, a huge number of the plan is read from the list, never written into the code', () => {
  const huge = 1.7976931348623157e308;
  const plan = tampered((p) => void ((p.bands as { thresholds: unknown[] }).thresholds[0] = huge));
  const compiled = compiledEvaluator(plan, { numbers: 'data' });
  expect(compiled.source).not.toContain('1.7976931348623157e+308');
  expect(compiled.source).toBe(compiledEvaluator(PLAN, { numbers: 'data' }).source);
});
