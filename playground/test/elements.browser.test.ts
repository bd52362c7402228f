import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from '../../test/support/browser.js';
import { PreviewSession } from '../src/worker/preview-session.js';
import type { Preview } from '../src/worker/protocol.js';
import { readData } from '../src/worker/read-data.js';
import { startHarness } from './support/harness-server.js';

// The playground's Lit elements, one by one, in headless Chromium: each is mounted on a bare page
// with real data (previews and drill-downs computed by the worker's session, in Node) and checked
// as a person would use it — what it shows, what it emits, with the mouse and the keyboard.

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const SAAS = read('../../models/saas-seven-metrics/model.yaml');

function previewOf(model: string, dataName: string, data: string): { session: PreviewSession; preview: Preview } {
  const session = new PreviewSession('compiled');
  const { info, rows } = readData(dataName, data);
  session.setData(info, rows);
  const { preview, diagnostics } = session.evaluate({ text: model, file: 'model.yaml', asOf: null });
  if (preview === null) throw new Error(`the model does not compile: ${diagnostics.map((d) => d.message).join('; ')}`);
  return { session, preview };
}

let harness: Awaited<ReturnType<typeof startHarness>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [harness, browser] = await Promise.all([startHarness(), launchBrowser()]);
  page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(harness.url, { timeout: 120_000 });
  await page.waitForFunction(() => window.harnessReady === true, null, { timeout: 120_000 });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

const mount = (tag: string, props: Record<string, unknown>) => page.evaluate(({ tag, props }) => window.mount(tag, props).then(() => undefined), { tag, props });
const events = (type: string) => page.evaluate((type) => window.events[type] ?? [], type);

describe('<vitals-problems>', () => {
  const diagnostics = [
    { code: 'unknown-name', severity: 'error', message: 'unknown name `purchased_seat` in a metric value', hint: 'did you mean `purchased_seats`?', file: 'model.yaml', line: 47, column: 35, endLine: 47, endColumn: 49, offset: 0, endOffset: 0 },
    { code: 'input-unused', severity: 'warning', message: 'input `plan` is declared but nothing uses it', file: 'model.yaml', line: 12, column: 3, endLine: 12, endColumn: 7, offset: 0, endOffset: 0 },
  ];

  test('lists each problem with its line, column, message and hint, and counts them', async () => {
    await mount('vitals-problems', { diagnostics });
    await expect.poll(() => page.locator('vitals-problems h2').textContent()).toContain('1 error, 1 warning');
    const items = await page.locator('vitals-problems li').allTextContents();
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(/47:35\s*unknown name `purchased_seat` in a metric value unknown-name\s*hint: did you mean `purchased_seats`\?/);
    expect(items[1]).toContain('12:3');
  });

  test('choosing a problem, by click or keyboard, asks to go to its place', async () => {
    await mount('vitals-problems', { diagnostics });
    await page.locator('vitals-problems li button').nth(1).click();
    await page.locator('vitals-problems li button').first().focus();
    await page.keyboard.press('Enter');
    expect(await events('vitals-reveal')).toEqual([
      { line: 12, column: 3 },
      { line: 47, column: 35 },
    ]);
  });
});

