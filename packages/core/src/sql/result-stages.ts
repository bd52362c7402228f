import type { Slot } from '../check/typed-expr.js';
import type { PlaybookPlan } from '../compile/plan.js';
import { expressionToSql, type ExpressionScope } from './expression-to-sql.js';
import { pulseSlot } from './metric-stages.js';
import type { Query } from './query.js';
import { walkJoin } from './walk-join.js';
import type { BenchmarkColumns, RowColumns, ShownColumns } from './row-columns.js';
import { roundTo } from './sql-numbers.js';
import { call, join, literal, raw, sql, type Sql } from './sql-value.js';
import type { Stage } from './stage.js';

/**
 * Benchmarks by stage and segment (the segment's own entry first, then the stage's), the gap to
 * them, and the metrics pulling a score under its benchmark, the largest weighted shortfall
 * first (shortfall.ts), with their weights as the result shows them (missing metrics left out).
 */
export function benchmarkColumns(q: Query, stage: Stage, rows: RowColumns): BenchmarkColumns {
  const shown = rows.shown as ShownColumns;
  const none = raw(q.dialect.cast('NULL', 'double'));
  const looked = lookup(q, rows, null);
  const benchmark = stage.bind(looked ?? none, 'benchmark');
  // No benchmark to look up: the gap is NULL on every row, not a rounding computed for each.
  const gap = looked === null ? benchmark : stage.bind(gapOf(q, stage, shown.score, benchmark), 'gap');
  const categories = new Map<string, { benchmark: Sql; gap: Sql }>();
  for (const category of q.plan.categories) {
    const own = lookup(q, rows, category.key);
    if (own === null) {
      categories.set(category.key, { benchmark: none, gap: none });
      continue;
    }
    const categoryBenchmark = stage.bind(own, `${category.key}_benchmark`);
    const score = (rows.categories.get(category.key) as { score: Sql }).score;
    categories.set(category.key, { benchmark: categoryBenchmark, gap: stage.bind(gapOf(q, stage, score, categoryBenchmark), `${category.key}_gap`) });
  }
  const belowBenchmark = q.plan.benchmarks.length === 0 ? literal("''") : stage.bind(shortfalls(q, stage, rows, benchmark, gap), 'below_benchmark');
  return { benchmark, gap, belowBenchmark, categories };
}

/** The benchmark of a snapshot's stage and segment; null when the model gives none to look up. */
function lookup(q: Query, rows: RowColumns, category: string | null): Sql | null {
  const { plan } = q;
  const value = (name: string | null) => (name === null ? null : (rows.inputs.get(name) as { value: Sql }).value);
  const [stageField, segmentField] = [value(plan.data.stage), value(plan.data.segment)];
  const entries = plan.benchmarks.filter((b) => b.category === category);
  if (stageField === null || entries.length === 0) return null;
  const specific = segmentField === null ? [] : entries.filter((b) => b.segment !== null).map((b) => sql`WHEN ${stageField} = ${q.string(b.stage)} AND ${segmentField} = ${q.string(b.segment as string)} THEN ${q.double(b.score)}`);
  const general = entries.filter((b) => b.segment === null).map((b) => sql`WHEN ${stageField} = ${q.string(b.stage)} THEN ${q.double(b.score)}`);
  const arms = [...specific, ...general];
  return arms.length === 0 ? null : sql`(CASE ${join(arms, ' ')} END)`;
}

function gapOf(q: Query, stage: Stage, score: Sql, benchmark: Sql): Sql {
  const { plan } = q;
  const largest = 2 * Math.max(Math.abs(plan.scale.min), Math.abs(plan.scale.max), ...plan.benchmarks.map((b) => Math.abs(b.score)));
  return sql`(CASE WHEN ${benchmark} IS NULL OR ${score} IS NULL THEN NULL ELSE ${roundTo({ dialect: q.dialect, stage }, sql`${score} - ${benchmark}`, plan.precision, largest, '_gap')} END)`;
}

