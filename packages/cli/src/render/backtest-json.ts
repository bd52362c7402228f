import type { AucEstimate, BacktestComparison, BacktestReport, ModelBacktest, Rate } from '@vitals/core';
import { BACKTEST_FORMAT_VERSION, type BacktestData } from './backtest-model.js';

/**
 * `vitals backtest --format json`: the whole backtest with snake_case keys like every other
 * machine-readable output (the contract is this file and backtest.schema.json, not the core's
 * TypeScript types). Rates are shares (0–1), never percentages.
 */
export function renderBacktestJson({ report, file, modelFiles, suggestion }: BacktestData): string {
  const document = {
    format_version: BACKTEST_FORMAT_VERSION,
    file,
    ...outcomeJson(report),
    models: report.models.map((m, i) => model(m, modelFiles[i] ?? null)),
    comparison: report.comparison === null ? null : comparisonJson(report.comparison),
    suggestion:
      suggestion === null
        ? null
        : {
            method: suggestion.method,
            folds: suggestion.folds,
            seed: suggestion.seed,
            weights: suggestion.weights,
            changes: suggestion.changes,
            cross_validated: suggestion.crossValidated,
            in_sample: suggestion.inSample,
            patch: suggestion.patch,
          },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** How the outcome was read and what the rows became: the same keys in `backtest` and `diff --outcome`. */
export function outcomeJson(report: BacktestReport) {
  const c = report.counts;
  return {
    outcome: { field: report.outcome.field, kind: report.outcome.kind, horizon_days: report.outcome.horizonDays, observed_until: report.outcome.observedUntil },
    counts: {
      rows: c.rows,
      observations: c.observations,
      accounts: c.accounts,
      invalid: c.invalid,
      unscored: c.unscored,
      unscored_rate: c.unscoredRate === null ? null : rate(c.unscoredRate),
      no_outcome: c.noOutcome,
      after_outcome: c.afterOutcome,
      censored: c.censored,
    },
    base_rate: rate(report.baseRate),
    interval: report.interval,
  };
}

/** The second model's AUC minus the first's, and the band transitions with their churn. */
export function comparisonJson(comparison: BacktestComparison) {
  return {
    auc_difference: comparison.difference,
    from_bands: comparison.fromBands,
    to_bands: comparison.toBands,
    transitions: comparison.transitions.map((row) => row.map(rate)),
  };
}

function model(m: ModelBacktest, path: string | null) {
  return {
    model: m.model,
    title: m.title,
    model_hash: m.hash,
    model_file: path,
    auc: estimate(m.auc),
    components: m.components.map((c) => ({ kind: c.kind, key: c.key, title: c.title, scored: c.scored, auc: c.estimate === null ? null : estimate(c.estimate) })),
    bands: bandsJson(m),
    calibration: m.calibration.map((d) => ({ decile: d.decile, min_score: d.minScore, max_score: d.maxScore, mean_score: d.meanScore, ...rate(d) })),
    misses: { band: m.misses.band, churned: m.misses.churned, of: m.misses.of, listed: m.misses.listed.map((x) => ({ row: x.row, line: x.line, result: x.result })) },
  };
}

/** Churn per band: accounts, churned, the rate with its interval, the lift over the base rate. */
export function bandsJson(m: ModelBacktest) {
  return m.bands.map((b) => ({ band: b.band, title: b.title, ...rate(b), lift: b.lift }));
}

export function estimate(e: AucEstimate) {
  return { auc: e.auc, low: e.low, high: e.high, churned: e.churned, retained: e.retained };
}

function rate(r: Rate) {
  return { count: r.count, churned: r.churned, rate: r.rate, low: r.low, high: r.high };
}
