// npm run bench: vitals against a hand-written scorer and four rule engines, in one process.
// `npm run bench -- --quick` runs small tables and few rounds (to check the bench itself);
// `npm run bench -- --impact` runs only the diff/simulate measurements (their section of bench/RESULTS.md).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, type ScoreResult } from '@vitals/core';
import { checkAgreement, type AgreementReport } from './check/agreement.js';
import { sevenMetricAccounts, type SevenMetricAccount } from './data/seven-metric-accounts.js';
import { scoresOf } from './engines/engine-scores.js';
import { cliAvailable, measureProcesses, measureStreaming, type StreamingRun, type WallTime } from './measure/cli-runs.js';
import { measureCompileTime } from './measure/compile-time.js';
import { measureEndToEnd, type EndToEnd } from './measure/score-end-to-end.js';
import { scoreLoop } from './measure/score-loop.js';
import { measureThroughput, type Contender, type Throughput, type ThroughputOptions } from './measure/throughput.js';
import { largeModel } from './models/large-model.js';
import { sizeLimitModel } from './models/size-limit-model.js';
import { impactSection, impactSummary } from './report/impact-markdown.js';
import { measureImpact, type ImpactBench } from './suites/impact-bench.js';
import type { BenchResults } from './report/bench-results.js';
import { replaceSection, withKeptSections } from './report/kept-sections.js';
import { describeMachine } from './report/machine.js';
import { endToEndSection, resultsMarkdown, summaryTable } from './report/results-markdown.js';
import { sevenMetricScorers, type Scorer } from './suites/seven-metric-contenders.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = fileURLToPath(new URL('./', import.meta.url));
const SEVEN = join(ROOT, 'models/saas-seven-metrics/model.yaml');
const CLI = join(ROOT, 'packages/cli/dist/bin.js');
const quick = process.argv.includes('--quick');
/** `--e2e`: only the end-to-end comparison of `vitals score` with the bare loop (minutes, not the whole bench). */
const onlyEndToEnd = process.argv.includes('--e2e');
const impactOnly = process.argv.includes('--impact');
const SIZES = quick ? { small: 2_000, large: 50_000, streaming: [20_000, 100_000] } : { small: 10_000, large: 1_000_000, streaming: [1_000_000, 5_000_000] };
const END_TO_END = quick ? { rows: 100_000, rounds: 3 } : { rows: 1_000_000, rounds: 5 };
const SMALL_RUN: ThroughputOptions = { rounds: quick ? 3 : 7, minSampleMs: 250, warmupRows: 20_000, warmupMs: 1_500 };
const LARGE_RUN: ThroughputOptions = { rounds: quick ? 3 : 5, minSampleMs: 250, warmupRows: 50_000, warmupMs: 1_500 };

const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<number> {
  if (onlyEndToEnd) return endToEndOnly();
  const started = performance.now();
  const machine = describeMachine();
  log(`vitals bench${quick ? ' (quick)' : ''}: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}`);
  const text = readFileSync(SEVEN, 'utf8');
  if (impactOnly) return impactAlone(text);
  const big = largeModel();

  log('compile time…');
  const compileTimes = [
    { ...measureCompileTime('saas-seven-metrics', text, 60), ...coldCompile(SEVEN) },
    { ...measureCompileTime('generated-40', big.text, 40), ...withTempFile(big.text, coldCompile) },
  ];

  const model = compile(text, { file: SEVEN });
  const scorers = sevenMetricScorers(model, text);
  const agreement: AgreementReport[] = [];
  const throughput: { rows: number; results: Throughput[] }[] = [];
  try {
    let accounts: SevenMetricAccount[] = sevenMetricAccounts(SIZES.small);
    log(`agreement on ${accounts.length.toLocaleString()} accounts…`);
    for (const scorer of scorers.filter((s) => s.compares !== 'self')) agreement.push(await agree(scorer, accounts, model.evaluate));
    if (agreement.some((a) => a.disagreements > 0)) return fail(agreement);
    log(`throughput, ${accounts.length.toLocaleString()} accounts…`);
    throughput.push({ rows: accounts.length, results: await measureThroughput(scorers.map((s) => s.contender), accounts, SMALL_RUN) });

    accounts = sevenMetricAccounts(SIZES.large);
    log(`agreement and throughput, ${accounts.length.toLocaleString()} accounts…`);
    const large = scorers.filter((s) => s.large);
    for (const scorer of large.filter((s) => s.compares !== 'self')) agreement.push(await agree(scorer, accounts, model.evaluate));
    if (agreement.some((a) => a.disagreements > 0)) return fail(agreement);
    throughput.push({ rows: accounts.length, results: await measureThroughput(large.map((s) => s.contender), accounts, LARGE_RUN) });
  } finally {
    for (const scorer of scorers) scorer.dispose?.();
  }

  log('model size…');
  const modelSize = await measureModelSize(big, agreement);
  if (agreement.some((a) => a.disagreements > 0)) return fail(agreement);

  const cli = await measureCli();
  const impact = await impactBench(text);
  const results: BenchResults = {
    machine,
    quick,
    sizes: SIZES,
    agreement,
    throughput,
    notes: Object.fromEntries(scorers.map((s) => [s.name, s.note])),
    compile: compileTimes,
    modelSize,
    cli,
    impact,
    seconds: (performance.now() - started) / 1000,
    loadAtEnd: loadavg()[0] ?? 0,
  };
  const target = quick ? join(OUT, 'RESULTS-quick.md') : join(ROOT, 'bench/RESULTS.md');
  const written = withKeptSections(existsSync(target) ? readFileSync(target, 'utf8') : '', resultsMarkdown(results));
  writeFileSync(target, cli.endToEnd === null ? written : replaceSection(written, END_TO_END_SECTION, endToEndSection(cli.endToEnd)));
  process.stdout.write(`\n${summaryTable(results)}\n\nwritten to ${target}\n`);
  return 0;
}