function shortfalls(q: Query, stage: Stage, rows: RowColumns, benchmark: Sql, gap: Sql): Sql {
  const { plan } = q;
  const n = (x: number) => q.double(x);
  const sumOf = (terms: readonly Sql[]) => sql`(${n(0)} + ${join(terms, ' + ')})`;
  const present = plan.categories.map((c) => (rows.categories.get(c.key) as { present: Sql }).present);
  const categoryTotal = stage.bind(sumOf(plan.categories.map((c, i) => sql`(CASE WHEN ${present[i] as Sql} THEN ${n(c.weight)} ELSE ${n(0)} END)`)), '_categories_weight');
  const categoryShare = new Map(plan.categories.map((c, i) => [c.key, sql`(CASE WHEN ${present[i] as Sql} THEN ${n(c.weight)} / ${categoryTotal} ELSE ${n(0)} END)`]));
  const scoreOf = (key: string) => (rows.metricScores.get(key) as { score: Sql }).score;
  const metricTotals = new Map(
    plan.categories.map((c) => {
      const weighted = plan.metrics.filter((m) => m.category === c.key && m.weight > 0);
      const terms = weighted.map((m) => sql`(CASE WHEN ${scoreOf(m.key)} IS NOT NULL THEN ${n(m.weight)} ELSE ${n(0)} END)`);
      return [c.key, terms.length === 0 ? n(0) : stage.bind(sumOf(terms), `_${c.key}_metrics_weight`)];
    }),
  );
  const items = plan.metrics.map((m) => {
    const score = scoreOf(m.key);
    const share = m.weight > 0 ? sql`(CASE WHEN ${score} IS NOT NULL THEN ${n(m.weight)} / ${metricTotals.get(m.category) as Sql} ELSE ${n(0)} END)` : n(0);
    const weight = sql`${categoryShare.get(m.category) as Sql} * ${share}`;
    const shortfall = stage.bind(sql`(CASE WHEN ${score} IS NULL OR ${score} >= ${benchmark} THEN ${n(0)} ELSE ${weight} * (${benchmark} - ${score}) END)`, `_${m.key}_shortfall`);
    return { key: q.string(m.key), weight: shortfall };
  });
  const ranked = call((...texts: string[]) => q.dialect.keysByWeight(items.map((item, i) => ({ key: item.key.text, weight: texts[i] as string }))), ...items.map((i) => i.weight));
  return sql`(CASE WHEN ${gap} < ${n(0)} THEN ${ranked} ELSE '' END)`;
}

/**
 * Each playbook's condition (unknown does not fire), the cooldowns, and the fired playbooks in
 * the model's order. A cooldown, like hysteresis, depends on the previous result (when it last
 * fired): it is walked along each account's snapshots where the condition holds, and only
 * through runs of them closer together than the cooldown; each iteration of the recursive CTE
 * advances every such run by one snapshot.
 */
export function playbookColumns(q: Query, rows: RowColumns): Sql {
  const stage = q.stage('playbooks', 'Each playbook condition, as written (null does not hold).');
  const conditions = q.plan.playbooks.map((playbook) => stage.bind(sql`coalesce(${expressionToSql(playbook.when, playbookScope(q, stage, rows))}, FALSE)`, `_${playbook.key}_holds`));
  q.close(stage);
  const fired = q.plan.playbooks.map((playbook, i) => (playbook.cooldownDays === null ? (conditions[i] as Sql) : cooldown(q, rows, playbook, conditions[i] as Sql, i)));
  const list = q.stage('playbooks_fired', 'The playbooks that fire, in the model order.');
  const keys = call((...parts: string[]) => q.dialect.joinNonNull(parts, q.dialect.string(';')), ...fired.map((f, i) => sql`(CASE WHEN ${f} THEN ${q.string((q.plan.playbooks[i] as PlaybookPlan).key)} END)`));
  const column = list.bind(q.plan.playbooks.length === 0 ? literal("''") : keys, 'playbooks');
  q.close(list);
  return column;
}

function playbookScope(q: Query, stage: Stage, rows: RowColumns): ExpressionScope {
  return {
    dialect: q.dialect,
    stage,
    own: null,
    slot: (slot) => resultSlot(q, rows, slot),
    previous: (column, band) => (band ? previousShown(stage, rows, column) : stage.bind(sql`LAG(${column}) ${raw(rows.history)}`, '_previous')),
  };
}

/**
 * A column's value at the account's last earlier accepted snapshot that showed a band. A snapshot
 * with a band reads it along the snapshots with one; one without a band belongs to the group its
 * latest banded snapshot opened (a running count of banded snapshots numbers the groups: the shown
 * stage's), and that snapshot is the group's first. The band itself along the banded snapshots is
 * the shown stage's `previousBand`, not computed twice.
 */
function previousShown(stage: Stage, rows: RowColumns, column: Sql): Sql {
  const { banded, band, history } = rows.shown as ShownColumns;
  const { previousBand, group } = history as NonNullable<ShownColumns['history']>;
  const [account, day] = [sql`${rows.id}, ${rows.accepted}`, rows.day];
  const alongBanded = column.text === band.text ? previousBand : stage.bind(sql`LAG(${column}) OVER (PARTITION BY ${account}, ${banded} ORDER BY ${day})`, '_previous_shown');
  const opened = stage.bind(sql`first_value(${column}) OVER (PARTITION BY ${account}, ${group} ORDER BY ${day})`, '_group_first');
  return sql`(CASE WHEN ${banded} THEN ${alongBanded} WHEN ${group} > 0 THEN ${opened} END)`;
}

