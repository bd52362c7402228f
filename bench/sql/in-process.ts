// A child of the SQL bench: scores a Parquet file with @vitals/engines' DuckDB engine in this
// process and prints JSON — the time and peak memory of the query and of reading its rows back as
// engine rows, a batch per DuckDB chunk (nothing written). With `--query-only`, the same query's
// rows are consumed inside DuckDB instead (every output column hashed into one aggregate): what
// the query itself costs.
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { planModel, SQL_DIALECTS } from '@vitals/core';
import { duckDbParquetQuery, duckDbSettings, scoreBatchesWithDuckDb } from '@vitals/engines';

const [modelFile, parquet] = process.argv.slice(2) as [string, string];
const queryOnly = process.argv.includes('--query-only');
const { plan } = planModel(readFileSync(modelFile, 'utf8'), modelFile);
if (plan === undefined) throw new Error(`${modelFile} has errors`);
const started = performance.now();
let rows = 0;
if (queryOnly) rows = await hashRows();
else {
  // A batch per chunk, as the CLI reads them; each row a new engine row.
  for await (const batch of scoreBatchesWithDuckDb(plan, parquet, 'parquet')) {
    for (let i = 0; i < batch.length; i++) if (batch.row(i).status !== 'invalid') rows++;
  }
}
const usage = process.resourceUsage();
process.stdout.write(JSON.stringify({ rows, seconds: (performance.now() - started) / 1000, peakRssBytes: usage.maxRSS * 1024 }));

/** The engine's query over the file (typed columns taken as they are) with the engine's settings, every column hashed into one aggregate. */
async function hashRows(): Promise<number> {
  const instance = await DuckDBInstance.create(':memory:', duckDbSettings());
  const connection = await instance.connect();
  const d = SQL_DIALECTS.duckdb;
  const query = await duckDbParquetQuery(connection, plan!, parquet);
  const hashes = query.columns.map((c) => `bit_xor(hash(${d.identifier(c.name)}))`).join(', ');
  const body = query.sql.split('\n').filter((line) => !line.startsWith('--')).join('\n');
  const result = await connection.runAndReadAll(`SELECT count(*), ${hashes} FROM (${body}) AS scored`);
  const count = Number((result.getRowsJS()[0] as unknown[])[0]);
  connection.closeSync();
  instance.closeSync();
  return count;
}