function impactBench(text: string): Promise<ImpactBench> {
  return measureImpact({ seven: SEVEN, text, accounts: quick ? 20_000 : 100_000, rounds: quick ? 3 : 7, cli: CLI, cliRuns: quick ? 2 : 5, log });
}

/**
 * `--impact`: only the diff and simulate measurements. Their section of RESULTS.md is replaced (or
 * added before the agreement section) and the rest of the file, from the last full run, is kept.
 */
async function impactAlone(text: string): Promise<number> {
  const machine = describeMachine();
  const impact = await impactBench(text);
  const where = `_Measured by \`npm run bench -- --impact\`: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.date}, commit ${machine.commit}; load average ${machine.load.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end._\n\n`;
  const target = join(ROOT, 'bench/RESULTS.md');
  const section = impactSection(impact).replace(/\n\n/, `\n\n${where}`);
  const stale = '- `vitals diff` over 100,000 accounts: the command does not exist (its issue was deferred).\n';
  writeFileSync(target, withSection(existsSync(target) ? readFileSync(target, 'utf8') : '', section).replace(stale, ''));
  process.stdout.write(`\n${impactSummary(impact).join('\n')}\n\nwritten to ${target}\n`);
  return 0;
}

/** RESULTS.md with the impact section in place of the old one, or before the agreement section. */
function withSection(results: string, section: string): string {
  const start = results.indexOf('## vitals diff and vitals simulate');
  if (start >= 0) {
    const next = results.indexOf('\n## ', start + 3);
    return `${results.slice(0, start)}${section}${next < 0 ? '' : results.slice(next + 1)}`;
  }
  const before = results.indexOf('## Agreement');
  return before < 0 ? `${results}\n${section}` : `${results.slice(0, before)}${section}\n${results.slice(before)}`;
}

async function agree(scorer: Scorer, accounts: readonly SevenMetricAccount[], evaluate: (a: SevenMetricAccount) => ScoreResult): Promise<AgreementReport> {
  const expected = scorer.compares === 'full' ? evaluate : (a: SevenMetricAccount) => scoresOf(evaluate(a));
  const report = await checkAgreement(scorer.name, accounts, expected, scorer.score);
  log(`  ${scorer.name}: ${report.disagreements} of ${report.checked.toLocaleString()} disagree`);
  return report;
}

function fail(agreement: readonly AgreementReport[]): number {
  for (const report of agreement.filter((a) => a.disagreements > 0)) {
    log(`\n${report.engine} disagrees with vitals on ${report.disagreements} of ${report.checked} accounts, e.g.:`);
    for (const example of report.examples) log(`  ${example.id}: ${example.difference}`);
  }
  log('\nbench failed: every engine must agree with vitals before it is timed');
  return 1;
}

/** The 40-metric model: compiled against the reference interpreter on the small table, then timed at both sizes. */
async function measureModelSize(big: ReturnType<typeof largeModel>, agreement: AgreementReport[]): Promise<BenchResults['modelSize']> {
  const compiled = compile(big.text);
  const reference = compile(big.text, { engine: 'reference' });
  const name = `generated-${big.metrics}`;
  const contender = (label: string, score: (r: Record<string, unknown>) => ScoreResult): Contender<Record<string, unknown>> => ({ name: label, scoreAll: scoreLoop(score) });
  const evaluate = contender('vitals — model.evaluate (compiled)', (r) => compiled.evaluate(r));
  const interpret = contender('vitals — reference interpreter', (r) => reference.evaluate(r));
  let rows = big.accounts(SIZES.small);
  const report = await checkAgreement(`${name}: compiled vs reference`, rows as (Record<string, unknown> & { account_id: string })[], (r) => reference.evaluate(r), (r) => compiled.evaluate(r));
  agreement.push(report);
  if (report.disagreements > 0) return [];
  const out = [{ model: name, rows: rows.length, results: await measureThroughput([evaluate, interpret], rows, SMALL_RUN) }];
  rows = big.accounts(SIZES.large);
  out.push({ model: name, rows: rows.length, results: await measureThroughput([evaluate], rows, { ...LARGE_RUN, rounds: quick ? 2 : 3 }) });
  return out;
}

