import type { MetricPlan, Plan } from '../compile/plan.js';
import type { StepOptions } from '../evaluate/evaluator.js';
import { referenceEvaluator } from '../evaluate/reference/reference-evaluator.js';
import type { AccountState, ScoreResult } from '../evaluate/result.js';
import { boundary, readableValue } from './value-search.js';
import { computedBand, whatIf, type MetricValue } from './what-if.js';

/**
 * The question CSMs ask most: what is the smallest change that would move this account to the
 * next band? Answered per metric, all else equal: the value the metric would need.
 */
export interface NextBand {
  readonly band: string | null;
  /** The band above `band`; null when there is none or nothing can be moved (see `blocked`). */
  readonly next_band: string | null;
  /** The overall score at which `next_band` begins (hysteresis may ask a little more). */
  readonly threshold: number | null;
  readonly score: number | null;
  /** Why no metric is searched: the account is in the top band, is not scored, or an override sets its band. */
  readonly blocked: 'top-band' | 'not-scored' | 'override' | null;
  /** Metrics that can move the account, the smallest change first; then the ones that cannot, the closest first. */
  readonly metrics: readonly MetricChange[];
}

export interface MetricChange {
  readonly metric: string;
  readonly title: string | null;
  /** The metric's value now (null when missing). */
  readonly value: MetricValue | null;
  /** `reachable`: `needed` moves the account; `unreachable`: no value of this metric alone does; `not-searched`: its score is an expression or a date, which cannot be searched reliably. */
  readonly outcome: 'reachable' | 'unreachable' | 'not-searched';
  /** The value it would need, as a condition on the value: `>= 0.713`, `<= 1.2`, `< 0.5`, `= amber`. */
  readonly needed: { readonly op: '>=' | '<=' | '<' | '='; readonly value: MetricValue } | null;
  /** The metric's score and the overall score with the needed value (for `unreachable`: with its best value). */
  readonly metric_score: number | null;
  readonly overall_score: number | null;
  /** For a metric that scores the CSM's pulse: the lowest pulse level that would do, since nobody sets a pulse to 63.9. */
  readonly pulse_level?: { readonly value: string; readonly title: string | null; readonly score: number };
}

/** One account snapshot (and its previous state, for history and hysteresis) → the next-band what-if. */
export function nextBand(plan: Plan, record: Readonly<Record<string, unknown>>, previous?: AccountState, options: StepOptions = {}): NextBand {
  const result = referenceEvaluator(plan).step(record, previous, options).result;
  const band = result.band;
  const base = { band, score: result.score };
  if (result.status !== 'scored' || band === null) return { ...base, next_band: null, threshold: null, blocked: 'not-scored', metrics: [] };
  if (result.override?.status === 'active') return { ...base, next_band: null, threshold: null, blocked: 'override', metrics: [] };
  const index = plan.bands.names.indexOf(band);
  if (index < 0 || index >= plan.bands.names.length - 1) return { ...base, next_band: null, threshold: null, blocked: 'top-band', metrics: [] };
  const goal = (r: ScoreResult) => plan.bands.names.indexOf(computedBand(r) ?? '') > index;
  const changes = plan.metrics.map((metric) => withPulseLevel(plan, metric, metricChange(plan, metric, result, whatIf(plan, metric, record, previous, options), goal)));
  return { ...base, next_band: plan.bands.names[index + 1] as string, threshold: plan.bands.thresholds[index] as number, blocked: null, metrics: rank(changes) };
}

type Score = (value: MetricValue) => ScoreResult;
type Goal = (result: ScoreResult) => boolean;

interface Ranked extends MetricChange {
  /** How far the value must move, as a share of the span that matters: for ordering only. */
  readonly effort: number;
}

function metricChange(plan: Plan, metric: MetricPlan, result: ScoreResult, score: Score, goal: Goal): Ranked {
  const current = result.metrics[metric.key]?.value ?? null;
  const base = { metric: metric.key, title: metric.title, value: current };
  if (metric.valueKind === 'date' || metric.score.method === 'expr') return { ...base, outcome: 'not-searched', needed: null, metric_score: null, overall_score: null, effort: Infinity };
  if (metric.score.method === 'map' || metric.valueKind !== 'number') return { ...base, ...categorical(metric, current, result, plan.scale.max - plan.scale.min, score, goal) };
  if (metric.score.method === 'steps') return { ...base, ...stepped(metric.key, metric.score.thresholds, current as number | null, score, goal) };
  const [from, to] = metric.score.method === 'linear' ? [metric.score.from, metric.score.to] : [plan.scale.min, plan.scale.max];
  return { ...base, ...continuous(metric.key, from, to, current as number | null, score, goal, isWholeNumber(plan, metric)) };
}

/** A metric whose value is the pulse's score is moved by a pulse level: the lowest whose score suffices. */
function withPulseLevel(plan: Plan, metric: MetricPlan, change: Ranked): Ranked {
  const readsPulse = metric.value.kind === 'slot' && metric.value.slot.kind === 'pulse' && metric.value.slot.field === 'score';
  const needed = change.needed;
  if (!readsPulse || plan.pulse === null || change.outcome !== 'reachable' || needed?.op !== '>=' || typeof needed.value !== 'number') return change;
  const level = [...plan.pulse.levels].sort((a, b) => a.score - b.score).find((l) => l.score >= (needed.value as number));
  return level === undefined ? { ...change, outcome: 'unreachable', needed: null } : { ...change, pulse_level: { value: level.value, title: level.title, score: level.score } };
}

