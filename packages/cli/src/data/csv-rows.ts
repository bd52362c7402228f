import type { Readable } from 'node:stream';
import { parse, type CsvError, type Options } from 'csv-parse';
import { CliError } from '../errors.js';
import type { DataRow } from './data-row.js';

/**
 * CSV rows as records keyed by the header, streamed (csv-parse pulls only as fast as rows are
 * consumed). Every value stays text: the core reads each as its declared type and reports what
 * does not fit. A row with the wrong number of fields is reported, not guessed at.
 */
export async function* csvRows(input: Readable, file: string): AsyncGenerator<DataRow, void, undefined> {
  // Lines are counted here, as records are parsed (not as they are consumed, so a parse error
  // names the right place), and not taken from csv-parse, whose count drifts on CRLF inside
  // quotes: a record spans one line plus the line breaks inside its quoted fields, and skipped
  // blank lines are the parser's running total.
  const parsed = { lines: 0, blank: 0, records: 0 };
  const onRecord = (record: string[], context: { empty_lines: number }): Parsed => {
    const line = parsed.lines + context.empty_lines + 1;
    parsed.lines += 1 + newlinesIn(record);
    parsed.blank = context.empty_lines;
    parsed.records++;
    return { record, line };
  };
  // csv-parse's types expect on_record to return a record; it pushes whatever it returns.
  const on_record = onRecord as unknown as Options['on_record'];
  const parser = input.pipe(parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, on_record }));
  input.on('error', (error) => parser.destroy(error));
  let header: string[] | undefined;
  let row = 0;
  try {
    for await (const { record, line } of parser as AsyncIterable<Parsed>) {
      if (header === undefined) {
        header = readHeader(record, file, line);
        continue;
      }
      if (record.length === 1 && (record[0] as string).trim() === '') continue;
      row++;
      if (record.length !== header.length) {
        const message = `has ${record.length} field${record.length === 1 ? '' : 's'}; the header has ${header.length}`;
        yield { row, line, record: null, problem: { code: 'wrong-field-count', message } };
        continue;
      }
      yield { row, line, record: toRecord(header, record) };
    }
  } catch (error) {
    if (!isCsvError(error)) throw error;
    // The unclosed quote is in the record after the last one parsed (blank lines between them aside).
    const next = parsed.lines + parsed.blank + 1;
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') throw new CliError(`${file}:${next}: not valid CSV: a quoted field that starts on this line or later is never closed`);
    throw new CliError(`${file}:${next}: not valid CSV: ${error.message}`);
  }
}

interface Parsed {
  readonly record: string[];
  readonly line: number;
}

/** The header row's names (trimmed); a name used twice would make a row ambiguous. */
function readHeader(record: readonly string[], file: string, line: number): string[] {
  const names = record.map((name) => name.trim());
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    const first = seen.get(name);
    if (first !== undefined) throw new CliError(`${file}:${line}: column \`${name}\` appears twice in the header (columns ${first + 1} and ${i + 1})`);
    seen.set(name, i);
  });
  return names;
}

/** A null-prototype object: a column named `__proto__` is data, never a prototype. */
function toRecord(header: readonly string[], values: readonly string[]): Record<string, string> {
  const record = Object.create(null) as Record<string, string>;
  for (let i = 0; i < header.length; i++) record[header[i] as string] = values[i] as string;
  return record;
}

function newlinesIn(fields: readonly string[]): number {
  let n = 0;
  for (const field of fields) for (let i = field.indexOf('\n'); i >= 0; i = field.indexOf('\n', i + 1)) n++;
  return n;
}

function isCsvError(error: unknown): error is CsvError & { lines?: number } {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('CSV_');
}
