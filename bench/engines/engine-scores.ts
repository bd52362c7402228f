import type { ScoreResult } from '@vitals/core';

/** What every engine must produce for an account, and what the bench compares with vitals. */
export interface EngineScores {
  readonly status: 'scored' | 'unscored' | 'invalid';
  readonly score: number | null;
  readonly band: string | null;
  readonly coverage: number;
  readonly categories: Readonly<Record<string, ScoreAndBand>>;
  readonly metrics: Readonly<Record<string, ScoreAndBand>>;
}

export interface ScoreAndBand {
  readonly score: number | null;
  readonly band: string | null;
}

/** The part of a vitals result the engines reproduce. */
export function scoresOf(result: ScoreResult): EngineScores {
  const pick = (entries: Readonly<Record<string, ScoreAndBand>>) => Object.fromEntries(Object.entries(entries).map(([key, { score, band }]) => [key, { score, band }]));
  return { status: result.status, score: result.score, band: result.band, coverage: result.coverage, categories: pick(result.categories), metrics: pick(result.metrics) };
}

/** Zips per-key scores and bands (as an engine returns them) into one record. */
export function pairUp(keys: readonly string[], scores: Readonly<Record<string, unknown>>, bands: Readonly<Record<string, unknown>>): Record<string, ScoreAndBand> {
  const out: Record<string, ScoreAndBand> = {};
  for (const key of keys) out[key] = { score: (scores[key] ?? null) as number | null, band: (bands[key] ?? null) as string | null };
  return out;
}
