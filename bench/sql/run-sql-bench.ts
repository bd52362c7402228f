// npm run bench:sql — the model's SQL in embedded DuckDB against the JavaScript engine on the same
// generated snapshots, for a model with history, hysteresis and cooldowns (models/lifecycle-b2b) and
// one without history (models/saas-seven-metrics): 10,000,000 rows as Parquet (DuckDB) beside the
// same rows as CSV (JavaScript), end to end from the command line and in-process (the query alone,
// and the query with its rows read back into JavaScript); 1,000,000 rows for memory; CSV files of
// growing size with both engines, to place `--engine auto`'s threshold.
// Options: `-- --quick` (1/20 of the sizes), `-- --rows N` (the big size), `-- --model NAME` (one model).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { scoreToFile } from '../measure/cli-runs.js';
import { describeMachine } from '../report/machine.js';
import { saasSnapshotsQuery } from './saas-snapshots-sql.js';
import { snapshotsQuery } from './snapshots-sql.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = join(ROOT, 'packages/cli/dist/bin.js');
const REPORTER = fileURLToPath(new URL('../measure/max-rss-reporter.js', import.meta.url));
const IN_PROCESS = fileURLToPath(new URL('./in-process.js', import.meta.url));
const argument = (name: string) => {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
};
const quick = process.argv.includes('--quick');
const scale = (rows: number) => (quick ? rows / 20 : rows);
const BIG = Number(argument('--rows') ?? scale(10_000_000));
const FLAT = Math.min(scale(1_000_000), BIG / 10);
const CROSSOVER = [scale(20_000), scale(200_000), scale(1_000_000)];
const log = (line: string) => process.stderr.write(`${line}\n`);

interface BenchModel {
  readonly name: string;
  readonly what: string;
  readonly query: (rows: number) => string;
}

const MODELS: readonly BenchModel[] = [
  { name: 'lifecycle-b2b', what: 'history (prev, delta, pct_change), hysteresis, an override now and then, a stale pulse with a cooldown', query: snapshotsQuery },
  { name: 'saas-seven-metrics', what: 'no history: one snapshot per account', query: saasSnapshotsQuery },
].filter((m) => argument('--model') === undefined || m.name === argument('--model'));

interface Run {
  readonly model: string;
  readonly label: string;
  readonly where: 'end to end' | 'in-process';
  readonly rows: number;
  readonly seconds: number;
  readonly peakRssBytes: number;
}

/** Writes `rows` generated snapshots as Parquet and CSV files in `dir` (DuckDB generates them: seconds, not minutes). */
async function writeSnapshots(dir: string, model: BenchModel, rows: number): Promise<{ parquet: string; csv: string }> {
  const [parquet, csv] = [join(dir, `${model.name}-${rows}.parquet`), join(dir, `${model.name}-${rows}.csv`)];
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`COPY (${model.query(rows)}) TO '${parquet}' (FORMAT parquet)`);
    await connection.run(`COPY (SELECT * FROM '${parquet}') TO '${csv}' (FORMAT csv, HEADER)`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return { parquet, csv };
}

const modelFile = (model: BenchModel) => join(ROOT, 'models', model.name, 'model.yaml');

/** One `vitals score` run, its output to a file; wall time and the child's peak RSS (DuckDB's memory included: it runs in the process). */
async function score(dir: string, model: BenchModel, label: string, engine: 'duckdb' | 'js', file: string, rows: number, columns: readonly string[]): Promise<Run> {
  const args = ['--engine', engine, ...(columns.length === 0 ? [] : ['--columns', columns.join(',')])];
  const measured = await scoreToFile(CLI, modelFile(model), file, join(dir, 'scores.csv'), join(dir, 'max-rss'), REPORTER, rows, args, true);
  if (measured.outputLines !== rows + 1) throw new Error(`${label}: ${measured.outputLines} output lines for ${rows} rows`);
  return report({ model: model.name, label, where: 'end to end', rows, seconds: measured.seconds, peakRssBytes: measured.peakRssBytes });
}

