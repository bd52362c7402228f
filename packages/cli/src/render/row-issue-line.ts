import type { DataRow } from '../data/data-row.js';
import type { RowIssue } from './score-row.js';

/**
 * A bad row on stderr, as `file:line: row N: field F: message (got "v") [code]`. The line is
 * the file line the row starts on; `row` counts data rows from 1 (the CSV header is not a row).
 */
export function rowIssueLine(file: string, data: DataRow, issue: RowIssue): string {
  const place = data.line === null ? `${file}: row ${data.row}` : `${file}:${data.line}: row ${data.row}`;
  const field = issue.field === null ? '' : ` field ${issue.field}:`;
  const got = issue.value === undefined ? '' : ` (got ${JSON.stringify(issue.value)})`;
  return `${place}:${field} ${issue.message}${got} [${issue.code}]`;
}