type Found = Omit<Ranked, 'metric' | 'title' | 'value'>;

function found(op: '>=' | '<=' | '<' | '=', value: MetricValue, at: ScoreResult, metric: string, effort: number): Found {
  return { outcome: 'reachable', needed: { op, value }, metric_score: at.metrics[metric]?.score ?? null, overall_score: at.score, effort };
}

function unreachable(best: ScoreResult | undefined, metric: string): Found {
  return { outcome: 'unreachable', needed: null, metric_score: best?.metrics[metric]?.score ?? null, overall_score: best?.score ?? null, effort: Infinity };
}

/** Linear and identity scores: monotone between `from` (scale minimum) and `to` (maximum), clamped beyond. */
function continuous(metric: string, from: number, to: number, current: number | null, score: Score, goal: Goal, whole: boolean): Found {
  const upward = to >= from;
  const bestResult = score(to);
  if (!goal(bestResult)) return unreachable(bestResult, metric);
  const start = current === null ? from : upward ? Math.max(from, Math.min(to, current)) : Math.min(from, Math.max(to, current));
  const reaches = (value: number) => goal(score(value));
  if (reaches(start)) return found(upward ? '>=' : '<=', start, score(start), metric, 0);
  const edge = boundary(start, to, reaches);
  const rounded = upward ? Math.ceil(edge - 1e-9) : Math.floor(edge + 1e-9);
  const value = whole && reaches(rounded) ? rounded : readableValue(edge, Math.abs(to - from), upward, reaches);
  return found(upward ? '>=' : '<=', value, score(value), metric, Math.abs(value - (current ?? from)) / (Math.abs(to - from) || 1));
}

/** A metric whose value is an integer input (a count of tickets, of users) needs a whole number. */
function isWholeNumber(plan: Plan, metric: MetricPlan): boolean {
  const value = metric.value;
  if (value.kind !== 'slot' || value.slot.kind !== 'input') return false;
  const name = value.slot.input;
  return plan.inputs.some((input) => input.name === name && input.type === 'integer');
}

/** Step scores: each step is an interval of values; the reachable interval nearest the current value. */
function stepped(metric: string, thresholds: readonly number[], current: number | null, score: Score, goal: Goal): Found {
  if (thresholds.length === 0) return unreachable(undefined, metric);
  const span = thresholds.length > 1 ? (thresholds[thresholds.length - 1] as number) - (thresholds[0] as number) : 1;
  const intervals = [undefined, ...thresholds].map((lower, i) => ({ lower, upper: thresholds[i] }));
  let best: Found | undefined;
  let bestSeen: ScoreResult | undefined;
  for (const { lower, upper } of intervals) {
    const sample = lower ?? (upper as number) - Math.max(1, Math.abs(upper as number));
    const at = score(sample);
    if (bestSeen === undefined || (at.score ?? -Infinity) > (bestSeen.score ?? -Infinity)) bestSeen = at;
    if (!goal(at)) continue;
    const below = current !== null && upper !== undefined && current >= upper;
    const distance = current === null ? 0 : below ? current - (upper as number) : lower !== undefined && current < lower ? lower - current : 0;
    const candidate = below || lower === undefined ? found('<', upper as number, at, metric, distance / (span || 1)) : found('>=', lower, at, metric, distance / (span || 1));
    if (best === undefined || candidate.effort < best.effort) best = candidate;
  }
  return best ?? unreachable(bestSeen, metric);
}

/** Enums, booleans and `map` scores: the value that reaches the next band with the lowest metric score (the least to ask for). */
function categorical(metric: MetricPlan, current: MetricValue | null, result: ScoreResult, range: number, score: Score, goal: Goal): Found {
  const currentScore = result.metrics[metric.key]?.score ?? null;
  const type = metric.value.type;
  const candidates: MetricValue[] =
    metric.valueKind === 'boolean' ? [true, false] : type.kind === 'enum' ? [...type.values] : metric.score.method === 'map' ? metric.score.entries.map(([key]) => key) : [];
  let best: Found | undefined;
  let bestSeen: ScoreResult | undefined;
  for (const value of candidates) {
    if (value === current) continue;
    const at = score(value);
    if (bestSeen === undefined || (at.score ?? -Infinity) > (bestSeen.score ?? -Infinity)) bestSeen = at;
    if (!goal(at)) continue;
    const metricScore = at.metrics[metric.key]?.score ?? Infinity;
    const effort = currentScore === null || range <= 0 ? 1 : Math.abs(metricScore - currentScore) / range;
    if (best === undefined || metricScore < (best.metric_score ?? Infinity)) best = found('=', value, at, metric.key, effort);
  }
  return best ?? unreachable(bestSeen, metric.key);
}

/** Reachable changes first, the smallest move first; then the ones that cannot, the closest first; then the rest. */
function rank(changes: readonly Ranked[]): MetricChange[] {
  const order = (c: Ranked) => (c.outcome === 'reachable' ? 0 : c.outcome === 'unreachable' ? 1 : 2);
  const closest = (a: Ranked, b: Ranked) => (a.outcome === 'unreachable' ? (b.overall_score ?? -Infinity) - (a.overall_score ?? -Infinity) : 0);
  return [...changes]
    .map((change, i) => ({ change, i }))
    .sort((a, b) => order(a.change) - order(b.change) || a.change.effort - b.change.effort || closest(a.change, b.change) || a.i - b.i)
    .map(({ change: { effort: _effort, ...rest } }) => rest);
}
