import { accountTrail, compileModel, createDistribution, createSummaryScorer, editedModel, formatDay, parseDay, planNeedsAsOf, type CompileOptions, type Diagnostic, type HealthModel, type ModelEdit, type ScoreSummary } from '@vitals/core';
import { missingColumns } from '@vitals/data';
import { AccountsTableBuilder } from './accounts-table.js';
import { partKey, rowsOfPart, WHOLE, type Part } from './account-parts.js';
import { mergePreviewParts } from './merge-preview.js';
import { withParsedNumbers } from './parsed-records.js';
import { impactOverRows } from './impact-over-rows.js';
import { BAD_ROWS_SHOWN, type AccountExplanation, type AccountsTable, type BadRow, type Comparison, type DataInfo, type Engine, type Preview, type PreviewPart, type Simulation } from './protocol.js';
import type { DataRow } from './read-data.js';

export interface ModelText {
  readonly text: string;
  readonly file: string;
  /** Scores "as of" this date when the model has no as-of field (YYYY-MM-DD). */
  readonly asOf: string | null;
}

interface Evaluation {
  readonly source: ModelText;
  readonly model: HealthModel;
  readonly asOf: number | undefined;
  /**
   * One row per account: its latest snapshot (each row, for a model without snapshot history).
   * Made when first asked for (the Accounts tab is open), by a second pass after the chart's.
   */
  table: AccountsTable | undefined;
}

/**
 * The worker's state: the data rows and the last model that compiled. Everything the preview
 * shows is computed here, by the core; the page only renders it. Pure apart from the clock it
 * reads for timings, so it is tested in Node.
 */
export class PreviewSession {
  private rows: readonly DataRow[] = [];
  private data: DataInfo | null = null;
  /** The rows of the part of the accounts this worker scores, kept while the model splits them the same way. */
  private part: { readonly key: string; readonly rows: readonly DataRow[] } | undefined;
  private lastGood: Evaluation | undefined;
  /**
   * Every model here is an edit of the last (a keystroke, a slider): with the compiled engine its
   * numbers are read at run time, so an edit of numbers only reuses the code already optimised
   * instead of starting new code cold on every account (`numbers: 'data'`).
   */
  private readonly compiling: CompileOptions;
  private loaded: { readonly text: string; readonly compiled: ReturnType<typeof compileModel> } | undefined;

  constructor(
    readonly engine: Engine,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.compiling = { engine, numbers: 'data' };
  }

  /** The rows are scored again on every edit, so their numbers are parsed here, once (`withParsedNumbers`). */
  setData(info: DataInfo, rows: readonly DataRow[]): void {
    this.data = info;
    this.rows = withParsedNumbers(rows);
    this.part = undefined;
  }

  /** Compiles and scores all accounts; a model with errors gives its diagnostics and no preview (the last good one stays). */
  evaluate(source: ModelText): { diagnostics: readonly Diagnostic[]; preview: Preview | null } {
    const { diagnostics, preview } = this.evaluatePart(source, WHOLE);
    return { diagnostics, preview: preview === null ? null : mergePreviewParts([preview]) };
  }

  /**
   * Compiles and scores `part` of the accounts (`rowsOfPart`): the tallies the page merges with
   * the other workers' parts. The drill-down, the table, Simulate and Compare still read every row.
   */
  evaluatePart(source: ModelText, part: Part): { diagnostics: readonly Diagnostic[]; preview: PreviewPart | null } {
    const started = this.now();
    const { model, diagnostics } = compileModel(source.text, { file: source.file, ...this.compiling });
    if (model === undefined) return { diagnostics, preview: null };
    const compiled = this.now();
    // Only a model that needs a date and has no as-of field is given one (it costs a formatted date per result).
    const asOf = source.asOf === null || model.plan.data.asOf !== null || !planNeedsAsOf(model.plan) ? undefined : parseDay(source.asOf);
    const preview = this.score(source, model, asOf, this.rowsOf(model, part));
    return { diagnostics, preview: { ...preview, part, timings: { compile: compiled - started, score: this.now() - compiled } } };
  }

  /**
   * The last model that compiled with `edits` applied in place (the sliders), against itself: the
   * core's impact analysis, as `vitals simulate --set` runs it, on the loaded rows.
   */
  simulate(edits: readonly ModelEdit[]): Simulation {
    const current = this.lastGood;
    if (current === undefined) return { edits, text: null, impact: null, bands: null, problems: ['The model has to compile before it can be simulated.'] };
    const { text, file } = current.source;
    const edited = editedModel(text, edits, { file, ...this.compiling });
    if (edited.model === undefined) {
      const problems = [...edited.issues.map((issue) => issue.message), ...errorsOf(edited.diagnostics)];
      return { edits, text: edited.text ?? null, impact: null, bands: null, problems };
    }
    const impact = impactOverRows(current.model, edited.model, this.rows, impactAsOf(current));
    return { edits, text: edited.text ?? null, impact, bands: edited.model.plan.bands, problems: [] };
  }

  /** The model as loaded (`base`) against the last model that compiled, as `vitals diff` compares them. */
  compare(base: string): Comparison {
    const current = this.lastGood;
    if (current === undefined) return { impact: null, bands: null, problems: ['The model as edited has to compile before it can be compared.'] };
    const loaded = this.loadedModel(base);
    if (loaded.model === undefined) return { impact: null, bands: null, problems: ['The model as loaded has errors:', ...errorsOf(loaded.diagnostics)] };
    return { impact: impactOverRows(loaded.model, current.model, this.rows, impactAsOf(current)), bands: current.model.plan.bands, problems: [] };
  }

