import type { BacktestReport, ModelBacktest } from '@vitals/core';
import { auc, aucDifferenceText, aucText, exclusions, intervalText, rateText, unitOf } from '../backtest-model.js';
import type { ImpactReport } from './impact-report.js';
import { band, code, type ViewSection } from './impact-view.js';

/**
 * `diff --outcome`: does the change predict churn better? Both models' AUC on the same rows and
 * the paired difference with its interval (the backtest's `--compare`), then churn per band
 * before and after. Empty without an outcome.
 */
export function outcomeSections({ outcome, base, head }: ImpactReport): ViewSection[] {
  if (outcome === undefined || outcome.comparison === null) return [];
  const [before, after] = outcome.models as [ModelBacktest, ModelBacktest];
  const unit = unitOf(outcome);
  const names = [...new Set([...before.bands, ...after.bands].map((b) => b.band))];
  const cells = (m: ModelBacktest, name: string) => {
    const b = m.bands.find((x) => x.band === name);
    return b === undefined ? ['—', '—'] : [b.count.toLocaleString('en-US'), b.count === 0 ? '—' : rateText(b)];
  };
  return [
    {
      id: 'outcome',
      title: `Predicting ${code(outcome.outcome.field)}`,
      open: true,
      notes: [
        `ROC AUC of the overall score, the chance that a churned ${unit} scores below a retained one (ties half; 0.5 is a coin): ${aucText(before.auc)} before, ${aucText(after.auc)} after.`,
        `AUC change ${aucDifferenceText(outcome.comparison.difference, 'HEAD')}; ${intervalText(outcome.interval)}, on the same ${outcome.counts.observations.toLocaleString('en-US')} ${unit}s.`,
        `${outcomeLine(outcome, unit)}${exclusions(outcome, unit).map((line) => ` ${line}.`).join('')}`,
      ],
      table: {
        columns: [{ label: 'band' }, { label: `${unit}s before`, numeric: true }, { label: 'churn rate (95% CI)', numeric: true }, { label: 'after', numeric: true }, { label: 'churn rate (95% CI)', numeric: true }],
        rows: names.map((name) => [band(name, after.bands.some((b) => b.band === name) ? head.plan : base.plan), ...cells(before, name), ...cells(after, name)]),
      },
    },
  ];
}

/** `AUC 0.835 → 0.844` for the summary line, or nothing without an outcome. */
export function outcomeSummary({ outcome }: ImpactReport): string | undefined {
  if (outcome === undefined) return undefined;
  const [before, after] = outcome.models as [ModelBacktest, ModelBacktest];
  return `AUC on ${code(outcome.outcome.field)} ${auc(before.auc.auc)} → ${auc(after.auc.auc)}`;
}

function outcomeLine(report: BacktestReport, unit: string): string {
  const o = report.outcome;
  const read = o.kind === 'label' ? 'a label' : `a churn date, churned ${o.horizonDays === null ? 'any time after the snapshot' : `within ${o.horizonDays} days after it`}`;
  return `${code(o.field)} read as ${read}: ${report.counts.observations.toLocaleString('en-US')} ${unit}s with an outcome, ${report.baseRate.churned.toLocaleString('en-US')} churned: base rate ${rateText(report.baseRate)}.`;
}
