import type { Slot } from '../check/typed-expr.js';
import type { BandPlan, MetricPlan, PulsePlan } from '../compile/plan.js';
import { roundTo as roundNow } from '../evaluate/numbers.js';
import { expressionToSql, typedNull, type ExpressionScope } from './expression-to-sql.js';
import type { Query } from './query.js';
import type { MetricScoreColumns, PulseColumns, RowColumns } from './row-columns.js';
import { arithmetic, clamp, compareMeasures, roundTo, type NumberScope } from './sql-numbers.js';
import { FALSE, TRUE, join, raw, sql, type Sql } from './sql-value.js';
import type { Stage } from './stage.js';

/** The pulse after its stale policy (pulse-reading.ts): age, staleness, the score the roll-up uses. */
export function pulseColumns(q: Query, stage: Stage, rows: RowColumns, pulse: PulsePlan): PulseColumns {
  const n = (x: number) => q.double(x);
  const value = (rows.inputs.get(pulse.field) as { value: Sql }).value;
  const recorded = (rows.inputs.get(pulse.recordedAt) as { value: Sql }).value;
  const age = stage.bind(sql`(${rows.day} - ${recorded})`, 'pulse_age');
  const present = stage.bind(sql`(${value} IS NOT NULL AND (${age} IS NULL OR ${age} >= ${n(0)}))`, '_pulse_present');
  const byLevel = (pick: (level: PulsePlan['levels'][number]) => number, hint: string) =>
    stage.bind(sql`(CASE ${value} ${join(pulse.levels.map((l) => sql`WHEN ${q.string(l.value)} THEN ${n(pick(l))}`), ' ')} END)`, hint);
  const levelScore = byLevel((l) => l.score, '_pulse_level_score');
  const shelfLife = byLevel((l) => l.shelfLifeDays, '_pulse_shelf_life');
  const stale = stage.bind(sql`(${present} AND (${age} IS NULL OR ${age} > ${shelfLife}))`, 'pulse_stale');
  const score = stage.bind(sql`(CASE WHEN NOT ${present} THEN NULL WHEN NOT ${stale} THEN ${levelScore} ELSE ${staleScore(q, stage, pulse, levelScore, age, shelfLife)} END)`, 'pulse_score');
  return {
    value: stage.bind(sql`(CASE WHEN ${present} THEN ${value} END)`, 'pulse_value'),
    score,
    age: stage.bind(sql`(CASE WHEN ${present} THEN ${age} END)`, 'pulse_age_days'),
    stale,
  };
}

function staleScore(q: Query, stage: Stage, pulse: PulsePlan, score: Sql, age: Sql, shelfLife: Sql): Sql {
  const stale = pulse.stale;
  if (stale.policy === 'keep') return score;
  if (stale.policy === 'exclude') return raw(q.dialect.cast('NULL', 'double'));
  const n = (x: number) => q.double(x);
  const progress = sql`(CASE WHEN ${age} IS NULL THEN ${n(1)} ELSE least(${n(1)}, (${age} - ${shelfLife}) / ${n(stale.overDays)}) END)`;
  const largest = Math.max(Math.abs(stale.to), ...pulse.levels.map((l) => Math.abs(l.score)));
  return roundTo({ dialect: q.dialect, stage }, sql`${score} + (${n(stale.to)} - ${score}) * ${progress}`, q.plan.precision, largest, '_pulse_decayed');
}

/**
 * Metric values and scores. A value may read another metric's score or band, so a score is
 * computed in whichever stage first needs it: the values' stage for those, the scores' stage
 * for the rest.
 */
export class MetricCompiler {
  private stage: Stage;

  constructor(
    private readonly q: Query,
    private readonly rows: RowColumns,
    stage: Stage,
  ) {
    this.stage = stage;
  }

  /** Every metric's value, in evaluation order. */
  values(): void {
    for (const key of this.q.plan.evaluationOrder) {
      const metric = this.metric(key);
      const value = expressionToSql(metric.value, this.scope(null));
      this.rows.metricValues.set(key, this.stage.bind(value, `${key}_value`));
    }
  }

  /** Every metric's score and band not computed yet, in a new stage. */
  scores(stage: Stage): void {
    this.stage = stage;
    for (const metric of this.q.plan.metrics) this.score(metric.key);
  }

