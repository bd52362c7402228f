// npm run bench:backtest — a backtest of 1,000,000 account snapshots with a bootstrap interval,
// timed in-process (the core alone) and end to end (the CLI reading a CSV), each beside a baseline
// in the same run: scoring alone, and a hand-written sort-based AUC. `-- --quick` uses 100,000 rows.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyseBacktest, compile, createBacktest, type HealthModel } from '@vitals/core';
import { SEVEN_METRIC_COLUMNS, sevenMetricAccountSource } from '../data/seven-metric-accounts.js';
import { seededRandom } from '../data/random.js';
import { describeMachine } from '../report/machine.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MODEL = join(ROOT, 'models/saas-seven-metrics/model.yaml');
const CLI = join(ROOT, 'packages/cli/dist/bin.js');
const quick = process.argv.includes('--quick');
const ROWS = quick ? 100_000 : 1_000_000;
const REPLICATES = 2000;
const log = (line: string) => process.stderr.write(`${line}\n`);

/** The seven-metric accounts with a churn outcome that follows the score (plus noise), as CSV rows would bring them. */
function* accountsWithOutcome(model: HealthModel, rows: number): Generator<Record<string, unknown>> {
  const next = sevenMetricAccountSource(7);
  const random = seededRandom(11);
  for (let i = 0; i < rows; i++) {
    const account = next() as Record<string, unknown>;
    const score = model.evaluate(account).score ?? 50;
    const risk = 1 / (1 + Math.exp(-(2 - 0.05 * score)));
    yield { ...account, churned: random.next() < risk ? 'yes' : 'no' };
  }
}

function time<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}

/** The textbook AUC: sort every score, sum the mid-ranks of the churned (Mann–Whitney). */
function sortedRankAuc(scores: Float64Array, labels: Uint8Array): number {
  const order = Array.from(scores.keys()).sort((a, b) => (scores[a] as number) - (scores[b] as number));
  let rankSum = 0;
  let churned = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && scores[order[j] as number] === scores[order[i] as number]) j++;
    const midRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (labels[order[k] as number] === 1) (rankSum += midRank), churned++;
    i = j;
  }
  const retained = order.length - churned;
  // Low score = risk: the AUC is 1 − the usual "churned ranks high" statistic.
  return 1 - (rankSum - (churned * (churned + 1)) / 2) / (churned * retained);
}

function inProcess(model: HealthModel) {
  log(`in-process: ${ROWS.toLocaleString()} rows…`);
  const rows = [...accountsWithOutcome(model, ROWS)];
  const scoreOnly = time(() => {
    const scorer = model.scorer();
    let n = 0;
    for (const row of rows) n += scorer.score(row).score === null ? 0 : 1;
    return n;
  });
  const collect = time(() => {
    const scorer = model.scorer();
    const collector = createBacktest({ plans: [model.plan], outcomeField: 'churned' });
    for (let i = 0; i < rows.length; i++) collector.add([scorer.score(rows[i] as Record<string, unknown>)], (rows[i] as Record<string, unknown>).churned, { row: i + 1, line: i + 2 });
    const finished = collector.finish();
    if (!('value' in finished)) throw new Error('refused');
    return finished.value;
  });
  const delong = time(() => analyseBacktest(collect.value, { method: 'delong' }));
  const bootstrap = time(() => analyseBacktest(collect.value, { method: 'bootstrap', replicates: REPLICATES, seed: 1 }));
  const baseline = time(() => sortedRankAuc(collect.value.models[0]?.scores as Float64Array, collect.value.labels));
  const report = 'value' in bootstrap.value ? bootstrap.value.value : undefined;
  const auc = report?.models[0]?.auc;
  if (auc === undefined || Math.abs(auc.auc - baseline.value) > 1e-9) throw new Error(`the AUCs disagree: ${auc?.auc} vs ${baseline.value}`);
  return { scoreOnly: scoreOnly.ms, collect: collect.ms, delong: delong.ms, bootstrap: bootstrap.ms, baseline: baseline.ms, auc, observations: collect.value.counts.observations };
}

function writeCsv(model: HealthModel, file: string): void {
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, `${[...SEVEN_METRIC_COLUMNS, 'churned'].join(',')}\n`);
    let lines: string[] = [];
    for (const row of accountsWithOutcome(model, ROWS)) {
      lines.push([...SEVEN_METRIC_COLUMNS, 'churned'].map((c) => row[c] ?? '').join(','));
      if (lines.length === 20_000) (writeSync(fd, `${lines.join('\n')}\n`), (lines = []));
    }
    if (lines.length > 0) writeSync(fd, `${lines.join('\n')}\n`);
  } finally {
    closeSync(fd);
  }
}

