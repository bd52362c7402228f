import type { ChangeSection, ChangeValue, ModelChange } from './impact.js';

/**
 * A change in words, in parts, so each renderer can set them its own way (plain text, Markdown
 * with code spans, HTML): `metric` `seat_utilisation`: `weight` `2` → `3`.
 */
export interface ChangeDescription {
  /** What holds the change: `model`, `metric`, `category`, `playbook`, `benchmark`, `input`, `pulse`, `overrides`. */
  readonly entry: string;
  /** The entry's key; null for the model's own settings, the pulse and the overrides. */
  readonly key: string | null;
  /** What about it changed: `weight`, `red band`, `condition`, `renamed from`, `added`, `removed`. */
  readonly aspect: string;
  /** The value before and after, written as in the model (null where there is none: an added entry has no before). */
  readonly before: string | null;
  readonly after: string | null;
}

const ENTRY: Readonly<Record<ChangeSection, string>> = {
  model: 'model',
  bands: 'model',
  data: 'model',
  inputs: 'input',
  categories: 'category',
  metrics: 'metric',
  pulse: 'pulse',
  overrides: 'overrides',
  benchmarks: 'benchmark',
  playbooks: 'playbook',
};

const ASPECT: Readonly<Record<string, string>> = {
  value: 'value formula',
  missing: 'missing data',
  rollup: 'roll-up',
  'missing.min_coverage': 'minimum coverage',
  'data.id': 'account id field',
  'data.as_of': 'as-of field',
  'data.segment': 'segment field',
  'data.stage': 'stage field',
  recorded_at: 'recorded-at field',
  stale: 'stale pulse policy',
  shelf_life: 'shelf life',
  when: 'condition',
  model: 'key',
};

/** A change in words (see `ChangeDescription`). */
export function describeChange(change: ModelChange): ChangeDescription {
  const entry = ENTRY[change.section];
  const key = change.section === 'bands' || change.section === 'data' ? null : change.key;
  if (change.kind === 'renamed') return { entry, key, aspect: 'renamed from', before: formatChangeValue(change.before), after: null };
  if (change.kind !== 'changed') return { entry, key, aspect: change.kind, before: null, after: null };
  if (change.field === null) return { entry, key, aspect: 'definition (vitals cannot name what changed)', before: null, after: null };
  const band = /^bands\.([^.]+)(\.title|\.color)?$/.exec(change.field);
  if (band !== null && band[2] === undefined) return { entry, key, aspect: `${band[1]} band`, before: below(change.before), after: below(change.after) };
  if (band !== null) return { entry, key, aspect: `${band[1]} band ${(band[2] as string).slice(1)}`, before: formatChangeValue(change.before), after: formatChangeValue(change.after) };
  const level = /^scale\.([^.]+)\.(score|title|shelf_life)$/.exec(change.field);
  const aspect = level !== null ? `level ${level[1]} ${(ASPECT[level[2] as string] ?? level[2]) as string}` : (ASPECT[change.field] ?? change.field.replace(/_/g, ' '));
  return { entry, key, aspect, before: formatChangeValue(change.before), after: formatChangeValue(change.after) };
}

function below(value: ChangeValue): string {
  return value === null ? 'open-ended (the top band)' : `below ${formatChangeValue(value)}`;
}

/** A value as a model writes it, on one line: `{ linear: { from: 0.2, to: 0.9 } }`, `30d`, `[red, amber, green]`; `none` for null. */
export function formatChangeValue(value: ChangeValue): string {
  if (value === null) return 'none';
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[${value.map(formatChangeValue).join(', ')}]`;
  const entries = Object.entries(value as Record<string, ChangeValue>).map(([k, v]) => `${k}: ${formatChangeValue(v)}`);
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
}
