import { childPointer } from '../../load/source-document.js';
import { checkBands } from './thresholds.js';
import type { ModelRule } from './rule-context.js';

/** The model's bands and every category's and metric's own bands. */
export const checkAllBands: ModelRule = (ctx) => {
  checkBands(ctx.model.bands, '/bands', ctx);
  for (const [name, category] of Object.entries(ctx.model.categories)) {
    if (category.bands !== undefined) checkBands(category.bands, `${childPointer('/categories', name)}/bands`, ctx);
  }
  for (const [name, metric] of Object.entries(ctx.model.metrics)) {
    if (metric.bands !== undefined) checkBands(metric.bands, `${childPointer('/metrics', name)}/bands`, ctx);
  }
};

export const checkScale: ModelRule = (ctx) => {
  const { min, max } = ctx.scale;
  if (min >= max) ctx.report('scale-empty', { min, max }, ctx.locate.value('/scale'));
  for (const [bound, value] of [['min', min], ['max', max]] as const) {
    const rounded = Number(value.toFixed(ctx.precision));
    // Off the grid, a score clamped to the bound would be rounded past it. The 15 digits are
    // the evaluators' reading of a number: a bound with more would not be kept by rounding either.
    if (rounded !== value || Number(value.toPrecision(15)) !== value) {
      ctx.report('scale-off-precision', { bound, value, precision: ctx.precision, rounded }, ctx.locate.value(`/scale/${bound}`));
    }
  }
  const geometric = [ctx.model.rollup, ...Object.values(ctx.model.categories).map((c) => c.rollup)].includes('geometric');
  if (geometric && min <= 0) ctx.report('geometric-needs-positive-scale', { min }, ctx.locate.value(ctx.model.scale ? '/scale/min' : '/rollup'));
};
