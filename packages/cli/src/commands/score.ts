import { openData } from '../data/open-data.js';
import { EXIT, type ExitCode } from '../errors.js';
import { BufferedOutput, note } from '../io/output.js';
import type { ScoreCommandOptions } from '../program.js';
import { toScoreRow } from '../render/score-row.js';
import { rowWriter } from '../render/score-writers.js';
import { loadModel } from '../run/load-model.js';
import { countsLine, dataErrorExit, scoreStream } from '../run/score-stream.js';

/** Errors found before any row is read (the file's kind, its header): nothing goes to stdout. */
const BEFORE_ROWS = new Set(['not-text', 'spreadsheet', 'no-header', 'missing-columns', 'duplicate-column', 'not-a-json-array']);

/**
 * `vitals score MODEL --data FILE`: one output row per input row, streamed. When the file breaks
 * off (an unclosed quote, a JSON array never closed), the rows before the break are written and
 * the output is still one whole document; then the error, exit 2.
 */
export async function runScore(modelPath: string, options: ScoreCommandOptions): Promise<ExitCode> {
  if (options.explain !== undefined) {
    const { runExplain } = await import('./explain.js');
    return runExplain(modelPath, options.explain, options);
  }
  const model = await loadModel(modelPath);
  const source = await openData(options, model.columns);
  const writer = rowWriter(options.format, model.plan, { csvRaw: options.csvRaw });
  const out = new BufferedOutput(process.stdout);
  let begun = false;
  const outcome = await scoreStream(model, source, options, async (scored) => {
    if (!begun) await out.write(writer.begin());
    begun = true;
    await out.write(writer.row(toScoreRow(scored)));
  });
  if (begun || outcome.dataError === null || !BEFORE_ROWS.has(outcome.dataError.code)) {
    if (!begun) await out.write(writer.begin());
    await out.write(writer.end(outcome.counts, outcome.dataError));
  }
  await out.flush();
  const notice = writer.notice?.();
  if (notice !== undefined) note(notice);
  if (outcome.stoppedAt !== undefined) {
    note(`vitals: stopped at row ${outcome.stoppedAt} (--strict)`);
    return EXIT.failed;
  }
  dataErrorExit(source.path, outcome.dataError);
  note(countsLine(source.path, outcome.counts));
  return EXIT.ok;
}
