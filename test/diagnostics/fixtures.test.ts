import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileModel, DIAGNOSTIC_TEXT, type Diagnostic } from '@vitals/core';
import { describe, expect, test } from 'vitest';
import { describeDiagnostic, formatExpectation, offsetAt, readExpectations } from './expectations.js';
import { fixtureCode, INVALID_FIXTURES_DIR, invalidFixtures } from './fixture-files.js';

/**
 * Every bad-model fixture gives exactly the diagnostics its `# expect:` lines list — the code and
 * the exact range, errors and warnings alike — and nothing else.
 */
describe.each(invalidFixtures())('%s', (path) => {
  const source = readFileSync(join(INVALID_FIXTURES_DIR, path), 'utf8');
  const expected = readExpectations(source);
  const file = `test/fixtures/invalid/${path}`;
  const { model, diagnostics } = compileModel(source, { file });

  test('gives exactly the expected diagnostics, at the expected places', () => {
    expect(expected.length).toBeGreaterThan(0);
    // Fixtures quote the text of each range, so a reader can check it without counting columns.
    for (const e of expected) expect(e.text, formatExpectation(e)).toBeDefined();
    const actual = diagnostics.map((d) => describeDiagnostic(d, source, true));
    expect(actual.sort()).toEqual(expected.map(formatExpectation).sort());
  });

  test('raises the code it is named after', () => {
    const code = fixtureCode(path);
    if (code !== undefined) expect(diagnostics.map((d) => d.code)).toContain(code);
  });

  test('every diagnostic is well-formed', () => {
    for (const d of diagnostics) expectWellFormed(d, source, file);
  });

  test('compiles exactly when it has no errors', () => {
    const hasError = diagnostics.some((d) => d.severity === 'error');
    expect(model === undefined).toBe(hasError);
  });
});

function expectWellFormed(d: Diagnostic, source: string, file: string): void {
  expect(d.file).toBe(file);
  expect(d.severity).toBe(DIAGNOSTIC_TEXT[d.code].severity);
  expect(d.message.trim()).not.toBe('');
  if (d.hint !== undefined) expect(d.hint.trim()).not.toBe('');
  // Line and column agree with the offsets, and the range runs forwards.
  expect(offsetAt(source, d.line, d.column)).toBe(d.offset);
  expect(offsetAt(source, d.endLine, d.endColumn)).toBe(d.endOffset);
  expect(d.endOffset).toBeGreaterThanOrEqual(d.offset);
  expect(d.endOffset).toBeLessThanOrEqual(source.length + 1);
}
