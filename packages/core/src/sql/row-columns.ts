import type { Sql } from './sql-value.js';
import type { InputColumns } from './read-inputs.js';

/** The columns each stage adds to every row, for the stages after it to read. Filled stage by stage. */
export interface RowColumns {
  readonly order: Sql;
  readonly inputs: ReadonlyMap<string, InputColumns>;
  /** The account id as read (NULL when the model has none). */
  id: Sql;
  /** The as-of day (days since 1970-01-01), from the record or the run. */
  day: Sql;
  /** The record was read without an issue. */
  valid: Sql;
  /** Read without an issue and, when the model has history, in date order: it joins the account's history. */
  accepted: Sql;
  /** `field: code; …` for an invalid row. */
  issues: Sql;
  /** `OVER (…)` over an account's accepted snapshots in date order: what `prev()` reads. */
  history: string;
  pulse?: PulseColumns;
  readonly metricValues: Map<string, Sql>;
  readonly metricScores: Map<string, MetricScoreColumns>;
  readonly categories: Map<string, CategoryColumns>;
  overall?: OverallColumns;
  shown?: ShownColumns;
  benchmarks?: BenchmarkColumns;
  playbooks?: Sql;
}

export interface PulseColumns {
  readonly value: Sql;
  readonly score: Sql;
  readonly age: Sql;
  readonly stale: Sql;
}

export interface MetricScoreColumns {
  readonly score: Sql;
  readonly band: Sql;
  readonly missing: Sql;
  readonly unknown: Sql;
}

export interface CategoryColumns {
  readonly score: Sql;
  readonly band: Sql;
  /** The category takes part in the overall score (a weight above 0 and a score). */
  readonly present: Sql;
}

export interface OverallColumns {
  readonly coverage: Sql;
  readonly reason: Sql;
  readonly score: Sql;
  /** The plain band of the computed score, as its position (0 = worst). */
  readonly bandIndex: Sql;
}

/** The score and band the account is shown (after hysteresis and any active override). */
export interface ShownColumns {
  /** A band is shown (computed, or from an active override). */
  readonly banded: Sql;
  readonly score: Sql;
  readonly band: Sql;
  readonly status: Sql;
  readonly reason: Sql;
  readonly bandChanged: Sql;
  readonly scoreChange: Sql;
  /**
   * With a history: the band shown at the account's last earlier snapshot that showed one, and,
   * counting the snapshots that showed a band so far, the group each snapshot belongs to (what
   * `prev()` of a result reads: result-stages.ts). Window functions of one lane.
   */
  readonly history?: { readonly previousBand: Sql; readonly group: Sql };
}

export interface BenchmarkColumns {
  readonly benchmark: Sql;
  readonly gap: Sql;
  readonly belowBenchmark: Sql;
  readonly categories: Map<string, { benchmark: Sql; gap: Sql }>;
}
