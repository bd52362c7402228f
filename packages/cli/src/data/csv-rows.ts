import type { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { CliError } from '../errors.js';
import type { DataRow } from './data-row.js';

/**
 * CSV rows as records keyed by the header, streamed (csv-parse pulls only as fast as rows are
 * consumed). Every value stays text: the core reads each as its declared type and reports what
 * does not fit. A row with the wrong number of fields is reported, not guessed at.
 */
export async function* csvRows(input: Readable, file: string): AsyncGenerator<DataRow, void, undefined> {
  const parser = input.pipe(parse({ bom: true, raw: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }));
  input.on('error', (error) => parser.destroy(error));
  let header: string[] | undefined;
  let linesBefore = 0;
  let row = 0;
  try {
    for await (const { record, raw } of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      const line = linesBefore + leadingNewlines(raw) + 1;
      linesBefore += countNewlines(raw);
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
    if (isCsvError(error)) throw new CliError(`${file}:${error.lines ?? '?'}: not valid CSV: ${error.message}`);
    throw error;
  }
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

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Blank lines skipped before a record are part of its raw text. */
function leadingNewlines(raw: string): number {
  return countNewlines(/^[\r\n]*/.exec(raw)?.[0] ?? '');
}

function isCsvError(error: unknown): error is CsvError & { lines?: number } {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('CSV_');
}
