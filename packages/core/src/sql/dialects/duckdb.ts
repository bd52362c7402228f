import type { SqlDialect, SqlType } from '../dialect.js';
import { assertEncodable, numberText, quotedWithChr, wholeNumberText } from './literal-text.js';

const TYPES: Record<SqlType, string> = { double: 'DOUBLE', text: 'VARCHAR', boolean: 'BOOLEAN', integer: 'BIGINT', date: 'DATE' };

/**
 * DuckDB: standard quoting (no backslash escapes in string literals), double arithmetic follows IEEE
 * (overflow is infinity, x / 0 too), `0.1` is an exact DECIMAL (so every literal is cast to
 * DOUBLE), and list functions sort the shortfall ranking without a subquery.
 */
export const duckdb: SqlDialect = {
  name: 'duckdb',
  maxIdentifierBytes: 1024,
  identifier(name) {
    assertEncodable(name, 'the name');
    if (name.includes('\0')) throw new Error('bug: identifiers cannot hold NUL');
    return `"${name.replace(/"/g, '""')}"`;
  },
  string(text) {
    assertEncodable(text, 'the text');
    // Between quotes every character stands for itself (no backslash escapes); control characters are chr(n).
    return quotedWithChr(text, (piece) => `'${piece.replace(/'/g, "''")}'`);
  },
  double(value) {
    const text = numberText(value);
    return /e/.test(text) ? `'${text}'::DOUBLE` : `${text}::DOUBLE`;
  },
  integer: wholeNumberText,
  cast: (expression, type) => `CAST(${expression} AS ${TYPES[type]})`,
  numberFromText: (t) => `TRY_CAST(${t} AS DOUBLE)`,
  tryCast: (expression, type) => `TRY_CAST(${expression} AS ${TYPES[type]})`,
  cteAs: 'AS',
  sharedCteAs: 'AS MATERIALIZED',
  ieeeArithmetic: true,
  regexMatches: (text, pattern) => `regexp_matches(${text}, ${pattern})`,
  regexReplaceAll: (text, pattern, replacement) => `regexp_replace(${text}, ${pattern}, ${replacement}, 'g')`,
  regexExtract: (text, pattern) => `NULLIF(regexp_extract(${text}, ${pattern}, 1), '')`,
  trim: (text, characters) => `trim(${text}, ${characters})`,
  // ascii() is the first character's code point (0 for ''); ends_with compares bytes without copying.
  keepsEnds: (text, characters) =>
    `(ascii(${text}) NOT IN (${characters.map((c) => c.codePointAt(0)).join(', ')}) AND NOT (${characters.map((c) => `ends_with(${text}, ${duckdb.string(c)})`).join(' OR ')}))`,
  lower: (text) => `lower(${text})`,
  length: (text) => `length(${text})`,
  isFinite: (expression) => `isfinite(${expression})`,
  dayOfDate: (date) => `(${date} - DATE '1970-01-01')`,
  dateOfDay: (day) => `(DATE '1970-01-01' + CAST(${day} AS INTEGER))`,
  dateOf: (expression) => `CAST(${expression} AS DATE)`,
  passThrough: (alias, _all, dead) => `${alias === undefined ? '' : `${alias}.`}*${dead.length === 0 ? '' : ` EXCLUDE (${dead.map((n) => duckdb.identifier(n)).join(', ')})`}`,
  joinNonNull: (parts, separator) => `concat_ws(${separator}, ${parts.join(', ')})`,
  keysByWeight(items) {
    if (items.length === 0) return "''";
    const structs = items.map((item, i) => `{'w': -(${item.weight}), 'i': ${i + 1}, 'k': ${item.key}}`).join(', ');
    return `array_to_string(list_transform(list_filter(list_sort([${structs}]), lambda x: x.w < 0), lambda x: x.k), ';')`;
  },
  fifteenDigits: (m) => `CAST(printf('%.15g', ${m}) AS DOUBLE)`,
  integerText: (expression) => `CAST(CAST(${expression} AS BIGINT) AS VARCHAR)`,
};