  scope(own: Sql | null): ExpressionScope {
    return {
      dialect: this.q.dialect,
      stage: this.stage,
      own,
      slot: (slot) => (slot.kind === 'own-value' ? (own as Sql) : this.slot(slot)),
      previous: (column) => this.stage.bind(sql`LAG(${column}) ${raw(this.rows.history)}`, '_previous'),
    };
  }

  private slot(slot: Slot): Sql {
    switch (slot.kind) {
      case 'input':
        return (this.rows.inputs.get(slot.input) as { value: Sql }).value;
      case 'metric':
        if (slot.field === 'value') return this.rows.metricValues.get(slot.metric) as Sql;
        return this.score(slot.metric)[slot.field];
      case 'pulse':
        return pulseSlot(this.q, this.rows.pulse, slot.field);
      case 'result':
        if (slot.field === 'as_of') return this.rows.day;
        throw new Error(`bug: a metric reads the result field ${slot.field}`);
      default:
        throw new Error(`bug: a metric reads ${slot.kind}`);
    }
  }

  private metric(key: string): MetricPlan {
    return this.q.plan.metrics.find((m) => m.key === key) as MetricPlan;
  }

  /** A metric's score (normalised, clamped, rounded, banded) or its missing-data policy (score-metric.ts). */
  score(key: string): MetricScoreColumns {
    const known = this.rows.metricScores.get(key);
    if (known !== undefined) return known;
    const { q, stage } = this;
    const metric = this.metric(key);
    const value = this.rows.metricValues.get(key) as Sql;
    const { min, max } = q.plan.scale;
    const onScale = (score: number) => roundNow(Math.min(max, Math.max(min, score)), q.plan.precision);
    // A step's or a map's scores are constants: clamped and rounded here, as the evaluator would each time.
    const constant = metric.score.method === 'steps' || metric.score.method === 'map';
    const normal = this.normalise(metric, value, constant ? onScale : (score) => score);
    const normalised = normal === value || keepsNull(q, metric.score) ? normal : sql`(CASE WHEN ${value} IS NULL THEN NULL ELSE ${normal} END)`;
    const rawScore = stage.bind(normalised, `_${key}_raw`);
    const clamped = linearWithinScale(metric.score, min, max) ? rawScore : clamp({ dialect: q.dialect, stage }, rawScore, min, max);
    const scored = constant ? rawScore : roundTo({ dialect: q.dialect, stage }, clamped, q.plan.precision, Math.max(Math.abs(min), Math.abs(max)), `_${key}`, min >= 0);
    const missing = metric.missing;
    // A NULL raw score stays NULL through the clamp and the rounding; the `score` policy imputes one.
    const imputed = missing.policy === 'score' ? q.double(onScale(missing.score)) : null;
    const score = stage.bind(imputed === null ? scored : sql`(CASE WHEN ${rawScore} IS NOT NULL THEN ${scored} ELSE ${imputed} END)`, `${key}_score`);
    const columns: MetricScoreColumns = {
      score,
      band: stage.bind(bandOf(q, metric.bands, score), `${key}_band`),
      missing: stage.bind(sql`(${rawScore} IS NULL)`, `_${key}_missing`),
      unknown: missing.policy === 'unknown' ? stage.bind(sql`(${rawScore} IS NULL)`, `_${key}_unknown`) : FALSE,
    };
    this.rows.metricScores.set(key, columns);
    return columns;
  }

