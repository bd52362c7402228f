import type { SqlDialect, SqlType } from '../dialect.js';
import { SqlTranslationError, assertEncodable, numberText, quotedWithChr, wholeNumberText } from './literal-text.js';

const TYPES: Record<SqlType, string> = { double: 'double precision', text: 'text', boolean: 'boolean', integer: 'bigint', date: 'date' };

/**
 * PostgreSQL: arithmetic on doubles fails on overflow and on underflow to zero (the compiler
 * guards each operation), `round(double precision)` rounds half to even and `round(double, int)`
 * does not exist (the compiler rounds arithmetically), `0.1` is an exact numeric (every literal
 * is cast), text cannot hold NUL, and a string with a backslash is written as an escape string so
 * it reads the same whatever `standard_conforming_strings` says.
 */
export const postgres: SqlDialect = {
  name: 'postgres',
  maxIdentifierBytes: 63,
  identifier(name) {
    assertEncodable(name, 'the name');
    if (name.includes('\0')) throw new SqlTranslationError('PostgreSQL names cannot hold the NUL character');
    return `"${name.replace(/"/g, '""')}"`;
  },
  string(text) {
    assertEncodable(text, 'the text');
    if (text.includes('\0')) throw new SqlTranslationError(`PostgreSQL text cannot hold the NUL character (in ${JSON.stringify(text)})`);
    return quotedWithChr(text, (piece) => (piece.includes('\\') ? `E'${piece.replace(/\\/g, '\\\\').replace(/'/g, "''")}'` : `'${piece.replace(/'/g, "''")}'`));
  },
  double(value) {
    const text = numberText(value);
    return /e/.test(text) ? `'${text}'::float8` : `${text}::float8`;
  },
  integer: wholeNumberText,
  cast: (expression, type) => `CAST(${expression} AS ${TYPES[type]})`,
  // Only used on values a check has already accepted: PostgreSQL has no cast that fails softly.
  // float8in fails past the double range, both ways: numeric (exact) decides first, and exponents
  // too long for numeric are decided by their sign. The thresholds are 2^1024 − 2^970 (rounds to
  // infinity) and 2^-1075 (rounds to zero), to 28 digits.
  numberFromText: (t) =>
    `(CASE WHEN ${t} ~ '^[+-]?[0.]*([eE].*)?$' THEN 0::float8` +
    ` WHEN ${t} ~ '[eE][+]?0*[1-9][0-9]{4,}$' THEN NULL WHEN ${t} ~ '[eE]-0*[1-9][0-9]{4,}$' THEN 0::float8` +
    ` WHEN abs(CAST(${t} AS numeric)) >= 1.797693134862315807937289714e308 THEN NULL` +
    ` WHEN abs(CAST(${t} AS numeric)) <= 2.470328229206232720882843964e-324 THEN 0::float8` +
    ` ELSE CAST(${t} AS double precision) END)`,
  tryCast: (expression, type) => `CAST(${expression} AS ${TYPES[type]})`,
  cteAs: 'AS MATERIALIZED',
  sharedCteAs: 'AS MATERIALIZED',
  ieeeArithmetic: false,
  regexMatches: (text, pattern) => `(${text} ~ ${pattern})`,
  regexReplaceAll: (text, pattern, replacement) => `regexp_replace(${text}, ${pattern}, ${replacement}, 'g')`,
  regexExtract: (text, pattern) => `substring(${text} from ${pattern})`,
  trim: (text, characters) => `btrim(${text}, ${characters})`,
  lower: (text) => `lower(${text})`,
  length: (text) => `length(${text})`,
  isFinite: (expression) => `(${expression} NOT IN ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8))`,
  dayOfDate: (date) => `(${date} - DATE '1970-01-01')`,
  dateOfDay: (day) => `(DATE '1970-01-01' + CAST(${day} AS integer))`,
  dateOf: (expression) => `CAST(${expression} AS date)`,
  passThrough: (alias, all, dead) => all.filter((n) => !dead.includes(n)).map((n) => `${alias === undefined ? '' : `${alias}.`}${postgres.identifier(n)}`).join(', '),
  joinNonNull: (parts, separator) => `concat_ws(${separator}, ${parts.join(', ')})`,
  keysByWeight(items) {
    if (items.length === 0) return "''";
    const rows = items.map((item, i) => `(${item.key}, ${i + 1}, ${item.weight})`).join(', ');
    return `coalesce((SELECT string_agg(k, ';' ORDER BY w DESC, i) FROM (VALUES ${rows}) AS ranked (k, i, w) WHERE w > 0), '')`;
  },
  // A double cast to numeric keeps 15 significant digits (DBL_DIG): exactly the reading wanted.
  fifteenDigits: (m) => `CAST(CAST(${m} AS numeric) AS double precision)`,
  integerText: (expression) => `CAST(CAST(${expression} AS bigint) AS text)`,
};
