import type { BacktestReport, ModelBacktest, ModelIdentity } from '@vitals/core';
import { bandsJson, comparisonJson, estimate, outcomeJson } from '../backtest-json.js';
import { DIFF_FORMAT_VERSION, type ImpactReport } from './impact-report.js';

/**
 * `--format json`: the core's impact as it is (snake_case, plain data), with where the models and
 * the data came from. The contract is packages/cli/schema/diff.schema.json.
 */
export function renderImpactJson(report: ImpactReport): string {
  const { impact, simulation, target, outcome } = report;
  const side = (label: string, identity: ModelIdentity) => ({ source: label, ...identity });
  const document = {
    format_version: DIFF_FORMAT_VERSION,
    command: report.command,
    base: side(report.base.label, impact.change.base),
    head: side(report.head.label, impact.change.head),
    data: report.data,
    change: { unchanged: impact.change.unchanged, changes: impact.change.changes, weights: impact.change.weights, category_weights: impact.change.category_weights },
    impact: impact.data,
    ...(simulation === undefined ? {} : { simulation }),
    ...(target === undefined ? {} : { target }),
    ...(outcome === undefined ? {} : { outcome: outcomeDocument(outcome) }),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** `--outcome`: each model's AUC and churn per band on the same rows, and their paired comparison (the keys of `backtest --format json`). */
function outcomeDocument(report: BacktestReport) {
  const [base, head] = report.models as [ModelBacktest, ModelBacktest];
  const side = (m: ModelBacktest) => ({ auc: estimate(m.auc), bands: bandsJson(m) });
  return { ...outcomeJson(report), base: side(base), head: side(head), comparison: report.comparison === null ? null : comparisonJson(report.comparison) };
}
