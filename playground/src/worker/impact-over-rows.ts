import { createImpact, type HealthModel, type Impact } from '@vitals/core';
import type { DataRow } from './read-data.js';

/**
 * The core's impact analysis (`vitals diff` and `vitals simulate` use the same) over the loaded
 * rows: both models score every record in one pass. A row that is not a record is left out, and
 * each account is named by its own row number, as the CLI names it.
 */
export function impactOverRows(base: HealthModel, head: HealthModel, rows: readonly DataRow[], asOf: string | undefined): Impact {
  const impact = createImpact(base, head, asOf === undefined ? {} : { asOf });
  for (const row of rows) if (row.record !== null) impact.add(row.record, row.row);
  return impact.result();
}
