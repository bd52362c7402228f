import { childPointer } from '../../load/source-document.js';
import type { BandSource, MetricSource } from '../../schema/model-source.js';
import type { ModelRule, RuleContext } from './rule-context.js';

/** A band a metric's scores can never fall into is a sign its cut-offs were meant for another metric. */
export const checkBandReachability: ModelRule = (ctx) => {
  if (ctx.scale.min >= ctx.scale.max) return; // scale-empty says it; every band would look unreachable
  for (const [name, metric] of Object.entries(ctx.model.metrics)) {
    const range = scoreRange(metric, ctx);
    if (range === undefined) continue;
    const bands = metric.bands ?? ctx.model.bands;
    const pointer = childPointer('/metrics', name);
    bandRanges(bands).forEach(({ band, low, high }, i) => {
      if (high > range.low && low <= range.high) return;
      // The metric's own band is the cut-off to move; against the model's bands, its scoring is what stands out.
      const at = metric.bands !== undefined ? ctx.locate.value(`${pointer}/bands/${i}`) : ctx.locate.key(`${pointer}/score`);
      ctx.report('band-unreachable', { band, subject: `metric \`${name}\``, low: range.low, high: range.high, own: metric.bands !== undefined }, at);
    });
  }
};

function scoreRange(metric: MetricSource, ctx: RuleContext): { low: number; high: number } | undefined {
  const { min, max } = ctx.scale;
  const score = metric.score;
  let scores: number[];
  if (typeof score === 'object' && 'steps' in score) scores = score.steps.map((s) => s.score);
  else if (typeof score === 'object' && 'map' in score) scores = Object.values(score.map);
  else return undefined;
  if (typeof metric.missing === 'object') scores.push(metric.missing.score);
  const clamped = scores.map((s) => Math.min(max, Math.max(min, s)));
  return { low: Math.min(...clamped), high: Math.max(...clamped) };
}

function bandRanges(bands: readonly BandSource[]): { band: string; low: number; high: number }[] {
  return bands.map((band, i) => ({
    band: band.name,
    low: i === 0 ? -Infinity : (bands[i - 1]?.below ?? -Infinity),
    high: band.below ?? Infinity,
  }));
}
