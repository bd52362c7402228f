import type { InputDeclaration } from '@vitals/core';

/**
 * A record's field as text, the way a CSV file would hold it: the engines load records into a
 * table of text columns and read them with the CSV reader's rules. Missing is NULL.
 */
export function fieldText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  return JSON.stringify(value);
}

/** The text columns of a records table: each column the model's inputs read (`column:`, else the input's name), once. */
export function recordColumns(inputs: readonly InputDeclaration[]): string[] {
  return [...new Set(inputs.map((input) => input.column))];
}
