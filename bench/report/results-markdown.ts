import type { EndToEnd } from '../measure/score-end-to-end.js';
import type { Throughput } from '../measure/throughput.js';
import type { BenchResults } from './bench-results.js';
import { impactSection, impactSummary } from './impact-markdown.js';

export const HAND_WRITTEN = 'hand-written TypeScript';
export const VITALS = 'vitals — model.evaluate (compiled)';

const count = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));
const ratio = (n: number) => `${n >= 10 ? n.toFixed(0) : n >= 0.1 ? n.toFixed(2) : n.toPrecision(2)}×`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const pct = (n: number) => `±${(n * 100).toFixed(0)}%`;

/** RESULTS.md: machine, method, and every table. */
export function resultsMarkdown(r: BenchResults): string {
  return [
    '# Benchmark results',
    '',
    ...(r.quick ? ['> **Quick run** (small tables, few rounds): for checking the bench, not for quoting.', ''] : []),
    `Written by \`npm run bench\` (bench/run.ts); how it works: [docs/bench.md](../docs/bench.md).`,
    '',
    machineSection(r),
    '## Headline',
    '',
    headline(r),
    '',
    ...r.throughput.map(({ rows, results }) => throughputSection(`Seven-metric model, ${count(rows)} accounts`, results, r.notes)),
    modelSizeSection(r),
    cliSection(r),
    impactSection(r.impact),
    agreementSection(r),
    '## Not measured',
    '',
    '- The playground\'s keystroke-to-chart time: there is no playground yet (deferred).',
    '',
  ].join('\n');
}

function machineSection(r: BenchResults): string {
  const m = r.machine;
  return [
    '## Machine and method',
    '',
    `- ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB; ${m.os}; Node ${m.node}; ${m.date}; commit ${m.commit}; load average ${m.load.toFixed(1)} at the start, ${r.loadAtEnd.toFixed(1)} at the end; the whole run took ${Math.round(r.seconds)} s.`,
    '- One process, built JavaScript (`tsc`, no transpiler at run time), `node --expose-gc`. Every scorer is checked against vitals on every account first.',
    '- Tables are generated in memory from a fixed seed (about 2% of values missing). A sample scores the whole table, repeated until it lasts ≥ 250 ms;',
    '  each round runs every scorer once, starting from a different one, with a garbage collection before each sample. Figures are medians over the rounds;',
    '  "spread" is half the interquartile range. Asynchronous engines are awaited one account at a time.',
    '',
  ].join('\n');
}

function find(results: readonly Throughput[], name: string): Throughput | undefined {
  return results.find((t) => t.name === name);
}

function headline(r: BenchResults): string {
  const lines: string[] = [];
  for (const { rows, results } of r.throughput) {
    const vitals = find(results, VITALS);
    const hand = find(results, HAND_WRITTEN);
    if (vitals === undefined || hand === undefined) continue;
    const peers = results.filter((t) => !t.name.startsWith('vitals') && t.name !== HAND_WRITTEN);
    const fastestPeer = peers.sort((a, b) => b.rowsPerSecond - a.rowsPerSecond)[0];
    const peer = fastestPeer === undefined ? '' : `; ${ratio(vitals.rowsPerSecond / fastestPeer.rowsPerSecond)} the fastest rule engine (${fastestPeer.name}, ${count(fastestPeer.rowsPerSecond)}/s)`;
    lines.push(`- ${count(rows)} accounts: vitals scores **${count(vitals.rowsPerSecond)} accounts/s**, ${Math.round((100 * vitals.rowsPerSecond) / hand.rowsPerSecond)}% of the hand-written scorer (${count(hand.rowsPerSecond)}/s; target ≥ 50%)${peer}.`);
  }
  for (const c of r.compile) lines.push(`- Compiling ${c.model} (${c.metrics} metrics): ${ms(c.totalMs)} ms warm${c.coldMs === null ? '' : `, ${ms(c.coldMs)} ms as the first compile in a fresh process`}.`);
  const check = r.cli.runs.find((run) => run.label.startsWith('vitals check models/*'));
  if (check !== undefined) lines.push(`- \`vitals check\` of every example model: ${ms(check.medianMs)} ms wall time including Node start (fastest run ${ms(check.minMs)} ms; target < 300 ms).`);
  const e2e = r.cli.endToEnd === null ? undefined : endToEndHeadline(r.cli.endToEnd);
  if (e2e !== undefined) lines.push(e2e);
  const [first, last] = [r.cli.streaming[0], r.cli.streaming[r.cli.streaming.length - 1]];
  if (first !== undefined && last !== undefined && last !== first) {
    lines.push(`- \`vitals score\` streaming ${count(last.rows)} rows peaks at ${mb(last.peakRssBytes)}, ${ratio(last.peakRssBytes / first.peakRssBytes)} the ${count(first.rows)}-row peak (target ≤ 1.2×).`);
  }
  if (r.cli.skipped !== null) lines.push(`- CLI: ${r.cli.skipped}`);
  return lines.join('\n');
}

