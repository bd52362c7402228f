import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { vitals } from './support/run-cli.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'vitals-e2e-'));
// A valid model, written carelessly: keys out of order, needless quotes, four-space indentation.
const CARELESS = "model: 'tiny'\nvitals: 1\nbands:\n    - {below: 50, name: red}\n    - name: green\ncategories: { c: { weight: 1 } }\ninputs: { x: { type: number } }  # the only input\nmetrics:\n    m: { score: identity, value: x, category: c }\n";

describe('vitals fmt', () => {
  test('rewrites a model in the canonical layout; then --check passes, and formatting again changes nothing', async () => {
    const dir = scratch();
    const model = join(dir, 'model.yaml');
    writeFileSync(model, CARELESS);
    const run = (await vitals(['fmt', model]));
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`formatted: ${model}\n`);
    const formatted = readFileSync(model, 'utf8');
    expect(formatted).toBe('vitals: 1\nmodel: tiny\nbands:\n  - { name: red, below: 50 }\n  - name: green\ninputs: { x: { type: number } }  # the only input\ncategories: { c: { weight: 1 } }\nmetrics:\n  m: { category: c, value: x, score: identity }\n');
    const check = (await vitals(['fmt', '--check', model]));
    expect(check.code).toBe(0);
    expect(check.stdout).toBe('');
    expect((await vitals(['check', model])).code).toBe(0);
  });

  test('--check lists what is not formatted (exit 1) and changes nothing', async () => {
    const dir = scratch();
    const model = join(dir, 'model.yaml');
    writeFileSync(model, CARELESS);
    const run = (await vitals(['fmt', '--check', model]));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(`not formatted: ${model}\n`);
    expect(run.stderr).toBe('1 file: 1 not formatted, 0 already formatted\n');
    expect(readFileSync(model, 'utf8')).toBe(CARELESS);
  });

  test('a file that is not YAML: its diagnostic, the file untouched, exit 1; a missing file: exit 2', async () => {
    const dir = scratch();
    const model = join(dir, 'bad.yaml');
    writeFileSync(model, 'vitals: 1\nmodel: [unclosed\n');
    const run = (await vitals(['fmt', model]));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${model}:3:1 error yaml-syntax`);
    expect(readFileSync(model, 'utf8')).toBe('vitals: 1\nmodel: [unclosed\n');
    expect((await vitals(['fmt', join(dir, 'missing.yaml')])).code).toBe(2);
  });
});

describe('vitals init', () => {
  test('writes a starter that passes check, fmt --check and test, and scores its own sample data', async () => {
    const dir = join(scratch(), 'starter');
    const run = (await vitals(['init', dir]));
    expect(run.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['model.test.yaml', 'model.yaml', 'sample.csv']);
    const model = readFileSync(join(dir, 'model.yaml'), 'utf8');
    const scored = JSON.parse((await vitals(['score', join(dir, 'model.yaml'), '--data', join(dir, 'sample.csv'), '--format', 'json'])).stdout) as { summary: unknown };
    expect(scored.summary).toEqual({ rows: 8, scored: 7, unscored: 1, invalid: 0 });
    expect(model.match(/^\s*#/gm)?.length ?? 0).toBeGreaterThan(20);
    expect(model).toMatch(/\ncategories:\n(  \w+: .*\n){3}/);
    expect(model).toMatch(/\npulse:\n/);
    // no problem, and the effective weights of the starter's metrics before the summary line
    expect((await vitals(['check', join(dir, 'model.yaml')])).stdout).toMatch(/each metric's share of the overall score, all data present\n[\s\S]+\n\n✓ 1 model checked: no problems\n$/);
    expect((await vitals(['fmt', '--check', join(dir, 'model.yaml')])).code).toBe(0);
    const tests = (await vitals(['test', dir]));
    expect(tests.code).toBe(0);
    expect(tests.stdout).toMatch(/✓ 5 cases: 5 passed, 0 failed in 1 file\n$/);
  });

  test('never overwrites: an existing file stops it before anything is written (exit 2)', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'sample.csv'), 'mine\n');
    const run = (await vitals(['init', dir]));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`vitals: ${join(dir, 'sample.csv')} already exists; vitals init never overwrites a file (choose another directory)\n`);
    expect(readFileSync(join(dir, 'sample.csv'), 'utf8')).toBe('mine\n');
    expect(existsSync(join(dir, 'model.yaml'))).toBe(false);
  });
});