  /** The model as loaded, compiled once per text: Compare asks on every keystroke, and the loaded text does not change. */
  private loadedModel(base: string): ReturnType<typeof compileModel> {
    if (this.loaded?.text !== base) this.loaded = { text: base, compiled: compileModel(base, { file: 'model.yaml (as loaded)', ...this.compiling }) };
    return this.loaded.compiled;
  }

  accounts(): AccountsTable | null {
    const current = this.lastGood;
    if (current === undefined) return null;
    if (current.table === undefined) {
      const table = new AccountsTableBuilder(current.model.plan, this.rows.length);
      this.eachAccount(this.rows, current.model, current.asOf, (result, row) => table.add(result, row));
      current.table = table.build();
    }
    return current.table;
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

  /**
   * Scores every row once, by the evaluator's summary step (the preview shows no explanation; the
   * drill-down scores its account again, in full), into the distribution: what the chart and the
   * panels beside it show. The accounts table is left to `accounts()`, asked for only while it is
   * shown, so a keystroke's chart does not wait for it.
   */
  private score(source: ModelText, model: HealthModel, asOf: number | undefined, rows: readonly DataRow[]): Omit<PreviewPart, 'timings' | 'part'> {
    const plan = model.plan;
    const distribution = createDistribution(plan);
    const bad = new BadRows();
    const counts = { rows: 0, scored: 0, unscored: 0, invalid: 0 };
    const accounts = this.eachAccount(
      rows,
      model,
      asOf,
      (result) => distribution.add(result),
      (row, result) => {
        counts.rows++;
        if (result === null) {
          counts.invalid++;
          bad.unreadable(row);
          return;
        }
        counts[result.status]++;
        if (result.status === 'invalid') bad.invalid(row, result);
      },
    );
    this.lastGood = { source, model, asOf, table: undefined };
    const missing = this.rows.length === 0 ? [] : missingColumns(this.data?.columns ?? [], model.columns).map(({ use, suggestion }) => ({ column: use.column, input: use.input, suggestion }));
    return { plan, engine: model.evaluator.engine, asOf: asOf === undefined ? null : formatDay(asOf), counts: { ...counts, accounts }, distribution: distribution.state(), badRows: bad.listed, badRowCount: bad.count, missingColumns: missing };
  }

  /**
   * Scores every row, giving `row` each row's result (null for a row that is not a record) and
   * `account` each account's once: without snapshot history every row is an account and goes
   * straight on, so nothing of 50,000 results is kept; with history each account's latest valid
   * result is kept, without its per-metric detail, until the end. Returns the number of accounts.
   */
  private eachAccount(rows: readonly DataRow[], model: HealthModel, asOf: number | undefined, account: (result: ScoreSummary, row: number) => void, row?: (row: DataRow, result: ScoreSummary | null) => void): number {
    const scorer = createSummaryScorer(model.evaluator, asOf === undefined ? {} : { asOf });
    const withHistory = model.plan.data.id !== null && model.plan.data.asOf !== null;
    const latest = new Map<string, { result: ScoreSummary; row: number }>();
    for (const data of rows) {
      const result = data.record === null ? null : scorer.score(data.record);
      row?.(data, result);
      if (result === null) continue;
      if (!withHistory) account(result, data.row);
      else if (result.status !== 'invalid' && result.id !== null) latest.set(result.id, { result: summaryOnly(result), row: data.row });
    }
    for (const kept of latest.values()) account(kept.result, kept.row);
    return withHistory ? latest.size : rows.length;
  }

  /** The rows of `part` of the accounts as `model` tells them apart; worked out again only when that changes. */
  private rowsOf(model: HealthModel, part: Part): readonly DataRow[] {
    if (part.of === 1) return this.rows;
    const key = partKey(model.plan, part);
    if (this.part?.key !== key) this.part = { key, rows: rowsOfPart(this.rows, model.plan, part) };
    return this.part.rows;
  }
}

/** The bad rows: all counted, the first `BAD_ROWS_SHOWN` problems listed. */
class BadRows {
  readonly listed: BadRow[] = [];
  count = 0;

  unreadable(row: DataRow): void {
    this.count++;
    this.list({ row: row.row, line: row.line, field: row.problem?.field ?? null, code: row.problem?.code ?? 'unreadable', message: row.problem?.message ?? 'not a record' });
  }

  invalid(row: DataRow, result: ScoreSummary): void {
    this.count++;
    for (const issue of result.issues) this.list({ row: row.row, line: row.line, field: issue.field, code: issue.code, message: issue.message });
  }

  private list(bad: BadRow): void {
    if (this.listed.length < BAD_ROWS_SHOWN) this.listed.push(bad);
  }
}

/** The date a model without an as-of field is scored as of, as the impact analysis takes it. */
function impactAsOf(evaluation: Evaluation): string | undefined {
  return evaluation.asOf === undefined ? undefined : formatDay(evaluation.asOf);
}

function errorsOf(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`);
}

/** What the summary and the table read of a result: an account held until the end costs little. */
function summaryOnly(result: ScoreSummary): ScoreSummary {
  return { ...result, metrics: {}, issues: [] };
}
