import { planColumns, type ColumnUse } from '../compile/plan-columns.js';
import type { Plan } from '../compile/plan.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { compiledEvaluator } from '../evaluate/compiled/compiled-evaluator.js';
import { parseDay } from '../evaluate/dates.js';
import type { Evaluator } from '../evaluate/evaluator.js';
import { referenceEvaluator } from '../evaluate/reference/reference-evaluator.js';
import type { ScoreResult, ScoreSummary } from '../evaluate/result.js';
import { createScorer, createSummaryScorer, type Scorer } from '../evaluate/scorer.js';
import { planModel } from './plan-model.js';

export interface CompileOptions {
  /** Shown in diagnostics; defaults to `model.yaml`. */
  readonly file?: string;
  /** `compiled` (default) generates JavaScript; `reference` interprets (for environments without code generation). */
  readonly engine?: 'compiled' | 'reference';
  /**
   * For the compiled engine: `data` reads the model's numbers at run time, so a model edited only
   * in its numbers reuses code already optimised (the playground, per keystroke); `inline` (the
   * default) writes them into the code, which runs faster over many rows.
   */
  readonly numbers?: 'inline' | 'data';
}

export interface EvaluateOptions {
  /** For models without an as-of field: the date to score as of (YYYY-MM-DD). Never the machine's clock. */
  readonly asOf?: string;
}

/** A compiled health model: score records with it. */
export interface HealthModel {
  readonly plan: Plan;
  readonly evaluator: Evaluator;
  /** Warnings (a model with errors does not compile). */
  readonly diagnostics: readonly Diagnostic[];
  /** The data columns the model reads, with what for and where the model says so (for a header check). */
  readonly columns: readonly ColumnUse[];
  /** Scores one snapshot on its own (no history). */
  evaluate(record: Readonly<Record<string, unknown>>, options?: EvaluateOptions): ScoreResult;
  /** A scorer for a stream of snapshots, carrying each account's history. */
  scorer(options?: EvaluateOptions): Scorer;
  /** The same, giving each snapshot's summary (no weights, contributions or why): for bulk outputs, at a fraction of the cost. */
  summaryScorer(options?: EvaluateOptions): Scorer<ScoreSummary>;
}

/** Model text → a health model, or every diagnostic. Never throws for a mistake in the model. */
export function compileModel(source: string | Uint8Array, options: CompileOptions = {}): { model: HealthModel | undefined; diagnostics: Diagnostic[] } {
  const { plan, diagnostics, columns } = planModel(source, options.file);
  if (plan === undefined) return { model: undefined, diagnostics };
  const evaluator = options.engine === 'reference' ? referenceEvaluator(plan) : compiledEvaluator(plan, { numbers: options.numbers ?? 'inline' });
  return { model: healthModel(plan, evaluator, diagnostics, columns), diagnostics };
}

/** A model that does not compile, with all its diagnostics. */
export class ModelError extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    super(`${errors.length} error(s) in the model:\n${errors.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`).join('\n')}`);
    this.name = 'ModelError';
  }
}

/** Like `compileModel`, but throws one `ModelError` carrying every diagnostic. */
export function compile(source: string | Uint8Array, options: CompileOptions = {}): HealthModel {
  const { model, diagnostics } = compileModel(source, options);
  if (model === undefined) throw new ModelError(diagnostics);
  return model;
}

/**
 * Wraps any evaluator of a plan (reference or compiled) in the HealthModel interface. Without
 * `columns` (from `planModel`), the columns are the plan's, with no place in a file.
 */
export function healthModel(plan: Plan, evaluator: Evaluator, diagnostics: readonly Diagnostic[] = [], columns: readonly ColumnUse[] = planColumns(plan)): HealthModel {
  return {
    plan,
    evaluator,
    diagnostics,
    columns,
    evaluate: (record, options = {}) => evaluator.step(record, undefined, stepOptions(options)).result,
    scorer: (options = {}) => createScorer(evaluator, stepOptions(options)),
    summaryScorer: (options = {}) => createSummaryScorer(evaluator, stepOptions(options)),
  };
}

function stepOptions(options: EvaluateOptions): { asOf?: number } {
  if (options.asOf === undefined) return {};
  const day = parseDay(options.asOf);
  if (day === undefined) throw new RangeError(`as-of date must be YYYY-MM-DD, got ${JSON.stringify(options.asOf)}`);
  return { asOf: day };
}
