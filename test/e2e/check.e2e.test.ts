import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { expectValid, FIXTURES, ROOT, vitals } from './support/run-cli.js';

const exampleModels = readdirSync(join(ROOT, 'models'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(join(ROOT, 'models', d.name)).filter((f) => f.endsWith('.yaml') && !f.endsWith('.test.yaml')).map((f) => `models/${d.name}/${f}`));
const broken = `${FIXTURES}/broken-model.yaml`;

describe('vitals check', () => {
  test('every example model checks without errors (exit 0)', async () => {
    const run = (await vitals(['check', ...exampleModels]));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // Warnings are allowed (they do not fail a check); errors are not.
    expect(run.stdout).toMatch(new RegExp(`${exampleModels.length} models checked: (no problems|0 errors, \\d+ warnings?)\\n$`));
  });

  test('a broken model: file:line:col severity code message, the source line with a caret under the span, the hint; exit 1', async () => {
    const run = (await vitals(['check', broken]));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      [
        `${broken}:16:20 error unknown-name unknown name \`seets\` in a metric value`,
        '  16 |     value: users / seets',
        '     |                    ^^^^^',
        '  hint: did you mean `seats`?',
      ].join('\n'),
    );
    expect(run.stdout).toContain(`${broken}:19:15 error unknown-category unknown category \`prodcut\``);
    expect(run.stdout).toContain(`${broken}:6:27 error thresholds-unordered`);
    expect(run.stdout).toMatch(/✗ 1 model checked: 3 errors, 0 warnings\n$/);
  });

  test('--format github: one workflow command per diagnostic, with the span and the code as title', async () => {
    const run = (await vitals(['check', '--format', 'github', broken]));
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(`::error file=${broken},line=16,col=20,endLine=16,endColumn=25,title=unknown-name::unknown name \`seets\` in a metric value%0Ahint: did you mean \`seats\`?`);
  });

  test('--format json matches check.schema.json, for a good model, a broken one and a missing file', async () => {
    const run = (await vitals(['check', '--format', 'json', exampleModels[0] as string, broken, 'no/such/model.yaml']));
    expect(run.code).toBe(2);
    const document = JSON.parse(run.stdout) as { ok: boolean; errors: number; files: { file: string; errors: number; unreadable?: string }[] };
    expectValid('check', document);
    expect(document.ok).toBe(false);
    expect(document.files.map((f) => [f.file, f.errors, f.unreadable])).toEqual([
      [exampleModels[0], 0, undefined],
      [broken, 3, undefined],
      ['no/such/model.yaml', 0, 'cannot read no/such/model.yaml: no such file'],
    ]);
  });

  test('a missing file: one line on stderr, no stack trace, exit 2', async () => {
    const run = (await vitals(['check', 'no/such/model.yaml']));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('vitals: cannot read no/such/model.yaml: no such file\n');
  });

  test('a data file passed as a model is refused as not a model, and nothing of it is shown (exit 2)', async () => {
    const run = (await vitals(['check', 'models/saas-seven-metrics/sample.csv']));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('vitals: models/saas-seven-metrics/sample.csv is not a vitals model: it has no `vitals:` key (nothing of it is shown; a model starts with `vitals: 1`)\n');
    expect(run.stdout).not.toContain('account_id');
  });
});

describe('usage', () => {
  test.each(['check', 'score', 'report', 'diff', 'simulate', 'test', 'fmt', 'init'])('vitals %s --help shows an example, exit 0', async (command) => {
    const run = (await vitals([command, '--help']));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`Usage: vitals ${command}`));
    expect(run.stdout).toMatch(/Examples?:\n  \$ vitals /);
  });

  test.each([
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['check'], /missing required argument 'model'/],
    [['check', '--format', 'xml', 'm.yaml'], /argument 'xml' is invalid/],
    [['score', 'models/saas-seven-metrics/model.yaml'], /required option '--data <file>' not specified/],
    [['score', 'models/saas-seven-metrics/model.yaml', '--data', 'x.csv', '--as-of', '2026-02-30'], /--as-of must be a date as YYYY-MM-DD, got "2026-02-30"/],
  ])('bad usage %j: a one-line error on stderr, exit 2', async (args, message) => {
    const run = (await vitals(args));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
