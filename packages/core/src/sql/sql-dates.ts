import { FIRST_DAY, LAST_DAY } from '../evaluate/dates.js';
import { double, type NumberScope } from './sql-numbers.js';
import { call, join, literal, sql, type Sql } from './sql-value.js';

/** The characters JavaScript's `String.prototype.trim` removes (the date reader trims with it). */
const JS_WHITESPACE = '\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
const DATE_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';
const DATETIME_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?$';

/**
 * Days since 1970-01-01 of a date written as text, by the JavaScript reader's rules (dates.ts):
 * `YYYY-MM-DD` must be a real calendar day from 0001-01-01 to 9999-12-31; a datetime's date part
 * must be one too, and it counts as its UTC date, read as `Date.parse` reads ISO text: hour 24
 * only as 24:00:00.000, milliseconds truncated, a time without an offset taken as UTC; a UTC date
 * out of that range is no date. Pure arithmetic
 * (the civil-from-days algorithm), so no engine's date parser or session time zone is involved,
 * and nothing fails: text that is not such a date gives NULL. `text` must be atomic.
 */
export function dayFromText(scope: NumberScope, text: Sql, hint: string): Sql {
  const { stage, dialect } = scope;
  const n = (x: number) => double(scope, x);
  const str = (s: string) => literal(dialect.string(s));
  const t = stage.bind(call(dialect.trim, text, str(JS_WHITESPACE)), `${hint}_date_text`);
  const isDate = stage.bind(call(dialect.regexMatches, t, str(DATE_PATTERN)), `${hint}_is_date`);
  const isDateTime = stage.bind(call(dialect.regexMatches, t, str(DATETIME_PATTERN)), `${hint}_is_datetime`);
  const part = (from: number, length: number, name: string) =>
    stage.bind(sql`(CASE WHEN ${isDate} OR ${isDateTime} THEN ${call((s) => dialect.cast(s, 'double'), sql`substr(${t}, ${literal(String(from))}, ${literal(String(length))})`)} END)`, `${hint}${name}`);
  const [y, m, d] = [part(1, 4, '_year'), part(6, 2, '_month'), part(9, 2, '_day')];
  const month = stage.bind(sql`(CASE WHEN ${m} BETWEEN ${n(1)} AND ${n(12)} THEN ${daysFromCivil(y, m, n)} END)`, `${hint}_month_start`);
  const dateDay = sql`(CASE WHEN ${y} >= ${n(1)} AND ${d} BETWEEN ${n(1)} AND ${daysInMonth(y, m, n)} THEN ${month} + ${d} - ${n(1)} END)`;
  const time = datetimeMilliseconds(scope, t, isDateTime, hint);
  const datetimeDay = sql`(CASE WHEN ${time} IS NOT NULL THEN floor(${dateDay} + ${time} / ${n(86_400_000)}) END)`;
  const day = stage.bind(sql`(CASE WHEN ${isDate} THEN ${dateDay} WHEN ${isDateTime} THEN ${datetimeDay} END)`, `${hint}_day_number`);
  return sql`(CASE WHEN ${day} BETWEEN ${n(FIRST_DAY)} AND ${n(LAST_DAY)} THEN ${day} END)`;
}

