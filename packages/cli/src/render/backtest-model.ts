import { safeText } from './safe-text.js';
import type { AucEstimate, BacktestComparison, BacktestReport, IntervalMethod, ModelBacktest, Plan, Rate, WeightSuggestion } from '@vitals/core';

/** What every backtest form shows: the core's report, the files it came from, and a weight suggestion when asked. */
export interface BacktestData {
  readonly file: string;
  /** The model files, in the report's order (the second is `--compare`'s). */
  readonly modelFiles: readonly string[];
  /** The models' plans, in the same order. */
  readonly plans: readonly Plan[];
  readonly report: BacktestReport;
  readonly suggestion: SuggestionData | null;
}

/** `--suggest`'s weights, with the model file's diff that would apply them. */
export interface SuggestionData extends WeightSuggestion {
  /** A unified diff of the model file (for `git apply` or `patch -p0`); the file itself is never written. */
  readonly patch: string;
}

/** The suggestion in words: the out-of-sample figure first, the in-sample one only beside it. */
export function suggestionSummary(s: WeightSuggestion): string[] {
  const cv = s.crossValidated;
  const range = (f: { folds: readonly number[] }) => `${auc(Math.min(...f.folds))}–${auc(Math.max(...f.folds))}`;
  return [
    `Out of sample (${s.folds}-fold cross-validation by account, seed ${s.seed}): AUC ${auc(cv.current.mean)} with the current weights → ${auc(cv.suggested.mean)} with the suggested ones (mean of the folds; folds ${range(cv.current)} → ${range(cv.suggested)}).`,
    `In sample (fitted and judged on the same rows, so flattering): ${auc(s.inSample.current)} → ${auc(s.inSample.suggested)}.`,
    `Fitted by ${s.method} (a higher metric score may only lower the risk), each coefficient read as the metric's share of the score, rounded to whole percentages that add up to 100; a category's weight is the sum of its metrics'. Review before applying: the file was not changed.`,
  ];
}

/** Version of `backtest --format json` (packages/cli/schema/backtest.schema.json). */
export const BACKTEST_FORMAT_VERSION = 1;

/** `0.742 (95% CI 0.721–0.763)` */
export function aucText(estimate: AucEstimate): string {
  return `${auc(estimate.auc)} (95% CI ${auc(estimate.low)}–${auc(estimate.high)})`;
}

export function auc(value: number): string {
  return value.toFixed(3);
}

/** `41.5% (38.8–44.3%)` */
export function rateText(rate: Rate): string {
  return `${pct(rate.rate)} (${pct(rate.low, false)}–${pct(rate.high)})`;
}

export function pct(share: number, sign = true): string {
  return `${(share * 100).toFixed(1)}${sign ? '%' : ''}`;
}

export function lift(value: number | null): string {
  return value === null ? '—' : `${value.toFixed(2)}×`;
}

/** How the interval was computed, in words. */
export function intervalText(interval: IntervalMethod): string {
  if (interval.method === 'delong') {
    return interval.clustered
      ? "DeLong's method with placements summed per account (Obuchowski), as accounts have several snapshots"
      : "DeLong's method";
  }
  const what = interval.clustered ? 'resampling whole accounts' : 'resampling churned and retained accounts separately';
  const skipped = interval.skipped > 0 ? `; ${interval.skipped} resamples without both classes left out` : '';
  return `percentile bootstrap, ${interval.replicates.toLocaleString('en-US')} resamples ${what}, seed ${interval.seed}${skipped}`;
}

/** The words for what one observation is. */
export function unitOf(report: BacktestReport): 'account' | 'snapshot' {
  return report.counts.accounts !== null && report.counts.accounts < report.counts.observations ? 'snapshot' : 'account';
}

/** How the outcome was read, in one line. */
export function outcomeText(report: BacktestReport): string {
  const o = report.outcome;
  if (o.kind === 'label') return `\`${safeText(o.field)}\`, a label (true/yes/1/churned = churned)`;
  const window = o.horizonDays === null ? 'any time after the snapshot' : `within ${o.horizonDays} days after the snapshot`;
  return `\`${safeText(o.field)}\`, a churn date: churned = ${window}; data observed until ${o.observedUntil ?? '—'}`;
}

/** What was left out of the statistics, and why, in sentences. */
export function exclusions(report: BacktestReport, unit: string): string[] {
  const c = report.counts;
  const lines: string[] = [];
  if (c.unscored > 0) {
    const rate = c.unscoredRate === null ? '' : `; ${pct(c.unscoredRate.rate)} of those with a known outcome churned`;
    lines.push(`${c.unscored.toLocaleString('en-US')} unscored ${unit}s left out (too little data to score${rate})`);
  }
  if (c.invalid > 0) lines.push(`${c.invalid.toLocaleString('en-US')} invalid rows left out (see the messages above)`);
  if (c.noOutcome > 0) lines.push(`${c.noOutcome.toLocaleString('en-US')} rows without an outcome left out`);
  if (c.afterOutcome > 0) lines.push(`${c.afterOutcome.toLocaleString('en-US')} snapshots on or after their churn date left out (no leakage from the future)`);
  if (c.censored > 0) lines.push(`${c.censored.toLocaleString('en-US')} snapshots too recent to know (their horizon runs past the end of the data) left out`);
  return lines;
}

/** `+0.009 (95% CI +0.005 to +0.013, paired): v2 is better beyond noise`: the second model's AUC minus the first's, in words. */
export function aucDifferenceText(d: BacktestComparison['difference'], second: string): string {
  const signed = (x: number) => `${x >= 0 ? '+' : '−'}${auc(Math.abs(x))}`;
  const verdict = d.low > 0 ? `${second} is better beyond noise` : d.high < 0 ? `${second} is worse beyond noise` : 'the difference is within noise (the interval includes 0)';
  return `${signed(d.value)} (95% CI ${signed(d.low)} to ${signed(d.high)}, paired): ${verdict}`;
}

/** A component's AUC, or why there is none. */
export function componentText(c: ModelBacktest['components'][number]): string {
  return c.estimate === null ? `— (scored for too few of one class)` : aucText(c.estimate);
}

/** A sentence reading an AUC for a CS leader. */
export function aucVerdict(e: AucEstimate): string {
  if (e.low > 0.5) return e.auc >= 0.8 ? 'ranks churners low well' : e.auc >= 0.7 ? 'ranks churners low, usefully' : 'ranks churners low, but weakly';
  if (e.high < 0.5) return 'ranks churners HIGH: the score points the wrong way';
  return 'no better than a coin: the interval includes 0.5';
}
