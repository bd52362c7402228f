import type { Plan } from '../compile/plan.js';
import { UNSCORED_REASONS } from '../evaluate/result.js';

/** What an output column of the query holds, so an engine can turn a row back into a result. */
export type SqlColumnField =
  | { readonly kind: 'row' }
  | { readonly kind: 'id' | 'as_of' | 'status' | 'reason' | 'score' | 'band' | 'coverage' | 'stage' | 'segment' | 'benchmark' | 'gap' | 'below_benchmark' | 'playbooks' | 'issues' | 'pulse_age_days' }
  | { readonly kind: 'category_score' | 'category_band'; readonly category: string }
  | { readonly kind: 'metric_value' | 'metric_score' | 'metric_band'; readonly metric: string }
  /** The field as it arrived, on a row where reading it failed (only with `rawValues`). */
  | { readonly kind: 'raw'; readonly input: string };

export interface SqlColumn {
  /** The column's name in the query's result. */
  readonly name: string;
  readonly field: SqlColumnField;
}

/**
 * The columns `vitals sql` gives, in order: those of `vitals score --format csv` (without the
 * file's row and line), then each metric's value, score and band, then the pulse's age. Names
 * are the CSV's; a name two entries would share (a metric and a category with one key) gets a
 * numbered variant, as `ColumnNames` gives.
 */
export function outputFields(plan: Plan, options: { rowNumbers: boolean; rawValues: boolean; metrics: boolean }): SqlColumnField[] {
  const fields: SqlColumnField[] = [];
  if (options.rowNumbers) fields.push({ kind: 'row' });
  fields.push(...(['id', 'as_of', 'status', 'reason', 'score', 'band', 'coverage'] as const).map((kind) => ({ kind })));
  for (const c of plan.categories) fields.push({ kind: 'category_score', category: c.key }, { kind: 'category_band', category: c.key });
  fields.push(...(['stage', 'segment', 'benchmark', 'gap', 'below_benchmark', 'playbooks', 'issues'] as const).map((kind) => ({ kind })));
  if (options.metrics) for (const m of plan.metrics) fields.push({ kind: 'metric_value', metric: m.key }, { kind: 'metric_score', metric: m.key }, { kind: 'metric_band', metric: m.key });
  if (plan.pulse !== null) fields.push({ kind: 'pulse_age_days' });
  if (options.rawValues) for (const input of plan.inputs) fields.push({ kind: 'raw', input: input.name });
  return fields;
}

/** The name a field's column would have in the CSV. */
export function preferredName(field: SqlColumnField): string {
  switch (field.kind) {
    case 'row':
      return 'row';
    case 'category_score':
      return `${field.category}_score`;
    case 'category_band':
      return `${field.category}_band`;
    case 'metric_value':
      return `${field.metric}_value`;
    case 'metric_score':
      return `${field.metric}_score`;
    case 'metric_band':
      return `${field.metric}_band`;
    case 'raw':
      return `${field.input}__raw`;
    default:
      return field.kind;
  }
}

/**
 * The only values a text column of the query can hold, when they are a closed list (status,
 * reason, the bands): what dbt's `accepted_values` tests and an engine reading the column as an
 * enumeration rely on. Undefined for open text (ids, stages, lists, issues).
 */
export function acceptedValues(plan: Plan, field: SqlColumnField): readonly string[] | undefined {
  switch (field.kind) {
    case 'status':
      return ['scored', 'unscored', 'invalid'];
    case 'reason':
      return UNSCORED_REASONS;
    case 'band':
      return plan.bands.names;
    case 'category_band':
      return plan.categories.find((c) => c.key === field.category)?.bands.names ?? [];
    case 'metric_band':
      return plan.metrics.find((m) => m.key === field.metric)?.bands.names ?? [];
    default:
      return undefined;
  }
}
