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
  const geometric = [ctx.model.rollup, ...Object.values(ctx.model.categories).map((c) => c.rollup)].includes('geometric');
  if (geometric && min <= 0) ctx.report('geometric-needs-positive-scale', { min }, ctx.locate.value(ctx.model.scale ? '/scale/min' : '/rollup'));
};
