import type { BenchmarkPlan } from '../../compile/plan.js';

/** Benchmarks by (category, stage, segment), the most specific rule winning: segment's own, then the stage's. */
export interface BenchmarkTable {
  lookup(stage: string | null, segment: string | null, category: string | null): number | null;
}

export function benchmarkTable(benchmarks: readonly BenchmarkPlan[]): BenchmarkTable {
  const byKey = new Map<string, number>();
  const key = (category: string | null, stage: string, segment: string | null) => JSON.stringify([category, stage, segment]);
  for (const b of benchmarks) byKey.set(key(b.category, b.stage, b.segment), b.score);
  return {
    lookup(stage, segment, category) {
      if (stage === null) return null;
      const own = segment === null ? undefined : byKey.get(key(category, stage, segment));
      return own ?? byKey.get(key(category, stage, null)) ?? null;
    },
  };
}
