import type { BandPlan } from '../../compile/plan.js';
import { compareNumbers } from '../numbers.js';

/**
 * With hysteresis h, an account keeps its previous band until its score is more than h points
 * past that band's boundaries: below (lower − h) to move down, at or above (upper + h) to move up.
 * A score that sits on a threshold then doesn't flip red↔amber every week.
 */
export function bandWithHysteresis(bands: BandPlan, hysteresis: number, score: number | null, band: string | null, previousBand: string | null): string | null {
  if (hysteresis <= 0 || score === null || band === null || previousBand === null || band === previousBand) return band;
  const index = bands.names.indexOf(previousBand);
  if (index < 0) return band;
  const lower = index > 0 ? (bands.thresholds[index - 1] as number) : -Infinity;
  const upper = index < bands.thresholds.length ? (bands.thresholds[index] as number) : Infinity;
  const holds = compareNumbers(score, lower - hysteresis) >= 0 && compareNumbers(score, upper + hysteresis) < 0;
  return holds ? previousBand : band;
}
