export type CsvValue = string | number | boolean | null | undefined;

/**
 * One CSV field as RFC 4180 writes it: quoted when it holds a comma, quote or line break.
 *
 * Every CSV vitals writes is opened in spreadsheets, and a spreadsheet runs a cell that starts with
 * `=`, `+`, `-`, `@`, a tab or a CR as a formula (`=HYPERLINK(…)` in an account id from a data
 * export is a link to anywhere). So, as OWASP's "CSV injection" advice says, such a *text* cell
 * gets a leading `'` (the spreadsheet's "this is text" mark) and is quoted. Numbers are numbers: a
 * gap of -3.62 is written `-3.62`, and so is text that is a plain number (`-42`), which a
 * spreadsheet reads as that number, not a formula. `raw` writes text as it is, for programs that
 * read the CSV (`score --csv-raw`).
 */
export function csvField(value: CsvValue, raw = false): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  if (!raw && startsFormula(value)) return `"'${value.replace(/"/g, '""')}"`;
  return needsQuotes(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A line of fields. */
export function csvLine(values: readonly CsvValue[], raw = false): string {
  let line = csvField(values[0], raw);
  for (let i = 1; i < values.length; i++) line += `,${csvField(values[i], raw)}`;
  return `${line}\n`;
}

/** Whether a spreadsheet would read this text cell as a formula (and `csvField` neutralises it). */
export function startsFormula(text: string): boolean {
  const first = text.charCodeAt(0);
  // = + - @ tab CR; the regular expression only for the few cells that start so.
  const formulaStart = first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13;
  return formulaStart && !PLAIN_NUMBER.test(text);
}

/** A quote, comma, CR or LF: the field is quoted (RFC 4180). A scan, not a regular expression, per cell. */
function needsQuotes(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 34 || code === 44 || code === 13 || code === 10) return true;
  }
  return false;
}

const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
