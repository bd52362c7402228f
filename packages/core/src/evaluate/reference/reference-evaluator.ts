import type { InputDeclaration } from '../../check/resolve-inputs.js';
import type { Slot, TypedExpr } from '../../check/typed-expr.js';
import type { BandPlan, CategoryPlan, MetricPlan, Plan, RollupPlan } from '../../compile/plan.js';
import { formatDay } from '../dates.js';
import type { Evaluator, StepOptions, StepOutput } from '../evaluator.js';
import { benchmarkTable } from '../lifecycle/benchmark-table.js';
import { bandWithHysteresis } from '../lifecycle/hysteresis.js';
import { overrideReading } from '../lifecycle/override-reading.js';
import { pulseReading } from '../lifecycle/pulse-reading.js';
import { rankShortfalls } from '../lifecycle/shortfall.js';
import { COVERAGE_DECIMALS, WEIGHT_DECIMALS, compareNumbers, roundTo } from '../numbers.js';
import { historySites, planNeedsAsOf } from '../plan-facts.js';
import { READERS } from '../read-value.js';
import type { AccountState, CategoryResult, FiredPlaybook, MetricResult, PulseResult, RecordIssue, ScoreResult } from '../result.js';
import { interpret, type Environment, type Value } from './interpret-expression.js';

/**
 * The reference evaluator: the semantics of a plan, step by step, written to be obviously right
 * rather than fast. The compiled evaluator must agree with it on every record (test/conformance).
 */
