import { bandOf } from './metric-stages.js';
import type { Query } from './query.js';
import type { RowColumns, ShownColumns } from './row-columns.js';
import { compareMeasures, roundTo } from './sql-numbers.js';
import { FALSE, join, raw, sql, type Sql } from './sql-value.js';
import { walkJoin } from './walk-join.js';

/**
 * Hysteresis depends on the previous *result* (the band the account was given last time), not
 * only on the previous input, so no window function can state it: it is a walk along each
 * account's snapshots. Most steps of the walk do not depend on where it came from: a snapshot
 * whose score is not within any other band's widened range gets its plain band whatever came
 * before. Only runs of snapshots near a boundary ("dependent") are walked, by a recursive CTE
 * that advances one snapshot per iteration along every run at once; the others take their plain
 * band by a window. Cost: one sort for the windows, plus as many iterations as the longest run
 * of consecutive dependent snapshots of any account (each iteration joins the runs still going
 * with their next snapshot) — not the length of the history.
 * Returns the computed band's position (after hysteresis, before any override).
 */
export function hysteresisBand(q: Query, rows: RowColumns): Sql {
  const { plan, dialect: d } = q;
  const stage = q.stage('hysteresis_inputs', 'Whether each snapshot is near enough another band that the band it had before decides its own.');
  const overall = rows.overall as NonNullable<RowColumns['overall']>;
  const n = (x: number) => q.double(x);
  const h = plan.hysteresis;
  const count = plan.bands.names.length;
  const holds = plan.bands.names.map((_, k) => {
    const lower = k > 0 ? compareMeasures({ dialect: d, stage }, '>=', overall.score, n((plan.bands.thresholds[k - 1] as number) - h)) : raw('TRUE');
    const upper = k < count - 1 ? compareMeasures({ dialect: d, stage }, '<', overall.score, n((plan.bands.thresholds[k] as number) + h)) : raw('TRUE');
    return stage.bind(sql`(${overall.bandIndex} <> ${raw(String(k))} AND ${lower} AND ${upper})`, `_holds_band_${k}`);
  });
  const dependent = stage.bind(sql`(${overall.score} IS NOT NULL AND (${join(holds.map((x) => sql`coalesce(${x}, FALSE)`), ' OR ')}))`, '_band_depends');
  q.close(stage);

  const id = (name: string) => d.identifier(name);
  const link = walkJoin(q, rows);
  const window = `OVER (PARTITION BY ${rows.id.text} ORDER BY ${rows.day.text})`;
  const holdNames = holds.map((_, k) => `holds_${k}`);
  const rowsBody = [
    'SELECT',
    `  ${link.key}${rows.id.text} AS ${id('account')},`,
    `  ${rows.day.text} AS ${id('day')},`,
    `  row_number() ${window} AS ${id('seq')},`,
    `  ${overall.bandIndex.text} AS ${id('plain')},`,
    `  ${dependent.text} AS ${id('dependent')},`,
    `  LAG(${dependent.text}) ${window} AS ${id('previous_dependent')},`,
    `  LAG(${overall.bandIndex.text}) ${window} AS ${id('previous_plain')},`,
    ...holds.map((x, k) => `  coalesce(${x.text}, FALSE) AS ${id(holdNames[k] as string)}${k === holds.length - 1 ? '' : ','}`),
    `FROM ${id(q.from)}`,
    // Only snapshots with a computed band: an override, even on a snapshot without data, never moves the thresholds.
    `WHERE ${rows.accepted.text} AND ${overall.score.text} IS NOT NULL`,
  ].join('\n');
  const main = q.share();
  const [rowsCte, walkCte] = [q.cteName('hysteresis_rows'), q.cteName('hysteresis_walk')];
  q.add({ name: rowsCte, body: rowsBody, shared: true, comment: 'Snapshots that have a computed band, numbered along each account.' });
  const keep = (previous: string, r: string) =>
    `CASE WHEN ${holdNames.map((name, k) => `(${previous} = ${k} AND ${r}.${id(name)})`).join(' OR ')} THEN ${previous} ELSE ${r}.${id('plain')} END`;
  const walkBody = [
    `SELECT ${link.carried('r')}r.${id('account')}, r.${id('day')}, r.${id('seq')}, ${keep(`r.${id('previous_plain')}`, 'r')} AS ${id('band')}`,
    `FROM ${id(rowsCte)} r`,
    `WHERE r.${id('dependent')} AND NOT coalesce(r.${id('previous_dependent')}, FALSE)`,
    'UNION ALL',
    `SELECT ${link.carried('r')}r.${id('account')}, r.${id('day')}, r.${id('seq')}, ${keep(`w.${id('band')}`, 'r')}`,
    `FROM ${id(walkCte)} w JOIN ${id(rowsCte)} r ON r.${id('account')} = w.${id('account')} AND r.${id('seq')} = w.${id('seq')} + 1`,
    `WHERE r.${id('dependent')}`,
  ].join('\n');
  q.add({ name: walkCte, body: walkBody, recursive: true, comment: 'The walk along each run of dependent snapshots: a band held stays while the score is within its widened range.' });
  const band = q.names.claim('_computed_band_held');
  const held = `coalesce(w.${id('band')}, m.${overall.bandIndex.text})`;
  const tail = link.tail(main, walkCte);
  q.add({ name: 'hysteresis', select: { from: main, alias: 'm', columns: [{ name: band, sql: held }], tail }, comment: 'Each snapshot with its band after hysteresis.' });
  return q.column(band);
}