/** Wall time and peak memory of one CLI run, from /usr/bin/time (Node's start included). */
function cliRun(args: readonly string[]): { ms: number; maxRssMb: number } {
  const start = performance.now();
  // stdout (a million scored rows) goes nowhere: the time is the run's, not a pipe's.
  const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, CLI, ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: 'true', NO_COLOR: '1' } });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`vitals ${args.join(' ')} failed: ${run.stderr}`);
  const lines = run.stderr.trim().split('\n');
  return { ms, maxRssMb: Number(lines[lines.length - 1]) / 1024 };
}

function endToEnd(model: HealthModel) {
  const dir = mkdtempSync(join(tmpdir(), 'vitals-bench-backtest-'));
  const csv = join(dir, 'accounts.csv');
  try {
    log(`end to end: writing ${ROWS.toLocaleString()} rows…`);
    writeCsv(model, csv);
    log('end to end: vitals score, vitals backtest (DeLong), vitals backtest --ci bootstrap…');
    const score = cliRun(['score', MODEL, '--data', csv, '--format', 'csv', '--max-issues', '1']);
    const delong = cliRun(['backtest', MODEL, '--data', csv, '--outcome', 'churned', '--max-issues', '1', '--format', 'json']);
    const bootstrap = cliRun(['backtest', MODEL, '--data', csv, '--outcome', 'churned', '--ci', 'bootstrap', '--replicates', String(REPLICATES), '--max-issues', '1', '--format', 'json']);
    return { score, delong, bootstrap };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const model = compile(readFileSync(MODEL, 'utf8'), { file: MODEL });
const machine = describeMachine();
const inside = inProcess(model);
log(`in-process: scoring ${inside.scoreOnly.toFixed(0)} ms, collecting ${inside.collect.toFixed(0)} ms, DeLong ${inside.delong.toFixed(0)} ms, bootstrap ${inside.bootstrap.toFixed(0)} ms, sort-based AUC ${inside.baseline.toFixed(0)} ms`);
const outside = endToEnd(model);
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const markdown = `# Backtest bench${quick ? ' (quick)' : ''}

${machine.cpu}, ${machine.cores} cores, Node ${machine.node}. \`models/saas-seven-metrics\` on ${ROWS.toLocaleString('en-US')} generated accounts with a churn outcome that follows the score (AUC ${inside.auc.auc.toFixed(3)}, ${inside.observations.toLocaleString('en-US')} observations). Bootstrap: ${REPLICATES.toLocaleString('en-US')} resamples.

| in-process (the core, rows already in memory) | time | against |
| --- | ---: | --- |
| scoring alone (compiled evaluator) | ${s(inside.scoreOnly)} | baseline |
| scoring + collecting the backtest | ${s(inside.collect)} | ${(inside.collect / inside.scoreOnly).toFixed(2)}× scoring alone |
| the statistics, DeLong interval | ${s(inside.delong)} | |
| the statistics, bootstrap interval (2,000 resamples) | ${s(inside.bootstrap)} | AUC ${inside.auc.auc.toFixed(4)} (${inside.auc.low.toFixed(4)}–${inside.auc.high.toFixed(4)}) |
| hand-written baseline: one AUC by sorting every score (mid-ranks) | ${s(inside.baseline)} | same AUC to 1e-9 |

| end to end (\`vitals\` from the command line, Node's start included) | wall time | peak memory |
| --- | ---: | ---: |
| \`vitals score --format csv\` (baseline) | ${s(outside.score.ms)} | ${outside.score.maxRssMb.toFixed(0)} MB |
| \`vitals backtest\` (DeLong) | ${s(outside.delong.ms)} (${(outside.delong.ms / outside.score.ms).toFixed(2)}× score) | ${outside.delong.maxRssMb.toFixed(0)} MB |
| \`vitals backtest --ci bootstrap\` | ${s(outside.bootstrap.ms)} (${(outside.bootstrap.ms / outside.score.ms).toFixed(2)}× score) | ${outside.bootstrap.maxRssMb.toFixed(0)} MB |
`;
process.stdout.write(markdown);
if (!quick) writeFileSync(join(ROOT, 'bench/BACKTEST.md'), markdown);
