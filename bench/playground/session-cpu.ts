import { compileModel, createSummaryScorer } from '@vitals/core';
import { PreviewSession } from '../../playground/src/worker/preview-session.js';
import { readData } from '../../playground/src/worker/read-data.js';
import { withParsedNumbers } from '../../playground/src/worker/parsed-records.js';
import { mergePreviewParts } from '../../playground/src/worker/merge-preview.js';
import { median } from '../measure/statistics.js';

/** Milliseconds of CPU this process has used: on a loaded machine, less skewed than wall time by others' work. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export interface SessionCpu {
  /** The baseline: the compiled evaluator's summary step, already warm, over the parsed records, results dropped. */
  readonly bareLoop: number;
  /**
   * Per kind of edit: the worker's code for one keystroke (compile the edited model, score every row, summarise), and its
   * compile alone; `part`, one of two workers' share (compile, score half the accounts, their tallies), and `merge`, the page's
   * merge of two parts into the preview.
   */
  readonly edits: readonly { readonly kind: string; readonly keystroke: number; readonly compile: number; readonly part: number; readonly merge: number }[];
}

/**
 * In-process, CPU time: the playground worker's own code (`PreviewSession`) run in Node on the same
 * CSV, one edited model text per keystroke as in the browser run, against a warm bare scoring loop.
 * The session runs first on each text, so the bare loop's warming never warms code the session
 * would otherwise have run cold (a structural edit's).
 */
export function measureSessionCpu(edits: readonly { kind: string; texts: readonly string[] }[], csv: string): SessionCpu {
  const { info, rows } = readData('accounts.csv', csv);
  const records = withParsedNumbers(rows).flatMap((r) => (r.record === null ? [] : [r.record]));
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  const bareLoop: number[] = [];
  const results = edits.map(({ kind, texts }) => {
    const session = new PreviewSession('compiled');
    session.setData(info, rows);
    const halves = [0, 1].map(() => new PreviewSession('compiled'));
    for (const half of halves) half.setData(info, rows);
    const samples = { keystroke: [] as number[], compile: [] as number[], part: [] as number[], merge: [] as number[] };
    for (const [i, text] of texts.entries()) {
      gc();
      let start = cpuMs();
      session.evaluate({ text, file: 'model.yaml', asOf: null });
      const keystroke = cpuMs() - start;
      const parts = halves.map((half, index) => {
        gc();
        const started = cpuMs();
        const { preview } = half.evaluatePart({ text, file: 'model.yaml', asOf: null }, { index, of: 2 });
        if (preview === null) throw new Error('the edited model does not compile');
        return { preview, cpu: cpuMs() - started };
      });
      start = cpuMs();
      mergePreviewParts(parts.map((p) => p.preview));
      const merge = cpuMs() - start;
      start = cpuMs();
      const compiled = compileModel(text, { file: 'model.yaml', engine: 'compiled' }).model;
      const compile = cpuMs() - start;
      if (compiled === undefined) throw new Error('the edited model does not compile');
      const scorer = createSummaryScorer(compiled.evaluator);
      for (const record of records) scorer.score(record); // warms it
      gc();
      start = cpuMs();
      for (const record of records) scorer.score(record);
      const bare = cpuMs() - start;
      if (i < 2) continue; // warming the compiler and the session's own code
      samples.keystroke.push(keystroke);
      samples.compile.push(compile);
      samples.part.push(Math.max(...parts.map((p) => p.cpu)));
      samples.merge.push(merge);
      bareLoop.push(bare);
    }
    return { kind, keystroke: median(samples.keystroke), compile: median(samples.compile), part: median(samples.part), merge: median(samples.merge) };
  });
  return { bareLoop: median(bareLoop), edits: results };
}
