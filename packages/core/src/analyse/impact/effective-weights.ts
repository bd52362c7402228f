import type { Plan } from '../../compile/plan.js';

/**
 * Each category's and each metric's share of the overall score when every metric has data.
 * Weights are relative (3/7/11 is 14%/33%/52%), and a metric's share is its category's share
 * times its own share within the category, so nobody has to work it out by hand.
 */
export interface EffectiveWeights {
  /** The overall roll-up: under `weighted_mean` a share is the part of the score; under `geometric` or `weakest_link` it is the weight of the (geometric) mean. */
  readonly rollup: Plan['rollup']['method'];
  readonly categories: readonly CategoryWeight[];
}

export interface CategoryWeight {
  readonly key: string;
  readonly title: string | null;
  /** The weight as written. */
  readonly weight: number;
  /** Share (0–1) of the overall score. */
  readonly share: number;
  readonly metrics: readonly MetricWeight[];
}

export interface MetricWeight {
  readonly key: string;
  readonly title: string | null;
  readonly weight: number;
  /** Share (0–1) within its category. */
  readonly share_of_category: number;
  /** Share (0–1) of the overall score. */
  readonly share: number;
}

/** The effective weights of a plan (its metrics' `fullShare`, which coverage is measured against too). */
export function effectiveWeights(plan: Plan): EffectiveWeights {
  const total = plan.categories.reduce((sum, c) => sum + c.weight, 0);
  const metrics = new Map(plan.metrics.map((m) => [m.key, m]));
  return {
    rollup: plan.rollup.method,
    categories: plan.categories.map((category) => {
      const share = total > 0 ? category.weight / total : 0;
      return {
        key: category.key,
        title: category.title,
        weight: category.weight,
        share,
        metrics: category.metrics.map((key) => {
          const metric = metrics.get(key);
          const fullShare = metric?.fullShare ?? 0;
          return { key, title: metric?.title ?? null, weight: metric?.weight ?? 0, share_of_category: share > 0 ? fullShare / share : 0, share: fullShare };
        }),
      };
    }),
  };
}
