import type { DiagnosticCode, Severity } from '../diagnostics/codes.js';
import { flatSpan, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../position/span.js';

/**
 * Problems in a `*.test.yaml` file. They are a separate registry from the model's codes because
 * they are about another file format; YAML problems keep the load stage's codes.
 */
export interface TestDiagnosticParams {
  'test-file-empty': Record<string, never>;
  'test-wrong-type': { what: string; expected: string; actual: string };
  'test-missing-field': { field: string; where: string };
  'test-unknown-field': { field: string; where: string; allowed: readonly string[]; suggestion?: string };
  'test-invalid-value': { what: string; actual: string; allowed: readonly string[]; suggestion?: string };
  'test-bad-date': { text: string };
  'test-case-input': { found: 'both' | 'neither' };
  'test-duplicate-case': { name: string; firstLine: number };
  'test-expects-nothing': { name: string };
  'test-no-cases': Record<string, never>;
  // Found when the cases meet the model: names the model does not have.
  'test-unknown-input': { field: string; suggestion?: string };
  'test-unknown-entry': { kind: string; name: string; allowed: readonly string[]; suggestion?: string };
}

export type TestDiagnosticCode = keyof TestDiagnosticParams;

/** A diagnostic about a test file: the shape of the core's `Diagnostic`, with either registry's code. */
export type TestFileDiagnostic = Omit<Diagnostic, 'code'> & { readonly code: TestDiagnosticCode | DiagnosticCode };

interface TestDiagnosticText<C extends TestDiagnosticCode> {
  readonly severity: Severity;
  readonly message: (p: TestDiagnosticParams[C]) => string;
  readonly hint: (p: TestDiagnosticParams[C]) => string | undefined;
}

const list = (items: readonly string[]): string => items.slice(0, 12).map((i) => `\`${i}\``).join(', ') + (items.length > 12 ? ', …' : '');
const didYouMeanOr = (suggestion: string | undefined, allowed: readonly string[]): string =>
  suggestion !== undefined ? `did you mean \`${suggestion}\`?` : allowed.length > 0 ? `expected one of ${list(allowed)}` : 'there are none';

export const TEST_DIAGNOSTIC_TEXT: { readonly [C in TestDiagnosticCode]: TestDiagnosticText<C> } = {
  'test-file-empty': {
    severity: 'error',
    message: () => 'the test file is empty',
    hint: () => 'a test file holds `cases:`, a list of `{ name, record, expect }`',
  },
  'test-wrong-type': {
    severity: 'error',
    message: (p) => `${p.what} must be ${p.expected}, found ${p.actual}`,
    hint: () => undefined,
  },
  'test-missing-field': {
    severity: 'error',
    message: (p) => `${p.where} is missing \`${p.field}\``,
    hint: (p) => `add \`${p.field}:\``,
  },
  'test-unknown-field': {
    severity: 'error',
    message: (p) => `unknown field \`${p.field}\` in ${p.where}`,
    hint: (p) => didYouMeanOr(p.suggestion, p.allowed),
  },
  'test-invalid-value': {
    severity: 'error',
    message: (p) => `\`${p.actual}\` is not a valid ${p.what}`,
    hint: (p) => didYouMeanOr(p.suggestion, p.allowed),
  },
  'test-bad-date': {
    severity: 'error',
    message: (p) => `\`${p.text}\` is not a date`,
    hint: () => 'write dates as YYYY-MM-DD, e.g. `2026-11-01`',
  },
  'test-case-input': {
    severity: 'error',
    message: (p) => (p.found === 'both' ? 'a case has either `record` or `snapshots`, not both' : 'the case has neither `record` nor `snapshots`'),
    hint: () => 'give one record with `record:`, or a list of `{ record, expect }` with `snapshots:`',
  },
  'test-duplicate-case': {
    severity: 'error',
    message: (p) => `a case named \`${p.name}\` is already on line ${p.firstLine}`,
    hint: () => 'case names identify failures; give each case its own name',
  },
  'test-expects-nothing': {
    severity: 'error',
    message: (p) => `case \`${p.name}\` expects nothing, so it cannot fail`,
    hint: () => 'add `expect:` with the fields worked out by hand (score, band, metrics, …)',
  },
  'test-no-cases': {
    severity: 'warning',
    message: () => 'the test file has no cases',
    hint: () => 'add cases under `cases:`',
  },
  'test-unknown-input': {
    severity: 'error',
    message: (p) => `the model declares no input \`${p.field}\`; the evaluator would ignore this field`,
    hint: (p) => (p.suggestion !== undefined ? `did you mean \`${p.suggestion}\`?` : 'remove it, or declare it under `inputs` in the model'),
  },
  'test-unknown-entry': {
    severity: 'error',
    message: (p) => `the model has no ${p.kind} \`${p.name}\``,
    hint: (p) => didYouMeanOr(p.suggestion, p.allowed),
  },
};

/** The one constructor of test-file diagnostics. */
export function testDiagnostic<C extends TestDiagnosticCode>(code: C, params: TestDiagnosticParams[C], span: Span): TestFileDiagnostic {
  const text = TEST_DIAGNOSTIC_TEXT[code];
  const hint = text.hint(params);
  return { code, severity: text.severity, message: text.message(params), ...(hint === undefined ? {} : { hint }), ...flatSpan(span) };
}