/** The time of day in milliseconds, less the offset; NULL when a field is out of range (as Date.parse). */
function datetimeMilliseconds(scope: NumberScope, t: Sql, isDateTime: Sql, hint: string): Sql {
  const { stage, dialect } = scope;
  const n = (x: number) => double(scope, x);
  const str = (s: string) => literal(dialect.string(s));
  const number = (s: Sql) => call((x) => dialect.cast(x, 'double'), s);
  const guard = (value: Sql, name: string) => stage.bind(sql`(CASE WHEN ${isDateTime} THEN ${value} END)`, name);
  const hour = guard(number(sql`substr(${t}, 12, 2)`), `${hint}_hour`);
  const minute = guard(number(sql`substr(${t}, 15, 2)`), `${hint}_minute`);
  const tail = guard(sql`substr(${t}, 17)`, `${hint}_time_tail`);
  const seconds = stage.bind(sql`coalesce(${number(call(dialect.regexExtract, tail, str('^:([0-9]{2})')))}, ${n(0)})`, `${hint}_second`);
  const fraction = call(dialect.regexExtract, tail, str('^:[0-9]{2}[.]([0-9]+)'));
  const millis = stage.bind(sql`coalesce(${number(sql`substr(rpad(${fraction}, 3, '0'), 1, 3)`)}, ${n(0)})`, `${hint}_millisecond`);
  const offset = stage.bind(call(dialect.regexExtract, tail, str('([+-][0-9]{2}:?[0-9]{2})$')), `${hint}_offset`);
  const offsetHours = stage.bind(number(sql`substr(${offset}, 2, 2)`), `${hint}_offset_hours`);
  const offsetMinutes = stage.bind(number(sql`substr(${offset}, ${call(dialect.length, offset)} - 1, 2)`), `${hint}_offset_minutes`);
  const sign = sql`(CASE WHEN substr(${offset}, 1, 1) = '-' THEN ${n(-1)} ELSE ${n(1)} END)`;
  const offsetMs = sql`(CASE WHEN ${offset} IS NULL THEN ${n(0)} ELSE ${sign} * (${offsetHours} * ${n(3_600_000)} + ${offsetMinutes} * ${n(60_000)}) END)`;
  const valid = join(
    [
      sql`(${hour} < ${n(24)} OR (${hour} = ${n(24)} AND ${minute} = ${n(0)} AND ${seconds} = ${n(0)} AND ${millis} = ${n(0)}))`,
      sql`${minute} < ${n(60)}`,
      sql`${seconds} < ${n(60)}`,
      sql`(${offset} IS NULL OR (${offsetHours} < ${n(24)} AND ${offsetMinutes} < ${n(60)}))`,
    ],
    ' AND ',
  );
  const ms = sql`${hour} * ${n(3_600_000)} + ${minute} * ${n(60_000)} + ${seconds} * ${n(1000)} + ${millis} - ${offsetMs}`;
  return stage.bind(sql`(CASE WHEN ${isDateTime} AND ${valid} THEN ${ms} END)`, `${hint}_time_ms`);
}

/** Days from 1970-01-01 to the first of month m of year y (y ≥ 0), by the days-from-civil algorithm. */
function daysFromCivil(y: Sql, m: Sql, n: (x: number) => Sql): Sql {
  const year = sql`(${y} - CASE WHEN ${m} <= ${n(2)} THEN ${n(1)} ELSE ${n(0)} END)`;
  const era = sql`floor(${year} / ${n(400)})`;
  const yearOfEra = sql`(${year} - ${era} * ${n(400)})`;
  const dayOfYear = sql`floor((${n(153)} * (${m} + CASE WHEN ${m} > ${n(2)} THEN ${n(-3)} ELSE ${n(9)} END) + ${n(2)}) / ${n(5)})`;
  const dayOfEra = sql`(${yearOfEra} * ${n(365)} + floor(${yearOfEra} / ${n(4)}) - floor(${yearOfEra} / ${n(100)}) + ${dayOfYear})`;
  return sql`(${era} * ${n(146_097)} + ${dayOfEra} - ${n(719_468)})`;
}

function daysInMonth(y: Sql, m: Sql, n: (x: number) => Sql): Sql {
  const divides = (k: number) => sql`${y} = floor(${y} / ${n(k)}) * ${n(k)}`;
  const leap = sql`((${divides(4)} AND NOT (${divides(100)})) OR ${divides(400)})`;
  return sql`(CASE WHEN ${m} = ${n(2)} THEN (CASE WHEN ${leap} THEN ${n(29)} ELSE ${n(28)} END) WHEN ${m} IN (${n(4)}, ${n(6)}, ${n(9)}, ${n(11)}) THEN ${n(30)} ELSE ${n(31)} END)`;
}

/** The first and last days JavaScript prints as a four-digit-year ISO date (0000-01-01, 9999-12-31). */
export const PRINTABLE_DAYS = { first: -719_528, last: 2_932_896 } as const;