/** The DuckDB engine in a child process of its own (bench/sql/in-process.ts): no CLI, no writing. */
function inProcess(model: BenchModel, label: string, parquet: string, rows: number, queryOnly: boolean): Run {
  const child = spawnSync(process.execPath, [IN_PROCESS, modelFile(model), parquet, ...(queryOnly ? ['--query-only'] : [])], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`${label}: ${child.stderr.slice(0, 500)}`);
  const measured = JSON.parse(child.stdout) as { rows: number; seconds: number; peakRssBytes: number };
  if (measured.rows !== rows) throw new Error(`${label}: ${measured.rows} rows scored of ${rows}`);
  return report({ model: model.name, label, where: 'in-process', rows, seconds: measured.seconds, peakRssBytes: measured.peakRssBytes });
}

function report(run: Run): Run {
  log(`  ${run.model}, ${run.label} (${run.where}): ${run.rows.toLocaleString()} rows in ${run.seconds.toFixed(1)} s (${perSecond(run).toLocaleString()} rows/s), peak ${mb(run.peakRssBytes)}, load ${(loadavg()[0] as number).toFixed(1)}`);
  return run;
}

/**
 * The same rows must score the same in both engines: the two CSV outputs are compared byte for
 * byte, with the columns DuckDB writes (it computes no change, pulse, override, owner or value
 * columns). Every timed run then writes those columns, whichever the engine.
 */
async function sameOutput(dir: string, model: BenchModel, csv: string, rows: number): Promise<string[]> {
  await score(dir, model, 'check duckdb', 'duckdb', csv, rows, []);
  const duckdb = readFileSync(join(dir, 'scores.csv'), 'utf8');
  const columns = (duckdb.slice(0, duckdb.indexOf('\n')) as string).split(',');
  await score(dir, model, 'check js', 'js', csv, rows, columns);
  if (readFileSync(join(dir, 'scores.csv'), 'utf8') !== duckdb) throw new Error(`${model.name}: the engines disagree: the bench measures nothing`);
  return columns;
}

const mb = (bytes: number) => `${Math.round(bytes / 1e6).toLocaleString('en-US')} MB`;
const perSecond = (run: Run) => Math.round(run.rows / run.seconds);

async function benchModel(dir: string, model: BenchModel): Promise<Run[]> {
  log(`${model.name}: agreement of both engines on the same CSV…`);
  const check = await writeSnapshots(dir, model, CROSSOVER[0] as number);
  const columns = await sameOutput(dir, model, check.csv, CROSSOVER[0] as number);
  const runs: Run[] = [];
  log(`${model.name}: crossover, both engines on CSV files of growing size…`);
  for (const rows of CROSSOVER.filter((n) => n < BIG)) {
    const files = await writeSnapshots(dir, model, rows);
    runs.push(await score(dir, model, 'JavaScript, CSV', 'js', files.csv, rows, columns), await score(dir, model, 'DuckDB, CSV', 'duckdb', files.csv, rows, columns));
    rmSync(files.parquet);
    rmSync(files.csv);
  }
  log(`${model.name}: memory, DuckDB over Parquet at ${FLAT.toLocaleString()} rows…`);
  const flat = await writeSnapshots(dir, model, FLAT);
  runs.push(await score(dir, model, 'DuckDB, Parquet', 'duckdb', flat.parquet, FLAT, columns));
  rmSync(flat.parquet);
  rmSync(flat.csv);
  log(`${model.name}: ${BIG.toLocaleString()} rows…`);
  const big = await writeSnapshots(dir, model, BIG);
  runs.push(
    inProcess(model, 'DuckDB, Parquet, the query alone', big.parquet, BIG, true),
    inProcess(model, 'DuckDB, Parquet, rows read into JavaScript', big.parquet, BIG, false),
    await score(dir, model, 'DuckDB, Parquet', 'duckdb', big.parquet, BIG, columns),
    await score(dir, model, 'JavaScript, CSV', 'js', big.csv, BIG, columns),
  );
  rmSync(big.parquet);
  rmSync(big.csv);
  return runs;
}