function throughputSection(title: string, results: readonly Throughput[], notes: Readonly<Record<string, string>>): string {
  const hand = find(results, HAND_WRITTEN)?.rowsPerSecond;
  const vitals = find(results, VITALS)?.rowsPerSecond;
  const rows = results.map(
    (t) =>
      `| ${t.name} | ${count(t.rowsPerSecond)} | ${hand === undefined ? '–' : ratio(t.rowsPerSecond / hand)} | ${vitals === undefined ? '–' : ratio(vitals / t.rowsPerSecond)} | ${pct(t.spread)} | ${notes[t.name] ?? ''} |`,
  );
  return [`## ${title}`, '', '| scorer | accounts/s | vs hand-written | vitals is N× as fast | spread | how |', '|---|---:|---:|---:|---:|---|', ...rows, ''].join('\n');
}

function modelSizeSection(r: BenchResults): string {
  const compile = r.compile.map(
    (c) => `| ${c.model} | ${c.metrics} | ${ms(c.planMs)} | ${ms(c.codegenMs)} | ${ms(c.totalMs)} | ${c.coldMs === null ? '–' : ms(c.coldMs)} | ${count(c.sourceChars)} |`,
  );
  const speed = r.modelSize.flatMap(({ model, rows, results }) => results.map((t) => `| ${model} | ${count(rows)} | ${t.name} | ${count(t.rowsPerSecond)} | ${pct(t.spread)} |`));
  return [
    '## Model size: compile time and throughput',
    '',
    'Compile = parse + check + compile (`planModel`, then `compiledEvaluator`), warm, median; "cold" is the first `compileModel` in a fresh Node process (after importing the core).',
    '',
    '| model | metrics | plan (ms) | codegen (ms) | total (ms) | cold (ms) | generated JS (chars) |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...compile,
    '',
    '| model | accounts | scorer | accounts/s | spread |',
    '|---|---:|---|---:|---:|',
    ...speed,
    '',
  ].join('\n');
}

function cliSection(r: BenchResults): string {
  if (!r.cli.available) return ['## CLI', '', r.cli.skipped ?? 'not measured', ''].join('\n');
  const runs = r.cli.runs.map((run) => `| \`${run.label}\` | ${ms(run.medianMs)} | ${ms(run.minMs)} | ${run.runs} |`);
  const first = r.cli.streaming[0];
  const streaming = r.cli.streaming.map(
    (s) => `| ${count(s.rows)} | ${mb(s.csvBytes)} | ${mb(s.peakRssBytes)} | ${first === undefined ? '–' : ratio(s.peakRssBytes / first.peakRssBytes)} | ${s.seconds.toFixed(1)} | ${count(s.rows / s.seconds)} | ${count(s.outputLines)} |`,
  );
  return [
    '## CLI',
    '',
    'Wall time of whole processes, Node start included; the commands are run in turn, after one unmeasured run each.',
    '',
    '| command | median (ms) | fastest (ms) | runs |',
    '|---|---:|---:|---:|',
    ...runs,
    '',
    '`vitals score models/saas-seven-metrics/model.yaml --data accounts.csv --format csv > scores.csv` on generated CSVs (peak RSS from the child\'s own `process.resourceUsage().maxRSS`):',
    '',
    '| rows | CSV | peak RSS | vs first | seconds | rows/s | output lines |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...streaming,
    r.cli.skipped === null ? '' : `\n${r.cli.skipped}`,
    '',
  ].join('\n');
}

