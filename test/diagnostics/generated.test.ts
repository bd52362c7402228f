import { compileModel } from '@vitals/core';
import { describe, expect, test } from 'vitest';
import { describeDiagnostic, formatExpectation, readExpectations, type Expectation } from './expectations.js';
import { GENERATED_CASES, VALID_MODEL } from './generated-cases.js';

test('the base model of the generated cases compiles without a single diagnostic', () => {
  const { model, diagnostics } = compileModel(VALID_MODEL);
  expect(diagnostics).toEqual([]);
  expect(model).toBeDefined();
});

describe.each(GENERATED_CASES)('$code: $name', ({ code, source, expect: expected }) => {
  test('gives exactly the expected diagnostics, at the expected places', () => {
    const input = source();
    const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
    const wanted = expected(text).map(toExpectation);
    const { model, diagnostics } = compileModel(input, { file: 'generated.yaml' });
    // Quote the actual text only where the expectation quotes it (a 1 MB line is not quoted).
    const quoted = new Set(wanted.filter((e) => e.text !== undefined).map((e) => formatExpectation({ ...e, text: undefined })));
    const actual = diagnostics.map((d) => describeDiagnostic(d, text, quoted.has(describeDiagnostic(d, text, false))));
    expect(actual.sort()).toEqual(wanted.map(formatExpectation).sort());
    expect(diagnostics.map((d) => d.code)).toContain(code);
    expect(model).toBeUndefined();
  });
});

function toExpectation(e: string | Expectation): Expectation {
  return typeof e === 'string' ? (readExpectations(`# expect: ${e}`)[0] as Expectation) : e;
}
