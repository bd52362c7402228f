/**
 * The seven-metric model (`models/saas-seven-metrics/model.yaml`) transcribed by hand into plain
 * data, the way a team moving it to a rule engine would write it down first. Each engine module
 * turns this into the engine's own format (rules, JSON-logic, CEL, a decision graph); the bench
 * then checks every engine against vitals on every account before timing it.
 */
export type MetricValue =
  | { readonly kind: 'ratio'; readonly numerator: string; readonly denominator: string }
  /** (current − previous) / previous × 100 */
  | { readonly kind: 'change'; readonly current: string; readonly previous: string }
  | { readonly kind: 'input'; readonly input: string };

export type MetricScoring =
  | { readonly kind: 'linear'; readonly from: number; readonly to: number }
  | { readonly kind: 'steps'; readonly thresholds: readonly number[]; readonly scores: readonly number[] }
  | { readonly kind: 'map'; readonly entries: readonly (readonly [string, number])[] };

/** Band names worst first; `thresholds[i]` is where band i+1 starts. */
export interface Bands {
  readonly names: readonly string[];
  readonly thresholds: readonly number[];
}

export interface MetricSpec {
  readonly key: string;
  readonly category: string;
  readonly weight: number;
  readonly value: MetricValue;
  readonly scoring: MetricScoring;
  readonly bands: Bands;
  /** Share of the full score when every metric has data (for coverage). */
  readonly fullShare: number;
}

export interface CategorySpec {
  readonly key: string;
  readonly weight: number;
}

const RAG: Bands = { names: ['red', 'amber', 'green'], thresholds: [40, 70] };

export const SCALE = { min: 1, max: 100 } as const;
export const PRECISION = 2;
export const MIN_COVERAGE = 0.6;
export const OVERALL_BANDS = RAG;
export const CATEGORY_BANDS = RAG;

export const CATEGORIES: readonly CategorySpec[] = [
  { key: 'product', weight: 50 },
  { key: 'engagement', weight: 30 },
  { key: 'sentiment', weight: 20 },
];

export const METRICS: readonly MetricSpec[] = [
  {
    key: 'seat_utilisation', category: 'product', weight: 2, fullShare: 0.25,
    value: { kind: 'ratio', numerator: 'monthly_active_users', denominator: 'purchased_seats' },
    scoring: { kind: 'linear', from: 0.2, to: 0.9 },
    bands: { names: ['red', 'amber', 'green'], thresholds: [50, 75] },
  },
  {
    key: 'data_ingested_trend', category: 'product', weight: 1, fullShare: 0.125,
    value: { kind: 'change', current: 'data_ingested_gb', previous: 'data_ingested_gb_last_month' },
    scoring: { kind: 'steps', thresholds: [-25, -5, 10], scores: [10, 45, 75, 100] },
    bands: RAG,
  },
  {
    key: 'feature_adoption', category: 'product', weight: 1, fullShare: 0.125,
    value: { kind: 'ratio', numerator: 'features_adopted', denominator: 'features_available' },
    scoring: { kind: 'linear', from: 0.1, to: 0.7 },
    bands: RAG,
  },
  {
    key: 'outreach_vs_target', category: 'engagement', weight: 1, fullShare: 0.075,
    value: { kind: 'ratio', numerator: 'outreach_touches', denominator: 'outreach_target' },
    scoring: { kind: 'linear', from: 0.25, to: 1 },
    bands: RAG,
  },
  {
    key: 'business_review_attendance', category: 'engagement', weight: 2, fullShare: 0.15,
    value: { kind: 'ratio', numerator: 'business_reviews_attended', denominator: 'business_reviews_scheduled' },
    scoring: { kind: 'steps', thresholds: [0.5, 1], scores: [20, 65, 100] },
    bands: RAG,
  },
  {
    key: 'tickets_vs_target', category: 'engagement', weight: 1, fullShare: 0.075,
    value: { kind: 'ratio', numerator: 'open_tickets', denominator: 'ticket_target' },
    scoring: { kind: 'linear', from: 2, to: 0.5 },
    bands: RAG,
  },
  {
    key: 'csm_rag', category: 'sentiment', weight: 1, fullShare: 0.2,
    value: { kind: 'input', input: 'csm_rag' },
    scoring: { kind: 'map', entries: [['red', 15], ['amber', 55], ['green', 100]] },
    bands: RAG,
  },
];

export const metricsOf = (category: string): readonly MetricSpec[] => METRICS.filter((m) => m.category === category);
