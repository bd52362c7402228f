import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyseImpact, createVariantRun, editedModel, type HealthModel, type ModelEdit, type ScoreResult } from '@vitals/core';
import { sevenMetricAccounts, type SevenMetricAccount } from '../data/seven-metric-accounts.js';
import { cliAvailable, measureProcesses, type WallTime } from '../measure/cli-runs.js';
import { median, relativeSpread } from '../measure/statistics.js';
import { writeAccountsCsv } from '../measure/write-accounts-csv.js';
import { handWrittenScorer } from '../scorers/hand-written-scorer.js';

/** `vitals diff` and `vitals simulate --sweep` on the seven-metric model: in one process, and end to end. */
export interface ImpactBench {
  readonly accounts: number;
  /** HEAD: the seven-metric model with these edits. */
  readonly change: readonly string[];
  readonly sweep: { readonly path: string; readonly values: number };
  /** In-process timings, median over the rounds, on the same in-memory accounts. */
  readonly inProcess: readonly ImpactTiming[];
  /** End to end from the command line on a CSV of the same number of rows (Node start, reading and parsing included). */
  readonly cli: readonly WallTime[];
  readonly cliSkipped: string | null;
}

export interface ImpactTiming {
  readonly name: string;
  readonly ms: number;
  readonly spread: number;
  /** Which timing this one is a multiple of, and the ratio. */
  readonly baseline: string | null;
  readonly ratio: number | null;
}

const CHANGE: readonly ModelEdit[] = [
  { path: 'categories.product.weight', value: 60 },
  { path: 'bands.red', value: 45 },
  { path: 'metrics.seat_utilisation.weight', value: 3 },
];
const SWEEP_PATH = 'categories.product.weight';
const SWEEP_VALUES = Array.from({ length: 20 }, (_, i) => 5 * (i + 1));

export const IMPACT_ANALYSIS = 'vitals impact analysis (analyseImpact): both models, the full impact';
const TWO_HAND_WRITTEN = 'hand-written scorer, two passes, transition count by hand';
const TWO_COMPILED = 'vitals compiled evaluator, two passes, transition count by hand';
export const SWEEP_RUN = 'vitals sweep (createVariantRun): 20 variants and the model, one pass';
const SWEEP_PASSES = 'vitals compiled evaluator, 21 separate passes, band counts by hand';

/**
 * The impact analysis against the least any comparison of two models must do — score every
 * account twice and count the band pairs — written by hand twice: with the hand-written scorer
 * (the floor: a team hand-coding both models) and with vitals' own compiled evaluator (what the
 * analysis adds on top of scoring). The sweep against 21 separate scoring passes.
 */
export async function measureImpact(options: { seven: string; text: string; accounts: number; rounds: number; cli: string | null; cliRuns: number; log: (line: string) => void }): Promise<ImpactBench> {
  const base = compiled(options.text, []);
  const head = compiled(options.text, CHANGE);
  const variants = SWEEP_VALUES.map((value) => compiled(options.text, [{ path: SWEEP_PATH, value }]));
  const accounts = sevenMetricAccounts(options.accounts);
  const hand = handWrittenScorer(base.plan.hash);
  const contenders: { name: string; run: () => number; baseline: string | null }[] = [
    { name: IMPACT_ANALYSIS, run: () => analyseImpact(base, head, accounts).data.band_changes.changed, baseline: TWO_HAND_WRITTEN },
    { name: TWO_HAND_WRITTEN, run: () => transitions(accounts, hand, hand, base), baseline: null },
    { name: TWO_COMPILED, run: () => transitions(accounts, (a) => base.evaluator.step(a, undefined).result, (a) => head.evaluator.step(a, undefined).result, base), baseline: null },
    { name: SWEEP_RUN, run: () => sweep(base, variants, accounts), baseline: SWEEP_PASSES },
    { name: SWEEP_PASSES, run: () => separatePasses([base, ...variants], accounts), baseline: null },
  ];
  options.log(`impact: ${options.accounts.toLocaleString()} accounts, ${options.rounds} rounds…`);
  for (const c of contenders) c.run(); // warm-up
  const times = contenders.map(() => [] as number[]);
  for (let round = 0; round < options.rounds; round++) {
    contenders.forEach((_, k) => {
      const i = (k + round) % contenders.length;
      (globalThis as { gc?: () => void }).gc?.();
      const started = performance.now();
      (contenders[i] as (typeof contenders)[number]).run();
      (times[i] as number[]).push(performance.now() - started);
    });
  }
  const medians = new Map(contenders.map((c, i) => [c.name, median(times[i] as number[])]));
  const inProcess = contenders.map((c, i) => {
    const ms = medians.get(c.name) as number;
    const against = c.baseline === null ? undefined : medians.get(c.baseline);
    return { name: c.name, ms, spread: relativeSpread(times[i] as number[]), baseline: c.baseline, ratio: against === undefined ? null : ms / against };
  });
  const analysis = medians.get(IMPACT_ANALYSIS) as number;
  const twoCompiled = medians.get(TWO_COMPILED) as number;
  inProcess.push({ name: `${IMPACT_ANALYSIS} (against the compiled evaluator's two passes)`, ms: analysis, spread: 0, baseline: TWO_COMPILED, ratio: analysis / twoCompiled });
  const cli = options.cli === null || !cliAvailable(options.cli) ? null : endToEnd(options.cli, options.seven, options.text, options.accounts, options.cliRuns, options.log);
  return {
    accounts: options.accounts,
    change: CHANGE.map((e) => `${e.path}=${String(e.value)}`),
    sweep: { path: `${SWEEP_PATH}=5:100:5`, values: SWEEP_VALUES.length },
    inProcess,
    cli: cli ?? [],
    cliSkipped: cli === null ? 'not measured: the CLI is not built' : null,
  };
}

