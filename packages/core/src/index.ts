/**
 * @vitals/core — the vitals language core. Browser-safe: no Node imports, no clock, no I/O.
 * Text in (a model, a record), values out (diagnostics, plans, scores).
 */

// Compiling models
export { compile, compileModel, healthModel, ModelError } from './api/compile-model.js';
export { checkModelText, planModel } from './api/plan-model.js';
// Evaluating records
export { referenceEvaluator } from './evaluate/reference/reference-evaluator.js';
export { compiledEvaluator } from './evaluate/compiled/compiled-evaluator.js';
export { createScorer, createSummaryScorer } from './evaluate/scorer.js';
export { accountKeyReader } from './evaluate/account-key.js';
/** A full result's summary: the same values without the explanation (what the summary step gives). */
export { summaryOf } from './evaluate/summary.js';
/** Whether scoring the plan needs the snapshot's date (pulse age, overrides, history, cooldowns, `as_of`): a model without an as-of field then needs one for the run. */
export { planNeedsAsOf } from './evaluate/plan-facts.js';
export { parseDay, formatDay } from './evaluate/dates.js';
export { recordByColumn } from './evaluate/record-by-column.js';
export { isDecimalText } from './evaluate/read-value.js';
export { roundTo, compareNumbers } from './evaluate/numbers.js';
// SQL: the plan as one query per dialect (DuckDB, PostgreSQL, BigQuery, Snowflake), and as a dbt model
export { planToSql, SQL_DIALECTS } from './sql/plan-to-sql.js';
export { planToDbt } from './sql/plan-to-dbt.js';
export { SqlTranslationError } from './sql/dialects/literal-text.js';
export { describeIssue } from './evaluate/record-issue.js';
export { accountFacts } from './evaluate/account-facts.js';
export { metricColumnStem, columnClashes, METRIC_PARTS, CATEGORY_PARTS, ENTRY_COLUMN_SUFFIXES } from './check/column-names.js';
// Analysing results
export { createDistribution, distributionView, DOMINANT_BAND_SHARE } from './analyse/distribution.js';
export { nextBand } from './analyse/next-band.js';
export { summariseBook, pullingDown } from './analyse/book.js';
export { createMovement } from './analyse/movement.js';
// Backtests: how well a score predicts an outcome
export { createBacktest, analyseBacktest, suggestWeights, modelWithWeights, readOutcome, outcomeMappingText, describeRefusal, wilsonRate, OUTCOME_LABELS, MIN_PER_CLASS, DEFAULT_REPLICATES, DEFAULT_SEED } from './analyse/backtest/index.js';
export { accountTrail } from './analyse/account-trail.js';
// The impact of a model change (`vitals diff`, `vitals simulate`, the playground): one analysis, plain data, rendered by each
/** The semantic diff of two plans: changes keyed by the model's stable keys (renames found), each metric's effective share before and after. */
export { diffPlans } from './analyse/impact/diff-plans.js';
/** Both models over the same records in one pass → `Impact` (the diff and the effect on the data); `analyseImpact` for a list of records. */
export { createImpact, analyseImpact } from './analyse/impact/create-impact.js';
/** A change in words, in parts each renderer sets its own way. */
export { describeChange, formatChangeValue } from './analyse/impact/describe-change.js';
/** Each category's and metric's share of the overall score (weights are relative). */
export { effectiveWeights } from './analyse/impact/effective-weights.js';
/** Many variants of a model over the same records in one pass (sweeps, sensitivity). */
export { createVariantRun } from './analyse/impact/variant-run.js';
/** `PATH=FROM:TO:STEP` → the values of a sweep. */
export { parseSweep, MAX_SWEEP_POINTS } from './analyse/impact/sweep.js';
/** Every weight and band threshold of a plan, the ±10 % / ±5 point moves tried, and the ranking by accounts that change band. */
export { sensitivityKnobs, rankKnobs, WEIGHT_MOVE, THRESHOLD_MOVE } from './analyse/impact/sensitivity.js';
/** Band shares to aim at (`even`, `red=25,amber=40,green=35`) and the model-band thresholds that give them on the data. */
export { parseTargetShares, thresholdsForShares } from './analyse/impact/target.js';
/** Edits applied to a model's text and the result compiled: a simulated change with the diagnostics of what it broke. */
export { editedModel } from './analyse/impact/edited-model.js';
// Editing models in place (`vitals simulate --set`): only the edited values change, comments and layout stay
/** Applies `{ path, value }` edits to a model's text; a path that leads nowhere is an `EditIssue`, never an exception. */
export { editModel, editText, valueAtPath } from './edit/edit-model.js';
/** `categories.product.weight=60` → an edit (the value read as YAML). */
export { parseEdit } from './edit/parse-edit.js';
// Formatting models (`vitals fmt`)
export { formatModel, formatModelTests } from './format/format-model.js';
// Model tests (`*.test.yaml`): hand-checked cases run against a compiled model
export { parseModelTests, runModelTests, checkSuiteReferences, describeDifference, describeUntested, TEST_DIAGNOSTIC_TEXT } from './model-tests/index.js';
// The stages, for tools that need one on its own
export { yamlToDocument } from './load/yaml-to-document.js';
export { utf8SequenceLength } from './load/decode-text.js';
export { validateDocument, FORMAT_VERSION } from './schema/validate-document.js';
export { parseModelExpressions } from './expr/parse-model-expressions.js';
export { parseExpression, standalonePlace } from './expr/parse-expression.js';
export { unparse } from './expr/unparse.js';
export { checkModel } from './check/check-model.js';
export { RESERVED_NAMES } from './check/rules/name-rules.js';
export { BUILTIN_NAMES } from './check/scope.js';
export { modelToPlan } from './compile/model-to-plan.js';
export { canonicalJson } from './compile/canonical-json.js';
export { planColumns, roleFields } from './compile/plan-columns.js';
// Diagnostics and the format
export { diagnostic, hasErrors, sortDiagnostics } from './diagnostics/diagnostic.js';
export { DIAGNOSTIC_TEXT } from './diagnostics/messages.js';
export { suggest } from './diagnostics/suggest.js';
export { HEALTH_MODEL_SCHEMA, HEALTH_MODEL_SCHEMA_ID } from './schema/health-model-schema.js';
export { DEFAULT_PULSE_SCALE, DEFAULT_SCALE, DEFAULT_PRECISION, DEFAULT_MIN_COVERAGE, DEFAULT_SHELF_LIFE_DAYS } from './schema/defaults.js';