describe('<vitals-histogram>', () => {
  const bands = { names: ['red', 'amber', 'green'], thresholds: [40, 70], titles: [null, null, null], colors: ['#c62828', '#f9a825', '#2e7d32'] };
  const bins = Array.from({ length: 10 }, (_, i) => ({ from: 1 + i * 9.9, to: 1 + (i + 1) * 9.9, count: i * 3 }));

  async function chartData() {
    return page.evaluate(() => {
      const canvas = document.querySelector('vitals-histogram')?.shadowRoot?.querySelector('canvas') as HTMLCanvasElement;
      const chart = window.Chart.getChart(canvas);
      const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? new Uint8ClampedArray();
      let red = 0;
      for (let i = 0; i < pixels.length; i += 4) if (pixels[i] === 0xc6 && pixels[i + 1] === 0x28 && pixels[i + 2] === 0x28) red++;
      const scales = chart?.options.scales as Record<string, { title: { text: string } }>;
      return { datasets: chart?.data.datasets.map((d) => ({ label: d.label, data: d.data, colours: d.backgroundColor })), red, axes: [scales['x']?.title.text, scales['y']?.title.text] };
    });
  }

  test('colours each bin by the band of its middle, draws it, and titles its axes', async () => {
    await mount('vitals-histogram', { bins, bands });
    const { datasets, red, axes } = await chartData();
    expect(datasets?.[0]?.data).toEqual(bins.map((b) => b.count));
    // Middles 5.95, 15.85, 25.75, 35.65 are red; 45.55 … 65.35 amber; 75.25 … 94.95 green.
    expect(datasets?.[0]?.colours).toEqual([...Array(4).fill('#c62828'), ...Array(3).fill('#f9a825'), ...Array(3).fill('#2e7d32')]);
    expect(red).toBeGreaterThan(100);
    expect(axes).toEqual(['overall score', 'accounts']);
  });

  test('with a baseline, draws the distribution before as a second, outlined series', async () => {
    const baseline = bins.map((b) => ({ ...b, count: 30 - b.count }));
    await mount('vitals-histogram', { bins, bands, baseline });
    const { datasets } = await chartData();
    expect(datasets?.map((d) => d.label)).toEqual(['after', 'before']);
    expect(datasets?.[1]?.data).toEqual(baseline.map((b) => b.count));
  });
});

describe('<vitals-preview>', () => {
  test('shows the counts, the band shares and the category averages of the core’s summary', async () => {
    const { preview } = previewOf(SAAS, 'sample.csv', read('../../models/saas-seven-metrics/sample.csv'));
    await mount('vitals-preview', { preview });
    const stats = await page.locator('vitals-preview .stats').textContent();
    expect(stats).toContain(`${preview.counts.accounts}accounts`);
    expect(stats).toContain(`${preview.summary.scored}scored`);
    const shares = await page.locator('vitals-preview vitals-bar-chart').first().locator('table tr').allTextContents();
    expect(shares).toEqual(preview.summary.bands.map((b) => `${b.title ?? b.name} (${b.count})${Math.round(b.share * 1000) / 10}%`));
    expect(await page.locator('vitals-preview .warning').count()).toBe(preview.summary.dominantBand === null ? 0 : 1);
  });

  test('warns when one band holds most accounts', async () => {
    const lenient = SAAS.replace(/below: 40\b/, 'below: 2').replace(/below: 70\b/, 'below: 3');
    const { preview } = previewOf(lenient, 'sample.csv', read('../../models/saas-seven-metrics/sample.csv'));
    expect(preview.summary.dominantBand).not.toBeNull();
    await mount('vitals-preview', { preview });
    const warning = await page.locator('vitals-preview .warning').textContent();
    expect(warning).toContain(`${Math.round((preview.summary.dominantBand?.share ?? 0) * 100)}% of scored accounts are`);
  });

  test('stale, it keeps the last preview greyed out and says why', async () => {
    const { preview } = previewOf(SAAS, 'sample.csv', read('../../models/saas-seven-metrics/sample.csv'));
    await mount('vitals-preview', { preview, stale: true });
    expect(await page.locator('vitals-preview .alert').textContent()).toContain('showing the last preview that compiled');
    expect(await page.locator('vitals-preview .grid').evaluate((grid) => Number(getComputedStyle(grid).opacity))).toBeLessThan(0.6);
  });

  test('lists accounts below their stage benchmark by stage and segment', async () => {
    const { preview } = previewOf(read('../../models/lifecycle-b2b/model.yaml'), 'sample.csv', read('../../models/lifecycle-b2b/sample.csv'));
    await mount('vitals-preview', { preview });
    const rows = await page.locator('vitals-benchmark-table tbody tr').allTextContents();
    expect(rows).toHaveLength(preview.summary.belowBenchmark.length);
    const first = preview.summary.belowBenchmark[0];
    expect(rows[0]?.replace(/\s+/g, ' ')).toContain(`${first?.stage} ${first?.segment ?? 'any'} ${first?.below} ${first?.of}`);
  });
});