function compiled(text: string, edits: readonly ModelEdit[]): HealthModel {
  const edited = editedModel(text, edits);
  if (edited.model === undefined) throw new Error(`bench model does not compile: ${edited.diagnostics.map((d) => d.message).join('; ')}`);
  return edited.model;
}

/** The least a comparison does: both scores of every account, and a count per (band before, band after). */
function transitions(accounts: readonly SevenMetricAccount[], before: (a: SevenMetricAccount) => ScoreResult, after: (a: SevenMetricAccount) => ScoreResult, model: HealthModel): number {
  const bands = model.plan.bands.names;
  const counts = new Int32Array((bands.length + 1) * (bands.length + 1));
  for (let i = 0; i < accounts.length; i++) {
    const account = accounts[i] as SevenMetricAccount;
    const b = before(account).band;
    const h = after(account).band;
    const cell = (b === null ? bands.length : bands.indexOf(b)) * (bands.length + 1) + (h === null ? bands.length : bands.indexOf(h));
    counts[cell] = (counts[cell] as number) + 1;
  }
  return counts[0] as number;
}

function sweep(base: HealthModel, variants: readonly HealthModel[], accounts: readonly SevenMetricAccount[]): number {
  const run = createVariantRun(base, variants.map((model, i) => ({ label: String(i), model })));
  for (let i = 0; i < accounts.length; i++) run.add(accounts[i] as SevenMetricAccount);
  return run.result().variants.length;
}

function separatePasses(models: readonly HealthModel[], accounts: readonly SevenMetricAccount[]): number {
  let banded = 0;
  for (const model of models) {
    for (let i = 0; i < accounts.length; i++) if (model.evaluator.step(accounts[i] as SevenMetricAccount, undefined).result.band !== null) banded++;
  }
  return banded;
}

/** Wall time of `vitals report` (one model), `vitals diff` and `vitals simulate --sweep` on the same CSV. */
function endToEnd(cli: string, seven: string, text: string, rows: number, runs: number, log: (line: string) => void): WallTime[] {
  const dir = mkdtempSync(join(tmpdir(), 'vitals-bench-impact-'));
  try {
    const csv = join(dir, 'accounts.csv');
    writeAccountsCsv(csv, rows);
    const head = join(dir, 'head.yaml');
    writeFileSync(head, editedModel(text, CHANGE).text as string);
    log(`impact end to end: ${rows.toLocaleString()} rows, ${runs} runs each…`);
    const data = ['--data', csv, '--format', 'json', '--no-progress'];
    return measureProcesses(
      [
        { label: `vitals report (one model) on ${rows.toLocaleString()} rows`, args: [cli, 'report', seven, ...data] },
        { label: `vitals diff on ${rows.toLocaleString()} rows`, args: [cli, 'diff', seven, head, ...data] },
        { label: `vitals simulate --sweep (20 values) on ${rows.toLocaleString()} rows`, args: [cli, 'simulate', seven, '--sweep', `${SWEEP_PATH}=5:100:5`, ...data] },
      ],
      runs,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
