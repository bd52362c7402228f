import { nextBand, parseDay, type AccountState, type HealthModel, type ScoreResult } from '@vitals/core';
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
  const stepOptions = options.asOf === undefined ? {} : { asOf: options.asOf };
  const trail = new AccountTrail(model, account, stepOptions);
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

/** One account's snapshots, scored in order, keeping the state before the latest for the what-if. */
class AccountTrail {
  private readonly scorer;
  private stateBeforeLast: AccountState | undefined;
  private readonly history: Explanation['history'][number][] = [];
  private last: { row: DataRow; result: ScoreResult } | undefined;

  constructor(
    private readonly model: HealthModel,
    private readonly account: string,
    private readonly options: { asOf?: string },
  ) {
    this.scorer = model.scorer(options);
  }

  add(row: DataRow): void {
    const record = row.record as Readonly<Record<string, unknown>>;
    this.stateBeforeLast = this.scorer.state(this.account);
    const result = this.scorer.score(record);
    this.history.push({ row: row.row, as_of: result.as_of, status: result.status, score: result.score, band: result.band });
    this.last = { row, result };
  }

  explain(file: string): Explanation | undefined {
    if (this.last === undefined) return undefined;
    const { row, result } = this.last;
    const asOf = this.options.asOf === undefined ? undefined : parseDay(this.options.asOf);
    const whatIf = nextBand(this.model.plan, row.record as Readonly<Record<string, unknown>>, this.stateBeforeLast, asOf === undefined ? {} : { asOf });
    return { account: this.account, file, history: this.history, row: row.row, line: row.line, result, next_band: whatIf };
  }
}
