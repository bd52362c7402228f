import type { InputDeclaration } from '../check/resolve-inputs.js';
import { looseEnumKey } from '../schema/enum-key.js';
import { dayOrNull, parseDay } from './dates.js';
import type { RecordIssue, RecordIssueCode } from './result.js';

/**
 * Reading one field of a raw record (a CSV string, a JSON value) as its declared type. Absent,
 * null and blank are missing; anything else that is not a value of the type is an issue, never
 * a guess. Both evaluators read records through these functions.
 */
export type ReadValue = (raw: unknown, input: InputDeclaration, issues: RecordIssue[]) => number | string | boolean | null;

export const TRUE_WORDS: ReadonlySet<string> = new Set(['true', 'yes', 'y', '1']);
export const FALSE_WORDS: ReadonlySet<string> = new Set(['false', 'no', 'n', '0']);

/** Whether a character code is a space, tab or line end: what CSV leaves around a field. */
function isPadding(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/**
 * Spaces, tabs and line ends around a field (as CSV leaves them); other characters are data.
 * A scan from each end, not a regular expression: linear in the length of any cell.
 */
function trim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isPadding(text.charCodeAt(start))) start++;
  while (end > start && isPadding(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

function digitsFrom(text: string, at: number): number {
  let i = at;
  while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  return i;
}

/**
 * Whether text is a plain decimal number: `[+-]digits[.digits][e[+-]digits]` or `.5`. No
 * hexadecimal, no `Infinity`, no separators. One pass over the text (a backtracking regular
 * expression took seconds on a long cell of digits).
 */
export function isDecimalText(text: string): boolean {
  let i = text.charCodeAt(0) === 43 || text.charCodeAt(0) === 45 ? 1 : 0;
  const whole = digitsFrom(text, i);
  let digits = whole - i;
  i = whole;
  if (text.charCodeAt(i) === 46) {
    const fraction = digitsFrom(text, i + 1);
    digits += fraction - i - 1;
    i = fraction;
  }
  if (digits === 0) return false;
  if (text.charCodeAt(i) === 101 || text.charCodeAt(i) === 69) {
    const sign = text.charCodeAt(i + 1) === 43 || text.charCodeAt(i + 1) === 45 ? i + 2 : i + 1;
    const exponent = digitsFrom(text, sign);
    if (exponent === sign) return false;
    i = exponent;
  }
  return i === text.length;
}

/** Exact powers of ten: a whole number below 10^15 divided by one is the correctly rounded decimal. */
const EXACT_POWERS_OF_TEN = Array.from({ length: 16 }, (_, i) => 10 ** i);

/**
 * The value of text written as a plain decimal of at most 15 digits (`42`, `-3.5`, `.25`, `7.`),
 * without padding, sign-only or exponent; NaN for anything else (the caller then takes the full
 * path). The common case of a CSV cell, read in one pass without `Number`'s general parser: the
 * digits make a whole number below 10^15, exact in a double, and one division by an exact power
 * of ten rounds correctly, so the result is `Number(text)` to the bit (a property test holds it).
 */
export function plainDecimalValue(text: string): number {
  const n = text.length;
  let i = 0;
  let c = text.charCodeAt(0);
  const negative = c === 45;
  if (negative || c === 43) i = 1;
  let whole = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < n; i++) {
    c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      whole = whole * 10 + (c - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (c === 46 && decimals < 0) decimals = 0;
    else return NaN;
  }
  if (digits === 0 || digits > 15) return NaN;
  const value = decimals > 0 ? whole / (EXACT_POWERS_OF_TEN[decimals] as number) : whole;
  return negative ? -value : value;
}

function isBlank(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && trim(raw) === '');
}

function issue(issues: RecordIssue[], input: InputDeclaration, code: RecordIssueCode, message: string, raw?: unknown): null {
  const value = raw === undefined ? undefined : String(raw).slice(0, 80);
  issues.push({ field: input.name, code, message, ...(value === undefined ? {} : { value }) });
  return null;
}

function missing(input: InputDeclaration, issues: RecordIssue[]): null {
  return input.required ? issue(issues, input, 'missing-required', `\`${input.name}\` is required but empty`) : null;
}

export function readNumber(raw: unknown, input: InputDeclaration, issues: RecordIssue[]): number | null {
  let value = typeof raw === 'number' ? raw : typeof raw === 'string' ? plainDecimalValue(raw) : NaN;
  if (value !== value) {
    // Not a number, nor a short plain decimal as it stands: blank, padded, an exponent, many digits, or no number at all.
    if (isBlank(raw)) return missing(input, issues);
    const text = typeof raw === 'string' ? trim(raw) : '';
    value = isDecimalText(text) ? Number(text) : NaN;
  }
  if (!Number.isFinite(value)) return issue(issues, input, 'not-a-number', `\`${input.name}\` is not a number`, raw);
  if (input.type === 'integer' && !Number.isInteger(value)) return issue(issues, input, 'not-an-integer', `\`${input.name}\` is not a whole number`, raw);
  // Past 2^53 a double skips whole numbers: 12345678901234567890 would read as …67000, and two ids could merge.
  if (input.type === 'integer' && !Number.isSafeInteger(value)) return issue(issues, input, 'integer-too-large', `\`${input.name}\` is too large to be read exactly as a whole number (as \`type: string\` it is kept as written)`, raw);
  if (input.min !== undefined && value < input.min) return issue(issues, input, 'below-minimum', `\`${input.name}\` is below its minimum ${input.min}`, raw);
  if (input.max !== undefined && value > input.max) return issue(issues, input, 'above-maximum', `\`${input.name}\` is above its maximum ${input.max}`, raw);
  return value;
}

export function readBoolean(raw: unknown, input: InputDeclaration, issues: RecordIssue[]): boolean | null {
  if (typeof raw === 'boolean') return raw;
  if (isBlank(raw)) return missing(input, issues);
  const word = trim(String(raw)).toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return issue(issues, input, 'not-a-boolean', `\`${input.name}\` is not true or false`, raw);
}

/**
 * The record value, trimmed, is one of the declared values; or else, when exactly one declared
 * value has the same loose key (`looseEnumKey`), that one. Two declared values with the same key
 * (a `check` warning) match only exactly, so a loose match never guesses between them.
 */
export function readEnum(raw: unknown, input: InputDeclaration, issues: RecordIssue[]): string | null {
  if (isBlank(raw)) return missing(input, issues);
  const values = input.values ?? [];
  const text = trim(String(raw));
  if (values.includes(text)) return text;
  const key = looseEnumKey(text);
  const loose = values.filter((value) => looseEnumKey(value) === key);
  if (loose.length === 1) return loose[0] as string;
  return issue(issues, input, 'not-in-enum', `\`${input.name}\` is not one of ${values.slice(0, 8).join(', ')}`, raw);
}

export function readString(raw: unknown, input: InputDeclaration, issues: RecordIssue[]): string | null {
  if (isBlank(raw)) return missing(input, issues);
  if (typeof raw === 'string') return trim(raw);
  if (typeof raw === 'number' && Number.isInteger(raw) && !Number.isSafeInteger(raw)) {
    // JSON.parse has already rounded it: the digits as written are gone (the data readers keep such numbers as text).
    return issue(issues, input, 'integer-too-large', `\`${input.name}\` is a number too large to be exact: give it as text`, raw);
  }
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  return issue(issues, input, 'not-text', `\`${input.name}\` is not text`, JSON.stringify(raw));
}

export function readDate(raw: unknown, input: InputDeclaration, issues: RecordIssue[]): number | null {
  if (isBlank(raw)) return missing(input, issues);
  if (raw instanceof Date) {
    const day = dayOrNull(Math.floor(raw.getTime() / 86_400_000)); // NaN for an invalid Date: not in range either
    return day === null ? issue(issues, input, 'not-a-date', `\`${input.name}\` is not a date`, raw) : day;
  }
  const day = typeof raw === 'string' ? parseDay(raw) : undefined;
  return day === undefined ? issue(issues, input, 'not-a-date', `\`${input.name}\` is not a date (YYYY-MM-DD)`, raw) : day;
}

export const READERS: Readonly<Record<InputDeclaration['type'], ReadValue>> = {
  number: readNumber,
  integer: readNumber,
  boolean: readBoolean,
  enum: readEnum,
  string: readString,
  date: readDate,
};

/** An input's value in a raw record, read from the input's mapped column (only a field the record really has). */
export function readInput(record: Readonly<Record<string, unknown>>, input: InputDeclaration, issues: RecordIssue[]): number | string | boolean | null {
  return READERS[input.type](Object.hasOwn(record, input.column) ? record[input.column] : undefined, input, issues);
}
