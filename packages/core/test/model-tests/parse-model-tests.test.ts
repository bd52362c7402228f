import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { parseModelTests } from '../../src/index.js';

const RECORD = '{ account_id: a1 }';

describe('reading a test file', () => {
  test('gives the suite with defaults, case lines and one check per named field', () => {
    const { value, diagnostics } = parseModelTests(
      `as_of: 2026-11-01
cases:
  - name: one
    record: ${RECORD}
    expect:
      score: { value: 82.5, tolerance: 0.5 }
      metrics: { seats: { band: green } }
      playbooks: [a, b]
`,
      'cases.test.yaml',
    );
    expect(diagnostics).toEqual([]);
    expect(value).toMatchObject({ file: 'cases.test.yaml', model: 'model.yaml', asOf: '2026-11-01', tolerance: 0 });
    expect(value?.cases).toMatchObject([{ name: 'one', line: 3, kind: 'record', steps: [{ record: { account_id: 'a1' } }] }]);
    const checks = value?.cases[0]?.steps[0]?.checks.map((c) => [c.path, c.kind, c.expected, c.tolerance, c.span.start.line]);
    expect(checks).toEqual([
      ['score', 'number', 82.5, 0.5, 6],
      ['metrics.seats.band', 'exact', 'green', 0, 7],
      ['playbooks', 'set', ['a', 'b'], 0, 8],
    ]);
  });

  test('snapshots become one step each, in order', () => {
    const { value } = parseModelTests(`model: other.yaml\ntolerance: 0.01\ncases:\n  - name: s\n    snapshots:\n      - record: ${RECORD}\n      - record: ${RECORD}\n        expect: { band: red }\n`, 't.test.yaml');
    expect(value).toMatchObject({ model: 'other.yaml', tolerance: 0.01, cases: [{ kind: 'snapshots', steps: [{ checks: [] }, { checks: [{ path: 'band' }] }] }] });
  });

  test('a file with no cases is a warning, and still a suite', () => {
    const { value, diagnostics } = parseModelTests('cases: []\n', 't.test.yaml');
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['test-no-cases', 'warning']]);
    expect(value?.cases).toEqual([]);
  });
});

// Each malformed file gives exactly these diagnostics (code, line, column, hint when it matters), and no suite.
describe.each([
  ['an empty file', '', [['test-file-empty', 1, 1]]],
  ['a YAML syntax error', 'cases: [\n', [['yaml-syntax', 2, 1]]],
  ['a list at the top', '- a\n', [['test-wrong-type', 1, 1]]],
  ['no cases', 'as_of: 2026-01-01\n', [['test-missing-field', 1, 1]]],
  ['a misspelt top-level field', `case:\n  - name: x\n`, [['test-unknown-field', 1, 1, 'did you mean `cases`?'], ['test-missing-field', 1, 1]]],
  ['a bad as-of date', `as_of: 2026-02-30\ncases: []\n`, [['test-bad-date', 1, 8], ['test-no-cases', 2, 1]]],
  ['a negative tolerance', `tolerance: -1\ncases: []\n`, [['test-wrong-type', 1, 12], ['test-no-cases', 2, 1]]],
  ['cases that is not a list', `cases: { name: x }\n`, [['test-wrong-type', 1, 8]]],
  ['a case without a name', `cases:\n  - record: ${RECORD}\n    expect: { band: red }\n`, [['test-missing-field', 2, 5]]],
  ['a case with a record and snapshots', `cases:\n  - name: x\n    record: ${RECORD}\n    snapshots: []\n`, [['test-case-input', 2, 5]]],
  ['a case with neither record nor snapshots', `cases:\n  - name: x\n    expect: { band: red }\n`, [['test-case-input', 2, 5]]],
  ['a case that expects nothing', `cases:\n  - name: x\n    record: ${RECORD}\n`, [['test-expects-nothing', 2, 5]]],
  ['an empty expect', `cases:\n  - name: x\n    record: ${RECORD}\n    expect: {}\n`, [['test-expects-nothing', 2, 5]]],
  ['a case-level expect beside snapshots', `cases:\n  - name: x\n    snapshots: [{ record: ${RECORD}, expect: { band: red } }]\n    expect: { band: red }\n`, [['test-unknown-field', 4, 5]]],
  ['a misspelt expect field', `cases:\n  - name: x\n    record: ${RECORD}\n    expect: { scores: 1 }\n`, [['test-unknown-field', 4, 15, 'did you mean `score`?']]],
  ['a misspelt metric field', `cases:\n  - name: x\n    record: ${RECORD}\n    expect: { metrics: { m: { scores: 1 } } }\n`, [['test-unknown-field', 4, 31, 'did you mean `score`?']]],
  ['a score given as text', `cases:\n  - name: x\n    record: ${RECORD}\n    expect: { score: high }\n`, [['test-wrong-type', 4, 22]]],
  ['a tolerance that is not a number', `cases:\n  - name: x\n    record: ${RECORD}\n    expect: { score: { value: 1, tolerance: a } }\n`, [['test-wrong-type', 4, 45]]],
  ['an unknown status', `cases:\n  - name: x\n    record: ${RECORD}\n    expect: { status: scroed }\n`, [['test-invalid-value', 4, 23, 'did you mean `scored`?']]],
  ['a flag given as text', `cases:\n  - name: x\n    record: ${RECORD}\n    expect: { metrics: { m: { missing: yes } } }\n`, [['test-wrong-type', 4, 40]]],
  ['playbooks that are not names', `cases:\n  - name: x\n    record: ${RECORD}\n    expect: { playbooks: [1] }\n`, [['test-wrong-type', 4, 27]]],
  ['an unknown issue code', `cases:\n  - name: x\n    record: ${RECORD}\n    expect: { issues: [{ field: a, code: below-minimun }] }\n`, [['test-invalid-value', 4, 42, 'did you mean `below-minimum`?']]],
  ['a record field holding a list', `cases:\n  - name: x\n    record: { a: [1] }\n    expect: { band: red }\n`, [['test-wrong-type', 3, 18]]],
  ['a record that is a list', `cases:\n  - name: x\n    record: [1]\n    expect: { band: red }\n`, [['test-wrong-type', 3, 13]]],
  ['two cases with one name', `cases:\n  - name: x\n    record: ${RECORD}\n    expect: { band: red }\n  - name: x\n    record: ${RECORD}\n    expect: { band: red }\n`, [['test-duplicate-case', 5, 5]]],
  ['a snapshot without a record', `cases:\n  - name: x\n    snapshots: [{ expect: { band: red } }]\n`, [['test-missing-field', 3, 17]]],
])('%s', (_, text, expected) => {
  test('gives these diagnostics and no suite', () => {
    const { value, diagnostics } = parseModelTests(text, 'bad.test.yaml');
    expect(diagnostics.map((d) => [d.code, d.line, d.column, ...(expected.find((e) => e[0] === d.code && e[3] !== undefined) ? [d.hint] : [])])).toEqual(expected);
    expect(diagnostics.every((d) => d.file === 'bad.test.yaml' && d.message.length > 0)).toBe(true);
    expect(value).toBeUndefined();
  });
});

test('any YAML value or text gives a suite or diagnostics, never a throw', () => {
  fc.assert(
    fc.property(fc.oneof(fc.jsonValue().map((v) => stringify({ cases: [v] })), fc.jsonValue().map((v) => stringify(v)), fc.string()), (text) => {
      const { value, diagnostics } = parseModelTests(text, 'random.test.yaml');
      expect(value !== undefined || diagnostics.some((d) => d.severity === 'error')).toBe(true);
    }),
    { numRuns: 300 },
  );
});
