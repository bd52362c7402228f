import type { ColumnUse } from '@vitals/core';
import { describeMissingColumn, missingColumns } from '../columns/missing-columns.js';
import type { DataWarning } from '../data-row.js';

/** Rows whose field names are kept for "did you mean" (the first ones; later rows rarely add names). */
const SAMPLED_ROWS = 100;

/**
 * JSON records have no header: a field the model reads is checked as rows go by, and one that no
 * row had is a warning at the end (with the closest field name rows did have).
 */
export class FieldPresence {
  private unseen: ColumnUse[];
  private readonly names = new Set<string>();
  private sampled = 0;

  constructor(uses: readonly ColumnUse[] | undefined) {
    this.unseen = [...(uses ?? [])];
  }

  note(record: Readonly<Record<string, unknown>>): void {
    if (this.sampled < SAMPLED_ROWS) {
      this.sampled++;
      for (const name of Object.keys(record)) this.names.add(name);
    }
    if (this.unseen.length > 0) this.unseen = this.unseen.filter((use) => !Object.hasOwn(record, use.column));
  }

  warnings(rowsRead: number): DataWarning[] {
    if (rowsRead === 0) return [];
    return missingColumns([...this.names], this.unseen).map((missing) => ({
      code: 'column-never-present',
      message: describeMissingColumn(missing, `which none of the ${rowsRead.toLocaleString('en-US')} rows has (each read it as missing)`),
    }));
  }
}
