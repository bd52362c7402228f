import type { BookMovement, BookSummary, DistributionSummary, HistogramBin, Plan, ScoreStats } from '@vitals/core';
import type { RunCounts } from './score-writers.js';

/** What every report form shows: the run's counts and the core's distribution summary. */
export interface ReportData {
  readonly file: string;
  /** What the distribution counts: `account` (each account's latest snapshot, the default), `snapshot` (every one, `--all-snapshots`). */
  readonly unit: 'account' | 'snapshot';
  readonly plan: Plan;
  readonly counts: RunCounts;
  readonly summary: DistributionSummary;
  /** The current book: each account's latest snapshot, whatever `unit` is. */
  readonly book: BookSummary;
  /** With history: how the book moved between two snapshot dates; null without history or with one date. */
  readonly movement: BookMovement | null;
}

/** Version of `report --format json` (packages/cli/schema/report.schema.json). */
export const REPORT_FORMAT_VERSION = 1;

/** `1–10.9`: a histogram bin's ends to one decimal. Bins hold their lower end; the last also its upper end. */
export function binLabel(bin: HistogramBin): string {
  const round = (x: number) => String(Math.round(x * 10) / 10);
  return `${round(bin.from)}–${round(bin.to)}`;
}

/** The warning a report gives when one band holds most accounts. */
export function dominantBandWarning(summary: DistributionSummary, dominantShare: number, unit: ReportData['unit']): string | undefined {
  const top = summary.dominantBand;
  if (top === null) return undefined;
  return `${Math.round(top.share * 100)}% of scored ${unit}s are ${top.name}: when most accounts share one band the score does not tell them apart (above ${Math.round(dominantShare * 100)}% is flagged). Revisit the band thresholds or the metrics' ranges.`;
}

export function percent(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

export function mean(value: number | null, precision: number): string {
  return value === null ? '—' : String(Number(value.toFixed(Math.min(precision, 2))));
}

/** `mean 64.88, median 68.33, p10 27.67, …` at the model's precision (two decimals at most). */
export function statsLine(s: ScoreStats, precision: number, separator = ' · '): string {
  const f = (x: number) => mean(x, precision);
  return [`mean ${f(s.mean)}`, `median ${f(s.median)}`, `p10 ${f(s.p10)}`, `p90 ${f(s.p90)}`, `min ${f(s.min)}`, `max ${f(s.max)}`].join(separator);
}

/** The pulses read and how many had gone stale; the share tells a CS lead how much the CSMs' view can be trusted. */
export function pulsesLine({ present, stale }: DistributionSummary['pulses']): string {
  return `Pulses: ${present} present, ${stale} stale${present > 0 ? ` (${percent(stale / present)})` : ''}`;
}

/**
 * The overrides in force and not. An inverted override (it expires on or before the day it was
 * set) is never applied, so it is named: a CSM meant something by it, and the dates need fixing.
 */
export function overridesLine({ active, expired, inverted }: DistributionSummary['overrides']): string {
  const line = `Overrides: ${active} active, ${expired} expired`;
  return inverted === 0 ? line : `${line}, ${inverted} inverted (expiring on or before the day set, so never applied: fix their dates)`;
}
