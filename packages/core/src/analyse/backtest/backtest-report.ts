import type { ScoreResult } from '../../evaluate/result.js';
import type { Rate } from './wilson.js';

/** An AUC with its 95% interval. */
export interface AucEstimate {
  readonly auc: number;
  readonly low: number;
  readonly high: number;
  /** Churned and retained observations it was computed on. */
  readonly churned: number;
  readonly retained: number;
}

/** How an interval was computed, said in every output. */
export type IntervalMethod =
  | { readonly method: 'delong'; readonly clustered: boolean }
  | { readonly method: 'bootstrap'; readonly replicates: number; readonly seed: number; readonly clustered: boolean; readonly skipped: number };

/** One category's or metric's score on its own. */
export interface ComponentAuc {
  readonly kind: 'category' | 'metric';
  readonly key: string;
  readonly title: string | null;
  /** Null when the component was scored for too few churned or retained observations. */
  readonly estimate: AucEstimate | null;
  /** Observations where the component had a score. */
  readonly scored: number;
}

export interface BandRate extends Rate {
  readonly band: string;
  readonly title: string | null;
  readonly color: string | null;
  /** rate / base rate: 2 means this band churns twice as often as the average account. */
  readonly lift: number | null;
}

export interface CalibrationBin extends Rate {
  /** 1…10, lowest scores first. */
  readonly decile: number;
  readonly minScore: number;
  readonly maxScore: number;
  readonly meanScore: number;
}

/** An account that scored in the best band and churned anyway, with its drill-down. */
export interface Miss {
  readonly row: number;
  readonly line: number | null;
  readonly result: ScoreResult;
}

/** The backtest of one model. */
export interface ModelBacktest {
  readonly model: string;
  readonly title: string | null;
  readonly hash: string;
  readonly auc: AucEstimate;
  readonly components: readonly ComponentAuc[];
  readonly bands: readonly BandRate[];
  readonly calibration: readonly CalibrationBin[];
  /** The best band, and how many of its observations churned (all of them, not only those listed). */
  readonly misses: { readonly band: string; readonly churned: number; readonly of: number; readonly listed: readonly Miss[] };
}

/** Two models on the same observations. */
export interface BacktestComparison {
  /** AUC of the second model minus the first's, with the interval of the paired difference. */
  readonly difference: { readonly value: number; readonly low: number; readonly high: number };
  /** observations[i][j]: observations in band i of the first model and band j of the second. */
  readonly transitions: readonly (readonly Rate[])[];
  readonly fromBands: readonly string[];
  readonly toBands: readonly string[];
}

/** What rows became: counted by the collector, before the statistics. */
export interface BacktestCounts {
  readonly rows: number;
  /** Observations the statistics count: scored by every model, with a known outcome. */
  readonly observations: number;
  readonly accounts: number | null;
  readonly invalid: number;
  readonly unscored: number;
  /** Unscored rows whose outcome is known: how often they churned (a score that skips risky accounts flatters itself). */
  readonly unscoredRate: Rate | null;
  /** Label outcomes: rows with a blank outcome. */
  readonly noOutcome: number;
  /** Date outcomes: snapshots on or after the account's churn date (what the score saw was already the churn). */
  readonly afterOutcome: number;
  /** Date outcomes with a horizon: snapshots whose window runs past the end of the data, without a churn in it. */
  readonly censored: number;
}

export interface OutcomeDescription {
  readonly field: string;
  readonly kind: 'label' | 'date';
  /** Date outcomes: the window after a snapshot in which a churn counts, in days (null: any time later). */
  readonly horizonDays: number | null;
  /** Date outcomes: the last day the data can tell about (ISO date). */
  readonly observedUntil: string | null;
}

export interface BacktestReport {
  readonly outcome: OutcomeDescription;
  readonly counts: BacktestCounts;
  readonly baseRate: Rate;
  readonly interval: IntervalMethod;
  readonly models: readonly ModelBacktest[];
  /** With two models: the second against the first. */
  readonly comparison: BacktestComparison | null;
}

/** Why a backtest cannot be computed: each a clear sentence for the user, never a NaN. */
export type BacktestRefusal =
  | { readonly code: 'single-class'; readonly churned: number; readonly retained: number }
  | { readonly code: 'too-few'; readonly churned: number; readonly retained: number; readonly minimum: number }
  | { readonly code: 'horizon-needs-dates' }
  | { readonly code: 'dates-need-as-of' };

/** The fewest churned and the fewest retained observations a backtest accepts. */
export const MIN_PER_CLASS = 10;
