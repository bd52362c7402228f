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
 * green for a year. Outside its window it is reported, and ignored.
 */
export function overrideReading(fields: OverrideFields, asOfDay: number | null, computedScore: number | null, computedBand: string | null): OverrideResult | null {
  if (fields.score === null && fields.band === null) return null;
  const status: OverrideResult['status'] =
    fields.expiresAt === null
      ? 'no-expiry'
      : asOfDay === null || asOfDay >= fields.expiresAt
        ? 'expired'
        : fields.setAt !== null && asOfDay < fields.setAt
          ? 'not-yet-valid'
          : 'active';
  return {
    status,
    score: fields.score,
    band: fields.band,
    reason: fields.reason,
    set_at: fields.setAt === null ? null : formatDay(fields.setAt),
    expires_at: fields.expiresAt === null ? null : formatDay(fields.expiresAt),
    computed_score: computedScore,
    computed_band: computedBand,
  };
}
