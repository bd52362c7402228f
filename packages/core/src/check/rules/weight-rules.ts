import { suggest } from '../../diagnostics/suggest.js';
import { childPointer } from '../../load/source-document.js';
import { DEFAULT_WEIGHT } from '../../schema/defaults.js';
import type { ModelRule } from './rule-context.js';

/** Practitioners' rule of thumb: beyond this many weighted metrics nobody can explain the score. */
export const METRIC_LIMIT = 8;

/** Every metric's category exists; categories have metrics; somewhere a weight is positive. */
export const checkCategories: ModelRule = (ctx) => {
  const categories = Object.keys(ctx.model.categories);
  const members = new Map<string, string[]>(categories.map((c) => [c, []]));
  for (const [name, metric] of Object.entries(ctx.model.metrics)) {
    const list = members.get(metric.category);
    if (list !== undefined) {
      list.push(name);
      continue;
    }
    if (ctx.omitted.categories.includes(metric.category)) continue;
    const suggestion = suggest(metric.category, categories);
    ctx.report('unknown-category', { name: metric.category, ...(suggestion ? { suggestion } : {}) }, ctx.locate.value(`${childPointer('/metrics', name)}/category`));
  }
  // A metric left out for an error may be the one a category was waiting for.
  for (const [category, metrics] of ctx.complete ? members : []) {
    const at = childPointer('/categories', category);
    if (metrics.length === 0) ctx.report('category-empty', { name: category }, ctx.locate.key(at));
    else if (metrics.every((m) => (ctx.model.metrics[m]?.weight ?? DEFAULT_WEIGHT) === 0)) {
      ctx.report('weights-all-zero', { scope: `the metrics of category \`${category}\``, owner: `category \`${category}\`` }, ctx.locate.key(at));
    }
  }
};

export const checkWeights: ModelRule = (ctx) => {
  const categories = Object.entries(ctx.model.categories);
  if (categories.every(([, c]) => c.weight === 0)) ctx.report('weights-all-zero', { scope: 'the categories', owner: 'the model' }, ctx.locate.key('/categories'));
  else {
    for (const [name, c] of categories) if (c.weight === 0) ctx.report('weight-zero', { kind: 'category', name }, ctx.locate.value(`${childPointer('/categories', name)}/weight`));
  }
  const used = metricsReadByExpressions(ctx);
  for (const [name, metric] of Object.entries(ctx.model.metrics)) {
    if (metric.weight === 0 && !used.has(name) && ctx.complete) ctx.report('metric-unused', { name }, ctx.locate.value(`${childPointer('/metrics', name)}/weight`));
  }
  const weighted = Object.values(ctx.model.metrics).filter((m) => (m.weight ?? DEFAULT_WEIGHT) > 0).length;
  if (weighted > METRIC_LIMIT) ctx.report('too-many-metrics', { count: weighted, limit: METRIC_LIMIT }, ctx.locate.key('/metrics'));
};

function metricsReadByExpressions(ctx: Parameters<ModelRule>[0]): Set<string> {
  const used = new Set<string>();
  const all = [...Object.values(ctx.typed.metricValues), ...Object.values(ctx.typed.metricScores), ...Object.values(ctx.typed.playbooks)];
  for (const expression of all) for (const read of expression.reads) if (read.slot.kind === 'metric') used.add(read.slot.metric);
  return used;
}
