import { accountTrail, compileModel, createDistribution, createScorer, parseDay, type Diagnostic, type HealthModel, type ScoreResult } from '@vitals/core';
import { accountsTable } from './accounts-table.js';
import { BAD_ROWS_SHOWN, type AccountExplanation, type AccountsTable, type BadRow, type DataInfo, type Engine, type Preview } from './protocol.js';
import type { DataRow } from './read-data.js';

export interface ModelText {
  readonly text: string;
  readonly file: string;
  /** Scores "as of" this date when the model has no as-of field (YYYY-MM-DD). */
  readonly asOf: string | null;
}

interface Evaluation {
  readonly model: HealthModel;
  readonly asOf: number | undefined;
  /** Each account's latest result (each row's, for a model without snapshot history), in first-seen order. */
  readonly latest: ReadonlyMap<string, ScoreResult>;
}

/**
 * The worker's state: the data rows and the last model that compiled. Everything the preview
 * shows is computed here, by the core; the page only renders it. Pure apart from the clock it
 * reads for timings, so it is tested in Node.
 */
export class PreviewSession {
  private rows: readonly DataRow[] = [];
  private data: DataInfo | null = null;
  private lastGood: Evaluation | undefined;

  constructor(
    readonly engine: Engine,
    private readonly now: () => number = () => performance.now(),
  ) {}

  setData(info: DataInfo, rows: readonly DataRow[]): void {
    this.data = info;
    this.rows = rows;
  }

  /** Compiles and scores; a model with errors gives its diagnostics and no preview (the last good one stays). */
  evaluate(source: ModelText): { diagnostics: readonly Diagnostic[]; preview: Preview | null } {
    const started = this.now();
    const { model, diagnostics } = compileModel(source.text, { file: source.file, engine: this.engine });
    if (model === undefined) return { diagnostics, preview: null };
    const compiled = this.now();
    const asOf = source.asOf === null || model.plan.data.asOf !== null ? undefined : parseDay(source.asOf);
    const preview = this.score(model, asOf);
    return { diagnostics, preview: { ...preview, timings: { compile: compiled - started, score: this.now() - compiled } } };
  }

  accounts(): AccountsTable | null {
    return this.lastGood === undefined ? null : accountsTable(this.lastGood.model.plan, [...this.lastGood.latest.values()]);
  }

  /** The drill-down of one account with the last model that compiled: its snapshots scored in order. */
  explain(account: string): AccountExplanation | null {
    const current = this.lastGood;
    const idField = current?.model.plan.data.id;
    if (current === undefined || idField === null || idField === undefined) return null;
    const trail = accountTrail(current.model.evaluator, account, current.asOf === undefined ? {} : { asOf: current.asOf });
    const history: AccountExplanation['history'][number][] = [];
    let last: DataRow | undefined;
    for (const row of this.rows) {
      if (row.record === null || String(row.record[idField] ?? '').trim() !== account) continue;
      const result = trail.add(row.record);
      history.push({ row: row.row, as_of: result.as_of, status: result.status, score: result.score, band: result.band });
      last = row;
    }
    const latest = trail.explain();
    if (latest === undefined || last === undefined) return null;
    return { account, history, row: last.row, line: last.line, result: latest.result, next_band: latest.next_band };
  }

  private score(model: HealthModel, asOf: number | undefined): Omit<Preview, 'timings'> {
    const plan = model.plan;
    const scorer = createScorer(model.evaluator, asOf === undefined ? {} : { asOf });
    const withHistory = plan.data.id !== null && plan.data.asOf !== null;
    const latest = new Map<string, ScoreResult>();
    const bad: BadRow[] = [];
    let badRowCount = 0;
    const counts = { rows: 0, scored: 0, unscored: 0, invalid: 0 };
    for (const row of this.rows) {
      counts.rows++;
      if (row.record === null) {
        counts.invalid++;
        badRowCount++;
        if (bad.length < BAD_ROWS_SHOWN) bad.push({ row: row.row, line: row.line, field: null, code: row.problem?.code ?? 'unreadable', message: row.problem?.message ?? 'not a record' });
        continue;
      }
      const result = scorer.score(row.record);
      counts[result.status]++;
      if (result.status === 'invalid') {
        badRowCount++;
        for (const issue of result.issues) if (bad.length < BAD_ROWS_SHOWN) bad.push({ row: row.row, line: row.line, field: issue.field, code: issue.code, message: issue.message });
        if (withHistory) continue;
      }
      latest.set(withHistory && result.id !== null ? result.id : `#${row.row}`, result);
    }
    const distribution = createDistribution(plan);
    for (const result of latest.values()) distribution.add(result);
    this.lastGood = { model, asOf, latest };
    const columns = new Set(this.data?.columns ?? []);
    const missingColumns = this.rows.length === 0 ? [] : plan.inputs.map((input) => input.name).filter((name) => !columns.has(name));
    return { plan, engine: model.evaluator.engine, counts: { ...counts, accounts: latest.size }, summary: distribution.summary(), badRows: bad, badRowCount, missingColumns };
  }
}
