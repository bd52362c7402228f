import type { PlaybookPriority } from '../schema/model-source.js';

/**
 * What a bulk output needs of one scored snapshot: the score, the band, each category's and
 * metric's score and band, the stage benchmark, pulse, override, change and the playbooks that
 * fired — everything but the explanation (weights, contributions, missing inputs, why a playbook
 * fired). Every `ScoreResult` is one; an evaluator's summary step builds only this, and is held
 * to equal the summary of its full result (`summaryOf`).
 */
export interface ScoreSummary {
  readonly model: string;
  readonly model_hash: string;
  readonly id: string | null;
  readonly as_of: string | null;
  /** `scored`: a score and band. `unscored`: not enough data to score, `reason` says why. `invalid`: the record is bad, see `issues`. */
  readonly status: 'scored' | 'unscored' | 'invalid';
  readonly reason: UnscoredReason | null;
  readonly score: number | null;
  readonly band: string | null;
  /** Share (0–1) of the full weight whose metrics had data. */
  readonly coverage: number;
  readonly categories: Readonly<Record<string, CategorySummary>>;
  readonly metrics: Readonly<Record<string, MetricSummary>>;
  readonly segment: string | null;
  readonly stage: string | null;
  readonly benchmark: number | null;
  /** score − benchmark: negative is below. */
  readonly gap: number | null;
  /** When below the benchmark: the metrics scoring under it, the one costing most first. */
  readonly below_benchmark: readonly string[];
  readonly pulse: PulseResult | null;
  readonly override: OverrideResult | null;
  readonly change: ChangeResult | null;
  readonly playbooks: readonly PlaybookSummary[];
  readonly issues: readonly RecordIssue[];
}

/**
 * What scoring one account snapshot gives: the score and every number behind it. Plain data, the
 * same from every evaluator, stable in shape (every key present, `null` where there is no value).
 */
export interface ScoreResult extends ScoreSummary {
  /** Inputs some metric reads that this record lacks. */
  readonly missing_inputs: readonly string[];
  readonly categories: Readonly<Record<string, CategoryResult>>;
  readonly metrics: Readonly<Record<string, MetricResult>>;
  readonly playbooks: readonly FiredPlaybook[];
}

export type UnscoredReason = 'insufficient-coverage' | 'metric-unknown' | 'no-data';

/** Every reason a result goes unscored, in the order summaries list them. */
export const UNSCORED_REASONS: readonly UnscoredReason[] = ['insufficient-coverage', 'metric-unknown', 'no-data'];

export interface MetricSummary {
  readonly value: number | string | boolean | null;
  readonly score: number | null;
  readonly band: string | null;
  readonly missing: boolean;
  /** Missing, and scored by the metric's `missing: { score }` policy. */
  readonly imputed: boolean;
}

export interface MetricResult extends MetricSummary {
  /** Share (0–1) of the overall score this metric carried, after missing metrics were left out. */
  readonly weight: number;
  /** Points of the overall score from this metric (weight × score). */
  readonly contribution: number | null;
}

export interface CategorySummary {
  readonly score: number | null;
  readonly band: string | null;
  readonly coverage: number;
  readonly benchmark: number | null;
  readonly gap: number | null;
}

export interface CategoryResult extends CategorySummary {
  readonly weight: number;
  readonly contribution: number | null;
}

export interface PulseResult {
  readonly value: string;
  readonly title: string | null;
  /** The score the roll-up used: after the stale policy (null when excluded). */
  readonly score: number | null;
  readonly raw_score: number;
  readonly recorded_at: string | null;
  readonly age_days: number | null;
  readonly shelf_life_days: number;
  readonly stale: boolean;
}

export interface OverrideResult {
  /** Only `active` applies; `inverted`: `expires_at` is on or before `set_at`, so the window is empty. */
  readonly status: 'active' | 'expired' | 'not-yet-valid' | 'no-expiry' | 'inverted';
  /** As given in the record; the result's `score` is it rounded to the model's precision. */
  readonly score: number | null;
  readonly band: string | null;
  readonly reason: string | null;
  readonly set_at: string | null;
  readonly expires_at: string | null;
  readonly computed_score: number | null;
  readonly computed_band: string | null;
}

export interface ChangeResult {
  readonly previous_as_of: string;
  readonly previous_score: number | null;
  readonly previous_band: string | null;
  readonly score: number | null;
  readonly band_changed: boolean;
}

export interface PlaybookSummary {
  readonly key: string;
  readonly title: string | null;
  readonly priority: PlaybookPriority;
  readonly owner: string | null;
  readonly action: string;
}

export interface FiredPlaybook extends PlaybookSummary {
  /** The values the condition read, as written in it: why it fired. */
  readonly why: readonly { readonly ref: string; readonly value: number | string | boolean | null }[];
}

/** A problem with one record's data. The CLI adds the row number. */
export interface RecordIssue {
  readonly field: string;
  readonly code: RecordIssueCode;
  readonly message: string;
  readonly value?: string;
}

export type RecordIssueCode =
  | 'missing-required'
  | 'not-a-number'
  | 'not-an-integer'
  | 'integer-too-large'
  | 'below-minimum'
  | 'above-maximum'
  | 'not-a-boolean'
  | 'not-in-enum'
  | 'not-a-date'
  | 'not-text'
  | 'no-as-of'
  | 'snapshot-out-of-order'
  | 'snapshot-duplicate';

/** What an evaluator keeps of an account between its snapshots. Plain data. */
export interface AccountState {
  /** The date of the account's latest snapshot: the next must be later. */
  readonly asOf: number;
  /**
   * The latest snapshot that showed a band, and the score and band it showed: what `change`,
   * `band_changed` and `prev()` of the score or band compare with, so a month without data in
   * between does not hide a drop.
   */
  readonly scoredAsOf: number | null;
  readonly score: number | null;
  readonly band: string | null;
  /**
   * The latest computed band (after hysteresis, before any override): what hysteresis compares
   * with next time. Kept apart from `band`, so an override never moves the thresholds.
   */
  readonly computedBand: string | null;
  /** The value of each `prev()` site at the previous snapshot (at the last one with a band, for sites following the band). */
  readonly sites: readonly unknown[];
  /** Day each playbook last fired (index as in the plan), for cooldowns. */
  readonly lastFired: readonly (number | null)[];
}
