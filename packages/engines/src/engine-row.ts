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

/** Where a row sits in its file. */
export interface RowPlace {
  readonly row: number;
  readonly line: number | null;
}

/** Reads one row of a query's values into an engine row. */
export type RowReader = (values: readonly unknown[], where: RowPlace) => EngineRow;

/**
 * Reads rows of a plan's query (`planToSql`) back into engine rows. Values arrive as the driver
 * gives them (DATE as a JavaScript Date or text, BIGINT as bigint or text); each field issue is
 * described again by the JavaScript reader from the field's raw value, so a bad row reads the
 * same whichever engine scored it (and an engine that disagrees with the reader is a bug, thrown).
 * With `reuse`, every call fills and returns the same row (its categories and metrics objects
 * too): for a caller that is done with a row before it reads the next, no objects per row.
 */
export function rowReader(plan: Plan, columns: readonly SqlColumn[], options: { readonly reuse?: boolean } = {}): RowReader {
  const at = new Map<string, number>();
  columns.forEach((column, i) => at.set(key(column.field), i));
  // Every column's index found once: the reader runs for every row.
  const index = (k: string) => at.get(k) ?? -1;
  const get = (values: readonly unknown[], i: number) => (i < 0 ? null : (values[i] ?? null));
  const categoryColumns = plan.categories.map((c) => ({ key: c.key, score: index(`category_score:${c.key}`), band: index(`category_band:${c.key}`) }));
  const metricColumns = plan.metrics.map((m) => ({ key: m.key, value: index(`metric_value:${m.key}`), score: index(`metric_score:${m.key}`), band: index(`metric_band:${m.key}`) }));
  const one = Object.fromEntries(ROW_FIELDS.map((k) => [k, index(k)])) as Record<(typeof ROW_FIELDS)[number], number>;
  const reused = options.reuse === true ? reusedParts(plan) : null;
  const categories = (values: readonly unknown[]): EngineRow['categories'] => {
    const out: Record<string, { score: number | null; band: string | null }> = reused?.categories ?? {};
    for (const c of categoryColumns) {
      const score = number(get(values, c.score));
      const band = text(get(values, c.band));
      const part = reused === null ? undefined : out[c.key];
      if (part === undefined) {
        out[c.key] = { score, band };
        continue;
      }
      part.score = score;
      part.band = band;
    }
    return out;
  };
  const metrics = (values: readonly unknown[]): EngineRow['metrics'] => {
    const out: Record<string, { value: number | string | boolean | null; score: number | null; band: string | null }> = reused?.metrics ?? {};
    for (const m of metricColumns) {
      const raw = get(values, m.value);
      const value = raw instanceof Date ? text(raw) : typeof raw === 'bigint' ? Number(raw) : (raw as number | string | boolean | null);
      const score = number(get(values, m.score));
      const band = text(get(values, m.band));
      const part = reused === null ? undefined : out[m.key];
      if (part === undefined) {
        out[m.key] = { value, score, band };
        continue;
      }
      part.value = value;
      part.score = score;
      part.band = band;
    }
    return out;
  };
  const issues = (values: readonly unknown[], id: string | null): readonly RowIssue[] => {
    const entries = get(values, one.issues);
    if (entries === null || entries === '') return NONE;
    return String(entries)
      .split('; ')
      .map((entry) => {
        const [field, code] = entry.split(': ') as [string, string];
        // A BIGINT field arrives as a bigint: described by its digits, as a CSV would hold them.
        const column = index(`raw:${field}`);
        const raw = column < 0 ? undefined : get(values, column);
        return describeIssue(plan, field, code, typeof raw === 'bigint' ? String(raw) : raw, id);
      });
  };
  const lists = reused === null ? list : listCache();
  return (values, where) => {
    const status = get(values, one.status) as ScoreResult['status'];
    const id = text(get(values, one.id));
    const row: Mutable<EngineRow> = reused?.row ?? ({} as Mutable<EngineRow>);
    row.row = where.row;
    row.line = where.line;
    row.id = id;
    row.as_of = text(get(values, one.as_of));
    row.status = status;
    row.reason = text(get(values, one.reason)) as ScoreResult['reason'];
    row.score = number(get(values, one.score));
    row.band = text(get(values, one.band));
    row.coverage = number(get(values, one.coverage));
    row.categories = status === 'invalid' ? EMPTY : categories(values);
    row.stage = text(get(values, one.stage));
    row.segment = text(get(values, one.segment));
    row.benchmark = number(get(values, one.benchmark));
    row.gap = number(get(values, one.gap));
    row.below_benchmark = lists(get(values, one.below_benchmark), ';');
    row.playbooks = lists(get(values, one.playbooks), ';');
    row.issues = issues(values, id);
    row.metrics = status === 'invalid' ? EMPTY : metrics(values);
    row.pulse_age_days = plan.pulse === null ? null : number(get(values, one.pulse_age_days));
    return row;
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const NONE: readonly never[] = Object.freeze([]);
const EMPTY: Readonly<Record<string, never>> = Object.freeze({});

const text = (v: unknown) => (v === null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
const number = (v: unknown) => (v === null ? null : Number(v));
const list = (v: unknown, separator: string): readonly string[] => (v === null || v === '' ? NONE : String(v).split(separator));

/** `list`, each distinct text split once (a reused row's lists are read before the next row, never changed). */
function listCache(): typeof list {
  const known = new Map<string, readonly string[]>();
  return (v, separator) => {
    if (v === null || v === '') return NONE;
    const text = String(v);
    let items = known.get(text);
    if (items === undefined) {
      // Bounded: the lists of fired playbooks repeat; should they not, the cache starts over.
      if (known.size >= 1024) known.clear();
      known.set(text, (items = Object.freeze(text.split(separator))));
    }
    return items;
  };
}

/** The one row a reusing reader fills, with an object per category and metric. */
function reusedParts(plan: Plan) {
  return {
    row: {} as Mutable<EngineRow>,
    categories: Object.fromEntries(plan.categories.map((c) => [c.key, { score: null as number | null, band: null as string | null }])),
    metrics: Object.fromEntries(plan.metrics.map((m) => [m.key, { value: null as number | string | boolean | null, score: null as number | null, band: null as string | null }])),
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
