/** Metrics scoring under a benchmark, the largest weighted shortfall (weight × points short) first. */
export function rankShortfalls(keys: readonly string[], scores: readonly (number | null)[], weights: readonly number[], benchmark: number): string[] {
  const ranked: { key: string; shortfall: number }[] = [];
  keys.forEach((key, i) => {
    const score = scores[i] ?? null;
    const shortfall = score === null || score >= benchmark ? 0 : (weights[i] as number) * (benchmark - score);
    if (shortfall > 0) ranked.push({ key, shortfall });
  });
  return ranked.sort((a, b) => b.shortfall - a.shortfall).map((m) => m.key);
}
