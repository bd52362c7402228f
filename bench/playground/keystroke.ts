/**
 * `npm run bench:playground`: the playground's keystroke-to-chart time with 50,000 accounts.
 *
 * In the browser, end to end: the built playground (playground/dist) in headless Chromium; a
 * character typed into Monaco changes the model; the time runs from that key's `keydown` event to
 * the `vitals:chart-updated` performance mark, set when the histogram has been redrawn with the
 * scores of the new model (the worker compiled it, scored every account, summarised, posted the
 * summary; the page rendered it). Each keystroke waits for its chart before the next. The worker's
 * own compile and score times come with each answer, so the rest is messaging and rendering.
 * Two kinds of edit: one that changes only a number of the model (its generated code stays the
 * same, so the worker's already optimised code scores it), and one that changes the code (a
 * formula's). Run with the compiled evaluator, and, for the numeric edit, under a CSP that forbids
 * generated code (the reference interpreter), the baseline the compiled path is measured against.
 * `KEYSTROKES` sets how many are measured (30); `VARIANTS=compiled` skips the reference run.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { CHROMIUM_PATH, launchBrowser } from '../../test/support/browser.js';
import { servePlayground } from '../../test/support/playground-server.js';
import { SEVEN_METRIC_COLUMNS, sevenMetricAccounts } from '../data/seven-metric-accounts.js';
import { replaceSection } from '../report/kept-sections.js';
import { describeMachine } from '../report/machine.js';
import { measureSessionCpu, type SessionCpu } from './session-cpu.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ACCOUNTS = 50_000;
const KEYSTROKES = Number(process.env['KEYSTROKES'] ?? 30);
const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:";

/** An edit typed digit by digit: the model it starts from, and where the digit it replaces sits. */
interface Edit {
  readonly kind: 'numeric' | 'structural';
  readonly what: string;
  readonly model: (text: string) => string;
  /** The text just before the digit typed over. */
  readonly before: string;
}

const ROUND_FORMULA = 'value: round(monthly_active_users / purchased_seats, 5)';
const EDITS: readonly Edit[] = [
  { kind: 'numeric', what: "the amber band's threshold, `below: 70` → 71 … 79", model: (text) => text, before: 'name: amber, below: 7' },
  {
    kind: 'structural',
    what: "the decimals of a `round()` in a formula, `value: round(monthly_active_users / purchased_seats, 1 … 9)`: written into the generated code, so each edit makes new code for that formula, which starts cold (its own function: the step around it is reused; the nine variants cycle, one more than the functions kept, those of the 8 most recent models)",
    model: (text) => withRoundFormula(text),
    before: 'purchased_seats, ',
  },
];

function withRoundFormula(text: string): string {
  const edited = text.replace('value: monthly_active_users / purchased_seats', ROUND_FORMULA);
  if (edited === text) throw new Error('the seven-metric model no longer has the seat-utilisation formula the structural edit changes');
  return edited;
}

/** The model texts of `count` keystrokes of an edit, as the browser run types them (the in-process run scores the same). */
function editedTexts(edit: Edit, model: string, count: number): string[] {
  const text = edit.model(model);
  const at = text.indexOf(edit.before) + edit.before.length;
  return Array.from({ length: count }, (_, i) => `${text.slice(0, at)}${(i % 9) + 1}${text.slice(at + 1)}`);
}

interface Sample {
  readonly total: number;
  readonly compile: number;
  readonly score: number;
  /** How many workers scored it, each a share of the accounts (their slowest's compile and score are reported). */
  readonly workers: number;
}

