import type { CategoryResult, ChangeResult, MetricResult, OverrideResult, PulseResult, RecordIssueCode, ScoreResult, UnscoredReason } from '../evaluate/result.js';

/**
 * What an `expect:` may name, and how each field is read and compared. The tables are typed by
 * the result interfaces, so a field added to `ScoreResult` is a compile error here until it is
 * given a comparison.
 */
export type FieldSpec =
  | { readonly kind: 'text'; readonly allowed?: readonly string[] }
  | { readonly kind: 'flag' }
  | { readonly kind: 'number' }
  | { readonly kind: 'value' }
  | { readonly kind: 'list' }
  | { readonly kind: 'set'; readonly entry: EntryKind }
  | { readonly kind: 'issues' }
  | { readonly kind: 'entries'; readonly entry: EntryKind; readonly fields: FieldTable }
  | { readonly kind: 'object'; readonly fields: FieldTable };

/** The kinds of model entry an expectation can name by key. */
export type EntryKind = 'category' | 'metric' | 'playbook';

export type FieldTable = Readonly<Record<string, FieldSpec>>;

const text: FieldSpec = { kind: 'text' };
const number: FieldSpec = { kind: 'number' };
const flag: FieldSpec = { kind: 'flag' };

const UNSCORED_REASONS: Readonly<Record<UnscoredReason, true>> = { 'insufficient-coverage': true, 'metric-unknown': true, 'no-data': true };
const OVERRIDE_STATUSES: Readonly<Record<OverrideResult['status'], true>> = { active: true, expired: true, 'not-yet-valid': true, 'no-expiry': true, inverted: true };
const ISSUE_CODES: Readonly<Record<RecordIssueCode, true>> = {
  'missing-required': true,
  'not-a-number': true,
  'not-an-integer': true,
  'integer-too-large': true,
  'below-minimum': true,
  'above-maximum': true,
  'not-a-boolean': true,
  'not-in-enum': true,
  'not-a-date': true,
  'not-text': true,
  'no-as-of': true,
  'snapshot-out-of-order': true,
  'snapshot-duplicate': true,
};
/** Every code a record issue can have, for checking an expected `issues` list. */
export const RECORD_ISSUE_CODES: readonly string[] = Object.keys(ISSUE_CODES);

const CATEGORY_FIELDS: Readonly<Record<keyof CategoryResult, FieldSpec>> = {
  score: number,
  band: text,
  coverage: number,
  weight: number,
  contribution: number,
  benchmark: number,
  gap: number,
};

const METRIC_FIELDS: Readonly<Record<keyof MetricResult, FieldSpec>> = {
  value: { kind: 'value' },
  score: number,
  band: text,
  weight: number,
  contribution: number,
  missing: flag,
  imputed: flag,
};

const PULSE_FIELDS: Readonly<Record<keyof PulseResult, FieldSpec>> = {
  value: text,
  title: text,
  score: number,
  raw_score: number,
  recorded_at: text,
  age_days: number,
  shelf_life_days: number,
  stale: flag,
};

const OVERRIDE_FIELDS: Readonly<Record<keyof OverrideResult, FieldSpec>> = {
  status: { kind: 'text', allowed: Object.keys(OVERRIDE_STATUSES) },
  score: number,
  band: text,
  reason: text,
  set_at: text,
  expires_at: text,
  computed_score: number,
  computed_band: text,
};

const CHANGE_FIELDS: Readonly<Record<keyof ChangeResult, FieldSpec>> = {
  previous_as_of: text,
  previous_score: number,
  previous_band: text,
  score: number,
  band_changed: flag,
};

export const RESULT_FIELDS: Readonly<Record<keyof ScoreResult, FieldSpec>> = {
  model: text,
  model_hash: text,
  id: text,
  as_of: text,
  status: { kind: 'text', allowed: ['scored', 'unscored', 'invalid'] },
  reason: { kind: 'text', allowed: Object.keys(UNSCORED_REASONS) },
  score: number,
  band: text,
  coverage: number,
  missing_inputs: { kind: 'list' },
  categories: { kind: 'entries', entry: 'category', fields: CATEGORY_FIELDS },
  metrics: { kind: 'entries', entry: 'metric', fields: METRIC_FIELDS },
  segment: text,
  stage: text,
  benchmark: number,
  gap: number,
  below_benchmark: { kind: 'list' },
  pulse: { kind: 'object', fields: PULSE_FIELDS },
  override: { kind: 'object', fields: OVERRIDE_FIELDS },
  change: { kind: 'object', fields: CHANGE_FIELDS },
  playbooks: { kind: 'set', entry: 'playbook' },
  issues: { kind: 'issues' },
};
