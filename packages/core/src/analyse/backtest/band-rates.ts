import type { BandPlan } from '../../compile/plan.js';
import type { BandRate, CalibrationBin } from './backtest-report.js';
import type { CollectedModel } from './collect-backtest.js';
import type { ScoreGroups } from './score-groups.js';
import { wilsonRate, type Rate } from './wilson.js';

/** Outcome rate per band (worst first), with Wilson's interval and the lift over the base rate. */
export function bandRates(plan: BandPlan, bands: Int32Array, labels: Uint8Array, baseRate: number): BandRate[] {
  const count = new Array<number>(plan.names.length).fill(0);
  const churned = new Array<number>(plan.names.length).fill(0);
  for (let i = 0; i < bands.length; i++) {
    const b = bands[i] as number;
    count[b] = (count[b] as number) + 1;
    churned[b] = (churned[b] as number) + (labels[i] as number);
  }
  return plan.names.map((band, b) => {
    const rate = wilsonRate(churned[b] as number, count[b] as number);
    return { band, title: plan.titles[b] ?? null, color: plan.colors[b] ?? null, ...rate, lift: rate.count === 0 || baseRate === 0 ? null : rate.rate / baseRate };
  });
}

/**
 * Outcome rate per score decile, lowest scores first. Equal scores always share a decile (splitting
 * them by row order would invent a difference), so with many ties a decile can be larger than a
 * tenth, or empty (then it is left out, and the numbering shows the gap).
 */
export function calibration(groups: ScoreGroups, scores: Float64Array, labels: Uint8Array): CalibrationBin[] {
  const k = groups.values.length;
  const count = new Float64Array(k);
  const churned = new Float64Array(k);
  for (let i = 0; i < labels.length; i++) {
    const g = groups.group[i] as number;
    count[g] = (count[g] as number) + 1;
    churned[g] = (churned[g] as number) + (labels[i] as number);
  }
  const n = scores.length;
  const bins = Array.from({ length: 10 }, () => ({ count: 0, churned: 0, sum: 0, min: Infinity, max: -Infinity }));
  let before = 0;
  for (let g = 0; g < k; g++) {
    const bin = bins[Math.min(9, Math.floor((before * 10) / n))] as (typeof bins)[number];
    const value = groups.values[g] as number;
    bin.count += count[g] as number;
    bin.churned += churned[g] as number;
    bin.sum += value * (count[g] as number);
    bin.min = Math.min(bin.min, value);
    bin.max = Math.max(bin.max, value);
    before += count[g] as number;
  }
  return bins.flatMap((bin, d) => (bin.count === 0 ? [] : [{ decile: d + 1, minScore: bin.min, maxScore: bin.max, meanScore: bin.sum / bin.count, ...wilsonRate(bin.churned, bin.count) }]));
}

/** transitions[i][j]: the observations in band i of the first model and band j of the second, with their outcome rate. */
export function transitions(from: CollectedModel, to: CollectedModel, labels: Uint8Array): Rate[][] {
  const a = from.plan.bands.names.length;
  const b = to.plan.bands.names.length;
  const count = Array.from({ length: a }, () => new Array<number>(b).fill(0));
  const churned = Array.from({ length: a }, () => new Array<number>(b).fill(0));
  for (let i = 0; i < labels.length; i++) {
    const row = count[from.bands[i] as number] as number[];
    const col = to.bands[i] as number;
    row[col] = (row[col] as number) + 1;
    const c = churned[from.bands[i] as number] as number[];
    c[col] = (c[col] as number) + (labels[i] as number);
  }
  return count.map((row, i) => row.map((n, j) => wilsonRate((churned[i] as number[])[j] as number, n)));
}
