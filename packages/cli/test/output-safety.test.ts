import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runMain, type Run } from './support/run-main.js';

// Untrusted text in every human-readable output. fixtures/hostile-text holds a model, two broken
// models, a test file and data whose text tries to drive the terminal, forge lines (each forged
// line starts with FORGED), reorder text or run GitHub Actions workflow commands. They are copied
// into a directory whose name does the same, so every file name in the output does too.

/** Raw characters that must never reach a terminal or a CI log; only the newlines vitals writes itself. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
const HOSTILE_DIR = 'evil\x1b[31m\n::error::FORGED dir ##[error]x\u202e';

let dir: string;
const at = (file: string) => join(dir, file);

beforeAll(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'vitals-hostile-')), HOSTILE_DIR);
  mkdirSync(dir);
  const fixtures = new URL('./fixtures/hostile-text/', import.meta.url).pathname;
  for (const file of readdirSync(fixtures)) copyFileSync(join(fixtures, file), join(dir, file));
  // A model whose line holds raw control bytes (YAML refuses them): its code frame shows them.
  // 40 accounts with hostile ids and an outcome, for the backtest (which needs 10 of each class).
  const churn = Array.from({ length: 40 }, (_, i) => JSON.stringify({ account_id: `acct${i}\x1b[31m\nFORGED id ${i}`, snapshot_date: '2026-01-31', usage: (i % 20) / 20, churned: i % 2 === 0 ? 'yes' : 'no' }));
  writeFileSync(at('churn.ndjson'), `${churn.join('\n')}\n`);
  writeFileSync(at('raw-bytes.yaml'), 'vitals: 1\nmodel: raw\ntitle: [a\x1b[2J\x9b31m\u202e ##[error]x\rFORGED raw line\n');
  // HEAD of a diff: the same hostile model with the product category weighing more.
  writeFileSync(at('head.yaml'), readFileSync(at('model.yaml'), 'utf8').replace('product: { weight: 2,', 'product: { weight: 3,'));
});
afterAll(() => rmSync(dirname(dir), { recursive: true, force: true }));

/** Every line a person (or the Actions runner) reads is inert: no raw control character, no workflow command, no forged line. */
function expectSafe(text: string, annotations = false): void {
  const raw = RAW_CONTROL.exec(text);
  if (raw !== null) throw new Error(`raw U+${raw[0].charCodeAt(0).toString(16).padStart(4, '0')} in ${JSON.stringify(text.slice(Math.max(0, raw.index - 60), raw.index + 20))}`);
  for (const line of text.split('\n')) {
    expect(line).not.toContain('##[');
    expect(line.trimStart()).not.toMatch(/^FORGED/);
    // Under --format github / --reporter github, the only workflow commands are the annotations vitals writes.
    if (line.trimStart().startsWith('::')) expect(annotations && /^::(error|warning|notice) file=[^:]*::/.test(line), line).toBe(true);
  }
}

function expectSafeRun(run: Run, code: number, annotations = false): void {
  expect(run.code, run.stderr).toBe(code);
  expectSafe(run.stdout, annotations);
  expectSafe(run.stderr);
}

const data = () => ['--data', at('rows.ndjson')];

