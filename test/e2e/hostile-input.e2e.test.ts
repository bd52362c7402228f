import { chmodSync, copyFileSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { chain, withValue } from '../diagnostics/generated-cases.js';
import { FIXTURES, ROOT, vitals } from './support/run-cli.js';

/** Hostile files through the command line: each gets a clear answer, never a stack trace, a hang or a leak. */
const HOSTILE = join(ROOT, FIXTURES, 'hostile');
const scratch = () => mkdtempSync(join(tmpdir(), 'vitals-hostile-'));
const noCrash = (run: { stdout: string; stderr: string }) => expect(`${run.stdout}${run.stderr}`).not.toMatch(/internal error|RangeError|\n\s+at /);

describe('expressions nested far past the limits: a diagnostic in every command, never a crash', () => {
  const cases = [
    ['parentheses 100,000 deep', `${'('.repeat(100_000)}active_users${')'.repeat(100_000)}`, 'expr-too-long'],
    ['unary minus 9,000 deep', `${'-'.repeat(9_000)}active_users`, 'expr-too-deep'],
    ['a sum of 1,990 terms', `active_users + ${chain(1989, '1', '+')}`, 'expr-too-complex'],
  ] as const;
  const dir = scratch();
  const data = join(dir, 'accounts.csv');
  writeFileSync(data, 'active_users,purchased_seats,open_tickets,plan\n10,20,1,pro\n');
  const commands = (model: string, test: string): [string, string[]][] => [
    ['check', ['check', model]],
    ['score', ['score', model, '--data', data]],
    ['report', ['report', model, '--data', data]],
    ['test', ['test', test]],
  ];
  describe.each(cases)('%s', (name, expression, code) => {
    const model = join(dir, `${name.replace(/\W+/g, '-')}.yaml`);
    const testFile = model.replace(/\.yaml$/, '.test.yaml');
    writeFileSync(model, withValue(expression));
    writeFileSync(testFile, `model: ${model.slice(dir.length + 1)}\ncases:\n  - name: one\n    record: { active_users: 1 }\n    expect: { status: scored }\n`);
    test.each(commands(model, testFile))('vitals %s: exit 1 with the diagnostic', async (_, args) => {
      const run = (await vitals(args));
      noCrash(run);
      expect(run.code).toBe(1);
      expect(`${run.stdout}${run.stderr}`).toContain(code);
    });
  });
});

describe('line ends and long lines', () => {
  test('a model with old Mac line ends (CR alone) is read line by line: the mistake at its line and column', async () => {
    const run = (await vitals(['check', `${FIXTURES}/hostile/cr-line-ends.yaml`]));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      [
        `${FIXTURES}/hostile/cr-line-ends.yaml:20:27 error unknown-name unknown name \`purchased_seat\` in a metric value`,
        '  20 |     value: active_users / purchased_seat',
        '     |                           ^^^^^^^^^^^^^^',
      ].join('\n'),
    );
  });

  test('a 990 KB one-line model with two mistakes prints a window around each, not the line', async () => {
    const model = readFileSync(join(ROOT, 'test/fixtures/valid/b2b-saas.yaml'), 'utf8')
      .replace('value: active_users / purchased_seats', 'value: active_user / purchased_seats')
      .replace('value: open_tickets', 'value: open_ticket');
    // YAML is a superset of JSON: the model as one line of JSON, then a comment to 990 KB.
    const oneLine = JSON.stringify(parse(model));
    const file = join(scratch(), 'one-line.yaml');
    writeFileSync(file, `${oneLine} # ${'x'.repeat(990_000 - oneLine.length)}\n`);
    const run = (await vitals(['check', file]));
    expect(run.code).toBe(1);
    expect(run.stdout.match(/error unknown-name/g)).toHaveLength(2);
    expect(run.stdout.length).toBeLessThan(2_000);
  });
});

describe('vitals test reads nothing outside the project, and shows nothing of a file that is not a model', () => {
  const SECRET = 'hunter2-do-not-print';
  const project = () => {
    const dir = scratch();
    mkdirSync(join(dir, '.git'));
    for (const name of ['etc-passwd.test.yaml', 'environ.test.yaml', 'dotenv.test.yaml']) copyFileSync(join(HOSTILE, name), join(dir, name));
    symlinkSync('/proc/self/environ', join(dir, 'environ.yaml'));
    writeFileSync(join(dir, '.env'), `NPM_TOKEN=${SECRET}\n`);
    return dir;
  };
  test.each([
    ['model: ../../…/etc/passwd', 'etc-passwd.test.yaml', 'is outside its project'],
    ['model: a link to /proc/self/environ', 'environ.test.yaml', 'is outside its project'],
    ['model: .env, inside the project but not a model', 'dotenv.test.yaml', 'is not a vitals model'],
  ])('%s', async (_, name, message) => {
    const dir = project();
    const run = (await vitals(['test', join(dir, name)], { env: { VITALS_E2E_SECRET: SECRET } }));
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(message);
    const output = `${run.stdout}${run.stderr}`;
    expect(output).not.toContain(SECRET);
    expect(output).not.toContain('root:');
    expect(output).not.toContain('PATH=');
  });

  test('check does not show a file that is not a model either (a link named model.yaml)', async () => {
    const dir = project();
    symlinkSync('/proc/self/environ', join(dir, 'model.yaml'));
    const run = (await vitals(['check', join(dir, 'model.yaml')], { env: { VITALS_E2E_SECRET: SECRET } }));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is not a vitals model');
    expect(`${run.stdout}${run.stderr}`).not.toContain(SECRET);
  });
});

describe('vitals fmt on hostile and unusual files', () => {
  test('an alias bomb is refused at once, as check refuses it, and left as it is', async () => {
    const file = join(scratch(), 'bomb.yaml');
    copyFileSync(join(HOSTILE, 'alias-bomb.yaml'), file);
    const run = (await vitals(['fmt', file]));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error yaml-alias-limit');
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(join(HOSTILE, 'alias-bomb.yaml'), 'utf8'));
  });

  test('a symlink is written through: the link stays a link, the target is formatted and keeps mode 0600', async () => {
    const dir = scratch();
    const target = join(dir, 'real.yaml');
    writeFileSync(target, 'model: tiny\nvitals: 1\nbands: [ { name: green } ]\ninputs: { x: { type: number } }\ncategories: { c: { weight: 1 } }\nmetrics: { m: { category: c, value: x, score: identity } }\n');
    chmodSync(target, 0o600);
    symlinkSync('real.yaml', join(dir, 'link.yaml'));
    const run = (await vitals(['fmt', join(dir, 'link.yaml')]));
    expect(run.code).toBe(0);
    expect(lstatSync(join(dir, 'link.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8').startsWith('vitals: 1\nmodel: tiny\nbands: [{ name: green }]\n')).toBe(true);
    expect(statSync(target).mode & 0o777).toBe(0o600);
  });

  test('a test file is formatted as a test file, and check checks it as one', async () => {
    const file = join(scratch(), 'cases.test.yaml');
    writeFileSync(file, `model: ${join(ROOT, 'models/saas-seven-metrics/model.yaml')}\ncases:\n  - expect: { score: 1, band: red }\n    name: one\n    record: { account_id: a }\n`);
    expect((await vitals(['fmt', file])).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('  - name: one\n    record: { account_id: a }\n    expect: { score: 1, band: red }\n');
    const check = (await vitals(['check', `${FIXTURES}/failing.test.yaml`]));
    expect(check.stdout).toBe('✓ 1 test file checked: no problems\n');
    expect(check.code).toBe(0);
  });
});
