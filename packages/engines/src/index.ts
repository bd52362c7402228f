/**
 * @vitals/engines — engines that run a health model's SQL (`planToSql` in the core). Node only:
 * DuckDB is a native module and files are read here.
 */

// Embedded DuckDB over CSV and Parquet files (vitals score --engine duckdb), and over records
export { scoreWithDuckDb, scoreBatchesWithDuckDb, UnsupportedFileError, columnKinds as duckDbColumnKinds, duckDbParquetQuery, duckDbSettings } from './duckdb/duckdb-engine.js';
export { scoreRecordsWithDuckDb } from './duckdb/duckdb-records.js';
// PostgreSQL, through a node-postgres client
export { scoreWithPostgres } from './postgres/postgres-engine.js';
// Reading a query's rows back
export { rowReader, unreadableRow } from './engine-row.js';

export type { DuckDbFormat, DuckDbOptions, EngineRowBatch } from './duckdb/duckdb-engine.js';
export type { PostgresClient } from './postgres/postgres-engine.js';
export type { EngineRow, RowIssue, RowPlace, RowReader } from './engine-row.js';