async function main(): Promise<number> {
  const machine = describeMachine();
  const load = loadavg()[0] as number;
  const started = new Date();
  log(`vitals SQL bench${quick ? ' (quick)' : ''}: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load ${load.toFixed(1)}`);
  const dir = mkdtempSync(join(tmpdir(), 'vitals-sql-bench-'));
  try {
    const runs: Run[] = [];
    for (const model of MODELS) runs.push(...(await benchModel(dir, model)));
    const report = markdown(machine, started, load, loadavg()[0] as number, runs);
    writeFileSync(fileURLToPath(new URL('../../SQL.md', import.meta.url)), report);
    process.stdout.write(report);
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function markdown(machine: ReturnType<typeof describeMachine>, started: Date, loadBefore: number, loadAfter: number, runs: readonly Run[]): string {
  const sections = MODELS.map((model) => {
    const mine = runs.filter((r) => r.model === model.name);
    const at = (rows: number, label: string) => mine.find((r) => r.rows === rows && r.label === label);
    const js = at(BIG, 'JavaScript, CSV') as Run;
    const big = mine.filter((r) => r.rows === BIG);
    const crossover = CROSSOVER.filter((n) => n < BIG).map((rows) => {
      const [j, d] = [at(rows, 'JavaScript, CSV') as Run, at(rows, 'DuckDB, CSV') as Run];
      return `| ${rows.toLocaleString('en-US')} | ${j.seconds.toFixed(1)} s | ${d.seconds.toFixed(1)} s | ${(j.seconds / d.seconds).toFixed(2)}× |`;
    });
    const flat = at(FLAT, 'DuckDB, Parquet') as Run;
    const bigDuck = at(BIG, 'DuckDB, Parquet') as Run;
    return [
      `## ${model.name} (${model.what})`,
      '',
      '| engine, input | measured | rows | wall time | rows/s | vs JavaScript end to end | peak memory |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
      ...big.map((r) => `| ${r.label} | ${r.where} | ${r.rows.toLocaleString('en-US')} | ${r.seconds.toFixed(1)} s | **${perSecond(r).toLocaleString('en-US')}** | ${(perSecond(r) / perSecond(js)).toFixed(2)}× | ${mb(r.peakRssBytes)} |`),
      '',
      `Memory, DuckDB over Parquet end to end: ${mb(flat.peakRssBytes)} at ${FLAT.toLocaleString('en-US')} rows, ${mb(bigDuck.peakRssBytes)} at ${BIG.toLocaleString('en-US')} (${(bigDuck.peakRssBytes / flat.peakRssBytes).toFixed(2)}× for ${(BIG / FLAT).toFixed(0)}× the rows).`,
      '',
      'Both engines on the same CSV file, end to end (`--engine auto`\'s threshold):',
      '',
      '| rows | JavaScript | DuckDB | DuckDB faster by |',
      '| ---: | ---: | ---: | ---: |',
      ...crossover,
      '',
    ].join('\n');
  });
  return [
    '# SQL bench',
    '',
    'Written by `npm run bench:sql` (bench/sql/run-sql-bench.ts); how it works: [docs/bench.md](../docs/bench.md#sql-engines).',
    '',
    `\`npm run bench:sql${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\` (${BIG.toLocaleString('en-US')} rows).`,
    '',
    `${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC; load average ${loadBefore.toFixed(1)} at the start, ${loadAfter.toFixed(1)} at the end (a shared machine: absolute times are inflated by the load; read the ratios)${quick ? '; **quick run** (1/20 of the sizes)' : ''}.`,
    '',
    '- *End to end*: `vitals score MODEL --data FILE --engine E --format csv --columns … > file` from the command line (both engines write the columns DuckDB computes) — Node\'s start, reading, scoring, writing; peak memory is the process\'s (DuckDB runs inside it).',
    '- *In-process, rows read into JavaScript*: the DuckDB engine (`scoreBatchesWithDuckDb`) in a process of its own, every row read back as an engine row, a batch per chunk, nothing written.',
    '- *In-process, the query alone*: the engine\'s query over the Parquet file, every output column hashed into one aggregate inside DuckDB — what the SQL costs, without handing rows to JavaScript.',
    '',
    'Both engines first scored the same CSV file to the same bytes. One run each.',
    '',
    ...sections,
  ].join('\n');
}

process.exitCode = await main();
