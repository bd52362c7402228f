import { Z_95 } from './quantile.js';

/** An outcome rate with its 95% interval. */
export interface Rate {
  readonly count: number;
  readonly churned: number;
  /** churned / count (0 when count is 0). */
  readonly rate: number;
  readonly low: number;
  readonly high: number;
}

/**
 * The rate `churned / count` with Wilson's 95% score interval (Wilson 1927): unlike the textbook
 * p ± 1.96·√(p(1−p)/n), it stays inside [0, 1] and is not zero-width when a band has no churner,
 * which is common for a small green band. It treats rows as independent: for several snapshots of
 * one account it is narrower than it should be.
 */
export function wilsonRate(churned: number, count: number): Rate {
  if (count === 0) return { count, churned, rate: 0, low: 0, high: 1 };
  const p = churned / count;
  const z2 = Z_95 * Z_95;
  const denominator = 1 + z2 / count;
  const centre = (p + z2 / (2 * count)) / denominator;
  const half = (Z_95 / denominator) * Math.sqrt((p * (1 - p)) / count + z2 / (4 * count * count));
  return { count, churned, rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
