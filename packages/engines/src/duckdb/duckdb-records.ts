import { DuckDBInstance } from '@duckdb/node-api';
import { SQL_DIALECTS, planToSql, type Plan } from '@vitals/core';
import { rowReader, type EngineRow } from '../engine-row.js';
import { fieldText, recordColumns } from '../record-table.js';
import { duckDbSettings } from './duckdb-engine.js';

const dialect = SQL_DIALECTS.duckdb;

/**
 * Scores records (in order, as a stream would bring them) with the model's query in an
 * in-memory DuckDB: the records go into a table of text columns, read with the CSV reader's
 * rules. Rows come back one per record, numbered from 1. For tests and small batches; files go
 * through `scoreWithDuckDb`.
 */
export async function scoreRecordsWithDuckDb(plan: Plan, records: readonly Readonly<Record<string, unknown>>[], options: { asOf?: string } = {}): Promise<EngineRow[]> {
  const instance = await DuckDBInstance.create(':memory:', duckDbSettings({ threads: 1 }));
  const connection = await instance.connect();
  try {
    const names = recordColumns(plan.inputs);
    await connection.run(`CREATE TABLE snapshots (_record BIGINT${names.map((name) => `, ${dialect.identifier(name)} VARCHAR`).join('')})`);
    const appender = await connection.createAppender('snapshots');
    records.forEach((record, i) => {
      appender.appendBigInt(BigInt(i + 1));
      for (const name of names) {
        const text = fieldText(Object.hasOwn(record, name) ? record[name] : undefined);
        if (text === null) appender.appendNull();
        else appender.appendVarchar(text);
      }
      appender.endRow();
    });
    appender.closeSync();
    const query = planToSql(plan, 'duckdb', { table: 'snapshots', orderBy: '_record', rawValues: true, ...(options.asOf === undefined ? {} : { asOf: options.asOf }) });
    const read = rowReader(plan, query.columns);
    const result = await connection.runAndReadAll(query.sql);
    return result.getRowsJS().map((values) => read(values, { row: Number(values[0]), line: null }));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
