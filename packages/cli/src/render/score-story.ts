import { roundTo, type Plan, type RollupPlan, type ScoreResult } from '@vitals/core';
import { formatValue } from './format-value.js';
import { safeText } from './safe-text.js';

interface Part {
  readonly name: string;
  readonly weight: number;
  readonly score: number;
}

/**
 * Why the score is not simply the sum of the contributions in the table, and why the band is not
 * the one the thresholds give: a weakest-link cap, a geometric mean, hysteresis holding a band, an
 * override replacing the result. One line each, only for what happened; none for a plain weighted
 * mean. Worked out again from the result's own numbers (weights and scores), so it cannot disagree
 * with them.
 */
export function scoreStory(r: ScoreResult, plan: Plan): string[] {
  if (r.status !== 'scored') return [];
  const lines: string[] = [];
  const computed = r.override?.status === 'active' ? r.override.computed_score : r.score;
  const overall = plan.categories.flatMap((c): Part[] => {
    const result = r.categories[c.key];
    return result === undefined || result.score === null || result.weight <= 0 ? [] : [{ name: c.title ?? c.key, weight: result.weight, score: result.score }];
  });
  const story = rollupLine('Score', 'category', plan.rollup, overall, computed, plan.precision);
  if (story !== null) lines.push(story);
  for (const category of plan.categories) {
    const result = r.categories[category.key];
    if (result === undefined || result.score === null) continue;
    const metrics = category.metrics.flatMap((key): Part[] => {
      const m = r.metrics[key];
      return m === undefined || m.score === null || m.weight <= 0 ? [] : [{ name: key, weight: m.weight, score: m.score }];
    });
    const line = rollupLine(category.title ?? category.key, 'metric', category.rollup, metrics, result.score, plan.precision);
    if (line !== null) lines.push(line);
  }
  const held = hysteresisLine(r, plan);
  if (held !== null) lines.push(held);
  return lines.map(safeText);
}

function rollupLine(what: string, noun: string, rollup: RollupPlan, parts: readonly Part[], score: number | null, precision: number): string | null {
  if (parts.length === 0 || score === null || rollup.method === 'weighted_mean') return null;
  const weights = parts.reduce((sum, p) => sum + p.weight, 0);
  const mean = roundTo(parts.reduce((sum, p) => sum + p.weight * p.score, 0) / weights, precision);
  if (rollup.method === 'geometric') {
    return `${what}: a weighted geometric mean, ${formatValue(score)} — the contributions (a weighted average) add up to ${formatValue(mean)}; a low ${noun} pulls a geometric mean down further.`;
  }
  const worst = parts.reduce((low, p) => (p.score < low.score ? p : low));
  const cap = roundTo(worst.score + rollup.margin, precision);
  const worstText = `the worst ${noun} (${worst.name} ${formatValue(worst.score)}) + margin ${formatValue(rollup.margin)}`;
  if (cap < mean) return `${what}: contributions add up to ${formatValue(mean)}, capped at ${worstText} = ${formatValue(score)} (weakest link).`;
  return `${what}: contributions add up to ${formatValue(score)}; the weakest-link cap, ${worstText} = ${formatValue(cap)}, does not bite.`;
}

/** The band the thresholds give the computed score, when hysteresis kept the previous one instead. */
function hysteresisLine(r: ScoreResult, plan: Plan): string | null {
  const active = r.override?.status === 'active';
  const score = active ? (r.override?.computed_score ?? null) : r.score;
  const band = active ? (r.override?.computed_band ?? null) : r.band;
  if (score === null || band === null || plan.hysteresis <= 0) return null;
  const plain = bandByThresholds(plan, score);
  if (plain === band) return null;
  const boundary = plan.bands.thresholds[Math.min(plan.bands.names.indexOf(band), plan.bands.names.indexOf(plain))] as number;
  return `Band: ${band} held by hysteresis — ${formatValue(score)} is ${plain} by the thresholds, but a band changes only ${formatValue(plan.hysteresis)} past the boundary (${formatValue(boundary)}).`;
}

function bandByThresholds(plan: Plan, score: number): string {
  const index = plan.bands.thresholds.findIndex((threshold) => score < threshold);
  return plan.bands.names[index < 0 ? plan.bands.names.length - 1 : index] as string;
}