/**
 * The score and band shown: the computed ones (after hysteresis), unless an override applies
 * (from `set_at` to the day before `expires_at`); then the status, and the change since the last
 * snapshot that had a band (what `band_changed` and `score_change` read).
 */
export function shownColumns(q: Query, rows: RowColumns): ShownColumns {
  const { plan } = q;
  const overall = rows.overall as NonNullable<RowColumns['overall']>;
  const field = (name: string | null) => (name === null ? raw('NULL') : (rows.inputs.get(name) as { value: Sql }).value);
  const o = plan.overrides;
  const prep = q.stage('overrides', 'Whether a CSM override applies at the snapshot date.');
  const active = o === null
    ? FALSE
    : prep.bind(
        sql`((${field(o.score)} IS NOT NULL OR ${field(o.band)} IS NOT NULL) AND ${field(o.expiresAt)} IS NOT NULL AND ${rows.day} < ${field(o.expiresAt)} AND (${field(o.setAt)} IS NULL OR ${rows.day} >= ${field(o.setAt)}))`,
        'override_active',
      );
  // Rounded to the precision before it is shown or banded, like a computed score.
  const overrideScore = o === null || o.score === null ? raw('NULL') : prep.bind(roundTo({ dialect: q.dialect, stage: prep }, field(o.score), plan.precision, null, '_override_score'), '_override_score');
  const overrideBand = o === null ? raw('NULL') : field(o.band);
  const banded = prep.bind(sql`(${overall.score} IS NOT NULL OR (${active} AND (${overrideScore} IS NOT NULL OR ${overrideBand} IS NOT NULL)))`, '_banded');
  q.close(prep);
  const computedBand = plan.hysteresis > 0 ? hysteresisBand(q, rows) : overall.bandIndex;

  const stage = q.stage('shown_scores', 'The score and band shown, the status, and the change since the last snapshot with a band.');
  const names = plan.bands.names.map((name, i) => sql`WHEN ${raw(String(i))} THEN ${q.string(name)}`);
  const computedName = sql`(CASE ${computedBand} ${join(names, ' ')} END)`;
  const score = stage.bind(sql`(CASE WHEN ${active} AND ${overrideScore} IS NOT NULL THEN ${overrideScore} ELSE ${overall.score} END)`, 'score');
  const band = stage.bind(
    sql`(CASE WHEN ${active} AND ${overrideBand} IS NOT NULL THEN ${overrideBand} WHEN ${active} AND ${overrideScore} IS NOT NULL THEN ${bandOf(q, plan.bands, overrideScore)} ELSE ${computedName} END)`,
    'band',
  );
  const status = stage.bind(sql`(CASE WHEN ${score} IS NOT NULL OR ${overall.reason} IS NULL THEN ${q.string('scored')} ELSE ${q.string('unscored')} END)`, 'status');
  const reason = stage.bind(sql`(CASE WHEN ${status} = ${q.string('scored')} THEN NULL ELSE ${overall.reason} END)`, 'reason');
  let bandChanged: Sql = FALSE;
  let scoreChange: Sql = raw(q.dialect.cast('NULL', 'double'));
  let history: ShownColumns['history'];
  if (plan.data.id !== null && plan.data.asOf !== null) {
    const window = raw(`OVER (PARTITION BY ${rows.id.text}, ${rows.accepted.text}, ${banded.text} ORDER BY ${rows.day.text})`);
    const before = stage.bind(sql`LAG(${band}) ${window}`, '_previous_band');
    // Bound beside the LAG (its step, not the earlier one of what it reads), so both windows run in one lane.
    const count = sql`count(CASE WHEN ${banded} THEN 1 END) OVER (PARTITION BY ${rows.id}, ${rows.accepted} ORDER BY ${rows.day} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)`;
    history = { previousBand: before, group: stage.bind({ ...count, step: band.step }, '_shown_group') };
    const beforeScore = stage.bind(sql`LAG(${score}) ${window}`, '_previous_score');
    bandChanged = stage.bind(sql`coalesce(${banded} AND ${before} IS NOT NULL AND ${band} <> ${before}, FALSE)`, 'band_changed');
    const change = sql`${score} - ${beforeScore}`;
    scoreChange = stage.bind(sql`(CASE WHEN ${banded} AND ${beforeScore} IS NOT NULL THEN ${roundTo({ dialect: q.dialect, stage }, change, plan.precision, 2 * Math.max(Math.abs(plan.scale.min), Math.abs(plan.scale.max)), '_score_change')} END)`, 'score_change');
  }
  q.close(stage);
  return { banded, score, band, status, reason, bandChanged, scoreChange, ...(history === undefined ? {} : { history }) };
}
