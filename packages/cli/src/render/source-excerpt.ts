/**
 * The line a diagnostic points at with a caret under its span:
 *
 *     12 |     value: seats / purchased
 *        |            ^^^^^
 *
 * Columns are 1-based UTF-16 code units, as in the core's diagnostics. Tabs are shown as one
 * space so the caret lines up with the column the core counted.
 */
export function sourceExcerpt(lines: readonly string[], line: number, column: number, endLine: number, endColumn: number): string[] {
  const text = lines[line - 1];
  if (text === undefined) return [];
  const shown = text.replace(/\t/g, ' ');
  const gutter = String(line).length;
  const start = Math.max(1, Math.min(column, shown.length + 1));
  const end = endLine === line ? Math.max(start + 1, Math.min(endColumn, shown.length + 1)) : Math.max(start + 1, shown.length + 1);
  const caret = ' '.repeat(start - 1) + '^'.repeat(end - start);
  return [`  ${String(line)} | ${shown}`, `  ${' '.repeat(gutter)} | ${caret}`];
}

/** Splits text into lines the way the core counts them: only \n ends a line (a \r before it is dropped). */
export function splitLines(text: string): string[] {
  return text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}
