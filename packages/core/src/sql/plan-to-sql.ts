import type { Plan } from '../compile/plan.js';
import { planNeedsAsOf } from '../evaluate/plan-facts.js';
import { ColumnNames } from './column-names.js';
import type { SqlDialect, SqlDialectName } from './dialect.js';
import { bigquery } from './dialects/bigquery.js';
import { duckdb } from './dialects/duckdb.js';
import { SqlTranslationError } from './dialects/literal-text.js';
import { postgres } from './dialects/postgres.js';
import { snowflake } from './dialects/snowflake.js';
import { MetricCompiler, pulseColumns } from './metric-stages.js';
import { outputFields, preferredName, type SqlColumn, type SqlColumnField } from './output-columns.js';
import { Query, type PlanToSqlOptions } from './query.js';
import { readInputs, sourceCte } from './read-inputs.js';
import { benchmarkColumns, playbookColumns } from './result-stages.js';
import { categoryColumns, overallColumns } from './rollup-stages.js';
import type { RowColumns } from './row-columns.js';
import { shownColumns } from './lifecycle-stages.js';
import { snapshotColumns } from './snapshot-stage.js';
import { PRINTABLE_DAYS } from './sql-dates.js';
import { sql, type Sql } from './sql-value.js';
import { cteText, pruneColumns } from './prune-columns.js';
import { withWindowLanes } from './window-lanes.js';

export const SQL_DIALECTS: Readonly<Record<SqlDialectName, SqlDialect>> = { duckdb, postgres, bigquery, snowflake };

/** One query that scores every snapshot of a table, and what each of its columns holds. */
export interface SqlQuery {
  readonly sql: string;
  readonly dialect: SqlDialectName;
  readonly columns: readonly SqlColumn[];
}

/**
 * Plan → one SQL query per dialect that computes, for every row of the snapshots table, what
 * `vitals score --format csv` computes, to the row: the same reading of each field (and the
 * same issues for a bad one), the same history, scores, bands, coverage, benchmarks and
 * playbooks. The query is a chain of CTEs named after the stages of the model. Model text
 * reaches it only through the dialect's `identifier` and `string`. Throws `SqlTranslationError`
 * for what a dialect cannot carry (a NUL in PostgreSQL text) and when the model needs an as-of
 * date it neither has nor is given.
 */
export function planToSql(plan: Plan, dialectName: SqlDialectName, options: PlanToSqlOptions = {}): SqlQuery {
  const dialect = options.dialectOverride ?? SQL_DIALECTS[dialectName];
  if (plan.data.asOf === null && options.asOf === undefined && planNeedsAsOf(plan)) {
    throw new SqlTranslationError('this model needs an as-of date (for pulse age, overrides, history or cooldowns) and has no as-of field: give the as-of date of the run');
  }
  const q = new Query(plan, dialect, options);
  const source = sourceCte(q);
  const inputsStage = q.stage('inputs', 'Each field read as its input type; a field that is not a value of its type is an issue.');
  const inputs = readInputs(q, inputsStage, source.raw);
  q.close(inputsStage);
  const snapshots = q.stage('history', 'Which snapshots join their account history: read without an issue, and in date order.');
  const rows: RowColumns = { order: source.order, inputs, ...snapshotColumns(q, snapshots, { order: source.order, inputs }), metricValues: new Map(), metricScores: new Map(), categories: new Map() };
  q.close(snapshots);
  if (plan.pulse !== null) {
    const stage = q.stage('pulse', 'The CSM pulse: its age at the snapshot date, whether it is stale, the score after the stale policy.');
    rows.pulse = pulseColumns(q, stage, rows, plan.pulse);
    q.close(stage);
  }
  const values = q.stage('metric_values', 'Each metric value (a metric reads only metrics before it).');
  const metrics = new MetricCompiler(q, rows, values);
  metrics.values();
  q.close(values);
  const scores = q.stage('metric_scores', 'Each metric normalised to the scale, clamped, rounded and banded; or its missing-data policy.');
  metrics.scores(scores);
  q.close(scores);
  const categories = q.stage('categories', 'Each category: the roll-up of its metrics that have a score, rounded and banded.');
  categoryColumns(q, categories, rows);
  q.close(categories);
  const overall = q.stage('overall', 'Coverage, the overall roll-up, and why a snapshot is unscored.');
  rows.overall = overallColumns(q, overall, rows);
  q.close(overall);
  rows.shown = shownColumns(q, rows);
  const benchmarks = q.stage('benchmarks', 'The benchmark of the stage and segment, the gap to it, and what pulls the score under it.');
  rows.benchmarks = benchmarkColumns(q, benchmarks, rows);
  q.close(benchmarks);
  rows.playbooks = playbookColumns(q, rows);
  const columns = finalColumns(q, rows);
  return { sql: assemble(q, columns, rows.order), dialect: dialectName, columns: columns.map(({ name, field }) => ({ name, field })) };
}

interface FinalColumn extends SqlColumn {
  readonly value: Sql;
}

function finalColumns(q: Query, rows: RowColumns): FinalColumn[] {
  const names = new ColumnNames(q.dialect.maxIdentifierBytes);
  const fields = outputFields(q.plan, { rowNumbers: q.options.orderBy !== undefined, rawValues: q.options.rawValues === true, metrics: q.options.metricColumns !== false });
  return fields.map((field) => ({ name: names.claim(preferredName(field)), field, value: columnValue(q, rows, field) }));
}

