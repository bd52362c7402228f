import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { compile, describeDifference, describeUntested, parseModelTests, runModelTests, type HealthModel, type ModelTestReport } from '../../src/index.js';

const model = compile(readFileSync(new URL('fixtures/model.yaml', import.meta.url)));

function run(text: string, on: HealthModel = model): ModelTestReport {
  const parsed = parseModelTests(text, 'cases.test.yaml');
  expect(parsed.diagnostics).toEqual([]);
  return runModelTests(parsed.value!, on);
}

// active_users 8 of seats 10 → seat_use 0.8 → linear 0..1 onto 1..100 → 1 + 0.8 × 99 = 80.2 (band high);
// plan pro → 100; usage = (80.2 + 100) / 2 = 90.1; tickets 1 → 100; overall = (3 × 90.1 + 1 × 100) / 4 = 92.575 → 92.58.
const HEALTHY = '{ account_id: a1, snapshot_date: 2026-01-31, active_users: 8, seats: 10, tickets: 1, plan: pro }';

describe('comparing a case with the result', () => {
  test('a case whose every named field matches passes, and reports its line', () => {
    const report = run(`
cases:
  - name: healthy
    record: ${HEALTHY}
    expect:
      status: scored
      score: 92.58
      band: green
      coverage: 1
      categories: { usage: { score: 90.1, band: green } }
      metrics:
        seat_use: { value: 0.8, score: 80.2, band: high, missing: false }
        plan_fit: { value: pro, score: 100 }
      missing_inputs: []
      playbooks: []
      change: null
`);
    expect(report.cases).toMatchObject([{ name: 'healthy', line: 3, passed: true, differences: [], problems: [] }]);
    expect(report).toMatchObject({ passed: 1, failed: 0, model: 'runner_fixture' });
  });

  test.each([
    ['score: 92.57', { path: 'score', expected: 92.57, actual: 92.58, tolerance: 0 }],
    ['score: { value: 92.5, tolerance: 0.05 }', { path: 'score', expected: 92.5, actual: 92.58, tolerance: 0.05 }],
    ['score: null', { path: 'score', expected: null, actual: 92.58 }],
    ['band: amber', { path: 'band', expected: 'amber', actual: 'green' }],
    ['metrics: { seat_use: { band: low } }', { path: 'metrics.seat_use.band', expected: 'low', actual: 'high' }],
    ['metrics: { plan_fit: { value: basic } }', { path: 'metrics.plan_fit.value', expected: 'basic', actual: 'pro' }],
    ['metrics: { tickets: { imputed: true } }', { path: 'metrics.tickets.imputed', expected: true, actual: false }],
    ['missing_inputs: [tickets]', { path: 'missing_inputs', expected: ['tickets'], actual: [] }],
    ['playbooks: [dropped_a_band]', { path: 'playbooks', expected: ['dropped_a_band'], actual: [] }],
    ['pulse: { stale: true }', { path: 'pulse.stale', expected: true, actual: null, note: '`pulse` is null in the result' }],
  ])('%s differs from the result', (expectation, difference) => {
    const report = run(`cases:\n  - name: one\n    record: ${HEALTHY}\n    expect:\n      ${expectation}\n`);
    expect(report.cases[0]).toMatchObject({ passed: false, differences: [{ ...difference, line: 5 }] });
  });

  test.each([
    ['score: { value: 92.6, tolerance: 0.02 }', 'a tolerance covers the difference'],
    ['score: { value: 92.59, tolerance: 0.01 }', 'a tolerance is not defeated by binary rounding of the subtraction'],
    ['metrics: { seat_use: { value: { value: 0.79, tolerance: 0.01 } } }', 'a metric value takes a tolerance'],
  ])('%s passes: %s', (expectation) => {
    const report = run(`cases:\n  - name: one\n    record: ${HEALTHY}\n    expect:\n      ${expectation}\n`);
    expect(report.cases[0]).toMatchObject({ passed: true, differences: [] });
  });

  test('a file-wide tolerance applies to numbers without their own', () => {
    const report = run(`tolerance: 0.1\ncases:\n  - name: one\n    record: ${HEALTHY}\n    expect: { score: 92.5, coverage: 1 }\n`);
    expect(report.cases[0]?.passed).toBe(true);
  });

  test('issues of a bad record compare as { field, code } in any order', () => {
    const record = '{ account_id: a1, snapshot_date: 2026-01-31, active_users: -1, seats: many }';
    const pass = run(`cases:\n  - name: bad\n    record: ${record}\n    expect:\n      status: invalid\n      issues: [{ field: seats, code: not-a-number }, { field: active_users, code: below-minimum }]\n`);
    expect(pass.cases[0]).toMatchObject({ passed: true });
    const fail = run(`cases:\n  - name: bad\n    record: ${record}\n    expect:\n      issues: [{ field: seats, code: not-a-number }]\n`);
    expect(fail.cases[0]?.differences).toEqual([
      expect.objectContaining({ path: 'issues', actual: [{ field: 'active_users', code: 'below-minimum' }, { field: 'seats', code: 'not-a-number' }] }),
    ]);
  });

  test('snapshots are scored in order with history, and a difference names the snapshot', () => {
    // 2026-02-28: seat_use 2/10 → 1 + 0.2 × 99 = 20.8; plan basic → 40; usage 30.4; tickets 5 → 20;
    // overall (3 × 30.4 + 20) / 4 = 27.8 → red, a band change from green, so dropped_a_band fires.
    const report = run(`
cases:
  - name: a drop
    snapshots:
      - record: ${HEALTHY}
        expect: { band: green, playbooks: [] }
      - record: { account_id: a1, snapshot_date: 2026-02-28, active_users: 2, seats: 10, tickets: 5, plan: basic }
        expect:
          score: 27.8
          band: red
          change: { previous_score: 92.58, band_changed: true }
          playbooks: [dropped_a_band]
          coverage: 0.5
`);
    expect(report.cases[0]?.passed).toBe(false);
    expect(report.cases[0]?.differences).toEqual([{ path: 'snapshots[1].coverage', expected: 0.5, actual: 1, tolerance: 0, line: 13, column: 11 }]);
    expect(report.cases[0]?.results.map((r) => r.band)).toEqual(['green', 'red']);
  });

  test('names the model lacks fail the case, each at its place', () => {
    const report = run(`
cases:
  - name: typos
    record: { account_id: a1, snapshot_date: 2026-01-31, active_user: 8 }
    expect:
      band: gren
      metrics: { seat_usage: { score: 1 } }
      playbooks: [dropped_a_bnd]
`);
    const problems = report.cases[0]?.problems.map((p) => [p.code, p.line, p.column, p.hint]);
    expect(problems).toEqual([
      ['test-unknown-input', 4, 58, 'did you mean `active_users`?'],
      ['test-unknown-entry', 6, 7, 'did you mean `green`?'],
      ['test-unknown-entry', 7, 18, 'did you mean `seat_use`?'],
      ['test-unknown-entry', 8, 7, 'did you mean `dropped_a_band`?'],
    ]);
    expect(report.cases[0]?.passed).toBe(false);
  });

  test('an evaluator that throws fails the case instead of the run', () => {
    const broken: HealthModel = { ...model, evaluate: () => { throw new Error('boom'); } };
    const report = run(`cases:\n  - name: one\n    record: ${HEALTHY}\n    expect: { band: green }\n`, broken);
    expect(report.cases[0]).toMatchObject({ passed: false, differences: [{ note: 'the evaluator threw', actual: 'boom' }] });
  });

  test('a difference reads as one line', () => {
    const report = run(`cases:\n  - name: one\n    record: ${HEALTHY}\n    expect:\n      score: { value: 90, tolerance: 0.5 }\n      pulse: { stale: true }\n`);
    expect(report.cases[0]?.differences.map(describeDifference)).toEqual([
      'line 5: score: expected 90 (± 0.5), got 92.58',
      'line 6: pulse.stale: expected true, `pulse` is null in the result',
    ]);
  });
});

