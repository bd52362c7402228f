import type { AccountState } from '../result.js';

type Carried = Pick<AccountState, 'scoredAsOf' | 'score' | 'band' | 'computedBand'>;

/**
 * What an account carries from this snapshot to its next. Two histories, kept apart:
 * - the last snapshot that *showed* a band (after any override), with its score: what `change`,
 *   `band_changed` and `prev()` of the score or band compare with;
 * - the last *computed* band (after hysteresis, before any override): what hysteresis compares
 *   with, so an override never moves the thresholds — not even one on a snapshot without data.
 * A snapshot without a band leaves each as it was: a month without data hides no drop.
 */
export function carriedHistory(previous: AccountState | undefined, asOf: number, shown: { score: number | null; band: string | null }, computedBand: string | null): Carried {
  const last = shown.band !== null
    ? { scoredAsOf: asOf, score: shown.score, band: shown.band }
    : { scoredAsOf: previous?.scoredAsOf ?? null, score: previous?.score ?? null, band: previous?.band ?? null };
  return { ...last, computedBand: computedBand ?? previous?.computedBand ?? null };
}
