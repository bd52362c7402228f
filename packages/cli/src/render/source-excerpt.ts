import { safeText } from './safe-text.js';

/** Columns of a source line shown around a diagnostic's column; a longer line is cut to this window. */
export const EXCERPT_WIDTH = 100;
/** How much of the window lies before the column, so the reader sees what leads up to the mistake. */
const CONTEXT_BEFORE = 30;

/**
 * The line a diagnostic points at with a caret under its span:
 *
 *     12 |     value: seats / purchased
 *        |            ^^^^^
 *
 * Columns are 1-based UTF-16 code units, as in the core's diagnostics. Tabs are shown as one
 * space so the caret lines up with the column the core counted; control characters are shown
 * escaped (`safeText`: the line comes from an untrusted file), and the caret moves with them. A
 * line longer than the window (a one-line model, a minified file) is shown as `…` and the part
 * around the column: a 1 MB line is never printed whole.
 */
export function sourceExcerpt(lines: readonly string[], line: number, column: number, endLine: number, endColumn: number): string[] {
  const text = lines[line - 1];
  if (text === undefined) return [];
  const start = Math.max(1, Math.min(column, text.length + 1));
  const end = endLine === line ? Math.max(start + 1, Math.min(endColumn, text.length + 1)) : Math.max(start + 1, text.length + 1);
  const window = windowAround(text, start);
  const plain = text.slice(window.from, window.to).replace(/\t/g, ' ');
  const cut = window.from > 0 ? '…' : '';
  // Where a column of the line lands in what is shown: after the cut, with what comes before it escaped.
  const shownColumn = (c: number) => cut.length + safeText(plain.slice(0, Math.min(c - 1, window.to) - window.from)).length + 1;
  const caretStart = shownColumn(start);
  const caret = ' '.repeat(caretStart - 1) + '^'.repeat(Math.max(1, shownColumn(end) - caretStart));
  const gutter = String(line).length;
  return [`  ${String(line)} | ${cut}${safeText(plain)}${window.to < text.length ? '…' : ''}`, `  ${' '.repeat(gutter)} | ${caret}`];
}

/** The part of a line to show: all of it when it fits, else a window that starts a little before the column. */
function windowAround(text: string, column: number): { from: number; to: number } {
  if (text.length <= EXCERPT_WIDTH) return { from: 0, to: text.length };
  let from = Math.max(0, Math.min(column - 1 - CONTEXT_BEFORE, text.length - EXCERPT_WIDTH));
  // Never start or end between the two halves of a surrogate pair.
  if (isLowSurrogate(text.charCodeAt(from))) from++;
  let to = Math.min(text.length, from + EXCERPT_WIDTH);
  if (isLowSurrogate(text.charCodeAt(to))) to++;
  return { from, to };
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** Splits text into lines the way the core counts them: \n, \r\n and a lone \r (old Mac files) each end a line. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}
