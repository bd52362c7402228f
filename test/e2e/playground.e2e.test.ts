import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { servePlayground } from '../support/playground-server.js';

// The built playground (playground/dist) in headless Chromium, used as a person would: pick an
// example, type into Monaco, read the charts, make a mistake, upload a file, open an account.
// Screenshots of the main screens are kept in SHOTS for a person to look at.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SHOTS = join(ROOT, '.vitals-tmp/screenshots/playground');
const SAAS = readFileSync(join(ROOT, 'models/saas-seven-metrics/model.yaml'), 'utf8');

let server: Awaited<ReturnType<typeof servePlayground>>;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [server, browser] = await Promise.all([servePlayground(), launchBrowser()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  console.log(`playground screenshots: ${SHOTS}`);
});

/** What the tests use of <vitals-editor> (the page's own element; its types live in the playground). */
interface EditorElement extends Element {
  readonly text: string;
  readonly position: { line: number; column: number } | null;
  reveal(line: number, column: number): void;
  markers(): { line: number; column: number; endLine: number; endColumn: number; message: string; severity: string }[];
}

/** A fresh page on the playground, with every problem the page reports collected. */
async function open(url = server.url, cores?: number): Promise<{ page: Page; problems: string[]; requests: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  // As text: the page is told how many cores it has, which decides how many preview workers score.
  if (cores !== undefined) await page.addInitScript(`Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => ${cores} });`);
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(url);
  await settled(page);
  return { page, problems, requests };
}

/** Waits until the worker has answered the latest change. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const status = (document.querySelector('vitals-app') as unknown as { preview: { status: string } } | null)?.preview.status;
    return status === 'complete' || status === 'error';
  }, null, { timeout: 60_000 });
}

/** Opens the playground on one example (a link to it), its model and sample data loaded. */
const example = (id: string) => `${server.url}#example=${id}`;

/** Puts the cursor at a place in the editor (as the problems list does), then the keyboard takes over. */
async function cursorAt(page: Page, line: number, column: number): Promise<void> {
  await page.evaluate(([line, column]) => (document.querySelector('vitals-editor') as EditorElement | null)?.reveal(line as number, column as number), [line, column]);
}

/** The numbers behind the band-share chart, as its accessible table gives them. */
const bandShares = (page: Page) => page.locator('vitals-preview vitals-bar-chart').first().locator('table tr').allTextContents();

/** The histogram's bins as its accessible table gives them: range, count, band. */
async function histogram(page: Page): Promise<string[][]> {
  return page.locator('vitals-histogram').evaluate((el) => Array.from(el.shadowRoot?.querySelectorAll('table tr') ?? [], (tr) => Array.from(tr.children, (cell) => cell.textContent ?? '')));
}

function locate(text: string, needle: string, after = ''): { line: number; column: number } {
  const lines = text.split('\n');
  const start = after === '' ? 0 : lines.findIndex((l) => l.includes(after));
  const index = lines.findIndex((l, i) => i >= start && l.includes(needle));
  return { line: index + 1, column: (lines[index] as string).indexOf(needle) + 1 };
}

