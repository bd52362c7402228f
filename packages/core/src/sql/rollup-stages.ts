import type { MetricPlan, RollupPlan } from '../compile/plan.js';
import { COVERAGE_DECIMALS } from '../evaluate/numbers.js';
import { bandOf } from './metric-stages.js';
import type { Query } from './query.js';
import type { OverallColumns, RowColumns } from './row-columns.js';
import { clamp, roundTo } from './sql-numbers.js';
import { FALSE, join, raw, sql, type Sql } from './sql-value.js';
import type { Stage } from './stage.js';

interface Part {
  readonly score: Sql;
  readonly weight: number;
}

/**
 * roll-up.ts in SQL: the weighted mean (or weighted geometric mean, or the weakest link) of the
 * parts that have a score, clamped and rounded; NULL when none has. Sums run in the plan's order,
 * as the evaluators add, so they agree to the last bit (adding 0.0 for a missing part changes
 * nothing).
 */
function rollUp(q: Query, stage: Stage, rollup: RollupPlan, parts: readonly Part[], hint: string): Sql {
  const n = (x: number) => q.double(x);
  const weighted = parts.filter((p) => p.weight > 0);
  if (weighted.length === 0) return raw(q.dialect.cast('NULL', 'double'));
  const sum = (term: (p: Part) => Sql) => sql`(${n(0)} + ${join(weighted.map((p) => sql`(CASE WHEN ${p.score} IS NOT NULL THEN ${term(p)} ELSE ${n(0)} END)`), ' + ')})`;
  const weights = stage.bind(sum((p) => n(p.weight)), `_${hint}_weights`);
  const geometric = rollup.method === 'geometric';
  // ln(0) fails in SQL (the zero case is decided below): the logarithm is taken of positive scores only.
  const term = (p: Part) => (geometric ? sql`(CASE WHEN ${p.score} > ${n(0)} THEN ${n(p.weight)} * ln(${p.score}) ELSE ${n(0)} END)` : sql`${n(p.weight)} * ${p.score}`);
  const total = stage.bind(sum(term), `_${hint}_total`);
  let mean = sql`${total} / ${weights}`;
  if (geometric) {
    // ln(0) is −∞ in JavaScript (a weighted geometric mean with a zero is 0) and an error in SQL.
    const zero = join(weighted.map((p) => sql`${p.score} <= ${n(0)}`), ' OR ');
    mean = sql`(CASE WHEN ${zero} THEN ${n(0)} ELSE exp(${total} / ${weights}) END)`;
  }
  if (rollup.method === 'weakest_link') {
    const worst = weighted.length === 1 ? (weighted[0] as Part).score : sql`least(${join(weighted.map((p) => sql`coalesce(${p.score}, ${n(Number.MAX_VALUE)})`), ', ')})`;
    mean = sql`least(${mean}, ${worst} + ${n(rollup.margin)})`;
  }
  const raw_ = stage.bind(sql`(CASE WHEN ${weights} > ${n(0)} THEN ${mean} END)`, `_${hint}_raw`);
  const { min, max } = q.plan.scale;
  // NULL (no weight) stays NULL through the clamp and the rounding.
  return roundTo({ dialect: q.dialect, stage }, clamp({ dialect: q.dialect, stage }, raw_, min, max), q.plan.precision, Math.max(Math.abs(min), Math.abs(max)), `_${hint}`, min >= 0);
}

/** Each category: the roll-up of its metrics, NULL when one of them is unknown; its band. */
export function categoryColumns(q: Query, stage: Stage, rows: RowColumns): void {
  for (const category of q.plan.categories) {
    const metrics = category.metrics.map((key) => q.plan.metrics.find((m) => m.key === key) as MetricPlan);
    const parts = metrics.map((m) => ({ score: (rows.metricScores.get(m.key) as { score: Sql }).score, weight: m.weight }));
    const unknowns = metrics.filter((m) => m.weight > 0 && m.missing.policy === 'unknown').map((m) => (rows.metricScores.get(m.key) as { unknown: Sql }).unknown);
    const rolled = rollUp(q, stage, category.rollup, parts, category.key);
    const score = stage.bind(unknowns.length === 0 ? rolled : sql`(CASE WHEN ${join(unknowns, ' OR ')} THEN NULL ELSE ${rolled} END)`, `${category.key}_score`);
    const band = stage.bind(bandOf(q, category.bands, score), `${category.key}_band`);
    const present = category.weight > 0 ? sql`(${score} IS NOT NULL)` : FALSE;
    rows.categories.set(category.key, { score, band, present });
  }
}

/** Coverage, the overall roll-up, why a snapshot is unscored, and the computed score's plain band. */
export function overallColumns(q: Query, stage: Stage, rows: RowColumns): OverallColumns {
  const { plan } = q;
  const n = (x: number) => q.double(x);
  const covered = join(plan.metrics.map((m) => sql`(CASE WHEN NOT ${(rows.metricScores.get(m.key) as { missing: Sql }).missing} THEN ${n(m.fullShare)} ELSE ${n(0)} END)`), ' + ');
  const coverage = stage.bind(roundTo({ dialect: q.dialect, stage }, sql`(${n(0)} + ${covered})`, COVERAGE_DECIMALS, 2, '_coverage', true), 'coverage');
  const parts = plan.categories.map((c) => ({ score: (rows.categories.get(c.key) as { score: Sql }).score, weight: c.weight }));
  const rolled = stage.bind(rollUp(q, stage, plan.rollup, parts, 'overall'), '_rolled');
  const unknowns = plan.metrics.filter((m) => m.weight > 0 && m.missing.policy === 'unknown').map((m) => (rows.metricScores.get(m.key) as { unknown: Sql }).unknown);
  const unknown = unknowns.length === 0 ? FALSE : join(unknowns, ' OR ');
  const reason = stage.bind(
    sql`(CASE WHEN ${unknown} THEN ${q.string('metric-unknown')} WHEN ${coverage} < ${n(plan.minCoverage)} THEN ${q.string('insufficient-coverage')} WHEN ${rolled} IS NULL THEN ${q.string('no-data')} END)`,
    '_reason',
  );
  const score = stage.bind(sql`(CASE WHEN ${reason} IS NULL THEN ${rolled} END)`, '_computed_score');
  const arms = plan.bands.thresholds.map((t, i) => sql`WHEN ${score} < ${n(t)} THEN ${raw(String(i))}`);
  const bandIndex = stage.bind(sql`(CASE WHEN ${score} IS NULL THEN NULL ${join(arms, ' ')} ELSE ${raw(String(plan.bands.names.length - 1))} END)`, '_computed_band');
  return { coverage, reason, score, bandIndex };
}
