import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyPatch } from 'diff';
import { beforeAll, describe, expect, test } from 'vitest';
import { planModel } from '@vitals/core';
import { expectValid, FIXTURES, ndjson, vitals } from './support/run-cli.js';

const MODEL = `${FIXTURES}/backtest/model.yaml`;
const V2 = `${FIXTURES}/backtest/model-v2.yaml`;
let dir: string;
let accounts: string;

/** 400 accounts whose churn follows usage (and a little tickets), from a fixed little generator. */
function writeAccounts(path: string): void {
  let state = 7;
  const next = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  const rows = ['account_id,usage,tickets,churned'];
  for (let i = 1; i <= 400; i++) {
    const usage = Math.round(next() * 100);
    const tickets = Math.floor(next() * 8);
    const risk = 1 / (1 + Math.exp(-(1.5 - 0.05 * usage + 0.15 * tickets)));
    rows.push(`acct-${i},${usage},${tickets},${next() < risk ? 'Yes' : 'No'}`);
  }
  writeFileSync(path, `${rows.join('\n')}\n`);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vitals-backtest-'));
  accounts = join(dir, 'accounts.csv');
  writeAccounts(accounts);
});

interface Json {
  models: { auc: { auc: number; low: number; high: number }; bands: { band: string; count: number; churned: number }[]; misses: { churned: number; listed: { result: { band: string; score: number } }[] } }[];
  counts: Record<string, number | null>;
  comparison: { auc_difference: { value: number } } | null;
  suggestion: { cross_validated: { suggested: { folds: number[] } }; patch: string; weights: { categories: Record<string, number>; metrics: Record<string, number> } } | null;
}

async function backtestJson(...args: string[]): Promise<Json> {
  const run = (await vitals(['backtest', ...args, '--format', 'json']));
  expect(run.code, run.stderr).toBe(0);
  const document = JSON.parse(run.stdout) as Json;
  expectValid('backtest', document);
  return document;
}

describe('vitals backtest', () => {
  test('the AUC is computed on the scores vitals reports: it matches every churned/retained pair compared directly', async () => {
    const scored = ndjson((await vitals(['score', MODEL, '--data', accounts, '--format', 'ndjson'])).stdout) as { score: number }[];
    const outcomes = readFileSync(accounts, 'utf8').trim().split('\n').slice(1).map((line) => line.endsWith('Yes'));
    const churned = scored.filter((_, i) => outcomes[i]).map((r) => r.score);
    const retained = scored.filter((_, i) => !outcomes[i]).map((r) => r.score);
    let pairs = 0;
    for (const c of churned) for (const r of retained) pairs += c < r ? 1 : c === r ? 0.5 : 0;
    const report = (await backtestJson(MODEL, '--data', accounts, '--outcome', 'churned'));
    expect(report.models[0]?.auc.auc).toBeCloseTo(pairs / (churned.length * retained.length), 12);
    expect(report.counts.observations).toBe(400);
  });

  test('text: the AUC with its interval and method, churn per band, deciles, the misses with their drill-down', async () => {
    const run = (await vitals(['backtest', MODEL, '--data', accounts, '--outcome', 'churned', '--misses', '2']));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/overall score {2}0\.\d{3} \(95% CI 0\.\d{3}–0\.\d{3}\)/);
    expect(run.stdout).toContain("interval: DeLong's method");
    expect(run.stdout).toMatch(/Churn by band \(base rate \d+\.\d%\):/);
    expect(run.stdout).toMatch(/red churns at \d+\.\d%, amber at \d+\.\d%, green at \d+\.\d%\./);
    expect(run.stdout).toMatch(/Calibration: churn rate per score decile/);
    expect(run.stdout).toMatch(/Misses: \d+ of \d+ accounts in green, the best band, churned anyway/);
    expect(run.stdout).toMatch(/ {4}metrics: usage \d+ → \d+ · tickets \d → \d+/);
    expect(run.stdout).toContain(`--explain acct-`);
    expect(run.stderr).toContain('400 rows: 400 scored');
  });

  test('the misses are churned accounts of the best band, highest score first', async () => {
    const [model] = (await backtestJson(MODEL, '--data', accounts, '--outcome', 'churned', '--misses', '3')).models;
    const green = model?.bands.find((b) => b.band === 'green');
    expect(model?.misses.churned).toBe(green?.churned);
    const listed = model?.misses.listed ?? [];
    expect(listed.length).toBe(Math.min(3, green?.churned ?? 0));
    expect(listed.every((m) => m.result.band === 'green')).toBe(true);
    expect(listed.map((m) => m.result.score)).toEqual([...listed.map((m) => m.result.score)].sort((a, b) => b - a));
  });

  test('bootstrap: the interval says how it was made, and the same seed gives the same numbers', async () => {
    const run = async (seed: string) => (await vitals(['backtest', MODEL, '--data', accounts, '--outcome', 'churned', '--ci', 'bootstrap', '--replicates', '300', '--seed', seed, '--format', 'json'])).stdout;
    const first = JSON.parse((await run('5'))) as { interval: unknown };
    expect(first.interval).toEqual({ method: 'bootstrap', replicates: 300, seed: 5, clustered: false, skipped: 0 });
    expect((await run('5'))).toBe((await run('5')));
  });

  test('--compare: both models on the same rows, the paired difference and the band transitions', async () => {
    const report = (await backtestJson(MODEL, '--data', accounts, '--outcome', 'churned', '--compare', V2));
    const [a, b] = report.models;
    expect(report.comparison?.auc_difference.value).toBeCloseTo((b?.auc.auc ?? 0) - (a?.auc.auc ?? 0), 12);
    const text = (await vitals(['backtest', MODEL, '--data', accounts, '--outcome', 'churned', '--compare', V2, '--format', 'markdown'])).stdout;
    expect(text).toMatch(/\*\*AUC 0\.\d{3} → 0\.\d{3}\*\*/);
    expect(text).toContain('| red | ');
  });

  test('--suggest: out of sample first, a patch that applies to the model, and the model file left alone', async () => {
    const hash = () => createHash('sha256').update(readFileSync(MODEL)).digest('hex');
    const before = hash();
    const run = (await vitals(['backtest', MODEL, '--data', accounts, '--outcome', 'churned', '--suggest', '--folds', '4', '--seed', '3']));
    expect(run.code, run.stderr).toBe(0);
    const outOfSample = run.stdout.indexOf('Out of sample (4-fold cross-validation by account, seed 3)');
    expect(outOfSample).toBeGreaterThan(0);
    expect(run.stdout.indexOf('In sample')).toBeGreaterThan(outOfSample);
    expect(hash()).toBe(before);
    const report = (await backtestJson(MODEL, '--data', accounts, '--outcome', 'churned', '--suggest', '--folds', '4', '--seed', '3'));
    expect(report.suggestion?.cross_validated.suggested.folds).toHaveLength(4);
    const patched = applyPatch(readFileSync(MODEL, 'utf8'), report.suggestion?.patch ?? '');
    expect(patched).not.toBe(false);
    const plan = planModel(patched as string, MODEL).plan;
    expect(plan?.categories.map((c) => c.weight)).toEqual([report.suggestion?.weights.categories.product, report.suggestion?.weights.categories.support]);
    expect(report).toEqual((await backtestJson(MODEL, '--data', accounts, '--outcome', 'churned', '--suggest', '--folds', '4', '--seed', '3')));
  });

  test('--html: a self-contained page with both charts', async () => {
    const page = join(dir, 'backtest.html');
    const run = (await vitals(['backtest', MODEL, '--data', accounts, '--outcome', 'churned', '--html', page, '--format', 'json']));
    expect(run.code, run.stderr).toBe(0);
    const html = readFileSync(page, 'utf8');
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('id="bands-0"');
    expect(html).toContain('id="deciles-0"');
    expect(html).not.toMatch(/<script[^>]+src=/);
  });
});