describe('what the cases leave untested', () => {
  test('lists bands no checked result reaches, playbooks never seen firing or holding, missing paths never taken', () => {
    const report = run(`
cases:
  - name: healthy, bands checked
    record: ${HEALTHY}
    expect: { band: green, metrics: { seat_use: { band: high } }, playbooks: [] }
  - name: low usage, but nothing about seat_use is checked
    record: { account_id: a2, snapshot_date: 2026-01-31, active_users: 1, seats: 10, plan: basic }
    expect: { metrics: { tickets: { imputed: true } } }
`);
    expect(report.untested.map(describeUntested)).toEqual([
      'no case reaches the overall band `red`',
      'no case reaches the overall band `amber`',
      'no case reaches band `red` of category `usage`',
      'no case reaches band `amber` of category `usage`',
      'no case reaches band `green` of category `usage`',
      'no case reaches band `red` of category `support`',
      'no case reaches band `amber` of category `support`',
      'no case reaches band `green` of category `support`',
      'no case reaches band `low` of metric `seat_use`',
      'no case reaches band `red` of metric `tickets`',
      'no case reaches band `amber` of metric `tickets`',
      'no case reaches band `green` of metric `tickets`',
      'no case reaches band `red` of metric `plan_fit`',
      'no case reaches band `amber` of metric `plan_fit`',
      'no case reaches band `green` of metric `plan_fit`',
      'no case sees playbook `dropped_a_band` fire',
      'no case takes the missing-value path of metric `seat_use`',
      'no case takes the missing-value path of metric `plan_fit`',
    ]);
  });

  test('cases that cover everything leave nothing untested', () => {
    // red: seat_use 0 → 1 (low), basic → 40, usage 20.5 (red), tickets 5 → 20 (red); (3 × 20.5 + 20) / 4 = 20.375 → 20.38
    // amber: seat_use 5/10 → 50.5 (high), basic → 40, usage 45.25 (amber), no tickets → 50 (amber); (3 × 45.25 + 50) / 4 = 46.4375 → 46.44
    const report = run(`
cases:
  - name: history
    snapshots:
      - record: ${HEALTHY}
        expect: { band: green, categories: { usage: { band: green }, support: { band: green } }, metrics: { seat_use: { band: high }, tickets: { band: green }, plan_fit: { band: green } }, playbooks: [] }
      - record: { account_id: a1, snapshot_date: 2026-02-28, active_users: 0, seats: 10, tickets: 5, plan: basic }
        expect: { score: 20.38, band: red, categories: { usage: { band: red }, support: { band: red } }, metrics: { seat_use: { band: low }, tickets: { band: red }, plan_fit: { band: amber } }, playbooks: [dropped_a_band] }
      - record: { account_id: a1, snapshot_date: 2026-03-31, active_users: 5, seats: 10, plan: basic }
        expect: { score: 46.44, band: amber, categories: { usage: { band: amber }, support: { band: amber } }, metrics: { tickets: { band: amber, imputed: true } } }
  - name: nothing known
    record: { account_id: a2, snapshot_date: 2026-01-31 }
    expect: { status: unscored, reason: insufficient-coverage }
`);
    expect(report.cases.map((c) => c.differences)).toEqual([[], []]);
    expect(report.untested.map(describeUntested)).toEqual(['no case reaches band `red` of metric `plan_fit`']);
  });
});
