import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { expectValid, FIXTURES, vitals } from './support/run-cli.js';

const SAAS = ['models/saas-seven-metrics/model.yaml', '--data', 'models/saas-seven-metrics/sample.csv'];

describe('vitals report', () => {
  test('text: histogram, band shares, category averages, playbook counts', () => {
    const run = vitals(['report', ...SAAS]);
    expect(run.code).toBe(0);
    const json = JSON.parse(vitals(['report', ...SAAS, '--format', 'json']).stdout) as { bands: { name: string; count: number }[]; histogram: { count: number }[] };
    expect(run.stdout).toMatch(/Overall score \(1–100\), \d+ scored accounts:\n/);
    // one histogram line per bin, each with its count
    for (const bin of json.histogram) expect(run.stdout).toMatch(new RegExp(`│[█▏▎▍▌▋▊▉ ]{40} ${bin.count}\\n`));
    for (const band of json.bands) expect(run.stdout).toMatch(new RegExp(`\\n {2}${band.name} \\(.*\\) +[█▏▎▍▌▋▊▉ ]* +${band.count} +\\d+\\.\\d%`));
    expect(run.stdout).toContain('Category averages:\n  Product usage');
  });

  test('a warning when one band holds most accounts', () => {
    const run = vitals(['report', `${FIXTURES}/hostile-title.yaml`, '--data', `${FIXTURES}/hostile.csv`]);
    expect(run.code).toBe(0);
    // usage 0.1 scores 10 (red); 0.7, 0.9, 0.95 and 0.99 score 50 or more (green): green holds 80%
    expect(run.stdout).toContain('⚠ 80% of scored accounts are green: when most accounts share one band the score does not tell them apart');
  });

  test('below the stage benchmark by stage and segment, stale pulses, and every snapshot or --latest', () => {
    const lifecycle = ['models/lifecycle-b2b/model.yaml', '--data', 'models/lifecycle-b2b/sample.csv'];
    const run = vitals(['report', ...lifecycle]);
    expect(run.stdout).toContain('Every snapshot is counted below (--latest counts each account once).');
    expect(run.stdout).toMatch(/Below their stage benchmark:\n {2}stage +segment +below +of +share\n {2}adopt +high_touch +\d+ +\d+ +\d+\.\d%/);
    expect(run.stdout).toMatch(/Pulses: \d+ present, \d+ stale/);
    const latest = JSON.parse(vitals(['report', ...lifecycle, '--latest', '--format', 'json']).stdout) as { unit: string; counts: { rows: number }; stats: unknown; bands: { count: number }[] };
    expect(latest.unit).toBe('account');
    expect(latest.counts.rows).toBe(25);
    // six accounts in the sample, each counted once
    expect(latest.bands.reduce((n, b) => n + b.count, 0)).toBe(6);
  });

  test('--format json matches report.schema.json; --format markdown has the tables', () => {
    const json = vitals(['report', 'models/lifecycle-b2b/model.yaml', '--data', 'models/lifecycle-b2b/sample.csv', '--format', 'json']);
    expectValid('report', JSON.parse(json.stdout));
    const markdown = vitals(['report', ...SAAS, '--format', 'markdown']);
    expect(markdown.stdout).toMatch(/^## B2B SaaS health — seven metrics\n/);
    expect(markdown.stdout).toContain('| band | accounts | share |\n| --- | ---: | ---: |\n| red (At risk) |');
    expect(markdown.stdout).toMatch(/```text\n[\s\S]+│[\s\S]+```/);
  });

  test('--html: a self-contained page (Chart.js inlined, nothing fetched) whose untrusted text stays text and whose charts script runs', () => {
    const page = join(mkdtempSync(join(tmpdir(), 'vitals-report-')), 'report.html');
    const run = vitals(['report', `${FIXTURES}/hostile-title.yaml`, '--data', `${FIXTURES}/hostile.csv`, '--html', page]);
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