export function referenceEvaluator(plan: Plan): Evaluator {
  const needsAsOf = planNeedsAsOf(plan);
  const sites = historySites(plan);
  const benchmarks = benchmarkTable(plan.benchmarks);
  const metricsByKey = new Map(plan.metrics.map((m) => [m.key, m]));

  function step(record: Readonly<Record<string, unknown>>, previous: AccountState | undefined, options: StepOptions = {}): StepOutput {
    const issues: RecordIssue[] = [];
    const inputs = new Map<string, Value>();
    for (const input of plan.inputs) inputs.set(input.name, readInput(record, input, issues));
    const asOf = plan.data.asOf === null ? (options.asOf ?? null) : (inputs.get(plan.data.asOf) as number | null);
    if (issues.length === 0 && needsAsOf && asOf === null) {
      issues.push({ field: plan.data.asOf ?? 'as_of', code: 'no-as-of', message: 'the model needs the snapshot date: give the as-of field, or an as-of date for the run' });
    }
    const id = plan.data.id === null ? null : inputs.get(plan.data.id) ?? null;
    const base = { id: id === null ? null : String(id), asOf, segment: field(inputs, plan.data.segment), stage: field(inputs, plan.data.stage) };
    if (issues.length > 0) return { result: invalidResult(plan, base, issues), state: previous };

    const pulse = plan.pulse === null ? null : pulseReading(plan.pulse, inputs.get(plan.pulse.field) as string | null, inputs.get(plan.pulse.recordedAt) as number | null, asOf, plan.precision);
    const metricValues = new Map<string, Value>();
    const metrics = new Map<string, MetricScore>();
    const slotValue = (slot: Slot, own: Value = null): Value => readSlot(slot, { inputs, metricValues, metrics, pulse, asOf, own, late });
    const late: LateValues = { categories: new Map(), score: null, band: null, coverage: 0, benchmark: null, gap: null, bandChanged: false, scoreChange: null };
    const env = (own: Value = null): Environment => ({ slot: (slot) => slotValue(slot, own), prev: (site) => (previous?.sites[site] ?? null) as Value });

    for (const key of plan.evaluationOrder) {
      const metric = metricsByKey.get(key) as MetricPlan;
      const value = interpret(metric.value, env());
      metricValues.set(key, value);
      metrics.set(key, scoreMetric(plan, metric, value, env(value)));
    }
    const categories = new Map(plan.categories.map((c) => [c.key, rollUpCategory(plan, c, metrics)]));
    const overall = rollUpOverall(plan, categories, metrics);

    let band = bandWithHysteresis(plan.bands, plan.hysteresis, overall.score, overall.band, previous?.computedBand ?? null);
    const computedBand = band;
    let score = overall.score;
    const override = plan.overrides === null ? null : overrideReading(overrideFields(plan, inputs), asOf, score, band);
    if (override?.status === 'active') {
      score = override.score ?? score;
      band = override.band ?? (override.score !== null ? bandOf(plan.bands, score) : band);
    }
    const status = score !== null ? 'scored' : overall.status;
    const benchmark = benchmarks.lookup(base.stage, base.segment, null);
    const gap = benchmark === null || score === null ? null : roundTo(score - benchmark, plan.precision);
    const change = previous === undefined || previous.scoredAsOf === null ? null : {
      previous_as_of: formatDay(previous.scoredAsOf),
      previous_score: previous.score,
      previous_band: previous.band,
      score: score === null || previous.score === null ? null : roundTo(score - previous.score, plan.precision),
      band_changed: band !== null && previous.band !== null && band !== previous.band,
    };
    Object.assign(late, { score, band, coverage: overall.coverage, benchmark, gap, bandChanged: change?.band_changed ?? false, scoreChange: change?.score ?? null });
    const scored = score !== null && overall.score !== null;
    const categoryResults = categoryResultsWithBenchmarks(plan, categories, base, benchmarks.lookup.bind(benchmarks), late, scored);

    const lastFired = [...(previous?.lastFired ?? plan.playbooks.map(() => null))];
    const playbooks: FiredPlaybook[] = [];
    plan.playbooks.forEach((playbook, i) => {
      if (interpret(playbook.when, env()) !== true) return;
      const last = lastFired[i] ?? null;
      if (playbook.cooldownDays !== null && last !== null && asOf !== null && asOf - last < playbook.cooldownDays) return;
      lastFired[i] = asOf;
      playbooks.push({
        key: playbook.key,
        title: playbook.title,
        priority: playbook.priority,
        owner: playbook.owner,
        action: playbook.action,
        why: playbook.explain.map((item) => ({ ref: item.text, value: display(interpret(item.expr, env()), item.expr) })),
      });
    });

    const result: ScoreResult = {
      model: plan.model,
      model_hash: plan.hash,
      id: base.id,
      as_of: asOf === null ? null : formatDay(asOf),
      status,
      reason: status === 'scored' ? null : overall.reason,
      score,
      band,
      coverage: overall.coverage,
      missing_inputs: plan.metricInputs.filter((name) => inputs.get(name) === null),
      categories: categoryResults,
      metrics: metricResults(plan, metrics, metricValues, categories, scored),
      segment: base.segment,
      stage: base.stage,
      benchmark,
      gap,
      below_benchmark: gap !== null && gap < 0 ? belowBenchmark(plan, metrics, categories, benchmark as number) : [],
      pulse,
      override,
      change,
      playbooks,
      issues: [],
    };
    const nextSites = sites.map(({ operand, ownMetric }) => interpret(operand, env(ownMetric === null ? null : metricValues.get(ownMetric) ?? null)));
    const siteValues: unknown[] = [];
    sites.forEach(({ site }, i) => (siteValues[site] = nextSites[i]));
    const carried = band !== null ? { scoredAsOf: asOf, score, band, computedBand } : lastScored(previous);
    const state: AccountState | undefined = asOf === null ? undefined : { asOf, ...carried, sites: siteValues, lastFired };
    return { result, state };
  }

  return { plan, engine: 'reference', step };
}

function lastScored(previous: AccountState | undefined): Pick<AccountState, 'scoredAsOf' | 'score' | 'band' | 'computedBand'> {
  return previous === undefined
    ? { scoredAsOf: null, score: null, band: null, computedBand: null }
    : { scoredAsOf: previous.scoredAsOf, score: previous.score, band: previous.band, computedBand: previous.computedBand };
}

interface MetricScore {
  readonly score: number | null;
  readonly band: string | null;
  readonly missing: boolean;
  readonly imputed: boolean;
  /** Missing under the `unknown` policy: the whole score becomes unknown. */
  readonly unknown: boolean;
}

