import { describe, expect, test } from 'vitest';
import { expectValid, FIXTURES, vitals } from './support/run-cli.js';

const FAILING = `${FIXTURES}/failing.test.yaml`;

describe('vitals test', () => {
  test('the example models ship with cases, and they pass (exit 0)', async () => {
    const run = (await vitals(['test', 'models']));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/✓ \d+ cases: (\d+) passed, 0 failed in \d+ files\n$/);
    expect(run.stdout).not.toContain('✗');
  });

  test('a failing case: the difference of expected and actual with its line, the counts, exit 1', async () => {
    const run = (await vitals(['test', FAILING]));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      ['  ✓ passes', '  ✗ expects the wrong band (line 7)', '      line 10: band: expected green, got red', '      line 11: score: expected 99, got 7.78'].join('\n'),
    );
    expect(run.stdout).toContain('models/saas-seven-metrics/model.yaml: what the cases (1 file) leave untested:\n  - no case reaches the overall band `amber`');
    expect(run.stdout).toMatch(/✗ 2 cases: 1 passed, 1 failed in 1 file\n$/);
  });

  test('--reporter json matches test.schema.json', async () => {
    const run = (await vitals(['test', FAILING, '--reporter', 'json']));
    expect(run.code).toBe(1);
    const document = JSON.parse(run.stdout) as { ok: boolean; totals: unknown; files: { cases: { passed: boolean; differences: { path: string; line: number }[] }[] }[] };
    expectValid('test', document);
    expect(document.ok).toBe(false);
    expect(document.totals).toEqual({ files: 1, passed: 1, failed: 1, broken: 0 });
    expect(document.files[0]?.cases[1]?.differences.map((d) => [d.path, d.line])).toEqual([
      ['band', 10],
      ['score', 11],
    ]);
    expectValid('test', JSON.parse((await vitals(['test', 'models', '--reporter', 'json'])).stdout));
  });

  test('--reporter junit: a testsuite per file, a testcase per case, the failure text', async () => {
    const run = (await vitals(['test', FAILING, '--reporter', 'junit']));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="vitals test" tests="2" failures="1" errors="0">\n/);
    expect(run.stdout).toContain(`<testsuite name="${FAILING}" tests="2" failures="1" errors="0"`);
    expect(run.stdout).toContain(`<testcase name="passes" classname="${FAILING}" file="${FAILING}" line="4"/>`);
    expect(run.stdout).toContain('<failure message="line 10: band: expected green, got red" type="mismatch">line 10: band: expected green, got red\nline 11: score: expected 99, got 7.78</failure>');
    expect(run.stdout).toMatch(/<\/testsuites>\n$/);
  });

  test('--reporter github: an error annotation on the line of each wrong expectation', async () => {
    const run = (await vitals(['test', FAILING, '--reporter', 'github']));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`::error file=${FAILING},line=10,col=7,title=vitals test%3A expects the wrong band::line 10: band: expected green, got red\n`);
    expect(run.stdout).toContain('::notice file=models/saas-seven-metrics/model.yaml,title=untested by the cases::no case reaches the overall band `amber`');
  });

  test('a test file with mistakes: its diagnostics, the cases do not run, exit 1; a model or a missing path: exit 2', async () => {
    const broken = (await vitals(['test', `${FIXTURES}/mistaken.test.yaml`]));
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/error test-unknown-field unknown field `modle`/);
    expect(broken.stdout).toContain('✗ the cases did not run');
    const model = (await vitals(['test', `${FIXTURES}/broken-model.yaml`]));
    expect(model.code).toBe(2);
    expect(model.stdout).toContain(`${FIXTURES}/broken-model.yaml is not a vitals test file: it has no \`cases:\` key`);
    const missing = (await vitals(['test', 'no/such/dir']));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('vitals: cannot read no/such/dir: no such file\n');
  });
});