function resultSlot(q: Query, rows: RowColumns, slot: Slot): Sql {
  const shown = rows.shown as ShownColumns;
  const benchmarks = rows.benchmarks as BenchmarkColumns;
  switch (slot.kind) {
    case 'input':
      return (rows.inputs.get(slot.input) as { value: Sql }).value;
    case 'metric': {
      if (slot.field === 'value') return rows.metricValues.get(slot.metric) as Sql;
      return (rows.metricScores.get(slot.metric) as { score: Sql; band: Sql })[slot.field];
    }
    case 'pulse':
      return pulseSlot(q, rows.pulse, slot.field);
    case 'category': {
      const category = rows.categories.get(slot.category) as { score: Sql; band: Sql };
      if (slot.field === 'score' || slot.field === 'band') return category[slot.field];
      return (benchmarks.categories.get(slot.category) as { benchmark: Sql; gap: Sql })[slot.field];
    }
    case 'result':
      switch (slot.field) {
        case 'as_of':
          return rows.day;
        case 'score':
          return shown.score;
        case 'band':
          return shown.band;
        case 'coverage':
          return (rows.overall as { coverage: Sql }).coverage;
        case 'benchmark':
          return benchmarks.benchmark;
        case 'gap':
          return benchmarks.gap;
        case 'band_changed':
          return shown.bandChanged;
        case 'score_change':
          return shown.scoreChange;
      }
      break;
    case 'own-value':
      break;
  }
  throw new Error(`bug: a playbook reads ${JSON.stringify(slot)}`);
}

function cooldown(q: Query, rows: RowColumns, playbook: PlaybookPlan, holds: Sql, index: number): Sql {
  const d = q.dialect;
  const id = (name: string) => d.identifier(name);
  const base = `cooldown_${playbook.key.length <= 40 ? playbook.key : String(index + 1)}`;
  const days = d.double(playbook.cooldownDays as number);
  const window = `OVER (PARTITION BY ${rows.id.text} ORDER BY ${rows.day.text})`;
  const link = walkJoin(q, rows);
  const main = q.share();
  const [rowsCte, walkCte] = [q.cteName(`${base}_rows`), q.cteName(`${base}_walk`)];
  const rowsBody = [
    `SELECT ${link.key}${rows.id.text} AS ${id('account')}, ${rows.day.text} AS ${id('day')}, row_number() ${window} AS ${id('seq')},`,
    `  ${rows.day.text} - LAG(${rows.day.text}) ${window} AS ${id('gap')}`,
    `FROM ${id(main)}`,
    `WHERE ${rows.accepted.text} AND ${holds.text}`,
  ].join('\n');
  q.add({ name: rowsCte, body: rowsBody, shared: true, comment: `The snapshots where \`${playbook.key}\` holds, numbered along each account.` });
  const fires = (last: string) => `r.${id('day')} - ${last} >= ${days}`;
  const walkBody = [
    `SELECT ${link.carried('r')}r.${id('account')}, r.${id('day')}, r.${id('seq')}, r.${id('day')} AS ${id('last_fired')}, TRUE AS ${id('fired')}`,
    `FROM ${id(rowsCte)} r`,
    `WHERE r.${id('gap')} IS NULL OR r.${id('gap')} >= ${days}`,
    'UNION ALL',
    `SELECT ${link.carried('r')}r.${id('account')}, r.${id('day')}, r.${id('seq')}, CASE WHEN ${fires(`w.${id('last_fired')}`)} THEN r.${id('day')} ELSE w.${id('last_fired')} END, ${fires(`w.${id('last_fired')}`)}`,
    `FROM ${id(walkCte)} w JOIN ${id(rowsCte)} r ON r.${id('account')} = w.${id('account')} AND r.${id('seq')} = w.${id('seq')} + 1`,
    `WHERE r.${id('gap')} < ${days}`,
  ].join('\n');
  q.add({ name: walkCte, body: walkBody, recursive: true, comment: `When \`${playbook.key}\` last fired: it fires again once its cooldown has passed.` });
  const fired = q.names.claim(`_${playbook.key}_fired`);
  const tail = link.tail(main, walkCte);
  q.add({ name: base, select: { from: main, alias: 'm', columns: [{ name: fired, sql: `(m.${rows.accepted.text} AND coalesce(w.${id('fired')}, FALSE))` }], tail }, comment: `Whether \`${playbook.key}\` fires, its cooldown allowing.` });
  return q.column(fired);
}

