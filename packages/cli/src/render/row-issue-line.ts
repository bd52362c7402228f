import { quoted, safeText } from './safe-text.js';
import type { RowIssue } from './score-row.js';

/**
 * A bad row on stderr, as `file:line: row N: field F: message (got "v") [code]`. The line is
 * the file line the row starts on; `row` counts data rows from 1 (the CSV header is not a row).
 * The file name, the message and the value are `safeText`: a newline in a cell cannot forge a line.
 */
export function rowIssueLine(file: string, data: { readonly row: number; readonly line: number | null }, issue: RowIssue): string {
  const place = data.line === null ? `${safeText(file)}: row ${data.row}` : `${safeText(file)}:${data.line}: row ${data.row}`;
  const field = issue.field === null ? '' : ` field ${safeText(issue.field)}:`;
  const got = issue.value === undefined ? '' : ` (got ${quoted(issue.value)})`;
  return `${place}:${field} ${safeText(issue.message)}${got} [${issue.code}]`;
}
