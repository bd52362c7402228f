import { closeSync, openSync, writeSync } from 'node:fs';
import { SEVEN_METRIC_COLUMNS, sevenMetricAccountSource } from '../data/seven-metric-accounts.js';

/** Writes `rows` generated seven-metric accounts to a CSV file (missing values as empty cells), in chunks. */
export function writeAccountsCsv(file: string, rows: number, seed = 7): void {
  const next = sevenMetricAccountSource(seed);
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, `${SEVEN_METRIC_COLUMNS.join(',')}\n`);
    for (let start = 0; start < rows; start += 20_000) {
      const lines: string[] = [];
      for (let i = start; i < Math.min(rows, start + 20_000); i++) {
        const account = next();
        lines.push(SEVEN_METRIC_COLUMNS.map((column) => account[column] ?? '').join(','));
      }
      writeSync(fd, `${lines.join('\n')}\n`);
    }
  } finally {
    closeSync(fd);
  }
}