describe('no human-readable output lets untrusted text drive the terminal, forge a line or run a workflow command', () => {
  test.each([
    ['check: diagnostics that quote model text, code frames of raw control bytes', () => ['check', at('model.yaml'), at('broken.yaml'), at('bad-colour.yaml'), at('raw-bytes.yaml')], 1],
    ['fmt --check', () => ['fmt', '--check', at('model.yaml'), at('broken.yaml'), at('raw-bytes.yaml')], 1],
    ['score: the table, bad-row lines', () => ['score', at('model.yaml'), ...data()], 0],
    ['score with a broken model: its diagnostics', () => ['score', at('broken.yaml'), ...data()], 1],
    ['score --explain: history, pulse, override, playbooks, the next band', () => ['score', at('model.yaml'), ...data(), '--explain', 'acme\x1b[31m\nFORGED id line'], 0],
    ['score --explain: an invalid snapshot', () => ['score', at('model.yaml'), ...data(), '--explain', 'bidi\u202eid ##[error]x'], 0],
    ['report', () => ['report', at('model.yaml'), ...data()], 0],
    ['report --format markdown', () => ['report', at('model.yaml'), ...data(), '--format', 'markdown'], 0],
    ['backtest: the AUC, bands, deciles, misses with ids, --suggest and its diff', () => ['backtest', at('model.yaml'), '--data', at('churn.ndjson'), '--outcome', 'churned', '--suggest', '--folds', '2'], 0],
    ['backtest --format markdown --compare', () => ['backtest', at('model.yaml'), '--data', at('churn.ndjson'), '--outcome', 'churned', '--compare', at('model.yaml'), '--format', 'markdown'], 0],
    ['backtest: an outcome column that is missing', () => ['backtest', at('model.yaml'), ...data(), '--outcome', 'x\x1b[2J\n::error::FORGED column'], 2],
    ['test', () => ['test', at('hostile.test.yaml')], 1],
    ['diff: changes, bands, movers, playbooks, benchmarks, coverage', () => ['diff', at('model.yaml'), at('head.yaml'), ...data()], 0],
    ['diff --format markdown', () => ['diff', at('model.yaml'), at('head.yaml'), ...data(), '--format', 'markdown'], 0],
    ['simulate --set: the report and the patch', () => ['simulate', at('model.yaml'), ...data(), '--set', 'categories.product.weight=3'], 0],
    ['simulate --sweep', () => ['simulate', at('model.yaml'), ...data(), '--sweep', 'categories.product.weight=1:3:1'], 0],
    ['simulate --sensitivity', () => ['simulate', at('model.yaml'), ...data(), '--sensitivity', '--format', 'markdown'], 0],
    ['simulate --set: a path that leads nowhere', () => ['simulate', at('model.yaml'), ...data(), '--set', 'metrics.x\x1b[31m\n::error::FORGED.weight=1'], 2],
    ['an error that quotes a file name', () => ['score', at('model.yaml'), '--data', at('missing\n::error::FORGED.csv')], 2],
    ['an error that quotes an account', () => ['score', at('model.yaml'), ...data(), '--explain', 'nobody\x1b[2J\nFORGED account'], 2],
    ["commander's error that quotes an option value", () => ['score', at('model.yaml'), ...data(), '--format', 'x\x1b[31m\n::error::FORGED option'], 2],
    ['init', () => ['init', at('new\x1b[2J\n::warning::FORGED init')], 0],
  ])('%s', async (_name, args, code) => {
    expectSafeRun(await runMain(args()), code);
  });

  test.each([
    ['check --format github', () => ['check', '--format', 'github', at('broken.yaml'), at('bad-colour.yaml')], 1],
    ['test --reporter github', () => ['test', at('hostile.test.yaml'), '--reporter', 'github'], 1],
  ])('%s: the only workflow commands are the annotations', async (_name, args, code) => {
    const run = await runMain(args());
    expectSafeRun(run, code, true);
    expect(run.stdout).toMatch(/^::error file=/m);
  });

  test('the escaped text is still there to read', async () => {
    const explain = await runMain(['score', at('model.yaml'), ...data(), '--explain', 'acme\x1b[31m\nFORGED id line']);
    expect(explain.stdout).toContain('Account acme\\u001b[31m\\nFORGED id line as of 2026-02-28 — Health\\u001b[2J\\u001b]0;pwned\\u0007\\nFORGED title line\\r\\u202egnp.exe \\u0023#[error]v1 command');
    expect(explain.stdout).toContain('reason "because\\u001b[8m\\nFORGED reason"');
    const score = await runMain(['score', at('model.yaml'), ...data(), '--format', 'ndjson']);
    expect(score.stderr).toContain(':6: row 6: field usage: `usage` is not a number (got "forty\\u001b[2J\\nFORGED bad row") [not-a-number]');
    expect(score.stderr).toContain('(got "bad\\u009b31m\\u202e") [not-in-enum]');
    const check = await runMain(['check', at('broken.yaml')]);
    expect(check.stdout).toContain('hint: expected one of `on\\u001b[31mboard`, `adopt`');
  });

  test('JSON outputs keep every value exactly as written', async () => {
    const score = await runMain(['score', at('model.yaml'), ...data(), '--format', 'ndjson']);
    const rows = score.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { id: string; segment: string });
    expect(rows.map((r) => r.id)).toEqual(['acme\x1b[31m\nFORGED id line', 'acme\x1b[31m\nFORGED id line', '=HYPERLINK("http://evil.example","click")', '::error::FORGED id', '-3.62', 'bidi\u202eid ##[error]x']);
    expect(rows[3]?.segment).toBe('\x9b31mlow');
    const check = JSON.parse((await runMain(['check', '--format', 'json', at('bad-colour.yaml')])).stdout) as { files: { file: string; diagnostics: { message: string }[] }[] };
    expect(check.files[0]?.file).toBe(at('bad-colour.yaml'));
    expect(check.files[0]?.diagnostics[0]?.message).toContain('#c62828\x1b[2J\nFORGED colour');
  });
});

describe('score --format csv: nothing a spreadsheet would run', () => {
  test('a text cell that starts a formula is text; ids that are numbers and negative gaps stay numbers; stderr says so', async () => {
    const run = await runMain(['score', at('model.yaml'), ...data(), '--format', 'csv']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^row,line,id,as_of,status,reason,score,band,coverage,product_score,product_band,sentiment_score,sentiment_band,stage,segment,benchmark,gap,/);
    expect(run.stdout).toContain('\n3,3,"\'=HYPERLINK(""http://evil.example"",""click"")",2026-01-31,scored,,90,green,');
    expect(run.stdout).toContain('\n5,5,-3.62,2026-01-31,scored,,70,green,');
    expect(run.stdout).toMatch(/\n1,1,"acme\x1b\[31m\nFORGED id line",2026-01-31,scored,,43\.33,red,1,20,red,90,green,on\x1b\[31mboard,"high\ntouch",60,-16\.67,/);
    expect(run.stderr).toContain("vitals: 1 CSV cell began with =, +, -, @, a tab or a CR, so a spreadsheet would run it as a formula: written as text, with a leading ' (--csv-raw writes them as they are)\n");
  });

  test('--csv-raw writes text as it is; it means nothing for another format', async () => {
    const raw = await runMain(['score', at('model.yaml'), ...data(), '--format', 'csv', '--csv-raw']);
    expect(raw.stdout).toContain('\n3,3,"=HYPERLINK(""http://evil.example"",""click"")",');
    expect(raw.stderr).not.toContain('CSV cell');
    const table = await runMain(['score', at('model.yaml'), ...data(), '--csv-raw']);
    expect(table).toMatchObject({ code: 2, stdout: '', stderr: 'vitals: --csv-raw applies only to --format csv\n' });
  });
});
