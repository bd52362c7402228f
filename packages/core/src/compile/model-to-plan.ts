import type { CheckedModel } from '../check/check-model.js';
import type { CheckedExpression, TypedExpr } from '../check/typed-expr.js';
import {
  DEFAULT_MIN_COVERAGE,
  DEFAULT_PRECISION,
  DEFAULT_PULSE_SCALE,
  DEFAULT_SCALE,
  DEFAULT_SHELF_LIFE_DAYS,
  DEFAULT_WEAKEST_LINK_MARGIN,
  DEFAULT_WEIGHT,
  durationDays,
} from '../schema/defaults.js';
import type { BandSource, MetricSource, MissingPolicySource, ModelSource, RollupSource, ScoreMethodSource } from '../schema/model-source.js';
import { planHash } from './plan-hash.js';
import type { BandPlan, CategoryPlan, MetricPlan, MissingPlan, Plan, PlaybookPlan, PulsePlan, RollupPlan, ScorePlan } from './plan.js';

/** Compile stage, first half: a checked model → the plan, every default applied. Pure. */
export function modelToPlan(checked: CheckedModel): Plan {
  const source = checked.source;
  const { expressions } = checked;
  const categories = categoryPlans(source);
  const shares = fullShares(source, categories);
  const metrics = Object.entries(source.metrics).map(([key, metric]) =>
    metricPlan(key, metric, expressions.metricValues[key] as CheckedExpression, expressions.metricScores[key], source, shares.get(key) ?? 0),
  );
  const plan: Omit<Plan, 'hash'> = {
    format: 1,
    model: source.model,
    title: source.title ?? null,
    scale: { ...(source.scale ?? DEFAULT_SCALE) },
    precision: source.precision ?? DEFAULT_PRECISION,
    bands: bandPlan(source.bands),
    hysteresis: source.hysteresis ?? 0,
    data: {
      id: source.data?.id ?? null,
      asOf: source.data?.as_of ?? null,
      segment: source.data?.segment ?? null,
      stage: source.data?.stage ?? null,
      value: source.data?.value ?? null,
      owner: source.data?.owner ?? null,
    },
    inputs: checked.inputs,
    metrics,
    evaluationOrder: expressions.metricOrder,
    categories,
    rollup: rollupPlan(source.rollup),
    minCoverage: source.missing?.min_coverage ?? DEFAULT_MIN_COVERAGE,
    pulse: pulsePlan(source),
    overrides: source.overrides
      ? {
          score: source.overrides.score ?? null,
          band: source.overrides.band ?? null,
          reason: source.overrides.reason,
          setAt: source.overrides.set_at,
          expiresAt: source.overrides.expires_at,
        }
      : null,
    benchmarks: (source.benchmarks ?? []).map((b) => ({ stage: b.stage, segment: b.segment ?? null, category: b.category ?? null, score: b.score })),
    playbooks: playbookPlans(source, expressions.playbooks),
    historySites: expressions.historySites,
    metricInputs: metricInputs(checked),
  };
  return { ...plan, hash: planHash(plan, canonicalTexts(expressions)) };
}

/** Each typed expression of the model → its canonical text, for the content hash. */
function canonicalTexts(expressions: CheckedModel['expressions']): (expr: TypedExpr) => string {
  const groups = [expressions.metricValues, expressions.metricScores, expressions.playbooks];
  const texts = new Map(groups.flatMap((group) => Object.values(group).map((e): [TypedExpr, string] => [e.expr, e.canonical])));
  return (expr) => {
    const text = texts.get(expr);
    if (text === undefined) throw new Error('bug: an expression of the plan was not checked');
    return text;
  };
}

function bandPlan(bands: readonly BandSource[]): BandPlan {
  return {
    names: bands.map((b) => b.name),
    thresholds: bands.slice(0, -1).map((b) => b.below as number),
    titles: bands.map((b) => b.title ?? null),
    colors: bands.map((b) => b.color ?? null),
  };
}

function rollupPlan(rollup: RollupSource | undefined): RollupPlan {
  if (rollup === undefined || rollup === 'weighted_mean') return { method: 'weighted_mean' };
  if (rollup === 'geometric') return { method: 'geometric' };
  const margin = rollup === 'weakest_link' ? undefined : rollup.weakest_link.margin;
  return { method: 'weakest_link', margin: margin ?? DEFAULT_WEAKEST_LINK_MARGIN };
}

function categoryPlans(source: ModelSource): CategoryPlan[] {
  return Object.entries(source.categories).map(([key, category]) => ({
    key,
    title: category.title ?? null,
    weight: category.weight,
    rollup: rollupPlan(category.rollup),
    bands: bandPlan(category.bands ?? source.bands),
    metrics: Object.entries(source.metrics)
      .filter(([, metric]) => metric.category === key)
      .map(([name]) => name),
  }));
}

