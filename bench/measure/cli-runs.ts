import { spawn, spawnSync } from 'node:child_process';
import { closeSync, createReadStream, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { median } from './statistics.js';
import { writeAccountsCsv } from './write-accounts-csv.js';

export interface WallTime {
  readonly label: string;
  readonly medianMs: number;
  /** The fastest run: on a busy machine, the closest to what the command itself costs. */
  readonly minMs: number;
  readonly runs: number;
}

export interface ProcessCommand {
  readonly label: string;
  readonly args: readonly string[];
  /** Exit codes that count as success (`vitals check` exits 1 when a model has errors). */
  readonly okCodes?: readonly number[];
}

/**
 * Wall time of whole processes (Node start included), each command `runs` times, interleaved so
 * a busy moment of the machine falls on all of them; one unmeasured run each warms the
 * file-system cache first. Throws if a command fails.
 */
export function measureProcesses(commands: readonly ProcessCommand[], runs: number): WallTime[] {
  const times = commands.map(() => [] as number[]);
  for (let i = 0; i <= runs; i++) {
    commands.forEach((command, c) => {
      const started = performance.now();
      // stdout is not kept: a report of 100,000 accounts outgrows spawnSync's buffer, and only the time counts here.
      const run = spawnSync(process.execPath, command.args, { stdio: ['ignore', 'ignore', 'pipe'] });
      const elapsed = performance.now() - started;
      if (!(command.okCodes ?? [0]).includes(run.status ?? -1)) throw new Error(`${command.label}: exit ${run.status}\n${run.stderr.toString().slice(0, 500)}`);
      if (i > 0) (times[c] as number[]).push(elapsed);
    });
  }
  return commands.map((command, c) => ({ label: command.label, medianMs: median(times[c] as number[]), minMs: Math.min(...(times[c] as number[])), runs }));
}

export interface StreamingRun {
  readonly rows: number;
  readonly csvBytes: number;
  readonly peakRssBytes: number;
  readonly seconds: number;
  readonly outputLines: number;
}

/**
 * `vitals score MODEL --data FILE --format csv > out.csv` on generated CSVs of each size, in a
 * temporary directory that is removed afterwards. Peak RSS comes from the child itself
 * (`process.resourceUsage().maxRSS`, read at exit by a preloaded module).
 */
export async function measureStreaming(cliBin: string, modelFile: string, sizes: readonly number[], reporter: string): Promise<StreamingRun[]> {
  const dir = mkdtempSync(join(tmpdir(), 'vitals-bench-'));
  try {
    const runs: StreamingRun[] = [];
    for (const rows of sizes) {
      const csv = join(dir, `accounts-${rows}.csv`);
      writeAccountsCsv(csv, rows);
      runs.push(await scoreToFile(cliBin, modelFile, csv, join(dir, 'scores.csv'), join(dir, 'max-rss'), reporter, rows));
      rmSync(csv);
    }
    return runs;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One `vitals score MODEL --data FILE --format csv` (and `extraArgs`) with its output in `out` (removed after, unless `keepOutput`), timed, with the child's peak RSS. */
export async function scoreToFile(cliBin: string, modelFile: string, csv: string, out: string, rssFile: string, reporter: string, rows: number, extraArgs: readonly string[] = [], keepOutput = false): Promise<StreamingRun> {
  const run = await runToFile([cliBin, 'score', modelFile, '--data', csv, '--format', 'csv', '--no-progress', ...extraArgs], out, rssFile, reporter);
  const outputLines = await countLines(out);
  if (!keepOutput) rmSync(out);
  return { rows, csvBytes: statSync(csv).size, peakRssBytes: run.peakRssBytes, seconds: run.seconds, outputLines };
}

export interface ChildRun {
  /** Wall time from spawn to exit, Node's start included. */
  readonly seconds: number;
  /** CPU time the child used (user + system), from its own `process.resourceUsage()`. */
  readonly cpuSeconds: number;
  readonly peakRssBytes: number;
}

/**
 * Runs `node [--import reporter] ...args` with stdout to the file `out`; throws unless it exits 0.
 * The preloaded reporter writes the child's peak RSS and CPU time to `usageFile` as it exits.
 */
export async function runToFile(args: readonly string[], out: string, usageFile: string, reporter: string): Promise<ChildRun> {
  const fd = openSync(out, 'w');
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', pathToFileURL(reporter).href, ...args], { stdio: ['ignore', fd, 'pipe'], env: { ...process.env, BENCH_MAX_RSS_FILE: usageFile } });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const seconds = (performance.now() - started) / 1000;
  closeSync(fd);
  if (code !== 0) throw new Error(`${args.join(' ')} exited ${code}: ${stderr.slice(0, 500)}`);
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRssBytes: number; cpuSeconds: number };
  return { seconds, cpuSeconds: usage.cpuSeconds, peakRssBytes: usage.maxRssBytes };
}

/** Lines in a file (its newline bytes), read in chunks. */
export async function countLines(file: string): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
  return lines;
}

export const cliAvailable = (cliBin: string) => existsSync(cliBin);
