import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { expectValid, FIXTURES, ROOT, vitals } from './support/run-cli.js';

const SAAS = 'models/saas-seven-metrics/model.yaml';
const DATA = ['--data', 'models/saas-seven-metrics/sample.csv'];

interface Outcome {
  bands: { name: string; count: number }[];
  mean: number | null;
  changed_band: number;
  unscored: number;
}

describe('vitals simulate --set', () => {
  test('the impact report of the change, and the change as a patch that applies with git and keeps every comment', async () => {
    const run = (await vitals(['simulate', SAAS, ...DATA, '--set', 'categories.product.weight=60', '--set', 'metrics.feature_adoption.bands.red=35', '--format', 'json']));
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout) as { command: string; change: { changes: { path: string; before: unknown; after: unknown }[] }; simulation: { patch: string } };
    expectValid('diff', document);
    expect(document.command).toBe('simulate');
    expect(document.change.changes.map((c) => [c.path, c.before, c.after])).toEqual([
      ['categories.product.weight', 50, 60],
      ['metrics.feature_adoption.bands.red', 40, 35],
    ]);
    const repo = mkdtempSync(join(tmpdir(), 'vitals-patch-'));
    mkdirSync(join(repo, 'models/saas-seven-metrics'), { recursive: true });
    copyFileSync(join(ROOT, SAAS), join(repo, SAAS));
    writeFileSync(join(repo, 'change.patch'), document.simulation.patch);
    execFileSync('git', ['apply', 'change.patch'], { cwd: repo, stdio: 'pipe' });
    const patched = readFileSync(join(repo, SAAS), 'utf8');
    const comments = (text: string) => text.split('\n').filter((line) => /^\s*#/.test(line));
    expect(comments(patched)).toEqual(comments(readFileSync(join(ROOT, SAAS), 'utf8')));
    // the patched file is the simulated model: diffing it against the original gives the same changes
    const diff = JSON.parse((await vitals(['diff', SAAS, join(repo, SAAS), ...DATA, '--format', 'json'])).stdout) as typeof document;
    expect(diff.change).toEqual(document.change);
  });

  test.each([
    ['categories.prodct.weight=60', 'vitals: --set categories.prodct.weight=60: the model has no category `prodct`; did you mean `product`?\n'],
    ['metrics.seat_utilisation.bands.purple=35', 'vitals: --set metrics.seat_utilisation.bands.purple=35: the model has no band `purple`; expected one of `red`, `amber`, `green`\n'],
    ['rollup.margin=5', 'vitals: --set rollup.margin=5: `rollup` is `weighted_mean`, so it has no `margin`; set `rollup` itself, e.g. `rollup={ … }`\n'],
    ['categories.product.weight', 'vitals: --set categories.product.weight: `categories.product.weight` is not PATH=VALUE; write the path as the model file nests it, then `=` and the value: `categories.product.weight=60`, `metrics.seat_utilisation.bands.red=35`\n'],
  ])('a path that does not exist: --set %s is a clear error, exit 2', async (edit, stderr) => {
    const run = (await vitals(['simulate', SAAS, ...DATA, '--set', edit]));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(stderr);
    expect(run.stdout).toBe('');
  });

  test.each([
    ['categories.product.weight=-5', 'models/saas-seven-metrics/model.yaml (edited):39:44 error out-of-range `weight` of category `product` must be at least 0, found -5'],
    ['bands.red=80', 'models/saas-seven-metrics/model.yaml (edited):16:27 error thresholds-unordered band `amber` has below: 70, which is not above the band before it (below: 80)'],
    ['metrics.seat_utilisation.bands.red=abc', 'models/saas-seven-metrics/model.yaml (edited):50:29 error wrong-type `below` of band 1 of metric `seat_utilisation` must be a number, found text `abc`'],
    ['categories.product.weigth=60', 'models/saas-seven-metrics/model.yaml (edited):39:48 error unknown-field unknown field `weigth`'],
  ])('a value that makes the model invalid: --set %s gives the diagnostic in the edited text, exit 2', async (edit, diagnostic) => {
    const run = (await vitals(['simulate', SAAS, ...DATA, '--set', edit]));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(diagnostic);
    expect(run.stderr).toContain(`vitals: --set ${edit} makes models/saas-seven-metrics/model.yaml invalid (1 error above); nothing was simulated\n`);
  });
});