/** Each metric's share of the score when all data is present: the denominator of coverage. */
function fullShares(source: ModelSource, categories: readonly CategoryPlan[]): Map<string, number> {
  const shares = new Map<string, number>();
  const categoryTotal = categories.reduce((sum, c) => sum + c.weight, 0);
  for (const category of categories) {
    const weights = category.metrics.map((m) => source.metrics[m]?.weight ?? DEFAULT_WEIGHT);
    const metricTotal = weights.reduce((a, b) => a + b, 0);
    category.metrics.forEach((metric, i) => {
      const share = categoryTotal > 0 && metricTotal > 0 ? (category.weight / categoryTotal) * ((weights[i] as number) / metricTotal) : 0;
      shares.set(metric, share);
    });
  }
  return shares;
}

function metricPlan(key: string, metric: MetricSource, value: CheckedExpression, score: CheckedExpression | undefined, source: ModelSource, fullShare: number): MetricPlan {
  return {
    key,
    title: metric.title ?? null,
    category: metric.category,
    value: value.expr,
    valueText: value.text,
    valueKind: valueKind(value.expr),
    score: scorePlan(metric.score, score),
    bands: bandPlan(metric.bands ?? source.bands),
    weight: metric.weight ?? DEFAULT_WEIGHT,
    fullShare,
    missing: missingPlan(metric.missing ?? source.missing?.policy),
  };
}

function valueKind(expr: TypedExpr): MetricPlan['valueKind'] {
  switch (expr.type.kind) {
    case 'boolean':
      return 'boolean';
    case 'enum':
    case 'string':
      return 'string';
    case 'date':
      return 'date';
    default:
      return 'number';
  }
}

function scorePlan(method: ScoreMethodSource, expression: CheckedExpression | undefined): ScorePlan {
  if (method === 'identity') return { method: 'identity' };
  if ('linear' in method) return { method: 'linear', from: method.linear.from, to: method.linear.to };
  if ('steps' in method) {
    return { method: 'steps', thresholds: method.steps.slice(0, -1).map((s) => s.below as number), scores: method.steps.map((s) => s.score) };
  }
  if ('map' in method) {
    const entries = Object.entries(method.map).filter(([k]) => k !== 'default');
    return { method: 'map', entries, fallback: method.map['default'] ?? null };
  }
  const checked = expression as CheckedExpression;
  return { method: 'expr', expr: checked.expr, text: checked.text };
}

function missingPlan(policy: MissingPolicySource | undefined): MissingPlan {
  if (policy === undefined || policy === 'exclude') return { policy: 'exclude' };
  if (policy === 'unknown') return { policy: 'unknown' };
  return { policy: 'score', score: policy.score };
}

function pulsePlan(source: ModelSource): PulsePlan | null {
  const pulse = source.pulse;
  if (pulse === undefined) return null;
  const shelfLife = pulse.shelf_life === undefined ? DEFAULT_SHELF_LIFE_DAYS : durationDays(pulse.shelf_life);
  const stale = pulse.stale ?? 'keep';
  return {
    field: pulse.field,
    recordedAt: pulse.recorded_at,
    levels: (pulse.scale ?? DEFAULT_PULSE_SCALE).map((level) => ({
      value: level.value,
      title: level.title ?? null,
      score: level.score,
      shelfLifeDays: level.shelf_life === undefined ? shelfLife : durationDays(level.shelf_life),
    })),
    stale: typeof stale === 'string' ? { policy: stale } : { policy: 'decay', to: stale.decay.to, overDays: durationDays(stale.decay.over) },
  };
}

function playbookPlans(source: ModelSource, checked: Readonly<Record<string, CheckedExpression>>): PlaybookPlan[] {
  return Object.entries(source.playbooks ?? {}).map(([key, playbook]) => {
    const condition = checked[key] as CheckedExpression;
    const seen = new Set<string>();
    const explain = condition.explain.filter((item) => !seen.has(item.text) && seen.add(item.text));
    return {
      key,
      title: playbook.title ?? null,
      priority: playbook.priority ?? 'medium',
      owner: playbook.owner ?? null,
      action: playbook.action,
      cooldownDays: playbook.cooldown === undefined ? null : durationDays(playbook.cooldown),
      when: condition.expr,
      whenText: condition.text,
      explain,
    };
  });
}

function metricInputs(checked: CheckedModel): string[] {
  const read = new Set<string>();
  const expressions = [...Object.values(checked.expressions.metricValues), ...Object.values(checked.expressions.metricScores)];
  for (const expression of expressions) {
    for (const r of expression.reads) {
      if (r.slot.kind === 'input') read.add(r.slot.input);
      if (r.slot.kind === 'pulse' && checked.source.pulse !== undefined) read.add(checked.source.pulse.field);
    }
  }
  return checked.inputs.filter((input) => read.has(input.name)).map((input) => input.name);
}
