/** The SQL dialects a plan compiles to. */
export type SqlDialectName = 'duckdb' | 'postgres' | 'bigquery' | 'snowflake';

export type SqlType = 'double' | 'text' | 'boolean' | 'integer' | 'date';

/**
 * What differs between SQL engines, and nothing else: every piece of SQL that is spelt differently
 * in one engine goes through here, so the compiler (`plan-to-sql.ts`) writes one query for all.
 * Model text reaches SQL only through `identifier` and `string`: each escapes everything its
 * engine's lexer treats specially, so no name, value or title can end a literal early.
 */
export interface SqlDialect {
  readonly name: SqlDialectName;
  /** Longest identifier the engine keeps whole (PostgreSQL truncates past 63 bytes). */
  readonly maxIdentifierBytes: number;
  /** One identifier, quoted: a column or a CTE. */
  identifier(name: string): string;
  /** A string literal. */
  string(text: string): string;
  /** A DOUBLE PRECISION literal of a finite number, exact (the engine parses the shortest round-trip digits). */
  double(value: number): string;
  /** A small whole-number literal (an INTEGER). */
  integer(value: number): string;
  cast(expression: string, type: SqlType): string;
  /**
   * A DOUBLE from text that already matched the number pattern, as JavaScript's `Number` reads
   * it: NULL (or an infinity) past the largest double, 0 below the smallest. Never fails.
   */
  numberFromText(text: string): string;
  /** A cast that gives NULL instead of failing. Only used where every value already passed a check. */
  tryCast(expression: string, type: SqlType): string;
  /**
   * Double arithmetic follows IEEE without failing (DuckDB: overflow is ±infinity, x / 0 is
   * ±infinity, 0 / 0 NaN), so a result is made finite-or-NULL after the fact; elsewhere an
   * operation can fail (PostgreSQL) and each is guarded before it runs.
   */
  readonly ieeeArithmetic: boolean;
  /** True when `pattern` (anchored, POSIX-compatible) matches `text`. */
  regexMatches(text: string, pattern: string): string;
  /** Replaces every match of `pattern` in `text`. */
  regexReplaceAll(text: string, pattern: string, replacement: string): string;
  /** The text of the first group of `pattern` in `text`; NULL when it does not match (the group never matches empty). */
  regexExtract(text: string, pattern: string): string;
  /** Removes the given characters from both ends. */
  trim(text: string, characters: string): string;
  /**
   * Where the engine's `trim` costs much more than a look at both ends (DuckDB copies every
   * string): a test that `text` neither starts nor ends with one of `characters`, so that a trim
   * would leave it as it is. NULL for a NULL text.
   */
  keepsEnds?(text: string, characters: readonly string[]): string;
  /** Lower case, by Unicode's rules (as JavaScript's `toLowerCase`). */
  lower(text: string): string;
  /** Characters (not bytes) in a text. */
  length(text: string): string;
  /** Whether a DOUBLE is neither infinite nor NaN (a typed source column may hold them). */
  isFinite(expression: string): string;
  /** Days since 1970-01-01 of a DATE value. */
  dayOfDate(date: string): string;
  /** The DATE a whole number of days after 1970-01-01. */
  dateOfDay(day: string): string;
  /** A DATE-typed text value (YYYY-MM-DD) as a DATE, for typed source columns holding timestamps. */
  dateOf(expression: string): string;
  /**
   * The passed-through part of a select list: every column of the CTE read (`alias.` when it is
   * joined) except the dead ones — `* EXCLUDE (…)` where the engine has it, else a list.
   */
  passThrough(alias: string | undefined, all: readonly string[], dead: readonly string[]): string;
  /** Joins the non-null texts with a separator ('' when all are null). */
  joinNonNull(parts: readonly string[], separator: string): string;
  /**
   * Keys in descending order of their weights, ties in the given order, those with a weight
   * above 0 only, joined with ';' ('' when none).
   */
  keysByWeight(items: readonly { key: string; weight: string }[]): string;
  /**
   * `AS` or `AS MATERIALIZED` for a CTE. PostgreSQL inlines a CTE read once and then substitutes
   * each column's expression wherever it is read: a column read twice doubles its expression, and
   * a chain of CTEs grows exponentially (planning never ends). Materialised, each is computed once.
   */
  readonly cteAs: string;
  /** `AS` for a CTE several CTEs read: DuckDB would otherwise inline (and compute) it once per reader. */
  readonly sharedCteAs: string;
  /** A non-negative double of at least 10^15 read at 15 significant digits (JavaScript's `toPrecision(15)`). */
  fifteenDigits(magnitude: string): string;
  /** A whole-number text (ids read as integers) from a DOUBLE that holds a whole number. */
  integerText(expression: string): string;
}