describe('vitals simulate --sweep', () => {
  test('each value equals a separate --set run of it (band counts, mean score, accounts changing band), with a table and a chart', async () => {
    const sweep = (await vitals(['simulate', SAAS, ...DATA, '--sweep', 'categories.product.weight=20:80:30', '--format', 'json']));
    expect(sweep.code).toBe(0);
    const document = JSON.parse(sweep.stdout) as { current: unknown; points: (Outcome & { value: number })[] };
    expectValid('sweep', document);
    expect(document.current).toBe(50);
    expect(document.points.map((p) => p.value)).toEqual([20, 50, 80]);
    for (const point of document.points) {
      const single = JSON.parse((await vitals(['simulate', SAAS, ...DATA, '--set', `categories.product.weight=${point.value}`, '--format', 'json'])).stdout) as {
        impact: { band_changes: { changed: number }; distribution: { head: { bands: { count: number }[]; stats: { mean: number } | null; unscored: number } } };
      };
      const head = single.impact.distribution.head;
      expect(point.bands.map((b) => b.count)).toEqual(head.bands.map((b) => b.count));
      expect(point.mean).toBeCloseTo(head.stats?.mean as number, 10);
      expect(point.unscored).toBe(head.unscored);
      expect(point.changed_band).toBe(single.impact.band_changes.changed);
    }
    const text = (await vitals(['simulate', SAAS, ...DATA, '--sweep', 'categories.product.weight=20:80:30'])).stdout;
    expect(text).toMatch(/\n {2}50 \(now\) +\d+ \(/);
    expect(text).toMatch(/\n {2}20 │[█▓▒]{38,42}│ \d+ change band\n/);
    expect(text).toContain('█ red  ▓ amber  ▒ green');
  });
});

describe('vitals simulate --target and --sensitivity', () => {
  test('--target even: the thresholds found, the shares they give, and the change as a patch', async () => {
    const run = (await vitals(['simulate', SAAS, ...DATA, '--target', 'even', '--format', 'json']));
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout) as { target: { thresholds: { band: string; before: number; after: number }[]; expected: number[] }; impact: { distribution: { head: { bands: { share: number }[] } } }; simulation: { patch: string } };
    expectValid('diff', document);
    expect(document.target.thresholds.map((t) => t.band)).toEqual(['red', 'amber']);
    // 39 scored accounts: 13 in each band (no hysteresis or override in this model, so simulated = expected)
    expect(document.target.expected).toEqual([13 / 39, 13 / 39, 13 / 39]);
    expect(document.impact.distribution.head.bands.map((b) => b.share)).toEqual(document.target.expected);
    expect(document.simulation.patch).toMatch(/\n-  - \{ name: red, below: 40, title: At risk, color: "#c62828" \}\n-  - \{ name: amber, below: 70[^\n]*\n\+  - \{ name: red, below: [\d.]+, title: At risk/);
  });

  test('--sensitivity ranks every weight and threshold by the accounts that change band, the most first', async () => {
    const run = (await vitals(['simulate', SAAS, ...DATA, '--sensitivity', '--format', 'json']));
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout) as { knobs: { path: string; changed_band: number }[] };
    expectValid('sensitivity', document);
    expect(document.knobs).toHaveLength(32);
    const counts = document.knobs.map((k) => k.changed_band);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(document.knobs.map((k) => k.path)).toContain('metrics.csm_rag.weight');
  });

  test.each([
    [['--set', 'bands.red=35', '--sensitivity'], 'vitals: --set and --sensitivity cannot be combined: simulate one kind of change at a time\n'],
    [[], 'vitals: simulate needs a change to try: --set PATH=VALUE, --sweep PATH=FROM:TO:STEP, --target SHARES or --sensitivity\n'],
    [['--target', 'red=50,amber=40,green=35'], 'vitals: --target red=50,amber=40,green=35: the shares add up to 125, not 100; shares are percentages of the scored accounts: `red=25,amber=40,green=35`\n'],
    [['--sweep', 'categories.product.weight=10:90:0'], 'vitals: --sweep categories.product.weight=10:90:0: `categories.product.weight=10:90:0 (the step does not lead from FROM to TO)` is not PATH=VALUE; write the path as the model file nests it, then `=` and the value: `categories.product.weight=60`, `metrics.seat_utilisation.bands.red=35`\n'],
  ])('simulate %j: a clear message, exit 2', async (args, stderr) => {
    const run = (await vitals(['simulate', SAAS, ...DATA, ...args]));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(stderr);
  });
});

describe('vitals check prints effective weights', () => {
  test('weights are relative: 3/7/11 are 14.3%, 33.3% and 52.4% of the score; --no-weights leaves them out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitals-weights-'));
    const model = join(dir, 'model.yaml');
    writeFileSync(
      model,
      readFileSync(join(ROOT, FIXTURES, 'impact/base.yaml'), 'utf8')
        .replace('    score: identity\n  nps:', '    score: identity\n    weight: 3\n  nps:')
        .replace('  nps:\n    category: product\n    value: nps\n    score: identity\n', '  nps:\n    category: product\n    value: nps\n    score: identity\n    weight: 7\n  nps_again:\n    category: product\n    value: nps\n    score: identity\n    weight: 11\n'),
    );
    const run = (await vitals(['check', model]));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${model}: each metric's share of the overall score, all data present\n  product    100%  usage 14.3% · nps 33.3% · nps_again 52.4%\n`);
    expect((await vitals(['check', '--no-weights', model])).stdout).not.toContain('share of the overall score');
    const json = JSON.parse((await vitals(['check', '--format', 'json', model])).stdout) as { files: { effective_weights: { categories: { metrics: { share: number }[] }[] } }[] };
    expectValid('check', json);
    expect(json.files[0]?.effective_weights.categories[0]?.metrics.map((m) => m.share)).toEqual([3 / 21, 7 / 21, 11 / 21]);
  });
});
