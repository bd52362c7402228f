import type { InputDeclaration } from '../check/resolve-inputs.js';
import { FALSE_WORDS, TRUE_WORDS } from '../evaluate/read-value.js';
import { looseEnumKey } from '../schema/enum-key.js';
import type { ColumnKind, Query } from './query.js';
import { dayFromText } from './sql-dates.js';
import { call, join, raw as raw_, sql, type Sql } from './sql-value.js';
import type { Stage } from './stage.js';

/** The columns reading one input gives: its value (NULL when missing or bad) and its issue code (NULL when fine). */
export interface InputColumns {
  readonly value: Sql;
  readonly issue: Sql;
  /** The field as it arrived (text, or the typed column). */
  readonly raw: Sql;
}

/** JavaScript's `\s`, which the loose enum match collapses (and the JS `trim` set). */
const JS_SPACE = '\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
/** What the CSV reader trims from a field's ends. */
const FIELD_SPACE = ' \t\r\n';
/** The number reader's pattern (read-value.ts NUMBER_TEXT), in POSIX spelling every engine reads alike. */
export const NUMBER_PATTERN = '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$';

/**
 * The `source` CTE: each input's column under a name of its own (as text, unless typed), and the
 * rows' order when there is one. Returns the order column and each input's raw column.
 */
export function sourceCte(q: Query): { order: Sql; raw: Map<string, Sql> } {
  const d = q.dialect;
  const orderName = q.names.claim('_order');
  const order = q.options.orderBy === undefined ? d.cast('NULL', 'integer') : d.identifier(q.options.orderBy);
  const raw = new Map<string, Sql>();
  const columns = q.plan.inputs.map((input) => {
    // The file's column (`column:`, else the input's name); every later stage names the value by the input.
    const available = q.options.availableColumns?.includes(input.column) ?? true;
    const column = available ? d.identifier(input.column) : 'NULL';
    const name = q.names.claim(`${input.name}__raw`);
    raw.set(input.name, q.column(name));
    return { name, sql: kindOf(q, input) !== 'text' && available ? column : d.cast(column, 'text') };
  });
  const from = q.options.fromClause ?? tableName(q);
  const select = { from: null, columns: [{ name: orderName, sql: order }, ...columns], tail: `FROM ${from}` };
  q.add({ name: 'source', select, comment: 'The snapshots: each input under its own name, as text unless its column is typed.' });
  return { order: q.column(orderName), raw };
}

function tableName(q: Query): string {
  return (q.options.table ?? 'snapshots')
    .split('.')
    .map((part) => q.dialect.identifier(part))
    .join('.');
}

function kindOf(q: Query, input: InputDeclaration): ColumnKind {
  const kind = q.options.columnKinds?.[input.name] ?? 'text';
  if (kind === 'whole' || kind === 'small-whole') return input.type === 'number' || input.type === 'integer' ? kind : 'text';
  return kind === 'typed' && ['number', 'integer', 'boolean', 'date'].includes(input.type) ? 'typed' : 'text';
}

/**
 * Each field read as its input's type by the reader's rules (read-value.ts): absent and blank
 * are missing (an issue when required), and anything that is not a value of the type is an
 * issue — the record is then invalid, never guessed at. One issue at most per field, in the
 * reader's order (not a number, not whole, below the minimum, above the maximum).
 */
export function readInputs(q: Query, stage: Stage, rawColumns: ReadonlyMap<string, Sql>): Map<string, InputColumns> {
  const columns = new Map<string, InputColumns>();
  for (const input of q.plan.inputs) {
    const raw = rawColumns.get(input.name) as Sql;
    const kind = kindOf(q, input);
    columns.set(input.name, kind === 'text' ? readText(q, stage, input, raw) : readTyped(q, stage, input, raw, kind));
  }
  return columns;
}

function readText(q: Query, stage: Stage, input: InputDeclaration, raw: Sql): InputColumns {
  const d = q.dialect;
  const trimmed = call(d.trim, raw, q.string(FIELD_SPACE));
  const kept = d.keepsEnds?.(raw.text, [...FIELD_SPACE]);
  const text = stage.bind(kept === undefined ? trimmed : sql`(CASE WHEN ${raw_(kept)} THEN ${raw} ELSE ${trimmed} END)`, `${input.name}__text`);
  const blank = sql`(${text} IS NULL OR ${text} = '')`;
  const read = (value: Sql, problem: Sql | null, code: string) => finish(q, stage, input, blank, value, problem === null ? [] : [[problem, code]], raw);
  switch (input.type) {
    case 'number':
    case 'integer': {
      const matches = call(d.regexMatches, text, q.string(NUMBER_PATTERN));
      const number = stage.bind(sql`(CASE WHEN ${matches} THEN ${call(d.numberFromText, text)} END)`, `${input.name}__number`);
      return readNumber(q, stage, input, blank, number, raw);
    }
    case 'boolean': {
      const word = stage.bind(call(d.lower, text), `${input.name}__word`);
      const words = (set: ReadonlySet<string>) => join([...set].map((w) => q.string(w)), ', ');
      const value = sql`(CASE WHEN ${word} IN (${words(TRUE_WORDS)}) THEN TRUE WHEN ${word} IN (${words(FALSE_WORDS)}) THEN FALSE END)`;
      return read(value, sql`${value} IS NULL`, 'not-a-boolean');
    }
    case 'enum':
      return readEnum(q, stage, input, blank, text, raw);
    case 'string':
      return read(text, null, '');
    case 'date': {
      const day = stage.bind(dayFromText({ dialect: d, stage }, raw, `_${input.name}`), `${input.name}__day`);
      return read(day, sql`${day} IS NULL`, 'not-a-date');
    }
  }
}