interface LateValues {
  categories: Map<string, { score: number | null; band: string | null; benchmark: number | null; gap: number | null }>;
  score: number | null;
  band: string | null;
  coverage: number;
  benchmark: number | null;
  gap: number | null;
  bandChanged: boolean;
  scoreChange: number | null;
}

interface SlotSources {
  inputs: Map<string, Value>;
  metricValues: Map<string, Value>;
  metrics: Map<string, MetricScore>;
  pulse: PulseResult | null;
  asOf: number | null;
  own: Value;
  late: LateValues;
}

function readSlot(slot: Slot, s: SlotSources): Value {
  switch (slot.kind) {
    case 'input':
      return s.inputs.get(slot.input) ?? null;
    case 'own-value':
      return s.own;
    case 'metric':
      return slot.field === 'value' ? (s.metricValues.get(slot.metric) ?? null) : (s.metrics.get(slot.metric)?.[slot.field] ?? null);
    case 'pulse':
      return s.pulse === null ? (slot.field === 'stale' ? false : null) : pulseField(s.pulse, slot.field);
    case 'category':
      return s.late.categories.get(slot.category)?.[slot.field] ?? null;
    case 'result':
      return resultField(slot.field, s);
  }
}

function pulseField(pulse: PulseResult, field: 'value' | 'score' | 'age_days' | 'stale'): Value {
  return field === 'value' ? pulse.value : field === 'score' ? pulse.score : field === 'age_days' ? pulse.age_days : pulse.stale;
}

function resultField(field: string, s: SlotSources): Value {
  switch (field) {
    case 'as_of':
      return s.asOf;
    case 'band_changed':
      return s.late.bandChanged;
    case 'score_change':
      return s.late.scoreChange;
    default:
      return s.late[field as 'score' | 'band' | 'coverage' | 'benchmark' | 'gap'];
  }
}

function readInput(record: Readonly<Record<string, unknown>>, input: InputDeclaration, issues: RecordIssue[]): Value {
  const raw = Object.hasOwn(record, input.name) ? record[input.name] : undefined;
  return READERS[input.type](raw, input, issues);
}

function field(inputs: Map<string, Value>, name: string | null): string | null {
  const value = name === null ? null : inputs.get(name) ?? null;
  return value === null ? null : String(value);
}

export function bandOf(bands: BandPlan, score: number | null): string | null {
  if (score === null) return null;
  for (let i = 0; i < bands.thresholds.length; i++) if (score < (bands.thresholds[i] as number)) return bands.names[i] as string;
  return bands.names[bands.names.length - 1] as string;
}

function clampToScale(plan: Plan, x: number): number {
  return Math.min(plan.scale.max, Math.max(plan.scale.min, x));
}

function normalise(plan: Plan, metric: MetricPlan, value: Value, env: Environment): number | null {
  const { min, max } = plan.scale;
  const method = metric.score;
  switch (method.method) {
    case 'identity':
      return value as number;
    case 'linear':
      if (method.from === method.to) return compareNumbers(value as number, method.from) >= 0 ? max : min;
      return min + (((value as number) - method.from) / (method.to - method.from)) * (max - min);
    case 'steps': {
      const i = method.thresholds.findIndex((t) => compareNumbers(value as number, t) < 0);
      return method.scores[i < 0 ? method.scores.length - 1 : i] as number;
    }
    case 'map': {
      const key = typeof value === 'boolean' ? String(value) : (value as string);
      return method.entries.find(([k]) => k === key)?.[1] ?? method.fallback;
    }
    case 'expr':
      return interpret(method.expr, env) as number | null;
  }
}

function scoreMetric(plan: Plan, metric: MetricPlan, value: Value, env: Environment): MetricScore {
  const raw = value === null ? null : normalise(plan, metric, value, env);
  if (raw !== null && Number.isFinite(raw)) {
    const score = roundTo(clampToScale(plan, raw), plan.precision);
    return { score, band: bandOf(metric.bands, score), missing: false, imputed: false, unknown: false };
  }
  const missing = metric.missing;
  if (missing.policy === 'score') {
    const score = roundTo(clampToScale(plan, missing.score), plan.precision);
    return { score, band: bandOf(metric.bands, score), missing: true, imputed: true, unknown: false };
  }
  return { score: null, band: null, missing: true, imputed: false, unknown: missing.policy === 'unknown' };
}