async function main(): Promise<void> {
  const machine = describeMachine();
  const file = join(ROOT, '.vitals-tmp/bench/accounts-50k.csv');
  mkdirSync(join(ROOT, '.vitals-tmp/bench'), { recursive: true });
  const csv = accountsCsv(ACCOUNTS);
  writeFileSync(file, csv);
  const browser = await launchBrowser();
  const runs: Run[] = [];
  const only = process.env['VARIANTS'];
  try {
    // `cores`: what the page is told `navigator.hardwareConcurrency` is; the page keeps one core and scores in the rest, up to two.
    const all: { name: string; headers: Record<string, string>; cores?: number; edits: readonly Edit[] }[] = [
      { name: 'compiled evaluator, one worker (the default on 2 cores)', headers: {}, cores: 2, edits: EDITS },
      { name: 'compiled evaluator, two workers (the default on 3 cores or more)', headers: {}, cores: 4, edits: EDITS },
      { name: 'reference interpreter (a CSP without unsafe-eval)', headers: { 'Content-Security-Policy': STRICT_CSP }, edits: EDITS.filter((e) => e.kind === 'numeric') },
    ];
    const variants = all.filter((v) => only === undefined || v.name.startsWith(only));
    // Edit by edit, each variant in turn: the load of a shared machine drifts less between the rows compared.
    for (const edit of EDITS) {
      for (const variant of variants.filter((v) => v.edits.includes(edit))) {
        const server = await servePlayground(variant.headers);
        const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
        // As text: a function would be sent as tsx compiled it, with helpers the page does not have.
        if (variant.cores !== undefined) await page.addInitScript(`Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => ${variant.cores} });`);
        try {
          await page.goto(server.url);
          runs.push({ name: variant.name, edit, samples: await measure(page, file, edit) });
        } finally {
          await page.close();
          await server.close();
        }
        process.stderr.write(`${variant.name}, ${edit.kind} edit: ${summary(runs.at(-1)?.samples ?? []).median.toFixed(1)} ms median\n`);
      }
    }
  } finally {
    await browser.close();
  }
  const version = browser.version();
  const loadAtEnd = loadavg()[0] ?? 0;
  const model = readFileSync(join(ROOT, 'models/saas-seven-metrics/model.yaml'), 'utf8');
  const cpu = measureSessionCpu(
    EDITS.map((edit) => ({ kind: edit.kind, texts: editedTexts(edit, model, KEYSTROKES + 2) })),
    csv,
  );
  const section = markdown(runs, { ...machine, chromium: `${CHROMIUM_PATH} ${version}`, loadAtEnd }, { ...cpu, load: loadavg()[0] ?? 0 });
  const target = join(ROOT, 'bench/RESULTS.md');
  writeFileSync(target, replaceSection(readFileSync(target, 'utf8'), 'playground', section));
  process.stdout.write(`${section}\nwritten to ${target}\n`);
}

interface Run {
  readonly name: string;
  readonly edit: Edit;
  readonly samples: Sample[];
}