function coldCompile(file: string): { coldMs: number | null; importMs: number | null } {
  const runs = Array.from({ length: 5 }, () => {
    const child = spawnNode([join(OUT, 'measure/cold-compile-child.js'), file]);
    return JSON.parse(child) as { importMs: number; firstCompileMs: number };
  });
  const sorted = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
  return { coldMs: sorted(runs.map((r) => r.firstCompileMs)), importMs: sorted(runs.map((r) => r.importMs)) };
}

async function measureCli(): Promise<BenchResults['cli']> {
  if (!cliAvailable(CLI)) return { available: false, runs: [], streaming: [], endToEnd: null, skipped: `not measured: the CLI is not built (${CLI} is missing); run \`npm run build\` once it exists` };
  log('CLI wall time…');
  const examples = exampleModels();
  const runs: WallTime[] = measureProcesses(
    [
      { label: 'node -e 0', args: ['-e', '0'] },
      { label: 'vitals --version', args: [CLI, '--version'] },
      { label: 'vitals check models/saas-seven-metrics/model.yaml', args: [CLI, 'check', SEVEN] },
      { label: `vitals check models/*/model.yaml (${examples.length} models)`, args: [CLI, 'check', ...examples] },
    ],
    15,
  );
  log('vitals check of a model at the size limit…');
  const sizeLimit = sizeLimitModel();
  runs.push(...withTempFile(sizeLimit, (file) => measureProcesses([{ label: `vitals check: a ${Math.round(sizeLimit.length / 1000)} KB model, 240 metrics of 1,990 terms`, args: [CLI, 'check', file], okCodes: [0, 1] }], quick ? 1 : 3)));
  const endToEnd = await endToEndComparison();
  log(`streaming memory: ${SIZES.streaming.map((n) => n.toLocaleString()).join(' and ')} rows…`);
  let streaming: StreamingRun[] = [];
  let skipped: string | null = null;
  try {
    streaming = await measureStreaming(CLI, SEVEN, SIZES.streaming, join(OUT, 'measure/max-rss-reporter.js'));
    const short = streaming.find((s) => s.outputLines < s.rows);
    if (short !== undefined) skipped = `warning: vitals score wrote ${short.outputLines} lines for ${short.rows} rows`;
  } catch (error) {
    skipped = `streaming not measured: ${error instanceof Error ? error.message : String(error)}`;
  }
  return { available: true, runs, streaming, endToEnd, skipped };
}

function endToEndComparison(): Promise<EndToEnd> {
  log(`end to end: vitals score beside a bare loop, ${END_TO_END.rows.toLocaleString()} rows, ${END_TO_END.rounds} rounds…`);
  const reporter = join(OUT, 'measure/max-rss-reporter.js');
  return measureEndToEnd({ cliBin: CLI, bareLoop: join(OUT, 'measure/bare-csv-loop.js'), modelFile: SEVEN, ...END_TO_END, reporter });
}

/** RESULTS.md's section for the end-to-end comparison: a whole run writes it, and so does `--e2e` alone. */
const END_TO_END_SECTION = 'score-end-to-end';

/** `--e2e`: the comparison alone, its section of RESULTS.md replaced (with `--quick`: bench/out/RESULTS-quick.md). */
async function endToEndOnly(): Promise<number> {
  if (!cliAvailable(CLI)) {
    log(`the CLI is not built (${CLI} is missing)`);
    return 1;
  }
  const section = endToEndSection(await endToEndComparison());
  const target = quick ? join(OUT, 'RESULTS-quick.md') : join(ROOT, 'bench/RESULTS.md');
  writeFileSync(target, replaceSection(existsSync(target) ? readFileSync(target, 'utf8') : '', END_TO_END_SECTION, section));
  process.stdout.write(`\n${section}\nwritten to ${target}\n`);
  return 0;
}

function exampleModels(): string[] {
  const dirs = readdirSync(join(ROOT, 'models'), { withFileTypes: true }).filter((d) => d.isDirectory());
  return dirs.map((d) => join(ROOT, 'models', d.name, 'model.yaml')).filter((file) => existsSync(file));
}

function spawnNode(args: readonly string[]): string {
  const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`node ${args.join(' ')}: exit ${run.status}\n${run.stderr}`);
  return run.stdout;
}

function withTempFile<T>(text: string, use: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'vitals-bench-model-'));
  try {
    const file = join(dir, 'model.yaml');
    writeFileSync(file, text);
    return use(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
