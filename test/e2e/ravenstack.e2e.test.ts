import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { expectValid, ndjson, ROOT, vitals } from './support/run-cli.js';

/**
 * Real data: account snapshots derived from ../shared/data/ravenstack with the example's documented
 * script (models/ravenstack/derive-snapshots.ts), then scored and reported on by the built CLI.
 */
const MODEL = 'models/ravenstack/model.yaml';
let snapshots: string;
let derived: { rows: number; accounts: number };

beforeAll(() => {
  snapshots = join(mkdtempSync(join(tmpdir(), 'vitals-ravenstack-')), 'snapshots.csv');
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'models/ravenstack/derive-snapshots.ts', '--out', snapshots], { cwd: ROOT, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  const summary = /derived (\d+) snapshots of (\d+) accounts/.exec(run.stderr);
  expect(summary).not.toBeNull();
  derived = { rows: Number(summary?.[1]), accounts: Number(summary?.[2]) };
}, 60_000);

describe('the RavenStack snapshots, scored by the CLI', () => {
  test('score: one output row per snapshot, in order, every one valid (the derivation writes clean data)', async () => {
    const run = (await vitals(['score', MODEL, '--data', snapshots, '--format', 'ndjson']));
    expect(run.code).toBe(0);
    const rows = ndjson(run.stdout) as { row: number; status: string }[];
    expect(rows).toHaveLength(derived.rows);
    expect(rows.map((r) => r.row)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.filter((r) => r.status === 'invalid')).toEqual([]);
    expect(run.stderr).toMatch(new RegExp(`: ${derived.rows.toLocaleString('en-US')} rows: [\\d,]+ scored`));
    expectValid('score-row', rows[rows.length - 1]);
  });

  test('report --latest: each account once, at its latest snapshot; the JSON matches report.schema.json', async () => {
    const run = (await vitals(['report', MODEL, '--data', snapshots, '--latest', '--format', 'json']));
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { unit: string; counts: { rows: number }; bands: { count: number }[]; histogram: { count: number }[] };
    expectValid('report', report);
    expect(report.unit).toBe('account');
    expect(report.counts.rows).toBe(derived.rows);
    const scored = report.bands.reduce((n, b) => n + b.count, 0);
    expect(report.histogram.reduce((n, b) => n + b.count, 0)).toBe(scored);
    expect(scored).toBeLessThanOrEqual(derived.accounts);
  });

  test('--explain on a real account: its history and the next-band what-if', async () => {
    const first = readFileSync(snapshots, 'utf8').split('\n')[1]?.split(',')[0] as string;
    const run = (await vitals(['score', MODEL, '--data', snapshots, '--explain', first, '--format', 'json']));
    expect(run.code).toBe(0);
    const explanation = JSON.parse(run.stdout) as { account: string; history: unknown[] };
    expectValid('explain', explanation);
    expect(explanation.account).toBe(first);
    expect(explanation.history.length).toBeGreaterThan(1);
  });

  test('backtest against churn_in_next_90d: no signal, and the interval (clustered by account) says so', async () => {
    const run = (await vitals(['backtest', MODEL, '--data', snapshots, '--outcome', 'churn_in_next_90d', '--format', 'json']));
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { interval: unknown; counts: { observations: number; accounts: number }; models: { auc: { auc: number; low: number; high: number } }[] };
    expectValid('backtest', report);
    expect(report.interval).toEqual({ method: 'delong', clustered: true });
    expect(report.counts.accounts).toBeLessThan(report.counts.observations);
    const auc = report.models[0]?.auc;
    expect(auc?.auc).toBeGreaterThan(0.45);
    expect(auc?.auc).toBeLessThan(0.53);
    expect(auc?.low).toBeLessThan(0.5);
    expect(auc?.high).toBeGreaterThan(0.5);
  });
});