// Opening a page and scoring an example takes seconds on a busy 2-core machine.
describe('the playground', { timeout: 120_000 }, () => {
  test('opens with an example model and its sample data scored, the preview drawn, nothing fetched from elsewhere and no CSP violation', async () => {
    const { page, problems, requests } = await open();
    expect(await page.locator('.model-title').textContent()).not.toBe('');
    const stats = await page.locator('vitals-preview .stats').textContent();
    expect(stats).toMatch(/\d+accounts/);
    expect((await histogram(page)).length).toBe(10);
    expect(await page.locator('.engine').textContent()).toContain('compiled evaluator');
    // One worker per core beyond the page's, up to two, each a part of the accounts (the merge is checked exact in playground/test/worker).
    const workers = await page.evaluate(() => Math.max(1, Math.min(2, navigator.hardwareConcurrency - 1)));
    if (workers > 1) expect(await page.locator('.engine').textContent()).toContain(`in ${workers} workers`);
    else expect(await page.locator('.engine').textContent()).not.toContain('workers');
    await page.screenshot({ path: join(SHOTS, '1-preview.png') });
    const origin = new URL(server.url).origin;
    expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('typing a change into the model updates the histogram and the band shares (two workers, as on a 4-core machine)', async () => {
    const { page, problems } = await open(example('saas-seven-metrics'), 4);
    expect(await page.locator('.engine').textContent()).toContain('in 2 workers');
    const before = { shares: await bandShares(page), bins: await histogram(page) };
    // The amber band ends at 70: make it end at 90, keystroke by keystroke.
    const at = locate(SAAS, 'below: 70', 'bands:');
    await cursorAt(page, at.line, at.column + 'below: '.length);
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.type('90');
    await expect.poll(() => bandShares(page), { timeout: 30_000 }).not.toEqual(before.shares);
    await settled(page);
    const after = await bandShares(page);
    const amber = (rows: string[]) => Number(/\((\d+)\)/.exec(rows.find((r) => r.startsWith('Watch')) ?? '')?.[1]);
    expect(amber(after)).toBeGreaterThan(amber(before.shares));
    // The bin 70.3–80.2 (its middle 75.25) was Healthy (green) and is Watch (amber) now.
    const band = (bins: string[][], range: string) => bins.find((b) => b[0] === range)?.[2];
    expect(band(before.bins, '70.3–80.2')).toBe('Healthy');
    expect(band(await histogram(page), '70.3–80.2')).toBe('Watch');
    expect(problems).toEqual([]);
    await page.close();
  });

  test('a mistake puts a marker at its line and column, lists it, greys the preview, and the list jumps to it', async () => {
    const { page } = await open(example('saas-seven-metrics'));
    const at = locate(SAAS, 'purchased_seats', 'metrics:');
    const wordEnd = at.column + 'purchased_seats'.length;
    await cursorAt(page, at.line, wordEnd);
    await page.keyboard.press('Backspace');
    await settled(page);
    await expect.poll(() => page.evaluate(() => (document.querySelector('vitals-editor') as EditorElement | null)?.markers() ?? [])).toContainEqual(
      expect.objectContaining({ line: at.line, column: at.column, endLine: at.line, endColumn: wordEnd - 1, severity: 'error', message: expect.stringContaining('unknown name `purchased_seat`') }),
    );
    const problem = page.locator('vitals-problems li.error button').first();
    expect(await problem.textContent()).toContain(`${at.line}:${at.column}`);
    expect(await page.locator('vitals-preview').getAttribute('stale')).not.toBeNull();
    await page.screenshot({ path: join(SHOTS, '2-error.png') });
    await cursorAt(page, 1, 1);
    await problem.click();
    expect(await page.evaluate(() => (document.querySelector('vitals-editor') as EditorElement | null)?.position)).toEqual({ line: at.line, column: at.column });
    await page.close();
  });

  test('an uploaded CSV with a bad row and a missing column is scored, the bad row listed, the column named', async () => {
    const { page } = await open(example('saas-seven-metrics'));
    await page.locator('vitals-data-picker input[type=file]').setInputFiles(join(ROOT, 'playground/test/fixtures/saas-bad-row-missing-column.csv'));
    await expect.poll(() => page.locator('vitals-data-summary').evaluate((el) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '')).toContain('row 2 (line 3), field monthly_active_users');
    const summary = await page.locator('vitals-data-summary').evaluate((el) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '');
    expect(summary).toContain('saas-bad-row-missing-column.csv: 3 rows');
    expect(summary).toContain('The data has no column for open_tickets');
    expect(await page.locator('vitals-preview .stats').textContent()).toMatch(/2scored/);
    await page.screenshot({ path: join(SHOTS, '3-upload.png') });
    await page.close();
  });

  test('the tabs move with the arrow keys; the accounts table opens an account’s drill-down, by mouse and by keyboard', async () => {
    const { page } = await open(example('lifecycle-b2b'));
    await page.locator('#tab-preview').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('tab-simulate');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('tab-accounts');
    expect(await page.locator('#tab-accounts').getAttribute('aria-selected')).toBe('true');
    const rows = page.locator('vitals-accounts-table .row');
    await rows.first().waitFor();
    await page.screenshot({ path: join(SHOTS, '4-accounts.png') });
    const account = (await rows.first().locator('[role=cell]').first().textContent())?.trim();
    await rows.first().click();
    await page.locator('vitals-account-detail h1').waitFor();
    expect(await page.locator('vitals-account-detail h1').textContent()).toBe(`Account ${account}`);
    const detail = (await page.locator('vitals-account-detail').evaluate((el) => el.shadowRoot?.textContent ?? '')).replace(/\s+/g, ' ');
    expect(detail).toContain('Contribution to the score');
    expect(detail).toMatch(/Playbooks/);
    await page.screenshot({ path: join(SHOTS, '5-drill-down.png') });
    await page.locator('vitals-account-detail button', { hasText: 'Close' }).click();
    await rows.nth(1).focus();
    await page.keyboard.press('Enter');
    await page.locator('vitals-account-detail h1').waitFor();
    await page.close();
  });

  test('Simulate: moving a band threshold’s slider moves accounts in the transition matrix, before and after overlaid', async () => {
    const { page, problems } = await open(example('saas-seven-metrics'));
    await page.locator('#tab-simulate').click();
    const slider = page.getByRole('slider', { name: 'Watch below' });
    const greenToAmber = page.locator('vitals-transition-matrix td[aria-label$="from green to amber"]');
    const simulated = () => page.locator('vitals-simulate:not([pending]) vitals-transition-matrix').waitFor({ timeout: 60_000 });
    await slider.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await simulated();
    await expect.poll(() => greenToAmber.getAttribute('aria-label'), { timeout: 60_000 }).toMatch(/^\d+ from/);
    const first = Number((await greenToAmber.getAttribute('aria-label'))?.split(' ')[0]);
    for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(async () => Number((await greenToAmber.getAttribute('aria-label'))?.split(' ')[0]), { timeout: 60_000 }).toBeGreaterThan(first);
    await simulated();
    expect(await page.locator('vitals-simulate vitals-histogram').count()).toBe(1);
    expect((await page.locator('vitals-simulate .headline').textContent())?.replace(/\s+/g, ' ')).toMatch(/change band \(0 better, [1-9]\d* worse\)/);
    await page.screenshot({ path: join(SHOTS, '7-simulate.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  test('Compare shows the model as loaded against the model as edited in Monaco’s diff editor', async () => {
    const { page } = await open(example('saas-seven-metrics'));
    const at = locate(SAAS, 'below: 40', 'bands:');
    await cursorAt(page, at.line, at.column + 'below: '.length);
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.type('45');
    await settled(page);
    await page.locator('#tab-compare').click();
    await page.locator('vitals-diff-editor .char-insert, vitals-diff-editor .line-insert').first().waitFor({ timeout: 30_000 });
    // Beside it, the impact summary: the change of meaning, as `vitals diff` words it, and what it does to the accounts.
    await expect.poll(() => page.locator('.compare vitals-impact-summary li').allTextContents(), { timeout: 60_000 }).toContainEqual(expect.stringMatching(/red band.*40.*45/));
    expect(await page.locator('.compare vitals-impact-summary vitals-transition-matrix table').count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, '6-compare.png') });
    await page.close();
  });

  test('a shared link reproduces the edited model; Download gives it as YAML', async () => {
    const { page } = await open(example('saas-seven-metrics'));
    await cursorAt(page, 1, 1);
    await page.keyboard.type('# edited in the playground\n');
    await settled(page);
    await page.locator('button', { hasText: 'Share link' }).click();
    await page.waitForFunction(() => location.hash.includes('model='));
    const link = page.url();
    const edited = await page.evaluate(() => (document.querySelector('vitals-editor') as EditorElement | null)?.text);
    expect(edited?.startsWith('# edited in the playground\n')).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button', { hasText: 'Download YAML' }).click()]);
    expect(download.suggestedFilename()).toBe(`${(/^model: (\S+)/m.exec(SAAS) as RegExpExecArray)[1]}.yaml`);
    expect(readFileSync((await download.path()) as string, 'utf8')).toBe(edited);
    const again = await open(link);
    expect(await again.page.evaluate(() => (document.querySelector('vitals-editor') as EditorElement | null)?.text)).toBe(edited);
    await again.page.close();
    await page.close();
  });

});

describe('the playground under a strict Content-Security-Policy', { timeout: 120_000 }, () => {
  let strict: Awaited<ReturnType<typeof servePlayground>>;
  beforeAll(async () => {
    // A host that forbids generated code everywhere, the worker included.
    strict = await servePlayground({ 'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:" });
  });
  afterAll(() => strict?.close());

  test('scores with the reference evaluator, to the same numbers', async () => {
    const compiled = await open(example('lifecycle-b2b'));
    const reference = await open(`${strict.url}#example=lifecycle-b2b`);
    expect(await reference.page.locator('.engine').textContent()).toContain('reference evaluator');
    expect(await compiled.page.locator('.engine').textContent()).toContain('compiled evaluator');
    expect(await bandShares(reference.page)).toEqual(await bandShares(compiled.page));
    expect(await histogram(reference.page)).toEqual(await histogram(compiled.page));
    expect(reference.problems.filter((p) => !p.includes('Content Security Policy'))).toEqual([]);
    await compiled.page.close();
    await reference.page.close();
  });
});