export type { CompileOptions, EvaluateOptions, HealthModel } from './api/compile-model.js';
export type { Evaluator, StepOptions, StepOutput } from './evaluate/evaluator.js';
export type { CompiledEvaluator, CompiledEvaluatorOptions } from './evaluate/compiled/compiled-evaluator.js';
export type { Scorer } from './evaluate/scorer.js';
export type { SqlQuery } from './sql/plan-to-sql.js';
export type { DbtModel } from './sql/plan-to-dbt.js';
export type { PlanToSqlOptions, ColumnKind } from './sql/query.js';
export type { SqlColumn, SqlColumnField } from './sql/output-columns.js';
export { acceptedValues } from './sql/output-columns.js';
export type { SqlDialect, SqlDialectName } from './sql/dialect.js';
export type { AccountFacts } from './evaluate/account-facts.js';
export type { ColumnClash } from './check/column-names.js';
export type * from './evaluate/result.js';
export type { DistributionSummary, DistributionAccumulator, DistributionState, DistributionOptions, BandShare, HistogramBin, ScoreStats } from './analyse/distribution.js';
export type { NextBand, MetricChange } from './analyse/next-band.js';
export type { BookMovement, Mover, MovementAccumulator } from './analyse/movement.js';
export type { BookSummary, BookEntry, BandValue, OwnerBook, ActOnAccount, PulseLevelCount } from './analyse/book.js';
export type * from './analyse/backtest/index.js';
export type { AccountTrail } from './analyse/account-trail.js';
export type * from './analyse/impact/impact.js';
export type { ImpactAccumulator } from './analyse/impact/create-impact.js';
export type { ChangeDescription } from './analyse/impact/describe-change.js';
export type { EffectiveWeights, CategoryWeight, MetricWeight } from './analyse/impact/effective-weights.js';
export type { Variant, VariantOutcome, VariantRun, VariantRunResult, BandWatch } from './analyse/impact/variant-run.js';
export type { Sweep } from './analyse/impact/sweep.js';
export type { Knob, KnobSensitivity } from './analyse/impact/sensitivity.js';
export type { ThresholdSearch } from './analyse/impact/target.js';
export type { EditedModel } from './analyse/impact/edited-model.js';
export type { ModelEdit, EditValue, EditResult } from './edit/edit-model.js';
export type { EditIssue, EditIssueCode, EditIssueParams } from './edit/edit-issues.js';
export type { FormatResult } from './format/format-model.js';
export type { Diagnostic } from './diagnostics/diagnostic.js';
export type { DiagnosticCode, DiagnosticParams, Severity } from './diagnostics/codes.js';
export type { Span, Position, OffsetRange } from './position/span.js';
export type { SourceDocument, YamlValue } from './load/source-document.js';
export type { ModelSource } from './schema/model-source.js';
export type { Expr } from './expr/ast.js';
export type { ParsedExpression } from './expr/parse-expression.js';
export type { CheckedModel } from './check/check-model.js';
export type { InputDeclaration } from './check/resolve-inputs.js';
export type { TypedExpr, Slot } from './check/typed-expr.js';
export type { ValueType } from './check/value-type.js';
export type * from './compile/plan.js';
export type { ColumnUse, RoleField, PlaceInModel } from './compile/plan-columns.js';
export type { ModelTestSuite, TestCase, TestStep, Check, CheckKind, Json, RecordValue, ParsedModelTests } from './model-tests/index.js';
export type { ModelTestReport, CaseReport, Difference, UntestedItem, TestFileDiagnostic, TestDiagnosticCode, TestDiagnosticParams } from './model-tests/index.js';