interface Rolled {
  readonly score: number | null;
  readonly band: string | null;
  readonly coverage: number;
  readonly unknown: boolean;
  /** Weights of the parts that took part, by key, before normalising. */
  readonly present: Map<string, number>;
}

function rollUp(plan: Plan, rollup: RollupPlan, parts: readonly { key: string; weight: number; score: number | null }[]): number | null {
  const present = parts.filter((p) => p.weight > 0 && p.score !== null) as { key: string; weight: number; score: number }[];
  if (present.length === 0) return null;
  let weights = 0;
  let total = 0;
  for (const p of present) {
    weights += p.weight;
    total += rollup.method === 'geometric' ? p.weight * Math.log(p.score) : p.weight * p.score;
  }
  const mean = rollup.method === 'geometric' ? Math.exp(total / weights) : total / weights;
  const raw = rollup.method === 'weakest_link' ? Math.min(mean, Math.min(...present.map((p) => p.score)) + rollup.margin) : mean;
  return roundTo(clampToScale(plan, raw), plan.precision);
}

function rollUpCategory(plan: Plan, category: CategoryPlan, metrics: Map<string, MetricScore>): Rolled {
  const parts = category.metrics.map((key) => ({ key, weight: weightOf(plan, key), score: metrics.get(key)?.score ?? null }));
  const unknown = category.metrics.some((key) => metrics.get(key)?.unknown === true && weightOf(plan, key) > 0);
  const score = unknown ? null : rollUp(plan, category.rollup, parts);
  const all = parts.filter((p) => p.weight > 0).reduce((sum, p) => sum + p.weight, 0);
  const withData = parts.filter((p) => p.weight > 0 && metrics.get(p.key)?.missing === false).reduce((sum, p) => sum + p.weight, 0);
  const present = new Map(parts.filter((p) => p.weight > 0 && p.score !== null).map((p) => [p.key, p.weight]));
  return { score, band: bandOf(category.bands, score), coverage: all > 0 ? roundTo(withData / all, COVERAGE_DECIMALS) : 0, unknown, present };
}

function weightOf(plan: Plan, metric: string): number {
  return plan.metrics.find((m) => m.key === metric)?.weight ?? 0;
}

interface Overall {
  readonly score: number | null;
  readonly band: string | null;
  readonly coverage: number;
  readonly status: 'scored' | 'unscored';
  readonly reason: ScoreResult['reason'];
  readonly present: Map<string, number>;
}

function rollUpOverall(plan: Plan, categories: Map<string, Rolled>, metrics: Map<string, MetricScore>): Overall {
  let coverage = 0;
  for (const metric of plan.metrics) if (metrics.get(metric.key)?.missing === false) coverage += metric.fullShare;
  coverage = roundTo(coverage, COVERAGE_DECIMALS);
  const parts = plan.categories.map((c) => ({ key: c.key, weight: c.weight, score: categories.get(c.key)?.score ?? null }));
  const present = new Map(parts.filter((p) => p.weight > 0 && p.score !== null).map((p) => [p.key, p.weight]));
  const unknown = plan.metrics.some((m) => m.weight > 0 && metrics.get(m.key)?.unknown === true);
  const rolled = rollUp(plan, plan.rollup, parts);
  const reason = unknown ? 'metric-unknown' : coverage < plan.minCoverage ? 'insufficient-coverage' : rolled === null ? 'no-data' : null;
  const score = reason === null ? rolled : null;
  return { score, band: bandOf(plan.bands, score), coverage, status: reason === null ? 'scored' : 'unscored', reason, present };
}

function share(present: Map<string, number>, key: string): number {
  const weight = present.get(key);
  if (weight === undefined) return 0;
  let total = 0;
  for (const w of present.values()) total += w;
  return weight / total;
}

