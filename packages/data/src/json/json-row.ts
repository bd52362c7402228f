import type { DataRow, RowProblem } from '../data-row.js';
import { keepLongIntegers } from './exact-integers.js';

/** One JSON row's text → a data row: an object of fields, or the problem (not JSON, not an object). */
export function jsonRow(text: string, row: number, line: number): DataRow {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { row, line, record: null, problem: { code: 'bad-json', message: `is not valid JSON: ${(error as Error).message}` } };
  }
  if (!isRecord(value)) return { row, line, record: null, problem: notAnObject(value) };
  keepLongIntegers(text, value);
  return { row, line, record: value };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function notAnObject(value: unknown): RowProblem {
  const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
  return { code: 'not-an-object', message: `is ${kind}, not an object of fields` };
}

/** A record's field (among `columns`) whose text holds a character that replaced bytes that were not UTF-8. */
export function damagedField(record: Readonly<Record<string, unknown>>, columns: readonly string[] | undefined): string | undefined {
  const names = columns ?? Object.keys(record);
  return names.find((name) => Object.hasOwn(record, name) && typeof record[name] === 'string' && (record[name] as string).includes('\uFFFD'));
}

export const NOT_UTF8 = 'has bytes that are not UTF-8 (save the file as UTF-8)';
