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

const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const TRUE_WORDS = new Set(['true', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0']);

/** Spaces, tabs and line ends around a field (as CSV leaves them); other characters are data. */
function trim(text: string): string {
  if (text.length > 0 && text.charCodeAt(0) > 32 && text.charCodeAt(text.length - 1) > 32) return text; // the common case, without a regular expression
  return text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
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
  if (isBlank(raw)) return missing(input, issues);
  const text = typeof raw === 'string' ? trim(raw) : '';
  const value = typeof raw === 'number' ? raw : NUMBER_TEXT.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(value)) return issue(issues, input, 'not-a-number', `\`${input.name}\` is not a number`, raw);
  if (input.type === 'integer' && !Number.isInteger(value)) return issue(issues, input, 'not-an-integer', `\`${input.name}\` is not a whole number`, raw);
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
