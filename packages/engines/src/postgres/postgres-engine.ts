import { SQL_DIALECTS, planToSql, type Plan } from '@vitals/core';
import { rowReader, type EngineRow } from '../engine-row.js';
import { fieldText, recordColumns } from '../record-table.js';

/** The part of a PostgreSQL client (node-postgres) the engine uses. */
export interface PostgresClient {
  query(config: { text: string; values?: unknown[]; rowMode?: 'array' }): Promise<{ rows: unknown[][] }>;
}

const dialect = SQL_DIALECTS.postgres;
let tables = 0;

/**
 * Scores records (in order, as a stream would bring them) with the model's query in PostgreSQL:
 * the records go into a temporary table of text columns, read with the CSV reader's rules.
 * Rows come back one per record, numbered from 1.
 */
export async function scoreWithPostgres(client: PostgresClient, plan: Plan, records: readonly Readonly<Record<string, unknown>>[], options: { asOf?: string } = {}): Promise<EngineRow[]> {
  const table = `vitals_snapshots_${process.pid}_${++tables}`;
  const names = recordColumns(plan.inputs);
  const columns = ['"_record" integer', ...names.map((name) => `${dialect.identifier(name)} text`)].join(', ');
  await client.query({ text: `CREATE TEMP TABLE ${dialect.identifier(table)} (${columns})` });
  try {
    for (let start = 0; start < records.length; start += 500) {
      const batch = records.slice(start, start + 500);
      const width = names.length + 1;
      const values = batch.flatMap((record, i) => [start + i + 1, ...names.map((name) => fieldText(Object.hasOwn(record, name) ? record[name] : undefined))]);
      const tuples = batch.map((_, i) => `(${Array.from({ length: width }, (__, j) => `$${i * width + j + 1}`).join(', ')})`).join(', ');
      await client.query({ text: `INSERT INTO ${dialect.identifier(table)} VALUES ${tuples}`, values });
    }
    const query = planToSql(plan, 'postgres', { table, orderBy: '_record', rawValues: true, ...(options.asOf === undefined ? {} : { asOf: options.asOf }) });
    const read = rowReader(plan, query.columns);
    const result = await client.query({ text: query.sql, rowMode: 'array' });
    return result.rows.map((values) => read(values, { row: Number(values[0]), line: null }));
  } finally {
    await client.query({ text: `DROP TABLE IF EXISTS ${dialect.identifier(table)}` });
  }
}
