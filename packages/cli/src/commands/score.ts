import { openData } from '../data/open-data.js';
import { EXIT, type ExitCode } from '../errors.js';
import { BufferedOutput, note } from '../io/output.js';
import type { ScoreCommandOptions } from '../program.js';
import { toScoreRow } from '../render/score-row.js';
import { rowWriter } from '../render/score-writers.js';
import { loadModel } from '../run/load-model.js';
import { countsLine, scoreStream } from '../run/score-stream.js';

/** `vitals score MODEL --data FILE`: one output row per input row, streamed. */
export async function runScore(modelPath: string, options: ScoreCommandOptions): Promise<ExitCode> {
  if (options.explain !== undefined) {
    const { runExplain } = await import('./explain.js');
    return runExplain(modelPath, options.explain, options);
  }
  const model = await loadModel(modelPath);
  const source = await openData(options.data, options.inputFormat);
  const writer = rowWriter(options.format, model.plan, { csvRaw: options.csvRaw });
  const out = new BufferedOutput(process.stdout);
  await out.write(writer.begin());
  const outcome = await scoreStream(model, source, options, (scored) => out.write(writer.row(toScoreRow(scored))));
  await out.write(writer.end(outcome.counts));
  await out.flush();
  const notice = writer.notice?.();
  if (notice !== undefined) note(notice);
  if (outcome.stoppedAt !== undefined) {
    note(`vitals: stopped at row ${outcome.stoppedAt} (--strict)`);
    return EXIT.failed;
  }
  note(countsLine(source.path, outcome.counts));
  return EXIT.ok;
}
