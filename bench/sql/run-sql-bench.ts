// npm run bench:sql — the model's SQL in embedded DuckDB against the JavaScript engine, end to end
// (`vitals score … --format csv` from the command line, Node's start included), on the same
// generated snapshots of models/lifecycle-b2b: 10,000,000 rows as Parquet (DuckDB) beside the same
// rows as CSV (both engines), rows per second and peak memory; and CSV files of growing size with
// both engines, to place `--engine auto`'s threshold. `-- --quick` runs 1/20 of the sizes.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { scoreToFile } from '../measure/cli-runs.js';
import { describeMachine } from '../report/machine.js';
import { snapshotsQuery } from './snapshots-sql.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MODEL = join(ROOT, 'models/lifecycle-b2b/model.yaml');
const CLI = join(ROOT, 'packages/cli/dist/bin.js');
const REPORTER = fileURLToPath(new URL('../measure/max-rss-reporter.js', import.meta.url));
const quick = process.argv.includes('--quick');
const scale = (rows: number) => (quick ? rows / 20 : rows);
const BIG = scale(10_000_000);
const FLAT = scale(1_000_000);
const CROSSOVER = [scale(50_000), scale(200_000), scale(1_000_000)];
const log = (line: string) => process.stderr.write(`${line}\n`);

interface Run {
  readonly label: string;
  readonly engine: 'duckdb' | 'js';
  readonly format: 'parquet' | 'csv';
  readonly rows: number;
  readonly fileBytes: number;
  readonly seconds: number;
  readonly peakRssBytes: number;
}

/** Writes `rows` generated snapshots as Parquet and CSV files in `dir` (DuckDB generates them: seconds, not minutes). */
async function writeSnapshots(dir: string, rows: number): Promise<{ parquet: string; csv: string }> {
  const [parquet, csv] = [join(dir, `snapshots-${rows}.parquet`), join(dir, `snapshots-${rows}.csv`)];
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`CREATE TABLE snapshots AS ${snapshotsQuery(rows)}`);
    await connection.run(`COPY snapshots TO '${parquet}' (FORMAT parquet)`);
    await connection.run(`COPY snapshots TO '${csv}' (FORMAT csv, HEADER)`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return { parquet, csv };
}

/** One `vitals score` run, its output to a file; wall time and the child's peak RSS (DuckDB's memory included: it runs in the process). */
async function score(dir: string, label: string, engine: Run['engine'], file: string, rows: number): Promise<Run> {
  const measured = await scoreToFile(CLI, MODEL, file, join(dir, 'scores.csv'), join(dir, 'max-rss'), REPORTER, rows, ['--engine', engine], true);
  if (measured.outputLines !== rows + 1) throw new Error(`${label}: ${measured.outputLines} output lines for ${rows} rows`);
  const run: Run = { label, engine, format: file.endsWith('.parquet') ? 'parquet' : 'csv', rows, fileBytes: measured.csvBytes, seconds: measured.seconds, peakRssBytes: measured.peakRssBytes };
  log(`  ${label}: ${rows.toLocaleString()} rows in ${run.seconds.toFixed(1)} s (${Math.round(rows / run.seconds).toLocaleString()} rows/s), peak ${mb(run.peakRssBytes)}`);
  return run;
}

/** The same rows must score the same in both engines: the two CSV outputs are compared byte for byte. */
async function sameOutput(dir: string, csv: string): Promise<boolean> {
  const outputs: string[] = [];
  for (const engine of ['js', 'duckdb'] as const) {
    await score(dir, `check ${engine}`, engine, csv, FLAT / 10);
    outputs.push(readFileSync(join(dir, 'scores.csv'), 'utf8'));
  }
  return outputs[0] === outputs[1];
}

const mb = (bytes: number) => `${Math.round(bytes / 1e6).toLocaleString('en-US')} MB`;
const perSecond = (run: Run) => Math.round(run.rows / run.seconds);

