/** Delimiters a header is searched for, in the order ties go: `,` then `;` (European spreadsheets), tab, `|`. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * The delimiter of a CSV file, from its header line (the text up to the first line end outside
 * quotes): the candidate it holds most of, outside quotes. A header with none is one column, `,`.
 */
export function detectDelimiter(headerText: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = 0; i < headerText.length; i++) {
    const c = headerText[i] as string;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, (counts.get(c) as number) + 1);
  }
  let best: string = ',';
  for (const d of DELIMITERS) if ((counts.get(d) as number) > (counts.get(best) as number)) best = d;
  return best;
}

/** Whether the header line is complete in `text` (a line end outside quotes), so the delimiter can be told. */
export function hasHeaderLine(text: string): boolean {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) return true;
  }
  return false;
}

/** `--delimiter` as a user writes it: one character, or `tab` / `\t`. */
export function parseDelimiter(text: string): string | undefined {
  if (text === 'tab' || text === '\\t' || text === '\t') return '\t';
  if (text === 'comma') return ',';
  if (text === 'semicolon') return ';';
  if (text === 'pipe') return '|';
  return text.length === 1 && text !== '"' && text !== '\n' && text !== '\r' ? text : undefined;
}
