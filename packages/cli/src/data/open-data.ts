import type { ColumnUse, HealthModel } from '@vitals/core';
import { parseDelimiter, type DataError } from '@vitals/data';
import { DataFileError, openDataFile, type DataSource } from '@vitals/data/node';
import { CliError, EXIT } from '../errors.js';
import type { DataOptions } from '../program.js';

/**
 * Opens `--data` (a path, or `-` for stdin) for the model's columns: the header is checked
 * against them when the first rows are read. A file that cannot be opened is a usage error.
 */
export async function openData(options: Pick<DataOptions, 'data' | 'inputFormat' | 'delimiter' | 'allowMissingColumns'>, columns?: readonly ColumnUse[]): Promise<DataSource> {
  const delimiter = options.delimiter === undefined ? undefined : parseDelimiter(options.delimiter);
  if (options.delimiter !== undefined && delimiter === undefined) {
    throw new CliError(`--delimiter must be one character (or tab, comma, semicolon, pipe), got ${JSON.stringify(options.delimiter)}`);
  }
  const tsv = options.inputFormat === 'tsv';
  try {
    return await openDataFile(options.data, {
      ...(columns === undefined ? {} : { columns }),
      allowMissingColumns: options.allowMissingColumns,
      ...(options.inputFormat === undefined ? {} : { format: tsv ? 'csv' : options.inputFormat }),
      ...(delimiter !== undefined ? { delimiter } : tsv ? { delimiter: '\t' } : {}),
    });
  } catch (error) {
    if (error instanceof DataFileError) throw new CliError(error.message);
    throw error;
  }
}

/** The columns any of the models reads, each once: one header check for a run that scores every row with all of them. */
export function columnsOfModels(models: readonly HealthModel[]): ColumnUse[] {
  const byColumn = new Map<string, ColumnUse>();
  for (const use of models.flatMap((m) => m.columns)) if (!byColumn.has(use.column)) byColumn.set(use.column, use);
  return [...byColumn.values()];
}

/** What stopped the reading of a file, as an error for stderr: `file:line:column: message`, and its detail lines. */
export function dataError(file: string, error: DataError): CliError {
  if (error.code === 'missing-columns') {
    const delimiter = error.headerDelimiter === undefined ? [] : [`  the header looks ${delimiterWord(error.headerDelimiter)}-separated: try --delimiter ${delimiterWord(error.headerDelimiter)}`];
    return new CliError(error.message, EXIT.usage, [...(error.details ?? []).map((line) => `  ${line}`), ...delimiter, '  (--allow-missing-columns reads them as missing in every row)']);
  }
  const place = error.line === null ? file : error.column === null ? `${file}:${error.line}` : `${file}:${error.line}:${error.column}`;
  return new CliError(`${place}: ${error.message}`);
}

/** `tab` by name; `';'` and `'|'` quoted, as a shell takes them (both mean something to a shell). */
function delimiterWord(delimiter: string): string {
  return delimiter === '\t' ? 'tab' : `'${delimiter}'`;
}