async function main(): Promise<number> {
  const machine = describeMachine();
  const load = loadavg()[0] as number;
  log(`vitals SQL bench${quick ? ' (quick)' : ''}: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load ${load.toFixed(1)}`);
  const dir = mkdtempSync(join(tmpdir(), 'vitals-sql-bench-'));
  try {
    log('agreement: both engines on the same CSV…');
    const check = await writeSnapshots(dir, FLAT / 10);
    if (!(await sameOutput(dir, check.csv))) throw new Error('the engines disagree: the bench measures nothing');
    const runs: Run[] = [];
    log('crossover: both engines on CSV files of growing size…');
    for (const rows of CROSSOVER) {
      const files = await writeSnapshots(dir, rows);
      runs.push(await score(dir, 'JavaScript, CSV', 'js', files.csv, rows), await score(dir, 'DuckDB, CSV', 'duckdb', files.csv, rows));
      rmSync(files.parquet);
      if (rows !== FLAT) rmSync(files.csv);
    }
    log('flat memory: DuckDB over Parquet…');
    const flat = await writeSnapshots(dir, FLAT);
    runs.push(await score(dir, 'DuckDB, Parquet', 'duckdb', flat.parquet, FLAT));
    rmSync(flat.parquet);
    rmSync(flat.csv);
    log(`${BIG.toLocaleString()} rows…`);
    const big = await writeSnapshots(dir, BIG);
    runs.push(await score(dir, 'DuckDB, Parquet', 'duckdb', big.parquet, BIG), await score(dir, 'DuckDB, CSV', 'duckdb', big.csv, BIG), await score(dir, 'JavaScript, CSV', 'js', big.csv, BIG));
    const report = markdown(machine, load, loadavg()[0] as number, runs);
    writeFileSync(fileURLToPath(new URL('../../SQL.md', import.meta.url)), report);
    process.stdout.write(report);
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function markdown(machine: ReturnType<typeof describeMachine>, loadBefore: number, loadAfter: number, runs: readonly Run[]): string {
  const at = (rows: number, label: string) => runs.find((r) => r.rows === rows && r.label === label) as Run;
  const js = at(BIG, 'JavaScript, CSV');
  const row = (run: Run) => `| ${run.label} | ${run.rows.toLocaleString('en-US')} | ${mb(run.fileBytes)} | ${run.seconds.toFixed(1)} s | **${perSecond(run).toLocaleString('en-US')}** | ${(perSecond(run) / perSecond(at(run.rows, 'JavaScript, CSV') ?? js)).toFixed(2)}× | ${mb(run.peakRssBytes)} |`;
  const crossover = CROSSOVER.map((rows) => {
    const [j, d] = [at(rows, 'JavaScript, CSV'), at(rows, 'DuckDB, CSV')];
    return `| ${rows.toLocaleString('en-US')} | ${mb(j.fileBytes)} | ${j.seconds.toFixed(2)} s | ${d.seconds.toFixed(2)} s | ${(j.seconds / d.seconds).toFixed(2)}× |`;
  });
  const flat = at(FLAT, 'DuckDB, Parquet');
  const big = at(BIG, 'DuckDB, Parquet');
  return [
    '# SQL bench',
    '',
    `Written by \`npm run bench:sql\` (bench/sql/run-sql-bench.ts); how it works: [docs/bench.md](../docs/bench.md#sql-engines).`,
    '',
    `${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; load average ${loadBefore.toFixed(1)} at the start, ${loadAfter.toFixed(1)} at the end${quick ? '; **quick run** (1/20 of the sizes)' : ''}.`,
    'Every figure is end to end: `vitals score models/lifecycle-b2b/model.yaml --data FILE --engine E --format csv > file`, Node\'s start, reading, scoring (history, hysteresis and cooldowns included) and writing included; one run each.',
    'Peak memory is the process\'s peak resident set (DuckDB runs inside it). Both engines first scored the same CSV file to the same bytes.',
    '',
    '| engine, input | rows | file | wall time | rows/s | vs JavaScript on CSV | peak memory |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...runs.filter((r) => r.rows === BIG).map(row),
    '',
    `Memory: DuckDB over Parquet peaks at ${mb(flat.peakRssBytes)} for ${flat.rows.toLocaleString('en-US')} rows and ${mb(big.peakRssBytes)} for ${big.rows.toLocaleString('en-US')} (${(big.peakRssBytes / flat.peakRssBytes).toFixed(2)}×).`,
    '',
    '## Where DuckDB overtakes the JavaScript engine on CSV (`--engine auto`)',
    '',
    '| rows | CSV file | JavaScript | DuckDB | DuckDB faster by |',
    '| ---: | ---: | ---: | ---: | ---: |',
    ...crossover,
    '',
  ].join('\n');
}

process.exitCode = await main();