function columnValue(q: Query, rows: RowColumns, field: SqlColumnField): Sql {
  const { plan, dialect: d } = q;
  const shown = rows.shown as NonNullable<RowColumns['shown']>;
  const benchmarks = rows.benchmarks as NonNullable<RowColumns['benchmarks']>;
  const ifAccepted = (value: Sql) => sql`(CASE WHEN ${rows.accepted} THEN ${value} END)`;
  const input = (name: string | null) => (name === null ? sql`${{ text: d.cast('NULL', 'text'), step: 0, atomic: true }}` : (rows.inputs.get(name) as { value: Sql }).value);
  const text = (name: string | null) => {
    const declared = plan.inputs.find((i) => i.name === name);
    const value = input(name);
    return declared?.type === 'integer' || declared?.type === 'number' ? { text: d.integerText(value.text), step: value.step, atomic: false } : value;
  };
  const date = (day: Sql) => sql`(CASE WHEN ${day} BETWEEN ${q.double(PRINTABLE_DAYS.first)} AND ${q.double(PRINTABLE_DAYS.last)} THEN ${{ text: d.dateOfDay(`floor(${day.text})`), step: day.step, atomic: false }} END)`;
  switch (field.kind) {
    case 'row':
      return rows.order;
    case 'id':
      return text(plan.data.id);
    case 'as_of':
      return date(rows.day);
    case 'status':
      return sql`(CASE WHEN ${rows.accepted} THEN ${shown.status} ELSE ${q.string('invalid')} END)`;
    case 'reason':
      return ifAccepted(shown.reason);
    case 'score':
      return ifAccepted(shown.score);
    case 'band':
      return ifAccepted(shown.band);
    case 'coverage':
      return ifAccepted((rows.overall as { coverage: Sql }).coverage);
    case 'category_score':
    case 'category_band': {
      const category = rows.categories.get(field.category) as { score: Sql; band: Sql };
      return ifAccepted(field.kind === 'category_score' ? category.score : category.band);
    }
    case 'stage':
      return text(plan.data.stage);
    case 'segment':
      return text(plan.data.segment);
    case 'benchmark':
      return ifAccepted(benchmarks.benchmark);
    case 'gap':
      return ifAccepted(benchmarks.gap);
    case 'below_benchmark':
      return sql`(CASE WHEN ${rows.accepted} THEN ${benchmarks.belowBenchmark} ELSE '' END)`;
    case 'playbooks':
      return sql`(CASE WHEN ${rows.accepted} THEN ${rows.playbooks as Sql} ELSE '' END)`;
    case 'issues':
      return sql`(CASE WHEN ${rows.accepted} THEN '' ELSE ${rows.issues} END)`;
    case 'metric_value': {
      const metric = plan.metrics.find((m) => m.key === field.metric);
      const value = rows.metricValues.get(field.metric) as Sql;
      return ifAccepted(metric?.valueKind === 'date' ? date(value) : value);
    }
    case 'metric_score':
    case 'metric_band': {
      const score = rows.metricScores.get(field.metric) as { score: Sql; band: Sql };
      return ifAccepted(field.kind === 'metric_score' ? score.score : score.band);
    }
    case 'pulse_age_days':
      return ifAccepted((rows.pulse as { age: Sql }).age);
    case 'raw': {
      const columns = rows.inputs.get(field.input) as { issue: Sql; raw: Sql };
      return sql`(CASE WHEN ${columns.issue} IS NOT NULL THEN ${columns.raw} END)`;
    }
  }
}

function assemble(q: Query, columns: readonly FinalColumn[], rowKey: Sql): string {
  const d = q.dialect;
  const recursive = q.ctes.some((c) => c.recursive === true);
  const select = columns.map((c, i) => `  ${c.value.text} AS ${d.identifier(c.name)}${i === columns.length - 1 ? '' : ','}`);
  const order = q.options.orderBy === undefined || q.options.sortOutput === false ? [] : [`ORDER BY ${orderColumn(columns)}`];
  const final = ['SELECT', ...select, `FROM ${d.identifier(q.from)}`, ...order].join('\n');
  const pruned = pruneColumns(d, q.ctes, final);
  const written = lanesFor(q) ? withWindowLanes(d, pruned, rowKey.text, (name) => q.cteName(name)) : pruned.map((item) => ({ ...cteText(d, item), ...(item.cte.comment === undefined ? {} : { comment: item.cte.comment }) }));
  const ctes = written.map(({ header, select: body, comment }) => `${comment === undefined ? '' : `-- ${comment}\n`}${header} (\n${indent(body)}\n)`);
  const header = [
    `-- vitals: model ${q.plan.model}, ${q.plan.hash}, for ${d.name}. Generated by \`vitals sql\`; edit the model, not this query.`,
    `-- One row per snapshot: the columns of \`vitals score --format csv\`, then each metric's value, score and band.`,
  ];
  return [...header, `WITH${recursive ? ' RECURSIVE' : ''}`, ctes.join(',\n'), final].join('\n') + '\n';
}

/** DuckDB runs window functions over narrow lanes (window-lanes.ts) when each row has a unique key: its position in the file. */
function lanesFor(q: Query): boolean {
  return q.dialect.name === 'duckdb' && q.options.orderBy !== undefined;
}

/** The output is ordered by the rows' file order (the `row` column). */
function orderColumn(columns: readonly FinalColumn[]): string {
  return (columns.find((c) => c.field.kind === 'row') as FinalColumn).value.text;
}

/** Indents every line of a CTE (the query never holds a line break inside a literal, so this changes no value). */
function indent(body: string): string {
  return body
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
