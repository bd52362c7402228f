import { compileModel } from '@vitals/core';
import { expect, test } from 'vitest';
import { at, describeDiagnostic, formatExpectation, type Expectation } from './expectations.js';
import { VALID_MODEL } from './generated-cases.js';

/**
 * All mistakes at once, not the first only. (`test/fixtures/invalid/combined/many-mistakes.yaml`
 * mixes every stage; this one scales it up.) Each metric added here has one mistake of its own;
 * every one must be reported, at its own place, and nothing else.
 */
const MISTAKES: readonly { formula: string; code: string; needle: string }[] = [
  { formula: 'active_users / plan', code: 'operand-type', needle: 'plan' },
  { formula: 'active_user / purchased_seats', code: 'unknown-name', needle: 'active_user' },
  { formula: 'average(active_users, 1)', code: 'unknown-function', needle: 'average' },
  { formula: 'if(plan == "gold", 1, 0)', code: 'unknown-enum-value', needle: '"gold"' },
  { formula: 'clamp(active_users, 0)', code: 'wrong-argument-count', needle: 'clamp(active_users, 0)' },
  { formula: 'if(purchased_seats == null, 0, 1)', code: 'compare-with-null', needle: 'purchased_seats == null' },
  { formula: 'log(plan)', code: 'argument-type', needle: 'plan' },
  { formula: 'active_users ÷ purchased_seats', code: 'expr-unknown-character', needle: '÷' },
  { formula: 'active_users / metrics.nothing.value', code: 'unknown-member', needle: 'nothing' },
];

test.each([1, 9, 27])('%i metrics with a mistake each: every mistake is reported where it is', (count) => {
  const metrics = Array.from({ length: count }, (_, i) => {
    const mistake = MISTAKES[i % MISTAKES.length] as (typeof MISTAKES)[number];
    return { name: `broken_${i}`, ...mistake };
  });
  const model =
    VALID_MODEL +
    metrics
      .map((m) => `  ${m.name}:\n    category: product\n    value: ${m.formula}\n    score: { linear: { from: 0, to: 1 } }\n    weight: 0\n`)
      .join('');
  const expected: Expectation[] = metrics.map((m) => at(model, m.code, m.needle, `${m.name}:\n    category: product\n    value: `));
  const { diagnostics } = compileModel(model);
  expect(diagnostics.map((d) => describeDiagnostic(d, model, true)).sort()).toEqual(expected.map(formatExpectation).sort());
});
