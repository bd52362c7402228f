import type { Plan } from '../../compile/plan.js';
import { suggest } from '../../diagnostics/suggest.js';
import { editIssue, type EditIssue } from '../../edit/edit-issues.js';

/** Thresholds found for a target band distribution. */
export interface ThresholdSearch {
  /** The target share (0–1) of each band, worst first. */
  readonly target: readonly number[];
  /** Each threshold of the model's bands (`bands.<name>`), before and after. */
  readonly thresholds: readonly { readonly band: string; readonly before: number; readonly after: number }[];
  /** The shares the new thresholds give BASE's scores (hysteresis and overrides aside: the simulation says what they do). */
  readonly expected: readonly number[];
}

/** `even`, or `red=25,amber=40,green=35` (percent, every band once, adding up to 100) → shares (0–1) in band order. */
export function parseTargetShares(text: string, bands: readonly string[]): { value: number[] | undefined; issues: EditIssue[] } {
  const fail = (issue: EditIssue) => ({ value: undefined, issues: [issue] });
  if (text.trim() === 'even') return { value: bands.map(() => 1 / bands.length), issues: [] };
  const shares = new Map<string, number>();
  for (const part of text.split(',')) {
    const match = /^\s*([^=\s]+)\s*=\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(part);
    if (match === null) return fail(editIssue('target-syntax', { text }, text));
    const name = match[1] as string;
    if (!bands.includes(name)) {
      const suggestion = suggest(name, bands);
      return fail(editIssue('target-unknown-band', { name, allowed: bands, ...(suggestion === undefined ? {} : { suggestion }) }, text));
    }
    shares.set(name, Number(match[2]));
  }
  const missing = bands.filter((b) => !shares.has(b));
  if (missing.length > 0) return fail(editIssue('target-missing-band', { missing }, text));
  const sum = [...shares.values()].reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 100) > 0.5) return fail(editIssue('target-sum', { sum: Number(sum.toFixed(2)) }, text));
  return { value: bands.map((b) => (shares.get(b) as number) / sum), issues: [] };
}

/**
 * The model-band thresholds that split BASE's scores (ascending) closest to the target shares.
 * A threshold is a score some account has (it goes to the band above), or just above the
 * highest, so accounts with equal scores are never split; each boundary takes the count nearest
 * its cumulative target, after the previous boundary.
 */
export function thresholdsForShares(scores: Float64Array, target: readonly number[], plan: Plan): ThresholdSearch {
  const n = scores.length;
  const unit = 10 ** -plan.precision;
  const top = n === 0 ? plan.scale.max : Number(((scores[n - 1] as number) + unit).toFixed(plan.precision));
  // c accounts below the threshold: possible where the threshold falls between two different scores.
  const feasible = (c: number) => {
    if (c < 0 || c > n) return false;
    if (c === n) return top <= plan.scale.max;
    return c === 0 || (scores[c - 1] as number) < (scores[c] as number);
  };
  const thresholdAt = (c: number) => (c === n ? top : (scores[c] as number));
  const cuts: number[] = [];
  let cumulative = 0;
  let previous = -1;
  for (let k = 0; k < plan.bands.thresholds.length; k++) {
    cumulative += target[k] ?? 0;
    const wanted = Math.round(n * cumulative);
    cuts.push((previous = nearest(wanted, (c) => c > previous && feasible(c), n) ?? previous + 1));
  }
  const bounds = [0, ...cuts.map((c) => Math.min(c, n)), n];
  return {
    target,
    thresholds: cuts.map((c, k) => ({ band: plan.bands.names[k] as string, before: plan.bands.thresholds[k] as number, after: thresholdAt(Math.min(c, n)) })),
    expected: plan.bands.names.map((_, i) => (n === 0 ? 0 : ((bounds[i + 1] as number) - (bounds[i] as number)) / n)),
  };
}

/** The candidate nearest `wanted` that `ok` accepts (the lower one on a tie), or undefined. */
function nearest(wanted: number, ok: (c: number) => boolean, n: number): number | undefined {
  for (let d = 0; d <= n + 1; d++) {
    if (ok(wanted - d)) return wanted - d;
    if (ok(wanted + d)) return wanted + d;
  }
  return undefined;
}