  /** The metric's score on the scale, before clamping and rounding; `constant` maps each score a step or a map gives. */
  private normalise(metric: MetricPlan, value: Sql, constant: (score: number) => number): Sql {
    const { q, stage } = this;
    const n = (x: number) => q.double(x);
    const numbers = { dialect: q.dialect, stage };
    const { min, max } = q.plan.scale;
    const method = metric.score;
    switch (method.method) {
      case 'identity':
        return value;
      case 'linear': {
        if (method.from === method.to) return sql`(CASE WHEN ${compareMeasures(numbers, '>=', value, n(method.from))} THEN ${n(max)} ELSE ${n(min)} END)`;
        // At or past either end the score is that end's: the share could overflow out there (score-metric.ts).
        const [past, before] = method.from < method.to ? (['>=', '<='] as const) : (['<=', '>='] as const);
        const inside = q.dialect.ieeeArithmetic ? interpolated(q, value, method.from, method.to) : guardedInterpolation(q, numbers, value, method.from, method.to);
        return sql`(CASE WHEN ${value} ${raw(past)} ${n(method.to)} THEN ${n(max)} WHEN ${value} ${raw(before)} ${n(method.from)} THEN ${n(min)} ELSE ${inside} END)`;
      }
      case 'steps': {
        const arms = method.thresholds.map((t, i) => sql`WHEN ${compareMeasures(numbers, '<', value, n(t))} THEN ${n(constant(method.scores[i] as number))}`);
        return sql`(CASE ${join(arms, ' ')} ELSE ${n(constant(method.scores[method.scores.length - 1] as number))} END)`;
      }
      case 'map': {
        const fallback = method.fallback === null ? raw(q.dialect.cast('NULL', 'double')) : n(constant(method.fallback));
        const key = (entry: string) => (metric.valueKind === 'boolean' ? (entry === 'true' ? TRUE : entry === 'false' ? FALSE : null) : q.string(entry));
        const arms = method.entries.flatMap(([entry, score]) => {
          const k = key(entry);
          return k === null ? [] : [sql`WHEN ${value} = ${k} THEN ${n(constant(score))}`];
        });
        return arms.length === 0 ? fallback : sql`(CASE ${join(arms, ' ')} ELSE ${fallback} END)`;
      }
      case 'expr':
        return expressionToSql(method.expr, this.scope(value));
    }
  }
}

/**
 * Whether a linear score stays on the scale, so that clamping it would change nothing: its
 * interpolation does (IEEE rounding is monotonic: v − from never passes to − from, so the share
 * stays in [0, 1]) when min + (max − min) is max itself.
 */
function linearWithinScale(method: MetricPlan['score'], min: number, max: number): boolean {
  return method.method === 'linear' && min + (max - min) === max;
}

/**
 * Whether a normalisation gives NULL for a NULL value by itself: a linear one on IEEE arithmetic
 * (both ends' comparisons are NULL, and so is the interpolation), a map without a fallback.
 * Others (steps, a fallback, a formula) need the NULL tested first.
 */
function keepsNull(q: Query, method: MetricPlan['score']): boolean {
  if (method.method === 'linear') return method.from !== method.to && q.dialect.ieeeArithmetic;
  return method.method === 'map' && method.fallback === null;
}

/**
 * `min + ((v − from) / (to − from)) · (max − min)` for a v strictly between the ends, as IEEE
 * arithmetic computes it: the share lies in [0, 1] and the score between min and max, so nothing
 * can overflow, and an IEEE engine (DuckDB) does not fail on underflow: no guard is needed.
 */
function interpolated(q: Query, value: Sql, from: number, to: number): Sql {
  const n = (x: number) => q.double(x);
  const { min, max } = q.plan.scale;
  return sql`${n(min)} + ((${value} - ${n(from)}) / ${n(to - from)}) * ${n(max - min)}`;
}

/** The same, each operation guarded: PostgreSQL fails on a quotient that underflows to zero. */
function guardedInterpolation(q: Query, numbers: NumberScope, value: Sql, from: number, to: number): Sql {
  const n = (x: number) => q.double(x);
  const { min, max } = q.plan.scale;
  const share = arithmetic(numbers, '/', arithmetic(numbers, '-', value, n(from)), n(to - from));
  return arithmetic(numbers, '+', n(min), arithmetic(numbers, '*', share, n(max - min)));
}

/** `bandOf`: the first band whose `below` the score is under (a score on a threshold belongs to the band above). */
export function bandOf(q: Query, bands: BandPlan, score: Sql): Sql {
  const arms = bands.thresholds.map((t, i) => sql`WHEN ${score} < ${q.double(t)} THEN ${q.string(bands.names[i] as string)}`);
  const last = q.string(bands.names[bands.names.length - 1] as string);
  return sql`(CASE WHEN ${score} IS NULL THEN NULL ${join(arms, ' ')} ELSE ${last} END)`;
}

export function pulseSlot(q: Query, pulse: PulseColumns | undefined, field: 'value' | 'score' | 'age_days' | 'stale'): Sql {
  if (pulse === undefined) return field === 'stale' ? FALSE : typedNull({ kind: field === 'value' ? 'string' : 'number' }, q.dialect);
  return field === 'value' ? pulse.value : field === 'score' ? pulse.score : field === 'age_days' ? pulse.age : pulse.stale;
}
