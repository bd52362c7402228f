import { accountFacts, compileModel, planModel } from '@vitals/core';
import { describe, expect, test } from 'vitest';

const model = (data: string, inputs = '') => `
vitals: 1
model: facts
bands: [{ name: red, below: 50 }, { name: green }]
data: ${data}
inputs:
  usage: { type: number }
${inputs}
categories: { product: { weight: 1 } }
metrics: { usage: { category: product, value: usage, score: identity } }
`;

describe('data: { value, owner }', () => {
  test('read as the evaluators read inputs: a number value, a text owner, from a mapped column', () => {
    const { plan } = planModel(model('{ id: account, value: arr, owner: csm }', '  arr: { type: number, column: ARR }'));
    const facts = accountFacts(plan!);
    const read = (record: Record<string, unknown>) => ({ value: facts.value(record), owner: facts.owner(record) });
    expect(read({ account: 'a', ARR: ' 12000 ', csm: 'Dana' })).toEqual({ value: 12000, owner: 'Dana' });
    expect(read({ account: 'a', ARR: '', csm: '' })).toEqual({ value: null, owner: null });
    expect(read({ account: 'a', ARR: 'n/a', csm: 'Lee' })).toEqual({ value: null, owner: 'Lee' });
  });

  test('a value that is not a number makes the record invalid, like any input', () => {
    const { model: compiled } = compileModel(model('{ id: account, value: arr }'));
    const result = compiled!.evaluate({ account: 'a', usage: 70, arr: '12,000' });
    expect(result.status).toBe('invalid');
    expect(result.issues.map((i) => [i.field, i.code])).toEqual([['arr', 'not-a-number']]);
  });

  test('a value declared as text is a type conflict; the roles count as uses of an input', () => {
    const conflict = planModel(model('{ value: arr }', '  arr: { type: string }'));
    expect(conflict.diagnostics.map((d) => d.code)).toContain('field-type-conflict');
    const used = planModel(model('{ value: arr, owner: csm }', '  arr: { type: integer }\n  csm: { type: enum, values: [dana, lee] }'));
    expect(used.diagnostics.map((d) => d.code)).toEqual([]);
    expect(used.plan?.data).toMatchObject({ value: 'arr', owner: 'csm' });
  });

  test('without the roles every record has no facts', () => {
    const { plan } = planModel(model('{ id: account }'));
    const facts = accountFacts(plan!);
    expect([facts.value({ account: 'a', arr: 5 }), facts.owner({ account: 'a', arr: 5 })]).toEqual([null, null]);
  });
});
