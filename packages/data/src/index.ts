/**
 * @vitals/data — reading account data for vitals, the same way in the CLI, the playground and the
 * backtest. Browser-safe: no Node imports (Node streaming is `@vitals/data/node`). Plain data in
 * and out: bytes or text pushed in chunks, rows (records or the reason a row is not one), and the
 * error that stopped a file, as values.
 */

// Reading
export { createRowReader, readRows } from './row-reader.js';
export { formatOfName } from './data-row.js';
export { detectDelimiter, parseDelimiter, DELIMITERS } from './csv/delimiter.js';
export { sniffBytes, describeKind, SNIFF_BYTES } from './text/sniff.js';
export { MAX_CELL_LENGTH } from './limits.js';
// Checking a file's columns against a model's
export { missingColumns, columnSuggestion, describeMissingColumn, looseColumnKey } from './columns/missing-columns.js';
export { missingColumnsHeadline } from './csv/csv-records.js';
// Guessing a model's inputs from a file (`vitals init --from`)
export { inferColumns, inputKey } from './infer/infer-columns.js';

export type { ReadOptions, RowReader } from './row-reader.js';
export type { DataRow, RowProblem, RowProblemCode, DataError, DataErrorCode, DataWarning, DataFormat } from './data-row.js';
export type { FileKind } from './text/sniff.js';
export type { TextEncoding } from './text/text-decoder.js';
export type { MissingColumn } from './columns/missing-columns.js';
export type { ColumnGuess, DataGuess, GuessedType } from './infer/infer-columns.js';
