import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { expectValid, FIXTURES, vitals } from './support/run-cli.js';

const SAAS = ['models/saas-seven-metrics/model.yaml', '--data', 'models/saas-seven-metrics/sample.csv'];

describe('vitals report', () => {
  test('text: histogram, band shares, category averages, playbook counts', async () => {
    const run = (await vitals(['report', ...SAAS]));
    expect(run.code).toBe(0);
    const json = JSON.parse((await vitals(['report', ...SAAS, '--format', 'json'])).stdout) as { bands: { name: string; count: number }[]; histogram: { count: number }[] };
    expect(run.stdout).toMatch(/Overall score \(1–100\), \d+ scored accounts:\n/);
    // one histogram line per bin, each with its count
    for (const bin of json.histogram) expect(run.stdout).toMatch(new RegExp(`│[█▏▎▍▌▋▊▉ ]{40} ${bin.count}\\n`));
    for (const band of json.bands) expect(run.stdout).toMatch(new RegExp(`\\n {2}${band.name} \\(.*\\) +[█▏▎▍▌▋▊▉ ]* +${band.count} +\\d+\\.\\d%`));
    expect(run.stdout).toContain('Category averages:\n  Product usage');
  });

  test('a warning when one band holds most accounts', async () => {
    const run = (await vitals(['report', `${FIXTURES}/hostile-title.yaml`, '--data', `${FIXTURES}/hostile.csv`]));
    expect(run.code).toBe(0);
    // usage 0.1 scores 10 (red); 0.7, 0.9, 0.95 and 0.99 score 50 or more (green): green holds 80%
    expect(run.stdout).toContain('⚠ 80% of scored accounts are green: when most accounts share one band the score does not tell them apart');
  });

  test('below the stage benchmark by stage and segment, stale pulses; the current book by default, every snapshot with --all-snapshots', async () => {
    const lifecycle = ['models/lifecycle-b2b/model.yaml', '--data', 'models/lifecycle-b2b/sample.csv'];
    const run = await vitals(['report', ...lifecycle]);
    expect(run.stdout).toContain('Each account is counted once, at its latest snapshot: 6 accounts, 6 scored (--all-snapshots counts every snapshot).');
    expect(run.stdout).toMatch(/Below their stage benchmark:\n {2}stage +segment +below +of +share\n {2}adopt +high_touch +\d+ +\d+ +\d+\.\d%/);
    type Report = { unit: string; counts: { rows: number }; bands: { count: number }[]; accounts: number };
    const latest = JSON.parse((await vitals(['report', ...lifecycle, '--format', 'json'])).stdout) as Report;
    // six accounts in the sample, each counted once
    expect([latest.unit, latest.counts.rows, latest.bands.reduce((n, b) => n + b.count, 0)]).toEqual(['account', 25, 6]);
    const every = JSON.parse((await vitals(['report', ...lifecycle, '--all-snapshots', '--format', 'json'])).stdout) as Report;
    expect([every.unit, every.bands.reduce((n, b) => n + b.count, 0), every.accounts]).toEqual(['snapshot', 25, 6]);
    // --latest, the old way to ask for the current book, still works
    expect((await vitals(['report', ...lifecycle, '--latest', '--format', 'json'])).stdout).toBe(JSON.stringify(latest, null, 2) + '\n');
  }, 120_000);

  test('every human format gives the pulses read and the stale share, from the same counts as JSON', async () => {
    const lifecycle = ['models/lifecycle-b2b/model.yaml', '--data', 'models/lifecycle-b2b/sample.csv'];
    const { pulses } = JSON.parse((await vitals(['report', ...lifecycle, '--format', 'json'])).stdout) as { pulses: { present: number; stale: number } };
    expect(pulses.stale).toBeGreaterThan(0);
    const line = `Pulses: ${pulses.present} present, ${pulses.stale} stale (${((100 * pulses.stale) / pulses.present).toFixed(1)}%)`;
    for (const format of ['text', 'markdown']) expect((await vitals(['report', ...lifecycle, '--format', format])).stdout).toContain(line);
    const page = join(mkdtempSync(join(tmpdir(), 'vitals-pulses-')), 'report.html');
    expect((await vitals(['report', ...lifecycle, '--html', page])).code).toBe(0);
    expect(readFileSync(page, 'utf8')).toContain(line);
  }, 120_000);

  test('who first, value at risk, each owner\'s book and the pulse, on the lifecycle sample (worked out by hand)', async () => {
    const run = await vitals(['report', 'models/lifecycle-b2b/model.yaml', '--data', 'models/lifecycle-b2b/sample.csv']);
    expect(run.code).toBe(0);
    // Only wayne ends red (47.13) and below its renew/low_touch benchmark of 70; its pulse costs most.
    expect(run.stdout).toContain(
      'Accounts to act on:\n  1 account is red or below its stage benchmark, the most valuable first.\n' +
        '  account  score  band     gap  pulling down   value  owner     playbooks (owner)\n' +
        '  wayne    47.13  red   -22.87  csm_pulse     64,000  Ana Ruiz\n',
    );
    // ARR of the latest snapshots: red wayne 64,000; amber globex 480,000; green acme 120,000 + initech
    // 36,000 + umbrella 250,000 + stark 900,000 = 1,306,000; 1,850,000 in all, so red is 64 / 1,850 = 3.5%.
    expect(run.stdout).toContain(
      'Value at risk:\n  16.7% of accounts, 3.5% of value in red.\n  band   accounts  share      value  share of value\n' +
        '  red           1  16.7%     64,000            3.5%\n  amber         1  16.7%    480,000           25.9%\n  green         4  66.7%  1,306,000           70.6%\n',
    );
    expect(run.stdout).toContain('  Ana Ruiz           2  964,000    1      0      1         0\n');
    // Six pulses: initech's very satisfied is 166 days old at 2026-04-30 (shelf life 60), so stale and counted apart.
    expect(run.stdout).toMatch(/The pulse:\n {2}The current pulse of 6 accounts; 1 stale pulse counted apart\.\n[^\n]+\n {2}Extremely Satisfied +2 +40\.0% +0\n {2}Very Satisfied +0 +0\.0% +1\n/);
    // band thresholds (50, 75) are bin edges: 70–75 is amber, 75–80 green
    expect(run.stdout).toMatch(/\n {3}70–75 amber │/);
    expect(run.stdout).toMatch(/\n {3}75–80 green │/);
  });

  test('an override whose expiry is before the day it was set is counted as inverted, in every format, and not applied', async () => {
    // wayne's latest snapshot carries an override to 85 set on 2026-04-20 that "expires" on 2026-04-01
    const data = ['models/lifecycle-b2b/model.yaml', '--data', `${FIXTURES}/lifecycle-inverted-override.csv`];
    const text = await vitals(['report', ...data]);
    expect(text.stdout).toContain('\nOverrides: 0 active, 0 expired, 1 inverted (expiring on or before the day set, so never applied: fix their dates)\n');
    expect(text.stdout).toContain('  wayne    47.13  red   -22.87');
    const json = JSON.parse((await vitals(['report', ...data, '--format', 'json'])).stdout) as { overrides: unknown };
    expect(json.overrides).toEqual({ active: 0, expired: 0, inverted: 1 });
    expect((await vitals(['report', ...data, '--format', 'markdown'])).stdout).toContain('1 inverted (expiring');
  });

  test('--format json matches report.schema.json; --format markdown has the tables', async () => {
    const json = (await vitals(['report', 'models/lifecycle-b2b/model.yaml', '--data', 'models/lifecycle-b2b/sample.csv', '--format', 'json']));
    expectValid('report', JSON.parse(json.stdout));
    const markdown = (await vitals(['report', ...SAAS, '--format', 'markdown']));
    expect(markdown.stdout).toMatch(/^## B2B SaaS health — seven metrics\n/);
    expect(markdown.stdout).toContain('| band | accounts | share |\n| --- | ---: | ---: |\n| red (At risk) |');
    expect(markdown.stdout).toMatch(/```text\n[\s\S]+│[\s\S]+```/);
    expect(markdown.stdout).toMatch(/### Accounts to act on\n\n\d+ accounts are red or below their stage benchmark, the lowest score first\.\n\n\| account \| score \| band \| gap \| pulling down \| playbooks \(owner\) \|\n\| --- \| ---: \| --- \| ---: \| --- \| --- \|\n/);
  });

  test('--html: a self-contained page (Chart.js inlined, nothing fetched) whose untrusted text stays text and whose charts script runs', async () => {
    const page = join(mkdtempSync(join(tmpdir(), 'vitals-report-')), 'report.html');
    const run = (await vitals(['report', `${FIXTURES}/hostile-title.yaml`, '--data', `${FIXTURES}/hostile.csv`, '--html', page]));
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`vitals: wrote ${page}`);
    const html = readFileSync(page, 'utf8');
    expect(html).toContain("content=\"default-src 'none'; script-src 'unsafe-inline'");
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
    expect(html).not.toContain("<script>alert('title')");
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&#60;/script&#62;&#60;script&#62;alert(&#39;title&#39;)');
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map((s) => s[1])).toEqual([' id="vitals-data" type="application/json"', '', '']);
    // The inlined library defines Chart; the page's own script then draws with the embedded data.
    const drawn: { type: string; labels: unknown }[] = [];
    const elements: Record<string, unknown> = { 'vitals-data': { textContent: scripts[0]?.[2] }, histogram: {}, bands: {}, categories: {} };
    runInNewContext(scripts[2]?.[2] as string, {
      document: { getElementById: (id: string) => elements[id] ?? null },
      Chart: class {
        constructor(_canvas: unknown, config: { type: string; data: { labels: unknown } }) {
          drawn.push({ type: config.type, labels: config.data.labels });
        }
      },
    });
    expect(drawn.map((d) => d.type)).toEqual(['bar', 'doughnut', 'bar']);
    expect(drawn[2]?.labels).toEqual(['Product </style> usage']);
    expect(scripts[1]?.[2]).toMatch(/Chart\.js v4/);
  });
});

