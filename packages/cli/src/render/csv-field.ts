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
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(values: readonly CsvValue[], raw = false): string {
  return `${values.map((value) => csvField(value, raw)).join(',')}\n`;
}

/** Whether a spreadsheet would read this text cell as a formula (and `csvField` neutralises it). */
export function startsFormula(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
}

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