async function measure(page: Page, file: string, edit: Edit): Promise<Sample[]> {
  await settled(page);
  await page.locator('vitals-data-picker select#example').selectOption('saas-seven-metrics');
  await page.waitForFunction(() => document.querySelector('.model-title')?.textContent?.includes('seven'));
  await page.locator('vitals-data-picker input[type=file]').setInputFiles(file);
  await page.waitForFunction((n) => (document.querySelector('vitals-app') as unknown as App).preview.preview?.counts.rows === n, ACCOUNTS, { timeout: 120_000 });
  await settled(page);
  const start = edit.model(await editorText(page));
  if (start !== (await editorText(page))) {
    // The model the edit starts from, put in the editor as a whole (unmeasured), then scored.
    await page.evaluate((text) => void ((document.querySelector('vitals-editor') as unknown as { value: string }).value = text), start);
    await page.waitForFunction((text) => (document.querySelector('vitals-editor') as unknown as { text: string }).text === text, start);
    await page.waitForTimeout(200);
    await settled(page);
  }
  await page.evaluate(() => {
    const keys: number[] = [];
    (window as unknown as { keydowns: number[] }).keydowns = keys;
    document.addEventListener('keydown', (event) => /^[0-9]$/.test(event.key) && keys.push(event.timeStamp), true);
  });
  // The digit after `edit.before` is replaced, 1 … 9, one key each.
  const lines = (await editorText(page)).split('\n');
  const line = lines.findIndex((l: string) => l.includes(edit.before));
  const column = (lines[line] as string).indexOf(edit.before) + edit.before.length + 1;
  await page.evaluate(([l, c]) => (document.querySelector('vitals-editor') as unknown as { text: string; reveal(line: number, column: number): void } | null)?.reveal(l as number, c as number), [line + 1, column]);
  const samples: Sample[] = [];
  for (let i = 0; i < KEYSTROKES + 3; i++) {
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.type(String((i % 9) + 1));
    await page.keyboard.press('ArrowLeft');
    const sample = await page.waitForFunction(
      (count) => {
        const keys = (window as unknown as { keydowns: number[] }).keydowns;
        const key = keys[count - 1];
        const app = document.querySelector('vitals-app') as unknown as App;
        const mark = performance.getEntriesByName('vitals:chart-updated').at(-1);
        if (key === undefined || mark === undefined || mark.startTime < key || app.preview.status !== 'complete') return false;
        const timings = app.preview.preview?.timings;
        return { total: mark.startTime - key, compile: timings?.compile ?? NaN, score: timings?.score ?? NaN, workers: app.preview.preview?.workers ?? NaN };
      },
      i + 1,
      { timeout: 60_000, polling: 'raf' },
    );
    // The first keystrokes warm the JIT and the chart; they are not counted.
    if (i >= 3) samples.push((await sample.jsonValue()) as Sample);
    await page.waitForTimeout(50);
  }
  return samples;
}

function editorText(page: Page): Promise<string> {
  return page.evaluate(() => (document.querySelector('vitals-editor') as unknown as { text: string } | null)?.text ?? '');
}

interface App {
  preview: { status: string; preview: { counts: { rows: number }; timings: { compile: number; score: number }; workers: number } | null };
}

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => (document.querySelector('vitals-app') as unknown as App | null)?.preview.status === 'complete', null, { timeout: 120_000 });
}

function accountsCsv(count: number): string {
  const rows = sevenMetricAccounts(count).map((a) => SEVEN_METRIC_COLUMNS.map((c) => a[c] ?? '').join(','));
  return `${SEVEN_METRIC_COLUMNS.join(',')}\n${rows.join('\n')}\n`;
}

function summary(values: readonly Sample[]) {
  const sorted = (key: keyof Sample) => values.map((s) => s[key]).sort((a, b) => a - b);
  const at = (list: number[], q: number) => list[Math.min(list.length - 1, Math.floor(q * list.length))] ?? NaN;
  const total = sorted('total');
  // Outside the worker, keystroke by keystroke: a difference of medians taken over different keystrokes is no
  // one keystroke's, and where the worker's time varies widely (an edit that compiles new code) it misleads.
  const outside = values.map((s) => s.total - s.compile - s.score).sort((a, b) => a - b);
  return { median: at(total, 0.5), p90: at(total, 0.9), max: total.at(-1) ?? NaN, compile: at(sorted('compile'), 0.5), score: at(sorted('score'), 0.5), outside: at(outside, 0.5) };
}

