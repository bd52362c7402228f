import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { planToSql, SQL_DIALECTS } from '@vitals/core';
import { duckDbSettings } from '@vitals/engines';
import { planOf } from '../support/evaluators.js';

/**
 * The DuckDB engine's query (rows numbered by their file position) runs every window function over
 * a narrow lane: a window operator materialises every column of its input, and a stage carries
 * dozens (bench/SQL.md: the cause of DuckDB's seconds of fixed cost and of its memory growing with
 * the rows). The answer is the conformance suites' to check; this checks the shape that keeps it fast.
 */
const ROOT = join(import.meta.dirname, '../..');
const models = readdirSync(join(ROOT, 'models')).filter((name) => existsSync(join(ROOT, 'models', name, 'model.yaml')));

/** Each CTE of a query: its name and body. */
function ctes(sql: string): { name: string; body: string }[] {
  return [...sql.matchAll(/^"([^"]+)" AS(?: NOT MATERIALIZED| MATERIALIZED)? \(\n([\s\S]*?)\n\)/gm)].map((m) => ({ name: m[1] as string, body: m[2] as string }));
}

test.each(models)('%s: no window function of the DuckDB engine\'s query carries the columns passed through', (name) => {
  const plan = planOf(readFileSync(join(ROOT, 'models', name, 'model.yaml'), 'utf8'));
  const query = planToSql(plan, 'duckdb', { table: 'snapshots', orderBy: '_record', rawValues: true, asOf: '2026-06-30' });
  const windowed = ctes(query.sql).filter((cte) => / OVER \(/.test(cte.body));
  // A model with an account id and an as-of date has a history: window functions to check.
  expect(windowed.length > 0).toBe(plan.data.id !== null && plan.data.asOf !== null);
  for (const cte of windowed) expect({ cte: cte.name, passesThrough: /^\s+(\w+\.|"[^"]+"\.)?\*/m.test(cte.body) }).toEqual({ cte: cte.name, passesThrough: false });
});

/**
 * Every join of the engine's query is written with its narrow side on the right (a lane, a walk's
 * rows), the side DuckDB hashes; DuckDB reports a LEFT join it swapped to hash the other side as
 * RIGHT. Swapped, the walks' joins hashed the snapshots with every column they carry, and the
 * engine's memory grew with the rows (docs/bench.md). The plan is read from a table of 1,000 rows:
 * on an empty one DuckDB's estimates swap nothing.
 */
test('lifecycle-b2b: the DuckDB engine\'s joins hash their narrow side, as written', async () => {
  const plan = planOf(readFileSync(join(ROOT, 'models', 'lifecycle-b2b', 'model.yaml'), 'utf8'));
  const d = SQL_DIALECTS.duckdb;
  const instance = await DuckDBInstance.create(':memory:', duckDbSettings());
  const connection = await instance.connect();
  try {
    await connection.run(`CREATE TABLE snapshots AS SELECT range + 1 AS _record, ${plan.inputs.map((input) => `CAST(range AS VARCHAR) AS ${d.identifier(input.name)}`).join(', ')} FROM range(1000)`);
    const query = planToSql(plan, 'duckdb', { table: 'snapshots', orderBy: '_record', rawValues: true });
    const explained = JSON.stringify((await connection.runAndReadAll(`EXPLAIN (FORMAT json) ${query.sql}`)).getRowsJS());
    const joins = (type: string) => explained.split(`\\"Join Type\\": \\"${type}\\"`).length - 1;
    expect({ left: joins('LEFT') > 0, right: joins('RIGHT') }).toEqual({ left: true, right: 0 });
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
});