function endToEndHeadline(e: EndToEnd): string | undefined {
  const [bare, csv] = e.commands;
  if (bare === undefined || csv === undefined) return undefined;
  return `- End to end, from the command line: \`vitals score\` CSV → CSV of ${count(e.rows)} rows takes **${csv.wallRatio.toFixed(2)}×** the wall time of a bare Node loop over the same file (${count(e.rows / csv.medianSeconds)} vs ${count(e.rows / bare.medianSeconds)} rows/s; ${csv.cpuRatio.toFixed(2)}× its CPU time; target ≤ 4×).`;
}

/** `vitals score` CSV → CSV beside the bare loop, end to end (EndToEnd). */
export function endToEndSection(e: EndToEnd): string {
  const rows = e.commands.map(
    (c) =>
      `| ${c.label} | ${c.medianSeconds.toFixed(2)} | ${c.fastestSeconds.toFixed(2)} | ${count(e.rows / c.medianSeconds)} | ${c.medianCpuSeconds.toFixed(2)} | **${c.wallRatio.toFixed(2)}×** | ${c.cpuRatio.toFixed(2)}× | ${mb(c.peakRssBytes)} | ${count(c.outputLines)} |`,
  );
  return [
    '## End to end: `vitals score` beside a bare Node loop',
    '',
    `Whole processes from the command line, Node's start included, stdout to a file: a generated CSV of ${count(e.rows)} rows (${mb(e.csvBytes)}) for the seven-metric model.`,
    'The baseline (`bench/measure/bare-csv-loop.ts`) only splits lines and fields, parses the numbers and writes one line per row.',
    `${e.rounds} rounds, the commands interleaved (each round starting from the next one); a ratio is taken within a round, then the median over rounds.`,
    `CPU time (user + system) is the child's own \`process.resourceUsage()\`. Load average ${e.load[0].toFixed(1)} before, ${e.load[1].toFixed(1)} after.`,
    '',
    '| command | median (s) | fastest (s) | rows/s | CPU (s) | wall vs loop | CPU vs loop | peak RSS | output lines |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
  ].join('\n');
}

function agreementSection(r: BenchResults): string {
  const rows = r.agreement.map((a) => `| ${a.engine} | ${count(a.checked)} | ${a.disagreements} |`);
  return ['## Agreement with vitals (checked before timing)', '', '| scorer | accounts checked | disagreements |', '|---|---:|---:|', ...rows, ''].join('\n');
}

/** The table printed at the end of a run. */
export function summaryTable(r: BenchResults): string {
  const lines: string[] = [];
  for (const { rows, results } of r.throughput) {
    const hand = find(results, HAND_WRITTEN)?.rowsPerSecond;
    lines.push(`seven-metric model, ${count(rows)} accounts`);
    for (const t of results) lines.push(`  ${t.name.padEnd(40)} ${count(t.rowsPerSecond).padStart(12)}/s  ${hand === undefined ? '' : ratio(t.rowsPerSecond / hand).padStart(7)}  ${pct(t.spread)}`);
  }
  for (const { model, rows, results } of r.modelSize) for (const t of results) lines.push(`${model}, ${count(rows)} accounts: ${t.name} ${count(t.rowsPerSecond)}/s`);
  for (const c of r.compile) lines.push(`compile ${c.model} (${c.metrics} metrics): ${ms(c.totalMs)} ms warm, ${c.coldMs === null ? '–' : ms(c.coldMs)} ms cold`);
  for (const run of r.cli.runs) lines.push(`${run.label}: ${ms(run.medianMs)} ms (fastest ${ms(run.minMs)} ms)`);
  for (const c of r.cli.endToEnd?.commands ?? []) lines.push(`${c.label}, ${count(r.cli.endToEnd?.rows ?? 0)} rows: ${c.medianSeconds.toFixed(2)} s (${c.wallRatio.toFixed(2)}× the bare loop; CPU ${c.cpuRatio.toFixed(2)}×)`);
  for (const s of r.cli.streaming) lines.push(`vitals score ${count(s.rows)} rows: peak RSS ${mb(s.peakRssBytes)}, ${s.seconds.toFixed(1)} s`);
  if (r.cli.skipped !== null) lines.push(`CLI: ${r.cli.skipped}`);
  lines.push(...impactSummary(r.impact));
  return lines.join('\n');
}
