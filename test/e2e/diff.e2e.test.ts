import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { expectValid, FIXTURES, ROOT, schema, vitals } from './support/run-cli.js';

const IMPACT = `${FIXTURES}/impact`;
const DATA = ['--data', `${IMPACT}/accounts.csv`];
const PAIR = [`${IMPACT}/base.yaml`, `${IMPACT}/head.yaml`, ...DATA];

/** `vitals diff --format json` of the fixture pair, run once for every test that reads it. */
let json: string | undefined;
const diffJson = async () => (json ??= (await vitals(['diff', ...PAIR, '--format', 'json'])).stdout);

interface DiffDocument {
  change: { unchanged: boolean; changes: { path: string; kind: string }[] };
  impact: { transitions: { counts: number[][] }; band_changes: { changed: number }; movers: { id: string; moved_by: { metric: string } | null }[] };
  base: { source: string; hash: string };
  head: { source: string; hash: string };
}

describe('vitals diff', () => {
  test('--format markdown: the pull-request comment, as checked by hand (test/e2e/fixtures/impact/diff.golden.md)', async () => {
    // The golden file was read line by line against the arithmetic in create-impact.test.ts: BASE = (usage + nps) / 2,
    // HEAD = (3·usage + nps) / 4 with red below 45; the matrix, quantiles, movers, playbook and benchmark lines agree.
    const run = (await vitals(['diff', ...PAIR, '--format', 'markdown']));
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(readFileSync(join(ROOT, IMPACT, 'diff.golden.md'), 'utf8'));
    // the bad row is described once (on stderr, with its line and field), not once per model
    expect(run.stderr.match(/row 9: field usage/g)).toHaveLength(1);
  });

  test('--format json matches diff.schema.json; a rename is a rename, and movers name the metric that moved them', async () => {
    const document = JSON.parse((await diffJson())) as DiffDocument;
    expectValid('diff', document);
    expect(document.change.changes.map((c) => `${c.kind} ${c.path}`)).toEqual(['changed bands.red', 'renamed metrics.promoter_score', 'changed metrics.usage.weight', 'changed benchmarks.adopt', 'changed playbooks.at_risk.when']);
    expect(document.impact.transitions.counts).toEqual([
      [2, 0, 0, 0, 0],
      [1, 0, 1, 1, 0],
      [0, 1, 2, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 1],
    ]);
    expect(document.impact.movers.map((m) => [m.id, m.moved_by?.metric])).toEqual([
      ['b', 'usage'],
      ['c', 'promoter_score'],
      ['e', 'promoter_score'],
      ['f', 'usage'],
    ]);
  });

  test.each([
    ['a change type', (d: Record<string, unknown>) => ({ ...d, command: 'compare' })],
    ['a change without its path', (d: Record<string, unknown>) => ({ ...d, change: { ...(d.change as object), changes: [{ section: 'model', kind: 'changed', key: null, field: 'x', before: 1, after: 2 }] } })],
    ['a hash that is not one', (d: Record<string, unknown>) => ({ ...d, head: { ...(d.head as object), hash: 'abc' } })],
    ['a negative count in the matrix', (d: Record<string, unknown>) => ({ ...d, impact: { ...(d.impact as object), transitions: { from: [], to: [], counts: [[-1]] } } })],
  ])('diff.schema.json rejects %s', async (_name, change) => {
    const document = JSON.parse((await diffJson())) as Record<string, unknown>;
    expect(schema('diff')(document)).toBe(true);
    expect(schema('diff')(change(document))).toBe(false);
  });

  test('layout and comments only: no change, one line, nothing else to read', async () => {
    const run = (await vitals(['diff', `${IMPACT}/base.yaml`, `${IMPACT}/head-layout.yaml`, ...DATA]));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('No change in meaning (comments, layout or the way a formula is written at most): every score stays as it is.');
    expect(run.stdout).not.toContain('Band transitions');
  });

  test('--base REF reads BASE from git, so CI needs no second checkout; a model new in HEAD is not an error', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'vitals-diff-git-'));
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=ci@example.com', '-c', 'user.name=CI', ...args], { cwd: repo, stdio: 'pipe' });
    mkdirSync(join(repo, 'models/demo'), { recursive: true });
    copyFileSync(join(ROOT, IMPACT, 'base.yaml'), join(repo, 'models/demo/model.yaml'));
    copyFileSync(join(ROOT, IMPACT, 'accounts.csv'), join(repo, 'models/demo/accounts.csv'));
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    copyFileSync(join(ROOT, IMPACT, 'head.yaml'), join(repo, 'models/demo/model.yaml'));
    const fromGit = (await vitals(['diff', '--base', 'main', 'models/demo/model.yaml', '--data', 'models/demo/accounts.csv', '--format', 'json'], { cwd: repo }));
    expect(fromGit.code).toBe(0);
    const document = JSON.parse(fromGit.stdout) as DiffDocument;
    expect(document.base.source).toBe('main:models/demo/model.yaml');
    const fromFiles = JSON.parse((await diffJson())) as DiffDocument;
    expect([document.base.hash, document.change, document.impact]).toEqual([fromFiles.base.hash, fromFiles.change, fromFiles.impact]);
    // from another directory, the path is the one on disk
    const elsewhere = (await vitals(['diff', '--base', 'main', join(repo, 'models/demo/model.yaml'), '--data', join(repo, 'models/demo/accounts.csv'), '--format', 'json']));
    expect(JSON.parse(elsewhere.stdout).change).toEqual(fromFiles.change);

    writeFileSync(join(repo, 'models/demo/new.yaml'), readFileSync(join(ROOT, IMPACT, 'head.yaml')));
    const added = (await vitals(['diff', '--base', 'main', 'models/demo/new.yaml', '--data', 'models/demo/accounts.csv', '--format', 'markdown'], { cwd: repo }));
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('**A new model:** models/demo/new.yaml does not exist at main: it is a new model, so there is nothing to compare.');

    const unknown = (await vitals(['diff', '--base', 'no-such-branch', 'models/demo/model.yaml', '--data', 'models/demo/accounts.csv'], { cwd: repo }));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^vitals: --base no-such-branch: git knows no such revision \(fetch it first/);
  });

  test('--html: a self-contained page whose charts script runs on the embedded data', async () => {
    const page = join(mkdtempSync(join(tmpdir(), 'vitals-diff-')), 'diff.html');
    const run = (await vitals(['diff', ...PAIR, '--html', page]));
    expect(run.code).toBe(0);
    const html = readFileSync(page, 'utf8');
    expect(html).toContain("content=\"default-src 'none'; script-src 'unsafe-inline'");
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
    expect(html).toContain('<td><code>b</code></td>');
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    const drawn: { labels: unknown; data: unknown[] }[] = [];
    runInNewContext(scripts[2]?.[2] as string, {
      document: { getElementById: (id: string) => (id === 'vitals-data' ? { textContent: scripts[0]?.[2] } : {}) },
      Chart: class {
        constructor(_canvas: unknown, config: { data: { labels: unknown; datasets: { data: unknown }[] } }) {
          drawn.push({ labels: config.data.labels, data: config.data.datasets.map((d) => d.data) });
        }
      },
    });
    expect(drawn[0]).toEqual({ labels: ['red', 'amber', 'green'], data: [[2, 3, 3], [3, 1, 3]] });
  });

  test('with history: each account at its latest snapshot, and a playbook change dry-run over every snapshot', async () => {
    const lifecycle = readFileSync(join(ROOT, 'models/lifecycle-b2b/model.yaml'), 'utf8');
    const dir = mkdtempSync(join(tmpdir(), 'vitals-diff-history-'));
    writeFileSync(join(dir, 'head.yaml'), lifecycle.replace('cooldown: 45d', 'cooldown: 20d'));
    const run = (await vitals(['diff', 'models/lifecycle-b2b/model.yaml', join(dir, 'head.yaml'), '--data', 'models/lifecycle-b2b/sample.csv', '--format', 'json']));
    const document = JSON.parse(run.stdout) as { impact: { unit: string; records: number; compared: number; playbooks: { key: string; status: string; workload_before: { fires: number }; workload_after: { fires: number } }[] } };
    expect([document.impact.unit, document.impact.records, document.impact.compared]).toEqual(['account', 25, 6]);
    const stale = document.impact.playbooks.find((p) => p.key === 'pulse_stale');
    expect(stale?.status).toBe('changed');
    // a shorter cooldown can only let it fire as often or more over the history
    expect(stale?.workload_after.fires).toBeGreaterThan(stale?.workload_before.fires as number);
  });

  test.each([
    [['diff', `${IMPACT}/base.yaml`, ...DATA], 2, 'vitals: diff needs two models, BASE and HEAD (got 1); or one model and --base REF to read BASE from git\n'],
    [['diff', '--base', 'main', ...PAIR], 2, 'vitals: with --base, diff takes one model (HEAD), and reads BASE from git at main (got 2 models)\n'],
    [['diff', `${IMPACT}/base.yaml`, `${FIXTURES}/broken-model.yaml`, ...DATA], 1, 'vitals: test/e2e/fixtures/broken-model.yaml has 3 errors; nothing was scored\n'],
  ])('vitals %j: a clear message, exit %i', async (args, code, last) => {
    const run = (await vitals(args));
    expect(run.code).toBe(code);
    expect(run.stderr.endsWith(last)).toBe(true);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('a data file the models cannot read whole gives no impact report (exit 2), never one over part of the accounts', () => {
  const SAAS = 'models/saas-seven-metrics/model.yaml';
  const BROKEN = ['--data', `test/fixtures/data/unclosed-quote.csv`];
  test.each([
    ['diff', ['diff', SAAS, SAAS, ...BROKEN]],
    ['simulate --set', ['simulate', SAAS, ...BROKEN, '--set', 'bands.red=45']],
    ['simulate --sweep', ['simulate', SAAS, ...BROKEN, '--sweep', 'bands.red=30:50:10']],
    ['simulate --target', ['simulate', SAAS, ...BROKEN, '--target', 'even']],
    ['simulate --sensitivity', ['simulate', SAAS, ...BROKEN, '--sensitivity']],
  ])('%s over a file that breaks off', async (_name, args) => {
    const run = await vitals([...args, '--format', 'json']);
    expect([run.code, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toContain('3 rows: 3 scored before the error below; no report');
    expect(run.stderr).toContain(`test/fixtures/data/unclosed-quote.csv:5:14: a quoted field starts here and is never closed`);
  });

  test("the header is checked against the columns either model reads: a column only HEAD reads is named before any row is scored", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitals-diff-columns-'));
    const base = readFileSync(join(ROOT, IMPACT, 'base.yaml'), 'utf8');
    writeFileSync(join(dir, 'head.yaml'), base.replace('  nps: { type: number,', '  nps: { type: number, column: nps_2026,'));
    const run = await vitals(['diff', `${IMPACT}/base.yaml`, join(dir, 'head.yaml'), ...DATA, '--format', 'json']);
    expect([run.code, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toContain(`vitals: ${IMPACT}/accounts.csv lacks a column the model reads:`);
    expect(run.stderr).toContain(`${join(dir, 'head.yaml')}:14:32 input \`nps\` reads column \`nps_2026\`, which the file lacks`);
  });
});