function markdown(runs: readonly Run[], m: ReturnType<typeof describeMachine> & { chromium: string; loadAtEnd: number }, cpu: SessionCpu & { load: number }): string {
  const f = (x: number) => x.toFixed(1);
  const rows = runs.map((r) => {
    const s = summary(r.samples);
    return `| ${r.name} | ${r.samples[0]?.workers ?? '?'} | ${r.edit.kind} | **${f(s.median)}** | ${f(s.p90)} | ${f(s.max)} | ${f(s.compile)} | ${f(s.score)} | ${f(s.outside)} |`;
  });
  const median = (name: string, kind: Edit['kind']) => {
    const run = runs.find((r) => r.name.startsWith(name) && r.edit.kind === kind);
    return run === undefined ? undefined : summary(run.samples).median;
  };
  const [compiled, reference] = [median('compiled evaluator, one worker', 'numeric'), median('reference', 'numeric')];
  const split = EDITS.flatMap((edit) => {
    const [two, one] = [median('compiled evaluator, two workers', edit.kind), median('compiled evaluator, one worker', edit.kind)];
    return two === undefined || one === undefined ? [] : [`${edit.kind} ${(one / two).toFixed(2)}×`];
  });
  const cpuRows = cpu.edits.map(
    (e) =>
      `| one worker, ${e.kind} edit: compile + score + summary of every account | **${f(e.keystroke)}** | ${(e.keystroke / cpu.bareLoop).toFixed(2)}× |\n| of which compiling the edited model | ${f(e.compile)} | |\n| one of two workers, ${e.kind} edit: compile + score + tallies of its half (the slower half) | **${f(e.part)}** | ${(e.part / cpu.bareLoop).toFixed(2)}× |\n| the page: merging the two halves into the preview | ${f(e.merge)} | |`,
  );
  return `## Playground: keystroke to updated chart

Written by \`npm run bench:playground\` (bench/playground/keystroke.ts). **In the browser, end to end:** the built
playground in headless Chromium (${m.chromium}); ${ACCOUNTS.toLocaleString('en-US')} accounts of the seven-metric model
(generated, uploaded as CSV); a digit typed into Monaco changes the model; the time runs from that key's
\`keydown\` event to the \`vitals:chart-updated\` performance mark (the histogram redrawn with the new model's scores for
every account). ${KEYSTROKES} keystrokes after 3 unmeasured ones, each waited for. The preview is scored by one worker per core
the browser reports (\`navigator.hardwareConcurrency\`) beyond the page's own, at most 2, each over its share of the accounts,
and the page merges their tallies (both counts are measured here, the page told 2 or 4 cores, on the same 2-core machine); the workers report their compile and score times (score includes tallying), the slower worker's shown; the
rest, taken keystroke by keystroke (its median), is the messages to the workers and back, the merge and rendering. No
debounce: an edit made while the workers score waits on the page (only the newest) and goes out when both have answered.
Target: under 100 ms.

Edits: ${EDITS.map((e) => `**${e.kind}**, ${e.what}`).join('; ')}.

${m.cpu}, ${m.cores} cores; ${m.date}; commit ${m.commit}; load average ${m.load.toFixed(1)} at the start, ${m.loadAtEnd.toFixed(1)} at the end.

| evaluator in the workers | workers | edit | median (ms) | p90 (ms) | max (ms) | worker compile (ms) | worker score + summary (ms) | messaging + merge + render, per keystroke (ms) |
|---|---:|---|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}

${split.length > 0 ? `The preview in two workers against one (the same run, the same load, 2 real cores), keystroke to chart: ${split.join(', ')} as fast.` : ''}
${compiled !== undefined && reference !== undefined ? `On the numeric edit the compiled evaluator's keystroke is ${(reference / compiled).toFixed(1)}× as fast as the reference interpreter's (which serves where a CSP forbids generated code).` : ''}

**In-process, CPU time** (the same run, afterwards; load average ${cpu.load.toFixed(1)}): the worker's own code (\`PreviewSession\`) in Node
on the same CSV and the same edits, timed by \`process.cpuUsage()\` (this process's CPU, which others' work on the machine
skews less than wall time, though not at all is too much to claim on 2 shared cores). Baseline: the same compiled evaluator's
summary step, already warm, scoring the same parsed records with nothing kept.

| per keystroke, 50,000 accounts | CPU (ms) | vs bare loop |
|---|---:|---:|
| bare scoring loop, warm evaluator (baseline) | ${f(cpu.bareLoop)} | 1.00× |
${cpuRows.join('\n')}
`;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
