import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { countLines, runToFile, type ChildRun } from './cli-runs.js';
import { median } from './statistics.js';
import { writeAccountsCsv } from './write-accounts-csv.js';

/** One command of the end-to-end comparison, over all rounds. */
export interface EndToEndCommand {
  readonly label: string;
  readonly medianSeconds: number;
  readonly fastestSeconds: number;
  readonly medianCpuSeconds: number;
  readonly peakRssBytes: number;
  readonly outputLines: number;
  /** Median over the rounds of this command's wall time ÷ the bare loop's in the same round (1 for the loop). */
  readonly wallRatio: number;
  /** Likewise for CPU time. */
  readonly cpuRatio: number;
}

export interface EndToEnd {
  readonly rows: number;
  readonly csvBytes: number;
  readonly rounds: number;
  readonly commands: readonly EndToEndCommand[];
  /** One-minute load average before and after: the machine is shared, the ratios are the figures to read. */
  readonly load: readonly [number, number];
}

interface Command {
  readonly label: string;
  readonly args: (csv: string) => readonly string[];
}

/**
 * `vitals score` from the command line, CSV in and out, beside the baseline the issue set: a bare
 * Node loop (bench/measure/bare-csv-loop.ts) that splits lines, parses numbers and writes a line
 * per row, over the same generated file. Whole processes, Node's start included, stdout to a file;
 * rounds interleave the commands (each round starting from the next) so a busy moment of a shared
 * machine falls on all of them, and each ratio is taken within one round.
 */
export async function measureEndToEnd(options: { cliBin: string; bareLoop: string; modelFile: string; rows: number; rounds: number; reporter: string }): Promise<EndToEnd> {
  const { cliBin, bareLoop, modelFile, rows, rounds, reporter } = options;
  const commands: Command[] = [
    { label: 'bare Node loop (split, parse numbers, write a line)', args: (csv) => [bareLoop, csv] },
    { label: 'vitals score --format csv', args: (csv) => [cliBin, 'score', modelFile, '--data', csv, '--format', 'csv', '--no-progress'] },
    { label: 'vitals score --format ndjson', args: (csv) => [cliBin, 'score', modelFile, '--data', csv, '--format', 'ndjson', '--no-progress'] },
  ];
  const loadBefore = loadavg()[0] ?? 0;
  const dir = mkdtempSync(join(tmpdir(), 'vitals-bench-e2e-'));
  try {
    const csv = join(dir, 'accounts.csv');
    writeAccountsCsv(csv, rows);
    const runs = commands.map(() => [] as ChildRun[]);
    const lines = commands.map(() => 0);
    for (let round = 0; round < rounds; round++) {
      for (let k = 0; k < commands.length; k++) {
        const c = (round + k) % commands.length;
        const out = join(dir, 'out');
        (runs[c] as ChildRun[]).push(await runToFile((commands[c] as Command).args(csv), out, join(dir, 'usage'), reporter));
        if (round === 0) lines[c] = await countLines(out);
        rmSync(out);
      }
    }
    const base = runs[0] as ChildRun[];
    return {
      rows,
      csvBytes: statSync(csv).size,
      rounds,
      load: [loadBefore, loadavg()[0] ?? 0],
      commands: commands.map((command, c) => {
        const own = runs[c] as ChildRun[];
        return {
          label: command.label,
          medianSeconds: median(own.map((r) => r.seconds)),
          fastestSeconds: Math.min(...own.map((r) => r.seconds)),
          medianCpuSeconds: median(own.map((r) => r.cpuSeconds)),
          peakRssBytes: Math.max(...own.map((r) => r.peakRssBytes)),
          outputLines: lines[c] as number,
          wallRatio: median(own.map((r, i) => r.seconds / (base[i] as ChildRun).seconds)),
          cpuRatio: median(own.map((r, i) => r.cpuSeconds / (base[i] as ChildRun).cpuSeconds)),
        };
      }),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
