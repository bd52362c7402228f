import { accountFacts, CATEGORY_PARTS, METRIC_PARTS, metricColumnStem, type Plan } from '@vitals/core';
import type { CsvValue } from './csv-field.js';
import type { RowIssue, RowOrigin, RowResult } from './score-row.js';

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * One column of `vitals score` output. CSV writes it flat under `name`; NDJSON and JSON nest it
 * at `path` (`seat_utilisation_score` is `metrics.seat_utilisation.score`). A column of a group
 * (`change`, `pulse`, `override`) sits in an object that is null when the result has no such part.
 * Getters are made once per run, never per row or cell. `sql`: the SQL engines compute it
 * (`score --engine duckdb`); the change, pulse, override, owner and value columns only the
 * JavaScript engine writes.
 */
export interface ScoreColumn {
  readonly name: string;
  readonly path: readonly string[];
  /** The group's object, when the column sits in one that may be null (`['change']`). */
  readonly group: Group | null;
  readonly sql: boolean;
  readonly json: (result: RowResult, data: RowOrigin) => JsonValue;
  /** The CSV cell: the JSON value, lists joined. */
  readonly csv: (result: RowResult, data: RowOrigin) => CsvValue;
}

interface Group {
  readonly path: readonly string[];
  readonly present: (result: RowResult) => boolean;
}

type Get = (result: RowResult, data: RowOrigin) => JsonValue;

const scalar = (name: string, path: readonly string[], get: Get, group: Group | null = null): ScoreColumn => ({ name, path, group, sql: group === null, json: get, csv: get as ScoreColumn['csv'] });
const top = (name: string, get: Get) => scalar(name, [name], get);
/** A column of the record, not the result (owner, value): no SQL engine hands the record back. */
const fromRecord = (name: string, get: Get): ScoreColumn => ({ ...top(name, get), sql: false });
const list = (name: string, get: (result: RowResult, data: RowOrigin) => readonly string[], separator = ';'): ScoreColumn => ({ name, path: [name], group: null, sql: true, json: get, csv: (r, d) => get(r, d).join(separator) });

const CHANGE: Group = { path: ['change'], present: (r) => r.change !== null };
const PULSE: Group = { path: ['pulse'], present: (r) => r.pulse !== null };
const OVERRIDE: Group = { path: ['override'], present: (r) => r.override !== null };

/**
 * Every column `vitals score` writes for a model, in order; `--columns` picks from them. The
 * names of columns that are not a category's or a metric's never end in `_value`, `_score` or
 * `_band` (the core's column naming), so no key can clash with them.
 */
export function scoreColumns(plan: Plan): ScoreColumn[] {
  const categoryKeys = new Set(plan.categories.map((c) => c.key));
  const facts = accountFacts(plan);
  const history = plan.data.id !== null && plan.data.asOf !== null;
  return [
    top('row', (_r, d) => d.row),
    top('line', (_r, d) => d.line),
    top('id', (r) => r.id),
    top('as_of', (r) => r.as_of),
    top('status', (r) => r.status),
    top('reason', (r) => r.reason),
    top('score', (r) => r.score),
    top('band', (r) => r.band),
    top('coverage', (r) => (r.status === 'invalid' ? null : r.coverage)),
    ...plan.categories.flatMap((c) => CATEGORY_PARTS.map((part) => scalar(`${c.key}_${part}`, ['categories', c.key, part], (r) => r.categories[c.key]?.[part] ?? null))),
    top('stage', (r) => r.stage),
    top('segment', (r) => r.segment),
    ...(plan.data.owner === null ? [] : [fromRecord('owner', (_r, d) => (d.record === null ? null : facts.owner(d.record)))]),
    ...(plan.data.value === null ? [] : [fromRecord('value', (_r, d) => (d.record === null ? null : facts.value(d.record)))]),
    top('benchmark', (r) => r.benchmark),
    top('gap', (r) => r.gap),
    list('below_benchmark', (r) => r.below_benchmark),
    list('playbooks', (r) => r.playbooks.map((p) => p.key)),
    ...(history ? changeColumns() : []),
    ...(plan.pulse === null ? [] : pulseColumns()),
    ...(plan.overrides === null ? [] : overrideColumns()),
    ...plan.metrics.flatMap((m) => METRIC_PARTS.map((part) => scalar(`${metricColumnStem(m.key, categoryKeys)}_${part}`, ['metrics', m.key, part], (r) => r.metrics[m.key]?.[part] ?? null))),
    { name: 'issues', path: ['issues'], group: null, sql: true, json: (r) => r.issues as readonly RowIssue[] as unknown as JsonValue, csv: (r) => r.issues.map((i) => `${i.field ?? 'row'}: ${i.code}`).join('; ') },
  ];
}

function changeColumns(): ScoreColumn[] {
  return [
    scalar('previous_as_of', ['change', 'previous_as_of'], (r) => r.change?.previous_as_of ?? null, CHANGE),
    scalar('score_delta', ['change', 'score_delta'], (r) => r.change?.score ?? null, CHANGE),
    scalar('band_previous', ['change', 'previous_band'], (r) => r.change?.previous_band ?? null, CHANGE),
    scalar('band_changed', ['change', 'band_changed'], (r) => r.change?.band_changed ?? null, CHANGE),
  ];
}

function pulseColumns(): ScoreColumn[] {
  return [
    scalar('pulse', ['pulse', 'value'], (r) => r.pulse?.value ?? null, PULSE),
    scalar('pulse_age_days', ['pulse', 'age_days'], (r) => r.pulse?.age_days ?? null, PULSE),
    scalar('pulse_stale', ['pulse', 'stale'], (r) => r.pulse?.stale ?? null, PULSE),
  ];
}

function overrideColumns(): ScoreColumn[] {
  return [
    scalar('override', ['override', 'status'], (r) => r.override?.status ?? null, OVERRIDE),
    scalar('override_reason', ['override', 'reason'], (r) => r.override?.reason ?? null, OVERRIDE),
    scalar('score_computed', ['override', 'computed_score'], (r) => r.override?.computed_score ?? null, OVERRIDE),
    scalar('band_computed', ['override', 'computed_band'], (r) => r.override?.computed_band ?? null, OVERRIDE),
  ];
}

/**
 * The row a JSON form writes: the selected columns, nested at their paths, in the order of the
 * columns; a group the result lacks is null. The writers write `JSON.stringify` of it straight
 * into bytes (`json-row-bytes.ts`), which a test holds to this definition byte for byte.
 */
export function jsonRow(columns: readonly ScoreColumn[], result: RowResult, data: RowOrigin): Record<string, JsonValue> {
  const row: Record<string, JsonValue> = {};
  for (const column of columns) {
    if (column.group !== null && !column.group.present(result)) place(row, column.group.path, null);
    else place(row, column.path, column.json(result, data));
  }
  return row;
}

function place(row: Record<string, JsonValue>, path: readonly string[], value: JsonValue): void {
  let at = row as Record<string, JsonValue>;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i] as string;
    let next = at[key];
    if (next === null) return;
    if (next === undefined) at[key] = next = {};
    at = next as Record<string, JsonValue>;
  }
  at[path[path.length - 1] as string] = value;
}
