import { describeIssue, type Plan, type ScoreResult, type SqlColumn } from '@vitals/core';

/** A problem with one row: a field's (from the reader's rules) or the whole row's (bad CSV structure). */
export interface RowIssue {
  readonly field: string | null;
  readonly code: string;
  readonly message: string;
  readonly value?: string;
}

/**
 * One scored row as an engine gives it: the columns of `vitals score --format csv` (with the
 * row's number and line in its file) and each metric's value, score and band, and the pulse's age.
 */
export interface EngineRow {
  readonly row: number;
  readonly line: number | null;
  readonly id: string | null;
  readonly as_of: string | null;
  readonly status: ScoreResult['status'];
  readonly reason: ScoreResult['reason'];
  readonly score: number | null;
  readonly band: string | null;
  readonly coverage: number | null;
  readonly categories: Readonly<Record<string, { readonly score: number | null; readonly band: string | null }>>;
  readonly stage: string | null;
  readonly segment: string | null;
  readonly benchmark: number | null;
  readonly gap: number | null;
  readonly below_benchmark: readonly string[];
  readonly playbooks: readonly string[];
  readonly issues: readonly RowIssue[];
  readonly metrics: Readonly<Record<string, { readonly value: number | string | boolean | null; readonly score: number | null; readonly band: string | null }>>;
  readonly pulse_age_days: number | null;
}

/** A row that could not be read as a record at all (the CSV reader's wrong field count). */
export function unreadableRow(row: number, line: number | null, issue: RowIssue): EngineRow {
  return {
    row, line, id: null, as_of: null, status: 'invalid', reason: null, score: null, band: null, coverage: null, categories: {},
    stage: null, segment: null, benchmark: null, gap: null, below_benchmark: [], playbooks: [], issues: [issue], metrics: {}, pulse_age_days: null,
  };
}

/**
 * Reads rows of a plan's query (`planToSql`) back into engine rows. Values arrive as the driver
 * gives them (DATE as a JavaScript Date or text, BIGINT as bigint or text); each field issue is
 * described again by the JavaScript reader from the field's raw value, so a bad row reads the
 * same whichever engine scored it (and an engine that disagrees with the reader is a bug, thrown).
 */
export function rowReader(plan: Plan, columns: readonly SqlColumn[]): (values: readonly unknown[], where: { row: number; line: number | null }) => EngineRow {
  const at = new Map<string, number>();
  columns.forEach((column, i) => at.set(key(column.field), i));
  // Every column's index found once: the reader runs for every row.
  const index = (k: string) => at.get(k) ?? -1;
  const get = (values: readonly unknown[], i: number) => (i < 0 ? null : (values[i] ?? null));
  const text = (v: unknown) => (v === null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
  const number = (v: unknown) => (v === null ? null : Number(v));
  const list = (v: unknown, separator: string) => (v === null || v === '' ? [] : String(v).split(separator));
  const categoryColumns = plan.categories.map((c) => ({ key: c.key, score: index(`category_score:${c.key}`), band: index(`category_band:${c.key}`) }));
  const metricColumns = plan.metrics.map((m) => ({ key: m.key, value: index(`metric_value:${m.key}`), score: index(`metric_score:${m.key}`), band: index(`metric_band:${m.key}`) }));
  const one = Object.fromEntries(ROW_FIELDS.map((k) => [k, index(k)])) as Record<(typeof ROW_FIELDS)[number], number>;
  return (values, where) => {
    const status = get(values, one.status) as ScoreResult['status'];
    const categories: Record<string, { score: number | null; band: string | null }> = {};
    if (status !== 'invalid') {
      for (const c of categoryColumns) categories[c.key] = { score: number(get(values, c.score)), band: text(get(values, c.band)) };
    }
    const metrics: Record<string, { value: number | string | boolean | null; score: number | null; band: string | null }> = {};
    if (status !== 'invalid') {
      for (const m of metricColumns) {
        const value = get(values, m.value);
        metrics[m.key] = {
          value: value instanceof Date ? text(value) : typeof value === 'bigint' ? Number(value) : (value as number | string | boolean | null),
          score: number(get(values, m.score)),
          band: text(get(values, m.band)),
        };
      }
    }
    const id = text(get(values, one.id));
    const issues = list(get(values, one.issues), '; ').map((entry) => {
      const [field, code] = entry.split(': ') as [string, string];
      // A BIGINT field arrives as a bigint: described by its digits, as a CSV would hold them.
      const raw = at.has(`raw:${field}`) ? get(values, index(`raw:${field}`)) : undefined;
      return describeIssue(plan, field, code, typeof raw === 'bigint' ? String(raw) : raw, id);
    });
    return {
      row: where.row,
      line: where.line,
      id,
      as_of: text(get(values, one.as_of)),
      status,
      reason: text(get(values, one.reason)) as ScoreResult['reason'],
      score: number(get(values, one.score)),
      band: text(get(values, one.band)),
      coverage: number(get(values, one.coverage)),
      categories,
      stage: text(get(values, one.stage)),
      segment: text(get(values, one.segment)),
      benchmark: number(get(values, one.benchmark)),
      gap: number(get(values, one.gap)),
      below_benchmark: list(get(values, one.below_benchmark), ';'),
      playbooks: list(get(values, one.playbooks), ';'),
      issues,
      metrics,
      pulse_age_days: plan.pulse === null ? null : number(get(values, one.pulse_age_days)),
    };
  };
}

/** The columns that hold one value of a row (not one per category, metric or input). */
const ROW_FIELDS = ['status', 'id', 'issues', 'as_of', 'reason', 'score', 'band', 'coverage', 'stage', 'segment', 'benchmark', 'gap', 'below_benchmark', 'playbooks', 'pulse_age_days'] as const;

function key(field: SqlColumn['field']): string {
  switch (field.kind) {
    case 'category_score':
    case 'category_band':
      return `${field.kind}:${field.category}`;
    case 'metric_value':
    case 'metric_score':
    case 'metric_band':
      return `${field.kind}:${field.metric}`;
    case 'raw':
      return `raw:${field.input}`;
    default:
      return field.kind;
  }
}