describe('churn dates and snapshots', () => {
  test('a snapshot on or after its churn date never counts; the horizon decides the label', async () => {
    const csv = join(dir, 'snapshots.csv');
    const rows = ['account_id,snapshot_date,usage,churn_date'];
    // 12 accounts churn on 2024-03-15: low usage before, a perfect 100 after (which must not count).
    for (let a = 1; a <= 12; a++) rows.push(`c${a},2024-01-31,${10 + a},2024-03-15`, `c${a},2024-02-29,${12 + a},2024-03-15`, `c${a},2024-03-31,100,2024-03-15`);
    for (let a = 1; a <= 12; a++) for (const day of ['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30', '2024-05-31', '2024-06-30', '2024-07-31']) rows.push(`r${a},${day},${60 + a},`);
    writeFileSync(csv, `${rows.join('\n')}\n`);
    const report = (await backtestJson(`${FIXTURES}/backtest/snapshots-model.yaml`, '--data', csv, '--outcome', 'churn_date', '--horizon', '90d'));
    expect(report.counts.after_outcome).toBe(12);
    // The data ends 2024-07-31: retained snapshots after 2024-05-02 have a window not yet seen.
    expect(report.counts.censored).toBe(36);
    expect(report.models[0]?.auc.auc).toBe(1);
    expect(report.models[0]?.misses.churned).toBe(0);
  });
});

