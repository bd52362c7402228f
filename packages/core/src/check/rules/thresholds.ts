import type { BandSource, StepSource } from '../../schema/model-source.js';
import type { RuleContext } from './rule-context.js';

interface Threshold {
  readonly name: string;
  readonly below?: number;
}

/**
 * Bands and steps share one shape: an ordered list where every entry but the last has `below`,
 * thresholds rise strictly, and the last takes everything above. A boundary belongs to the entry
 * above it (`below: 40` puts 40 in the next band).
 */
export function checkThresholdList(entries: readonly Threshold[], pointer: string, kind: 'band' | 'step', ctx: RuleContext): void {
  let previous: number | undefined;
  entries.forEach((entry, i) => {
    const at = `${pointer}/${i}`;
    const last = i === entries.length - 1;
    if (entry.below === undefined) {
      if (!last) ctx.report('threshold-missing', { kind, name: entry.name }, ctx.locate.value(at));
      return;
    }
    const belowAt = ctx.locate.value(`${at}/below`);
    if (last) ctx.report('thresholds-open-ended', { kind, name: entry.name }, belowAt);
    if (previous !== undefined && entry.below <= previous) {
      ctx.report('thresholds-unordered', { kind, name: entry.name, value: entry.below, previous }, belowAt);
    }
    previous = entry.below;
  });
}

/** Warnings for a threshold a rounded score can't meet: outside the scale, or finer than the precision. */
export function checkThresholdValue(value: number, pointer: string, kind: string, ctx: RuleContext, rangeInclusive = false): void {
  const { min, max } = ctx.scale;
  // An empty scale is reported once (scale-empty); measured against it, every threshold would be "outside".
  const outside = min < max && (rangeInclusive ? value < min || value > max : value <= min || value > max);
  if (outside) ctx.report('threshold-outside-scale', { kind, value, min, max }, ctx.locate.value(pointer));
  else if (!fitsPrecision(value, ctx.precision)) ctx.report('threshold-finer-than-precision', { value, precision: ctx.precision }, ctx.locate.value(pointer));
}

function fitsPrecision(value: number, precision: number): boolean {
  const scaled = value * 10 ** precision;
  return Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, Math.abs(scaled));
}

export function checkBands(bands: readonly BandSource[], pointer: string, ctx: RuleContext): void {
  const seen = new Set<string>();
  bands.forEach((band, i) => {
    if (seen.has(band.name)) ctx.report('duplicate-name', { name: band.name, kind: 'band' }, ctx.locate.value(`${pointer}/${i}/name`));
    seen.add(band.name);
    if (band.below !== undefined) checkThresholdValue(band.below, `${pointer}/${i}/below`, 'threshold', ctx);
  });
  checkThresholdList(bands, pointer, 'band', ctx);
}

export function checkSteps(steps: readonly StepSource[], pointer: string, ctx: RuleContext): void {
  checkThresholdList(steps.map((step, i) => ({ name: String(i + 1), ...(step.below !== undefined ? { below: step.below } : {}) })), pointer, 'step', ctx);
  steps.forEach((step, i) => checkThresholdValue(step.score, `${pointer}/${i}/score`, 'step score', ctx, true));
}
