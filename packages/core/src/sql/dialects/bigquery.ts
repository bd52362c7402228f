import type { SqlDialect, SqlType } from '../dialect.js';
import { INVISIBLE, PLAIN_IDENTIFIER, assertEncodable, numberText, wholeNumberText } from './literal-text.js';

/** GoogleSQL's reserved keywords: a name that is one is quoted. */
const RESERVED = new Set(
  'all and any array as asc assert_rows_modified at between by case cast collate contains create cross cube current default define desc distinct else end enum escape except exclude exists extract false fetch following for from full group grouping groups hash having if ignore in inner intersect interval into is join lateral left like limit lookup merge natural new no not null nulls of on or order outer over partition preceding proto qualify range recursive respect right rollup rows select set some struct tablesample then to treat true unbounded union unnest using when where window with within'.split(' '),
);

const TYPES: Record<SqlType, string> = { double: 'FLOAT64', text: 'STRING', boolean: 'BOOL', integer: 'INT64', date: 'DATE' };

/** Backslash escapes for everything BigQuery's lexer reads specially inside quotes (it has no raw newlines in '...'). */
function escapeQuoted(text: string, quote: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (char === '\\') out += '\\\\';
    else if (char === quote) out += `\\${quote}`;
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (char !== ' ' && INVISIBLE.test(char)) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return out;
}

/**
 * BigQuery (GoogleSQL): backtick names and string literals with backslash escapes (so a
 * backslash is escaped, or it would swallow the closing quote), FLOAT64 literals, SAFE_CAST.
 * Untested against a live warehouse: checked by golden files and a parser that knows the dialect.
 */
export const bigquery: SqlDialect = {
  name: 'bigquery',
  maxIdentifierBytes: 300,
  identifier(name) {
    assertEncodable(name, 'the name');
    // A plain name that is no keyword is written bare (BigQuery's own style, and what parsers of it read).
    if (PLAIN_IDENTIFIER.test(name) && !RESERVED.has(name)) return name;
    return `\`${escapeQuoted(name, '`')}\``;
  },
  string(text) {
    assertEncodable(text, 'the text');
    return `'${escapeQuoted(text, "'")}'`;
  },
  double(value) {
    // A literal with a point or an exponent is a FLOAT64; a whole number gets a point.
    const text = numberText(value);
    return /[.e]/.test(text) ? text : `${text}.0`;
  },
  integer: wholeNumberText,
  cast: (expression, type) => `CAST(${expression} AS ${TYPES[type]})`,
  numberFromText: (t) => `SAFE_CAST(${t} AS FLOAT64)`,
  tryCast: (expression, type) => `SAFE_CAST(${expression} AS ${TYPES[type]})`,
  cteAs: 'AS',
  sharedCteAs: 'AS',
  ieeeArithmetic: false,
  regexMatches: (text, pattern) => `REGEXP_CONTAINS(${text}, ${pattern})`,
  regexReplaceAll: (text, pattern, replacement) => `REGEXP_REPLACE(${text}, ${pattern}, ${replacement})`,
  regexExtract: (text, pattern) => `REGEXP_EXTRACT(${text}, ${pattern})`,
  trim: (text, characters) => `TRIM(${text}, ${characters})`,
  lower: (text) => `LOWER(${text})`,
  length: (text) => `LENGTH(${text})`,
  isFinite: (expression) => `(NOT IS_INF(${expression}) AND NOT IS_NAN(${expression}))`,
  dayOfDate: (date) => `UNIX_DATE(${date})`,
  dateOfDay: (day) => `DATE_FROM_UNIX_DATE(CAST(${day} AS INT64))`,
  dateOf: (expression) => `CAST(${expression} AS DATE)`,
  passThrough: (alias, _all, dead) => `${alias === undefined ? '' : `${alias}.`}*${dead.length === 0 ? '' : ` EXCEPT (${dead.map((n) => bigquery.identifier(n)).join(', ')})`}`,
  joinNonNull: (parts, separator) => `ARRAY_TO_STRING([${parts.join(', ')}], ${separator})`,
  keysByWeight(items) {
    if (items.length === 0) return "''";
    const [first, ...rest] = items as [{ key: string; weight: string }, ...{ key: string; weight: string }[]];
    const structs = [`STRUCT(${first.key} AS k, 1 AS i, ${first.weight} AS w)`, ...rest.map((item, i) => `(${item.key}, ${i + 2}, ${item.weight})`)].join(', ');
    return `ARRAY_TO_STRING(ARRAY(SELECT k FROM UNNEST([${structs}]) WHERE w > 0 ORDER BY w DESC, i), ';')`;
  },
  fifteenDigits: (m) => `CAST(FORMAT('%.15g', ${m}) AS FLOAT64)`,
  integerText: (expression) => `CAST(CAST(${expression} AS INT64) AS STRING)`,
};