describe('how the book moved (a small snapshot file, worked out by hand)', () => {
  const MOVEMENT = [`${FIXTURES}/movement.yaml`, '--data', `${FIXTURES}/movement.csv`];
  type Movement = { from: string; to: string; states: string[]; matrix: number[][]; new_accounts: number; up: { id: string; delta: number; metric: string; metric_delta: number }[]; down: { id: string; delta: number; metric: string; metric_delta: number }[]; trend: { as_of: string; bands: Record<string, number> }[] };

  test('between the last two snapshot dates: bands as of each, movers and the metric that moved them, the book per band as of each date', async () => {
    const run = await vitals(['report', ...MOVEMENT, '--format', 'json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { movement: Movement };
    expectValid('report', report);
    const m = report.movement;
    expect([m.from, m.to, m.states]).toEqual(['2026-02-28', '2026-03-31', ['red', 'amber', 'green', 'unscored']]);
    // as of 02-28 → as of 03-31: b red 30 → no data (unscored); d amber 60 has no March snapshot, so
    // stays amber; c amber 45 → green 75; a green 75 → amber 60; e is first seen in March.
    expect(m.matrix).toEqual([
      [0, 0, 0, 1],
      [0, 1, 1, 0],
      [0, 1, 0, 0],
      [0, 0, 0, 0],
    ]);
    expect(m.new_accounts).toBe(1);
    // usage carries 3/4 of the weight: c's +30 is +22.5 of usage and +7.5 of logins
    expect(m.up).toEqual([{ id: 'c', from_score: 45, to_score: 75, delta: 30, from_band: 'amber', to_band: 'green', metric: 'usage', metric_delta: 22.5 }]);
    expect(m.down).toEqual([{ id: 'a', from_score: 75, to_score: 60, delta: -15, from_band: 'green', to_band: 'amber', metric: 'usage', metric_delta: -11.25 }]);
    expect(m.trend).toEqual([
      { as_of: '2026-01-31', bands: { red: 1, amber: 2, green: 1, unscored: 0 } },
      { as_of: '2026-02-28', bands: { red: 1, amber: 2, green: 1, unscored: 0 } },
      { as_of: '2026-03-31', bands: { red: 0, amber: 2, green: 2, unscored: 1 } },
    ]);
    const text = await vitals(['report', ...MOVEMENT]);
    expect(text.stdout).toContain(
      'How the book moved, 2026-02-28 → 2026-03-31:\n' +
        "  Each account's band as of 2026-02-28 (rows) and as of 2026-03-31 (columns): its latest snapshot on or before each date; 1 account first seen after 2026-02-28, not counted.\n" +
        '  from \\ to  red  amber  green  unscored\n' +
        '  red          0      0      0         1\n' +
        '  amber        0      1      1         0\n' +
        '  green        0      1      0         0\n' +
        '  unscored     0      0      0         0\n',
    );
    expect(text.stdout).toContain('Biggest movers up:\n  account  from  to  change  band           moved most by\n  c          45  75     +30  amber → green  usage (+22.5)\n');
  }, 120_000);

  test('--since DATE: from each account\'s band as of that date', async () => {
    const m = (JSON.parse((await vitals(['report', ...MOVEMENT, '--since', '2026-01-31', '--format', 'json'])).stdout) as { movement: Movement }).movement;
    expect(m.matrix).toEqual([
      [0, 0, 1, 0],
      [0, 1, 0, 1],
      [0, 1, 0, 0],
      [0, 0, 0, 0],
    ]);
    expect(m.up.map((x) => [x.id, x.delta])).toEqual([['c', 55]]);
    expect(m.down.map((x) => [x.id, x.delta])).toEqual([['a', -20], ['d', -5]]);
  });

  test.each([
    [['--since', '31/01/2026'], 'vitals: --since "31/01/2026" is not a date (YYYY-MM-DD)\n'],
    [['--since', '2026-01-31', '--data', 'models/saas-seven-metrics/sample.csv'], 'vitals: --since needs history: '],
  ])('%j is refused, exit 2', async (args, message) => {
    const model = args.includes('--data') ? ['models/saas-seven-metrics/model.yaml'] : MOVEMENT;
    const run = await vitals(['report', ...model, ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr.startsWith(message)).toBe(true);
  });
});