describe('refused, clearly (exit 2, never NaN)', () => {
  test.each([
    ['a missing outcome column, with the near name', ['--outcome', 'Churned'], /outcome \(--outcome\) `Churned` reads column `Churned`, which the file lacks[\s\S]*did you mean `churned`\?/],
    ['a horizon on labels', ['--outcome', 'churned', '--horizon', '90d'], /--horizon needs a churn-date outcome, but `churned` holds labels/],
    ['a horizon without a unit', ['--outcome', 'churned', '--horizon', '3m'], /--horizon must be a number of days or weeks such as 90d or 13w, got "3m"/],
  ])('%s', async (_name, args, message) => {
    const run = (await vitals(['backtest', MODEL, '--data', accounts, ...args]));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/NaN|\n\s+at /);
  });

  test('a single-class outcome', async () => {
    const run = (await vitals(['backtest', MODEL, '--data', `${FIXTURES}/backtest/single-class.csv`, '--outcome', 'churned']));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the outcome `churned` has one class only: none of the 30 observations churned');
  });

  test('unknown outcome values: each with its file line, row and field, then no backtest', async () => {
    const run = (await vitals(['backtest', MODEL, '--data', `${FIXTURES}/backtest/unknown-outcome.csv`, '--outcome', 'churned']));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown-outcome.csv:4: row 3: field churned: "maybe" is not an outcome: expected true/false, yes/no, 1/0, churned/retained');
    expect(run.stderr).toContain('unknown-outcome.csv:6: row 5: field churned: "N" is not an outcome');
    expect(run.stderr).toContain('2 rows with an outcome that is not a known value');
    expect(run.stdout).toBe('');
  });

  test('too few churned accounts', async () => {
    const csv = join(dir, 'few.csv');
    writeFileSync(csv, ['account_id,usage,tickets,churned', ...Array.from({ length: 40 }, (_, i) => `a${i},${i * 2},1,${i < 4 ? 'yes' : 'no'}`)].join('\n'));
    const run = (await vitals(['backtest', MODEL, '--data', csv, '--outcome', 'churned']));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('too few churned accounts for a backtest: 4 churned and 36 retained, at least 10 of each');
  });
});

describe('vitals diff --outcome', () => {
  interface DiffOutcome {
    outcome: {
      counts: { observations: number };
      base: { auc: Json['models'][number]['auc']; bands: Json['models'][number]['bands'] };
      head: { auc: Json['models'][number]['auc']; bands: Json['models'][number]['bands'] };
      comparison: { auc_difference: { value: number; low: number; high: number }; transitions: unknown };
    };
  }

  test('both models’ AUC, churn per band and the paired difference are backtest --compare’s, in the same pass as the impact', async () => {
    const [run, backtest] = await Promise.all([
      vitals(['diff', MODEL, V2, '--data', accounts, '--outcome', 'churned', '--format', 'json']),
      vitals(['backtest', MODEL, '--data', accounts, '--outcome', 'churned', '--compare', V2, '--format', 'json']),
    ]);
    expect(run?.code, run?.stderr).toBe(0);
    const diff = JSON.parse(run?.stdout ?? '') as DiffOutcome;
    expectValid('diff', diff);
    const compared = JSON.parse(backtest?.stdout ?? '') as Json & { comparison: DiffOutcome['outcome']['comparison'] };
    expect(diff.outcome.counts.observations).toBe(400);
    expect(diff.outcome.base.auc).toEqual(compared.models[0]?.auc);
    expect(diff.outcome.head.auc).toEqual(compared.models[1]?.auc);
    expect(diff.outcome.base.bands).toEqual(compared.models[0]?.bands);
    expect(diff.outcome.comparison).toEqual(compared.comparison);
  });

  test('text and markdown: the AUC change in the one-line summary, and a section with each AUC, the paired interval and churn per band', async () => {
    const [text, markdown] = await Promise.all(['text', 'markdown'].map((format) => vitals(['diff', MODEL, V2, '--data', accounts, '--outcome', 'churned', '--format', format])));
    expect(text?.code, text?.stderr).toBe(0);
    const summary = /AUC on `churned` (0\.\d{3}) → (0\.\d{3})\./.exec(text?.stdout ?? '');
    expect(summary).not.toBeNull();
    expect(text?.stdout).toContain(`${summary?.[1]} (95% CI `);
    expect(text?.stdout).toMatch(new RegExp(`before, ${summary?.[2]} \\(95% CI 0\\.\\d{3}–0\\.\\d{3}\\) after\\.`));
    expect(text?.stdout).toMatch(/AUC change [+−]0\.\d{3} \(95% CI [+−]0\.\d{3} to [+−]0\.\d{3}, paired\): /);
    expect(markdown?.stdout).toContain('#### Predicting `churned`');
    expect(markdown?.stdout).toMatch(/\| red \| \d+ \| \d+\.\d% \(/);
  });

  test('refused clearly: an outcome column the file lacks, one class only, --horizon without --outcome', async () => {
    const [missing, single, stray] = await Promise.all([
      vitals(['diff', MODEL, V2, '--data', accounts, '--outcome', 'churn_flag']),
      vitals(['diff', MODEL, V2, '--data', `${FIXTURES}/backtest/single-class.csv`, '--outcome', 'churned']),
      vitals(['diff', MODEL, V2, '--data', accounts, '--horizon', '90d']),
    ]);
    expect(missing?.code).toBe(2);
    expect(missing?.stderr).toContain('churn_flag');
    expect(single?.code).toBe(2);
    expect(single?.stderr).toContain('the outcome `churned` has one class only');
    expect(single?.stdout).toBe('');
    expect(stray?.code).toBe(2);
    expect(stray?.stderr).toContain('--horizon goes with --outcome');
  });
});