function metricResults(plan: Plan, metrics: Map<string, MetricScore>, values: Map<string, Value>, categories: Map<string, Rolled>, scored: boolean): Record<string, MetricResult> {
  const overallPresent = new Map(plan.categories.filter((c) => c.weight > 0 && categories.get(c.key)?.score != null).map((c) => [c.key, c.weight]));
  const results: Record<string, MetricResult> = {};
  for (const metric of plan.metrics) {
    const m = metrics.get(metric.key) as MetricScore;
    const category = categories.get(metric.category) as Rolled;
    const weight = share(overallPresent, metric.category) * share(category.present, metric.key);
    const value = values.get(metric.key) ?? null;
    results[metric.key] = {
      value: metric.valueKind === 'date' && value !== null ? formatDay(value as number) : value,
      score: m.score,
      band: m.band,
      weight: roundTo(weight, WEIGHT_DECIMALS),
      contribution: scored && m.score !== null ? roundTo(weight * m.score, plan.precision) : null,
      missing: m.missing,
      imputed: m.imputed,
    };
  }
  return results;
}

function categoryResultsWithBenchmarks(
  plan: Plan,
  categories: Map<string, Rolled>,
  base: { stage: string | null; segment: string | null },
  lookup: (stage: string | null, segment: string | null, category: string | null) => number | null,
  late: LateValues,
  scored: boolean,
): Record<string, CategoryResult> {
  const present = new Map(plan.categories.filter((c) => c.weight > 0 && categories.get(c.key)?.score != null).map((c) => [c.key, c.weight]));
  const results: Record<string, CategoryResult> = {};
  for (const category of plan.categories) {
    const rolled = categories.get(category.key) as Rolled;
    const benchmark = lookup(base.stage, base.segment, category.key);
    const gap = benchmark === null || rolled.score === null ? null : roundTo(rolled.score - benchmark, plan.precision);
    const weight = share(present, category.key);
    results[category.key] = {
      score: rolled.score,
      band: rolled.band,
      coverage: rolled.coverage,
      weight: roundTo(weight, WEIGHT_DECIMALS),
      contribution: scored && rolled.score !== null ? roundTo(weight * rolled.score, plan.precision) : null,
      benchmark,
      gap,
    };
    late.categories.set(category.key, { score: rolled.score, band: rolled.band, benchmark, gap });
  }
  return results;
}

/** Metrics scoring under the benchmark, the largest weighted shortfall first. */
function belowBenchmark(plan: Plan, metrics: Map<string, MetricScore>, categories: Map<string, Rolled>, benchmark: number): string[] {
  const overallPresent = new Map(plan.categories.filter((c) => c.weight > 0 && categories.get(c.key)?.score != null).map((c) => [c.key, c.weight]));
  const weights = plan.metrics.map((m) => share(overallPresent, m.category) * share((categories.get(m.category) as Rolled).present, m.key));
  return rankShortfalls(plan.metrics.map((m) => m.key), plan.metrics.map((m) => metrics.get(m.key)?.score ?? null), weights, benchmark);
}

function overrideFields(plan: Plan, inputs: Map<string, Value>) {
  const o = plan.overrides as NonNullable<Plan['overrides']>;
  const get = (name: string | null) => (name === null ? null : inputs.get(name) ?? null);
  return {
    score: get(o.score) as number | null,
    band: get(o.band) as string | null,
    reason: get(o.reason) as string | null,
    setAt: get(o.setAt) as number | null,
    expiresAt: get(o.expiresAt) as number | null,
  };
}

function display(value: Value, expr: TypedExpr): Value {
  return expr.type.kind === 'date' && typeof value === 'number' ? formatDay(value) : value;
}

export function invalidResult(plan: Plan, base: { id: string | null; asOf: number | null; segment: string | null; stage: string | null }, issues: readonly RecordIssue[]): ScoreResult {
  return {
    model: plan.model,
    model_hash: plan.hash,
    id: base.id,
    as_of: base.asOf === null ? null : formatDay(base.asOf),
    status: 'invalid',
    reason: null,
    score: null,
    band: null,
    coverage: 0,
    missing_inputs: [],
    categories: {},
    metrics: {},
    segment: base.segment,
    stage: base.stage,
    benchmark: null,
    gap: null,
    below_benchmark: [],
    pulse: null,
    override: null,
    change: null,
    playbooks: [],
    issues,
  };
}