describe('<vitals-data-summary>', () => {
  test('names the columns the data lacks and lists each bad row with its row, line and field', async () => {
    const { preview } = previewOf(SAAS, 'accounts.csv', read('fixtures/saas-bad-row-missing-column.csv'));
    const data = readData('accounts.csv', read('fixtures/saas-bad-row-missing-column.csv')).info;
    await mount('vitals-data-summary', { data, preview });
    const text = (await page.locator('vitals-data-summary').evaluate((el) => el.shadowRoot?.textContent ?? '')).replace(/\s+/g, ' ');
    expect(text).toContain('accounts.csv: 3 rows, 13 columns.');
    expect(text).toContain('The data has no column for open_tickets');
    expect(text).toContain('1 bad row not scored');
    expect(text).toContain('row 2 (line 3), field monthly_active_users:');
  });
});

describe('<vitals-data-picker>', () => {
  test('an uploaded file is passed on with its name and its bytes (the reader sniffs them, as the CLI does)', async () => {
    await mount('vitals-data-picker', { example: 'lifecycle-b2b' });
    await page.locator('vitals-data-picker input[type=file]').setInputFiles({ name: 'mine.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from('{"account_id":"a"}\n') });
    const picked = () => page.evaluate(() => (window.events['vitals-data-pick'] ?? []).map((d) => { const { name, content } = d as { name: string; content: Uint8Array }; return { name, text: new TextDecoder().decode(content), bytes: content instanceof Uint8Array }; }));
    await expect.poll(picked).toEqual([{ name: 'mine.ndjson', text: '{"account_id":"a"}\n', bytes: true }]);
  });

  test('a file of another kind is refused with a message, not read', async () => {
    await mount('vitals-data-picker', { example: 'lifecycle-b2b' });
    await page.locator('vitals-data-picker input[type=file]').setInputFiles({ name: 'accounts.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK') });
    await expect.poll(() => page.locator('vitals-data-picker [role=alert]').textContent()).toContain('accounts.xlsx: expected a .csv, .tsv, .ndjson, .jsonl or .json file');
    expect(await events('vitals-data-pick')).toEqual([]);
  });
});

describe('<vitals-accounts-table>', () => {
  const N = 100_000;
  const bands = { names: ['red', 'amber', 'green'], thresholds: [40, 70], titles: ['At risk', 'Watch', 'Healthy'], colors: ['#c62828', '#f9a825', '#2e7d32'] };

  beforeAll(async () => {
    // 100,000 accounts made in the page (typed arrays do not cross into it as arguments).
    await page.evaluate(
      ({ n, bands }) => {
        const score = new Float64Array(n);
        const band = new Int8Array(n);
        for (let i = 0; i < n; i++) {
          score[i] = (i * 7919) % 10_000 / 100;
          band[i] = score[i]! < 40 ? 0 : score[i]! < 70 ? 1 : 2;
        }
        const table = {
          ids: Array.from({ length: n }, (_, i) => `acct-${String(i).padStart(6, '0')}`),
          score,
          band,
          status: new Uint8Array(n),
          stage: Array.from({ length: n }, (_, i) => ['onboard', 'adopt', 'renew'][i % 3]),
          segment: Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 'high_touch' : 'low_touch')),
          gap: Float64Array.from(score, (s) => s - 60),
          pulseAge: new Float64Array(n).fill(NaN),
          stale: new Uint8Array(n),
          playbooks: new Uint16Array(n),
        };
        (window as unknown as { table: unknown }).table = table;
        return window.mount('vitals-accounts-table', { table, bands, precision: 2 }).then(() => undefined);
      },
      { n: N, bands },
    );
  });

  const rows = () => page.locator('vitals-accounts-table .row');
  const firstRowCells = async () => {
    await rows().first().waitFor();
    return (await rows().first().locator('[role=cell]').allTextContents()).map((t) => t.trim());
  };

  test('holds 100,000 accounts with only the rows in view in the page', async () => {
    expect(await page.locator('vitals-accounts-table [role=status]').textContent()).toBe('100,000 of 100,000 accounts');
    // The virtualizer lays rows out after it has measured its viewport.
    await expect.poll(() => rows().count()).toBeGreaterThan(5);
    expect(await rows().count()).toBeLessThan(200);
  });

  test('sorts by score, lowest first, then highest first on a second click', async () => {
    await expect.poll(async () => (await firstRowCells()).slice(0, 2)).toEqual(['acct-000000', '0']);
    await page.locator('vitals-accounts-table [role=columnheader] button', { hasText: 'Score' }).click();
    await expect.poll(async () => (await firstRowCells())[1]).toBe('99.99');
    expect(await page.locator('vitals-accounts-table [role=columnheader][aria-sort=descending]').textContent()).toContain('Score');
  });

  test('scrolls to the last of 100,000 rows', async () => {
    await page.locator('vitals-accounts-table lit-virtualizer').evaluate((scroller) => scroller.scrollTo(0, scroller.scrollHeight));
    await expect.poll(async () => (await rows().last().locator('[role=cell]').nth(1).textContent())?.trim()).toBe('0');
  });

  test('filters by band, stage and segment', async () => {
    await page.locator('vitals-accounts-table select[aria-label=Band]').selectOption({ label: 'At risk' });
    await page.locator('vitals-accounts-table select[aria-label=Stage]').selectOption('renew');
    await page.locator('vitals-accounts-table select[aria-label=Segment]').selectOption('low_touch');
    const expected = await page.evaluate(() => {
      const t = (window as unknown as { table: { band: Int8Array; stage: string[]; segment: string[] } }).table;
      let n = 0;
      for (let i = 0; i < t.band.length; i++) if (t.band[i] === 0 && t.stage[i] === 'renew' && t.segment[i] === 'low_touch') n++;
      return n;
    });
    expect(await page.locator('vitals-accounts-table [role=status]').textContent()).toBe(`${expected.toLocaleString('en-US')} of 100,000 accounts`);
    const cells = await firstRowCells();
    expect(cells.slice(2, 5)).toEqual(['At risk', 'renew', 'low_touch']);
  });

  test('a row opens with Enter, and the arrow keys move between rows', async () => {
    await rows().first().focus();
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.querySelector('vitals-accounts-table')?.shadowRoot?.activeElement?.querySelector('[role=cell]')?.textContent?.trim());
    await page.keyboard.press('Enter');
    expect(await events('vitals-account-open')).toEqual([{ account: focused }]);
  });
});

