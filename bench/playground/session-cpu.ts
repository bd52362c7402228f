import { compileModel, createScorer } from '@vitals/core';
import { PreviewSession } from '../../playground/src/worker/preview-session.js';
import { readData } from '../../playground/src/worker/read-data.js';
import { withParsedNumbers } from '../../playground/src/worker/parsed-records.js';

/** Milliseconds of CPU this process has used: on a loaded machine, less skewed than wall time by others' work. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

export interface SessionCpu {
  /** The worker's code for one keystroke: compile the edited model, score every row, summarise, fill the table. */
  readonly keystroke: number;
  readonly compile: number;
  /** The baseline: the same compiled evaluator, already warm, over the same parsed records, results dropped. */
  readonly bareLoop: number;
  /** `keystroke` again with the rows' numbers left as text (how the worker read them before they were parsed at load). */
  readonly keystrokeUnparsed: number;
}

/**
 * In-process, CPU time: the playground worker's own code (`PreviewSession`) run in Node on the same
 * CSV, one edited model text per keystroke as in the browser run, against a warm bare scoring loop.
 */
export function measureSessionCpu(texts: readonly string[], csv: string): SessionCpu {
  const { info, rows } = readData('accounts.csv', csv);
  const session = new PreviewSession('compiled');
  session.setData(info, rows);
  const unparsed = new PreviewSession('compiled');
  unparsed.setData(info, rows);
  // The records as the reader gives them, numbers as text: the session's private rows, set behind its back for this comparison only.
  (unparsed as unknown as { rows: typeof rows }).rows = rows;
  const records = withParsedNumbers(rows).flatMap((r) => (r.record === null ? [] : [r.record]));
  const samples = { keystroke: [] as number[], compile: [] as number[], bareLoop: [] as number[], keystrokeUnparsed: [] as number[] };
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  for (const [i, text] of texts.entries()) {
    gc();
    let start = cpuMs();
    const compiled = compileModel(text, { file: 'model.yaml', engine: 'compiled' }).model;
    const compile = cpuMs() - start;
    if (compiled === undefined) throw new Error('the edited model does not compile');
    const scorer = createScorer(compiled.evaluator);
    for (const record of records) scorer.score(record); // warms it
    gc();
    start = cpuMs();
    for (const record of records) scorer.score(record);
    const bareLoop = cpuMs() - start;
    gc();
    start = cpuMs();
    session.evaluate({ text, file: 'model.yaml', asOf: null });
    const keystroke = cpuMs() - start;
    gc();
    start = cpuMs();
    unparsed.evaluate({ text, file: 'model.yaml', asOf: null });
    const keystrokeUnparsed = cpuMs() - start;
    if (i < 2) continue; // warming the compiler and the session's own code
    samples.keystroke.push(keystroke);
    samples.compile.push(compile);
    samples.bareLoop.push(bareLoop);
    samples.keystrokeUnparsed.push(keystrokeUnparsed);
  }
  return { keystroke: median(samples.keystroke), compile: median(samples.compile), bareLoop: median(samples.bareLoop), keystrokeUnparsed: median(samples.keystrokeUnparsed) };
}
