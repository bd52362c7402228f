import { parseDay } from '../evaluate/dates.js';
import type { Query } from './query.js';
import type { RowColumns } from './row-columns.js';
import { call, join, raw, sql, type Sql } from './sql-value.js';
import type { Stage } from './stage.js';

/**
 * Which rows join their account's history, as the scorer decides for a stream: a row with an
 * issue does not; a row dated on (duplicate) or before (out of order) the latest accepted row of
 * its account before it in the file is refused, whatever else it holds. The latest accepted date
 * before a row is the latest date of the readable rows before it (a refused readable row is never
 * later than an accepted one), so one window decides it. Without a file order, every row of an
 * account that shares its date with a readable row of the same account is refused: none wins.
 */
export function snapshotColumns(q: Query, stage: Stage, rows: Pick<RowColumns, 'order' | 'inputs'>): Pick<RowColumns, 'id' | 'day' | 'valid' | 'accepted' | 'issues' | 'history'> {
  const { plan, dialect: d } = q;
  const input = (name: string | null) => (name === null ? null : (rows.inputs.get(name) as NonNullable<ReturnType<typeof rows.inputs.get>>));
  const issueColumns = plan.inputs.map((i) => ({ name: i.name, issue: (rows.inputs.get(i.name) as { issue: Sql }).issue }));
  const valid = stage.bind(issueColumns.length === 0 ? raw('TRUE') : join(issueColumns.map((i) => sql`${i.issue} IS NULL`), ' AND '), '_valid');
  const idInput = input(plan.data.id);
  const id = idInput?.value ?? raw(d.cast('NULL', 'text'));
  const day = asOfDay(q, input(plan.data.asOf)?.value);
  const history = plan.data.id !== null && plan.data.asOf !== null;
  const snapshotIssue = history ? stage.bind(refusal(q, stage, id, day, valid, rows.order), '_snapshot_issue') : null;
  const accepted = snapshotIssue === null ? valid : stage.bind(sql`(${valid} AND ${snapshotIssue} IS NULL)`, '_accepted');
  const fieldIssues = issueColumns.map(({ name, issue }) => sql`(CASE WHEN ${issue} IS NOT NULL THEN ${q.string(`${name}: `)} || ${issue} END)`);
  // A refused snapshot lists every field issue, then its date's (scorer.ts).
  const dateIssue = snapshotIssue === null ? [] : [sql`(CASE WHEN ${snapshotIssue} IS NOT NULL THEN ${q.string(`${plan.data.asOf ?? 'as_of'}: `)} || ${snapshotIssue} END)`];
  const listed = call((...parts: string[]) => d.joinNonNull(parts, d.string('; ')), ...fieldIssues, ...dateIssue);
  // With raw values the issue columns reach the end anyway: the list is written where it is read,
  // for a refused row only, so an accepted row never builds it. Without, one column is narrower.
  const issues = q.options.rawValues === true ? listed : stage.bind(listed, '_issues');
  const over = `OVER (PARTITION BY ${id.text}, ${accepted.text} ORDER BY ${day.text})`;
  return { id, day, valid, accepted, issues, history: over };
}

function asOfDay(q: Query, fromRecord: Sql | undefined): Sql {
  if (fromRecord !== undefined) return fromRecord;
  if (q.options.asOf === undefined) return raw(q.dialect.cast('NULL', 'double'));
  const day = parseDay(q.options.asOf);
  if (day === undefined) throw new RangeError(`as-of date must be YYYY-MM-DD, got ${JSON.stringify(q.options.asOf)}`);
  return q.double(day);
}

function refusal(q: Query, stage: Stage, id: Sql, day: Sql, valid: Sql, order: Sql): Sql {
  const duplicate = q.string('snapshot-duplicate');
  const readable = sql`${id} IS NOT NULL AND ${day} IS NOT NULL`;
  if (q.options.orderBy === undefined) {
    const others = sql`count(CASE WHEN ${valid} THEN 1 END) OVER (PARTITION BY ${id}, ${day}) - CASE WHEN ${valid} THEN 1 ELSE 0 END`;
    return sql`(CASE WHEN ${readable} AND ${others} > 0 THEN ${duplicate} END)`;
  }
  const latest = sql`max(CASE WHEN ${valid} THEN ${day} END) OVER (PARTITION BY ${id} ORDER BY ${order} ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)`;
  const before = stage.bind(latest, '_latest_before');
  return sql`(CASE WHEN ${readable} AND ${before} IS NOT NULL AND ${day} <= ${before} THEN (CASE WHEN ${day} = ${before} THEN ${duplicate} ELSE ${q.string('snapshot-out-of-order')} END) END)`;
}
