import type { InputDeclaration } from '../check/resolve-inputs.js';
import type { TypedExpr } from '../check/typed-expr.js';
import type { PlaybookPriority } from '../schema/model-source.js';

/**
 * The plan: a model with every default applied and every name resolved, as plain data. It is what
 * evaluators run, what the content hash is taken of, and what a diff or the SQL compiler will read.
 * Entries are lists keyed by `key` (stable identifiers), in the order the model lists them.
 */
export interface Plan {
  readonly format: 1;
  readonly model: string;
  readonly title: string | null;
  /** sha256 of the canonical JSON of this plan without the hash: the version that made a score. */
  readonly hash: string;
  readonly scale: { readonly min: number; readonly max: number };
  /** Scores are rounded to this many decimals before they are banded or rolled up. */
  readonly precision: number;
  readonly bands: BandPlan;
  readonly hysteresis: number;
  readonly data: DataPlan;
  readonly inputs: readonly InputDeclaration[];
  readonly metrics: readonly MetricPlan[];
  /** Metric keys in an order where each metric comes after the metrics it reads. */
  readonly evaluationOrder: readonly string[];
  readonly categories: readonly CategoryPlan[];
  readonly rollup: RollupPlan;
  readonly minCoverage: number;
  readonly pulse: PulsePlan | null;
  readonly overrides: OverridesPlan | null;
  readonly benchmarks: readonly BenchmarkPlan[];
  readonly playbooks: readonly PlaybookPlan[];
  /** How many `prev()` sites the expressions hold (each keeps one value per account). */
  readonly historySites: number;
  /** Inputs any metric reads, in declaration order: the ones reported as missing. */
  readonly metricInputs: readonly string[];
}

export interface DataPlan {
  readonly id: string | null;
  readonly asOf: string | null;
  readonly segment: string | null;
  readonly stage: string | null;
  /** The input holding the account's value (ARR, MRR), for reports. */
  readonly value: string | null;
  /** The input naming the account's owner (the CSM), for reports. */
  readonly owner: string | null;
}

/** Bands worst first; `thresholds[i]` is where band i ends and band i+1 begins (it belongs to i+1). */
export interface BandPlan {
  readonly names: readonly string[];
  readonly thresholds: readonly number[];
  readonly titles: readonly (string | null)[];
  readonly colors: readonly (string | null)[];
}

export type ScorePlan =
  | { readonly method: 'identity' }
  | { readonly method: 'linear'; readonly from: number; readonly to: number }
  | { readonly method: 'steps'; readonly thresholds: readonly number[]; readonly scores: readonly number[] }
  | { readonly method: 'map'; readonly entries: readonly (readonly [string, number])[]; readonly fallback: number | null }
  | { readonly method: 'expr'; readonly expr: TypedExpr; readonly text: string };

export type MissingPlan = { readonly policy: 'exclude' } | { readonly policy: 'unknown' } | { readonly policy: 'score'; readonly score: number };

export type RollupPlan = { readonly method: 'weighted_mean' } | { readonly method: 'geometric' } | { readonly method: 'weakest_link'; readonly margin: number };

export interface MetricPlan {
  readonly key: string;
  readonly title: string | null;
  readonly category: string;
  readonly value: TypedExpr;
  readonly valueText: string;
  /** `date` values are days since 1970-01-01 at run time and printed as ISO dates. */
  readonly valueKind: 'number' | 'boolean' | 'string' | 'date';
  readonly score: ScorePlan;
  readonly bands: BandPlan;
  readonly weight: number;
  /** This metric's share of the whole score when every metric has data (weights × category weights). */
  readonly fullShare: number;
  readonly missing: MissingPlan;
}

export interface CategoryPlan {
  readonly key: string;
  readonly title: string | null;
  readonly weight: number;
  readonly rollup: RollupPlan;
  readonly bands: BandPlan;
  readonly metrics: readonly string[];
}

export interface PulseLevelPlan {
  readonly value: string;
  readonly title: string | null;
  readonly score: number;
  readonly shelfLifeDays: number;
}

export type StalePlan = { readonly policy: 'keep' } | { readonly policy: 'exclude' } | { readonly policy: 'decay'; readonly to: number; readonly overDays: number };

export interface PulsePlan {
  readonly field: string;
  readonly recordedAt: string;
  readonly levels: readonly PulseLevelPlan[];
  readonly stale: StalePlan;
}

export interface OverridesPlan {
  readonly score: string | null;
  readonly band: string | null;
  readonly reason: string;
  readonly setAt: string;
  readonly expiresAt: string;
}

export interface BenchmarkPlan {
  readonly stage: string;
  readonly segment: string | null;
  readonly category: string | null;
  readonly score: number;
}

export interface PlaybookPlan {
  readonly key: string;
  readonly title: string | null;
  readonly priority: PlaybookPriority;
  readonly owner: string | null;
  readonly action: string;
  readonly cooldownDays: number | null;
  readonly when: TypedExpr;
  readonly whenText: string;
  /** The values a condition reads, as written, shown as "why it fired" (history functions whole). */
  readonly explain: readonly { readonly text: string; readonly expr: TypedExpr }[];
}
