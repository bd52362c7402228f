import { formatDay } from '../dates.js';
import type { OverrideResult } from '../result.js';

export interface OverrideFields {
  readonly score: number | null;
  readonly band: string | null;
  readonly reason: string | null;
  readonly setAt: number | null;
  readonly expiresAt: number | null;
}

/**
 * A CSM's override applies from `set_at` (inclusive) to `expires_at` (exclusive) at the snapshot's
 * as-of date. Without an expiry it never applies: a forgotten override must not keep an account
 * green for a year. One that expires on or before the day it is set (dates swapped, most likely)
 * has an empty window: flagged `inverted`, never applied. Outside its window it is reported, and
 * ignored.
 */
export function overrideReading(fields: OverrideFields, asOfDay: number | null, computedScore: number | null, computedBand: string | null): OverrideResult | null {
  if (fields.score === null && fields.band === null) return null;
  return {
    status: overrideStatus(fields, asOfDay),
    score: fields.score,
    band: fields.band,
    reason: fields.reason,
    set_at: fields.setAt === null ? null : formatDay(fields.setAt),
    expires_at: fields.expiresAt === null ? null : formatDay(fields.expiresAt),
    computed_score: computedScore,
    computed_band: computedBand,
  };
}

function overrideStatus({ setAt, expiresAt }: OverrideFields, asOfDay: number | null): OverrideResult['status'] {
  if (expiresAt === null) return 'no-expiry';
  if (setAt !== null && expiresAt <= setAt) return 'inverted';
  if (asOfDay === null || asOfDay >= expiresAt) return 'expired';
  return setAt !== null && asOfDay < setAt ? 'not-yet-valid' : 'active';
}