function readTyped(q: Query, stage: Stage, input: InputDeclaration, raw: Sql, kind: Exclude<ColumnKind, 'text'>): InputColumns {
  const d = q.dialect;
  const blank = sql`(${raw} IS NULL)`;
  switch (input.type) {
    case 'boolean':
      return finish(q, stage, input, blank, call((x) => d.cast(x, 'boolean'), raw), [], raw);
    case 'date': {
      const day = call((x) => d.cast(d.dayOfDate(d.dateOf(x)), 'double'), raw);
      return finish(q, stage, input, blank, day, [], raw);
    }
    default: {
      const number = stage.bind(call((x) => d.cast(x, 'double'), raw), `${input.name}__number`);
      return readNumber(q, stage, input, blank, number, raw, kind);
    }
  }
}

/**
 * `number` is NULL when the field is blank. Text that is no number is NULL too; a typed column's
 * value is never NULL, but may be NaN or infinite. An integer column's value is a whole, finite
 * double (`whole`); of 32 bits or fewer (`small-whole`), it is never past 2^53 either: only its
 * bounds are checked.
 */
function readNumber(q: Query, stage: Stage, input: InputDeclaration, blank: Sql, number: Sql, raw: Sql, kind: ColumnKind = 'text'): InputColumns {
  const value = stage.once(number, `${input.name}__number`);
  const whole = kind === 'whole' || kind === 'small-whole';
  const finite = call(q.dialect.isFinite, value);
  // DuckDB reads 1e400 as infinity; the reader finds it is not a number.
  const checks: [Sql, string][] = whole ? [] : [[kind === 'typed' ? sql`NOT ${finite}` : sql`(${value} IS NULL OR NOT ${finite})`, 'not-a-number']];
  if (input.type === 'integer' && !whole) checks.push([sql`${value} <> floor(${value})`, 'not-an-integer']);
  // Past 2^53 a double skips whole numbers (read-value.ts): reported, not rounded.
  if (input.type === 'integer' && kind !== 'small-whole') checks.push([sql`abs(${value}) > ${q.double(Number.MAX_SAFE_INTEGER)}`, 'integer-too-large']);
  if (input.min !== undefined) checks.push([sql`${value} < ${q.double(input.min)}`, 'below-minimum']);
  if (input.max !== undefined) checks.push([sql`${value} > ${q.double(input.max)}`, 'above-maximum']);
  return finish(q, stage, input, blank, value, checks, raw, true);
}

/** Exact value first; else the one value whose loose form (case, spaces, `_`, `-` aside) matches, when only one does. */
function readEnum(q: Query, stage: Stage, input: InputDeclaration, blank: Sql, text: Sql, raw: Sql): InputColumns {
  const d = q.dialect;
  const values = input.values ?? [];
  const keyCounts = new Map<string, number>();
  for (const value of values) keyCounts.set(looseEnumKey(value), (keyCounts.get(looseEnumKey(value)) ?? 0) + 1);
  const exact = values.map((value) => sql`WHEN ${text} = ${q.string(value)} THEN ${q.string(value)}`);
  // The loose form is computed only for text that matched no value exactly (a simple CASE reads it once).
  const loose = call(d.regexReplaceAll, call(d.lower, text), q.string(`[${JS_SPACE}_-]+`), q.string(''));
  const looseArms = values.filter((value) => keyCounts.get(looseEnumKey(value)) === 1).map((value) => sql`WHEN ${q.string(looseEnumKey(value))} THEN ${q.string(value)}`);
  const fallback = looseArms.length === 0 ? raw_(d.cast('NULL', 'text')) : sql`(CASE ${loose} ${join(looseArms, ' ')} END)`;
  const value = stage.bind(exact.length === 0 ? fallback : sql`(CASE ${join(exact, ' ')} ELSE ${fallback} END)`, `${input.name}__value`);
  return finish(q, stage, input, blank, value, [[sql`${value} IS NULL`, 'not-in-enum']], raw);
}

/**
 * The input's issue (missing when blank and required; else the first failed check) and its value
 * when there is none. `nullWhenBlank`: the value is NULL already for a blank field (a number).
 */
function finish(q: Query, stage: Stage, input: InputDeclaration, blank: Sql, value: Sql, checks: readonly (readonly [Sql, string])[], raw: Sql, nullWhenBlank = false): InputColumns {
  const missing = input.required ? q.string('missing-required') : raw_(q.dialect.cast('NULL', 'text'));
  const arms = checks.map(([problem, code]) => sql`WHEN ${problem} THEN ${q.string(code)}`);
  const issue = stage.bind(sql`(CASE WHEN ${blank} THEN ${missing}${arms.length === 0 ? raw_('') : sql` ${join(arms, ' ')}`} END)`, `${input.name}__issue`);
  const read = stage.bind(nullWhenBlank ? sql`(CASE WHEN ${issue} IS NULL THEN ${value} END)` : sql`(CASE WHEN ${blank} OR ${issue} IS NOT NULL THEN NULL ELSE ${value} END)`, input.name);
  return { value: read, issue, raw };
}
