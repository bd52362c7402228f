import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { ROOT, vitals } from './support/run-cli.js';

/** Where the screenshot is kept for a person to look at (git-ignored; CI may upload it). */
const ARTEFACT = join(ROOT, 'test-artefacts', 'report-lifecycle.png');

test(
  'report --html in Chromium: every chart draws, the tables of the current book and its movement show, no script error; a screenshot is kept',
  async () => {
    const page = join(mkdtempSync(join(tmpdir(), 'vitals-report-html-')), 'report.html');
    const run = await vitals(['report', 'models/lifecycle-b2b/model.yaml', '--data', 'models/lifecycle-b2b/sample.csv', '--since', '2026-01-31', '--html', page]);
    expect(run.code).toBe(0);
    const browser = await launchBrowser();
    try {
      const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors: string[] = [];
      tab.on('pageerror', (error) => errors.push(error.message));
      tab.on('console', (message) => (message.type() === 'error' ? errors.push(message.text()) : undefined));
      await tab.goto(pathToFileURL(page).href);
      // A chart that drew has pixels that are not transparent.
      const drawn = await tab.$$eval('canvas', (canvases) =>
        canvases.map((c) => {
          const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
          let painted = 0;
          for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) painted++;
          return [c.id, painted > 100];
        }),
      );
      expect(drawn).toEqual([['histogram', true], ['bands', true], ['categories', true], ['playbooks', true], ['trend', true]]);
      const headings = await tab.$$eval('h2', (hs) => hs.map((h) => h.textContent));
      expect(headings).toEqual(expect.arrayContaining(['Accounts to act on', 'Value at risk', 'Books by owner', 'The pulse', 'How the book moved, 2026-01-31 → 2026-05-31', 'Biggest movers up']));
      expect(errors).toEqual([]);
      mkdirSync(join(ROOT, 'test-artefacts'), { recursive: true });
      await tab.screenshot({ path: ARTEFACT, fullPage: true });
    } finally {
      await browser.close();
    }
  },
  120_000,
);
