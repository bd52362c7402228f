import { BUILTIN_NAMES, isDecimalText, parseDay, RESERVED_NAMES } from '@vitals/core';

export type GuessedType = 'number' | 'integer' | 'boolean' | 'enum' | 'date' | 'string';

/** What a column's values suggest: the input type a model should read it as, and what the values were like. */
export interface ColumnGuess {
  /** The header's name, as written. */
  readonly column: string;
  /** A stable key for the input: snake_case of the name (`MonthlyCharges` → `monthly_charges`). */
  readonly key: string;
  readonly type: GuessedType;
  /** Enum values, the most frequent first. */
  readonly values?: readonly string[];
  /** Numbers: the smallest, the 10th and 90th percentiles, the largest. */
  readonly range?: { readonly min: number; readonly p10: number; readonly p90: number; readonly max: number };
  /** Rows with a value (not blank). */
  readonly filled: number;
  /** Distinct values among them. */
  readonly distinct: number;
}

export interface DataGuess {
  readonly columns: readonly ColumnGuess[];
  /** The column that names the account: every row filled and distinct (or distinct per date), named like an id. */
  readonly id: string | null;
  /** The snapshot date, when an account has several rows. */
  readonly asOf: string | null;
  readonly rows: number;
}

const TRUE_WORDS = new Set(['true', 'yes', 'y']);
const FALSE_WORDS = new Set(['false', 'no', 'n']);
const MAX_ENUM_VALUES = 12;

/**
 * Types guessed from sample records (CSV text or JSON values), in the order of `columns`: a
 * column is the narrowest type that reads every value the core's way — two values 0/1 or
 * yes/no are boolean, whole numbers integer, decimal text number, ISO dates date, a few
 * repeated words enum, anything else string. Blank values say nothing.
 */
export function inferColumns(columns: readonly string[], records: readonly Readonly<Record<string, unknown>>[]): DataGuess {
  const keys = new Set<string>();
  const guesses = columns.filter((c) => c !== '').map((column) => guessColumn(column, uniqueKey(column, keys), records.map((r) => valueText(r[column]))));
  const id = guessId(guesses, records);
  return { columns: guesses, id: id?.column ?? null, asOf: id?.asOf ?? null, rows: records.length };
}

function valueText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value.trim() : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function guessColumn(column: string, key: string, all: readonly string[]): ColumnGuess {
  const values = all.filter((v) => v !== '');
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const base = { column, key, filled: values.length, distinct: counts.size };
  const words = [...new Set([...counts.keys()].map((v) => v.toLowerCase()))];
  if (values.length === 0) return { ...base, type: 'string' };
  if (isTwoValued(words)) return { ...base, type: 'boolean' };
  if (values.every(isDecimalText)) {
    const numbers = values.map(Number).sort((a, b) => a - b);
    const whole = numbers.every((n) => Number.isSafeInteger(n)) && values.every((v) => !/[.eE]/.test(v));
    return { ...base, type: whole ? 'integer' : 'number', range: range(numbers) };
  }
  if (values.every((v) => parseDay(v) !== undefined)) return { ...base, type: 'date' };
  const enumLike = counts.size <= MAX_ENUM_VALUES && counts.size < values.length / 2 && [...counts.keys()].every((v) => v.length <= 40);
  if (enumLike) return { ...base, type: 'enum', values: [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([v]) => v) };
  return { ...base, type: 'string' };
}

/** yes/no, true/false, y/n, and 0/1: a boolean the core reads (`TRUE_WORDS` of its reader). */
function isTwoValued(words: readonly string[]): boolean {
  if (words.length === 0 || words.length > 2) return false;
  if (words.every((w) => w === '0' || w === '1')) return words.length === 2;
  return words.every((w) => TRUE_WORDS.has(w) || FALSE_WORDS.has(w)) && !(words.length === 2 && words.every((w) => TRUE_WORDS.has(w)));
}

function range(sorted: readonly number[]): ColumnGuess['range'] {
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1)))] as number;
  return { min: sorted[0] as number, p10: at(0.1), p90: at(0.9), max: sorted[sorted.length - 1] as number };
}

/**
 * The account id: a text or whole-number column filled on every row, distinct on every row (one
 * row per account) or distinct per date (snapshots: then the date is the as-of field), preferring
 * a name that says id.
 */
function guessId(guesses: readonly ColumnGuess[], records: readonly Readonly<Record<string, unknown>>[]): { column: string; asOf: string | null } | undefined {
  const rows = records.length;
  const candidates = guesses.filter((g) => (g.type === 'string' || g.type === 'integer' || g.type === 'enum') && g.filled === rows && rows > 0);
  const named = (g: ColumnGuess) => (/(^|_)(id|key|number|no)$/.test(g.key) ? 0 : 1);
  const byName = [...candidates].sort((a, b) => named(a) - named(b));
  const unique = byName.find((g) => g.distinct === rows);
  if (unique !== undefined && named(unique) === 0) return { column: unique.column, asOf: null };
  const dates = guesses.filter((g) => g.type === 'date' && g.filled === rows);
  const dateNamed = (g: ColumnGuess) => (/(as_of|snapshot|period|month|date)/.test(g.key) ? 0 : 1);
  for (const id of byName.filter((g) => named(g) === 0 && g.distinct < rows)) {
    const asOf = [...dates].sort((a, b) => dateNamed(a) - dateNamed(b)).find((d) => distinctPairs(records, id.column, d.column) === rows);
    if (asOf !== undefined) return { column: id.column, asOf: asOf.column };
  }
  return unique === undefined ? undefined : { column: unique.column, asOf: null };
}

function distinctPairs(records: readonly Readonly<Record<string, unknown>>[], a: string, b: string): number {
  return new Set(records.map((r) => `${valueText(r[a])}\u0000${valueText(r[b])}`)).size;
}

/** `customerID` → `customer_id`, `Account ID` → `account_id`, `2024 MRR` → `c_2024_mrr`; never a reserved or built-in name, never twice. */
export function inputKey(column: string): string {
  const words = column
    .slice(0, 200)
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const key = words === '' ? 'column' : /^[a-z]/.test(words) ? words : `c_${words}`;
  return (RESERVED_NAMES.has(key) || BUILTIN_NAMES.has(key) ? `${key}_field` : key).slice(0, 60);
}

function uniqueKey(column: string, taken: Set<string>): string {
  const key = inputKey(column);
  let unique = key;
  for (let n = 2; taken.has(unique); n++) unique = `${key}_${n}`;
  taken.add(unique);
  return unique;
}
