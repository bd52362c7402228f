import { safeText } from './safe-text.js';

/**
 * The line a diagnostic points at with a caret under its span:
 *
 *     12 |     value: seats / purchased
 *        |            ^^^^^
 *
 * Columns are 1-based UTF-16 code units, as in the core's diagnostics. Tabs are shown as one
 * space so the caret lines up with the column the core counted; control characters are shown
 * escaped (`safeText`: the line comes from an untrusted file), and the caret moves with them.
 */
export function sourceExcerpt(lines: readonly string[], line: number, column: number, endLine: number, endColumn: number): string[] {
  const text = lines[line - 1];
  if (text === undefined) return [];
  const plain = text.replace(/\t/g, ' ');
  const gutter = String(line).length;
  const start = Math.max(1, Math.min(column, plain.length + 1));
  const end = endLine === line ? Math.max(start + 1, Math.min(endColumn, plain.length + 1)) : Math.max(start + 1, plain.length + 1);
  // Where a column of the line lands once what comes before it is escaped.
  const shownColumn = (c: number) => safeText(plain.slice(0, c - 1)).length + 1;
  const caret = ' '.repeat(shownColumn(start) - 1) + '^'.repeat(Math.max(1, shownColumn(end) - shownColumn(start)));
  return [`  ${String(line)} | ${safeText(plain)}`, `  ${' '.repeat(gutter)} | ${caret}`];
}

/** Splits text into lines the way the core counts them: only \n ends a line (a \r before it is dropped). */
export function splitLines(text: string): string[] {
  return text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}
