import { accountTrail, parseDay, type HealthModel } from '@vitals/core';
import type { DataRow } from '@vitals/data';
import { openData } from '../data/open-data.js';
import { CliError, EXIT, type ExitCode } from '../errors.js';
import { writeStdout } from '../io/output.js';
import type { ScoreCommandOptions } from '../program.js';
import { renderExplainJson, type Explanation } from '../render/explain-document.js';
import { renderExplainText } from '../render/explain-text.js';
import { styleFor } from '../render/style.js';
import { loadModel } from '../run/load-model.js';
import { dataErrorExit } from '../run/score-stream.js';

/**
 * `vitals score MODEL --data FILE --explain ACCOUNT`: the drill-down for one account's latest
 * snapshot in the file. Only that account's rows are scored: history is per account, so its
 * results are the ones a full run gives.
 */
export async function runExplain(modelPath: string, account: string, options: ScoreCommandOptions): Promise<ExitCode> {
  const model = await loadModel(modelPath);
  const idField = model.plan.data.id;
  if (idField === null) throw new CliError(`${modelPath} names no id field (data: { id: … }), so there is no account to find`);
  const source = await openData(options, model.columns);
  const trail = new AccountRows(model, account, options.asOf);
  const idColumn = model.columns.find((use) => use.input === idField)?.column ?? idField;
  for await (const batch of source.batches) {
    for (const row of batch) if (row.record !== null && String(row.record[idColumn] ?? '').trim() === account) trail.add(row);
  }
  dataErrorExit(source.path, source.error());
  const explanation = trail.explain(source.path);
  if (explanation === undefined) throw new CliError(`no row of ${source.path} has ${idField} = ${JSON.stringify(account)}`);
  const text = options.format === 'json' || options.format === 'ndjson' ? renderExplainJson(explanation, model.plan) : renderExplainText(explanation, model.plan, styleFor(process.stdout));
  await writeStdout(text);
  return explanation.result.status === 'invalid' && options.strict ? EXIT.failed : EXIT.ok;
}

/** One account's snapshots with their rows: the core's trail scores them, this keeps where each came from. */
class AccountRows {
  private readonly trail;
  private readonly history: Explanation['history'][number][] = [];
  private last: DataRow | undefined;

  constructor(model: HealthModel, private readonly account: string, asOf: string | undefined) {
    const day = asOf === undefined ? undefined : parseDay(asOf);
    this.trail = accountTrail(model.evaluator, account, day === undefined ? {} : { asOf: day });
  }

  add(row: DataRow): void {
    const result = this.trail.add(row.record as Readonly<Record<string, unknown>>);
    this.history.push({ row: row.row, as_of: result.as_of, status: result.status, score: result.score, band: result.band });
    this.last = row;
  }

  explain(file: string): Explanation | undefined {
    const latest = this.trail.explain();
    if (latest === undefined || this.last === undefined) return undefined;
    return { account: this.account, file, history: this.history, row: this.last.row, line: this.last.line, result: latest.result, next_band: latest.next_band };
  }
}
