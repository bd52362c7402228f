import { SNAPSHOT_COLUMNS, type Snapshot } from './snapshots.js';

/** Snapshots → CSV text with a header; empty fields for missing values, true/false for flags. */
export function snapshotsToCsv(snapshots: readonly Snapshot[]): string {
  const lines = [SNAPSHOT_COLUMNS.join(',')];
  for (const snapshot of snapshots) lines.push(SNAPSHOT_COLUMNS.map((column) => field(snapshot[column])).join(','));
  return `${lines.join('\n')}\n`;
}

function field(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