describe('<vitals-account-detail>', () => {
  test('shows the drill-down of `score --explain`: contributions, benchmark gap, pulse age, playbooks and why', async () => {
    const { session, preview } = previewOf(read('../../models/lifecycle-b2b/model.yaml'), 'sample.csv', read('../../models/lifecycle-b2b/sample.csv'));
    const ids = session.accounts()?.ids ?? [];
    const explanations = ids.map((id) => session.explain(id));
    const explanation = explanations.find((e) => e !== null && e.result.playbooks.some((p) => p.why.length > 0) && e.result.pulse !== null && e.result.gap !== null);
    expect(explanation).toBeDefined();
    await mount('vitals-account-detail', { explanation, plan: preview.plan });
    const result = explanation!.result;
    const text = (await page.locator('vitals-account-detail').evaluate((el) => el.shadowRoot?.textContent ?? '')).replace(/\s+/g, ' ');
    expect(text).toContain(`Account ${explanation!.account}`);
    expect(text).toContain(`gap ${Number(result.gap!.toFixed(2))}`);
    expect(text).toContain(`${result.pulse!.age_days} days old (shelf life ${result.pulse!.shelf_life_days})`);
    const playbook = result.playbooks.find((p) => p.why.length > 0)!;
    expect(text).toContain(`because ${playbook.why.map((w) => `${w.ref} = `).at(0)}`);
    const chart = await page.locator('vitals-account-detail vitals-bar-chart').evaluate((el) => {
      const chart = window.Chart.getChart(el.shadowRoot?.querySelector('canvas') as HTMLCanvasElement);
      return { labels: chart?.data.labels, values: chart?.data.datasets[0]?.data };
    });
    const metrics = preview.plan.metrics.filter((m) => result.metrics[m.key] !== undefined);
    expect(chart.labels).toEqual(metrics.map((m) => m.title ?? m.key));
    expect(chart.values).toEqual(metrics.map((m) => result.metrics[m.key]?.contribution ?? null));
  });
});
