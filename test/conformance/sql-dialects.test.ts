import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import pkg from 'node-sql-parser';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { planToDbt, planToSql, type Plan, type SqlDialectName } from '@vitals/core';
import { planOf } from '../support/evaluators.js';
import { PAYLOADS, UNENCODABLE, hostileModel } from '../support/hostile-model.js';

/**
 * BigQuery and Snowflake cannot run here: their SQL is held to golden files a person has read,
 * and to a parser that knows each dialect (node-sql-parser). DuckDB and PostgreSQL run the same
 * cases as the JavaScript evaluators (the other conformance files). Every dialect's query keeps
 * model text inside its literals: with the literals and quoted names taken out, no payload is left.
 */
const ROOT = join(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'test/fixtures/sql');
const { Parser } = pkg;

const models: [string, Plan][] = [
  ['golden', planOf(readFileSync(join(FIXTURES, 'golden-model.yaml'), 'utf8'))],
  ...readdirSync(join(ROOT, 'models'))
    .filter((name) => existsSync(join(ROOT, 'models', name, 'model.yaml')))
    .map((name): [string, Plan] => [name, planOf(readFileSync(join(ROOT, 'models', name, 'model.yaml'), 'utf8'))]),
];

describe.each(['bigquery', 'snowflake'] as const)('%s', (dialect) => {
  test('the golden model gives the golden file, read by a person (VITALS_UPDATE_GOLDEN=1 writes it anew, for review)', () => {
    const file = join(FIXTURES, `golden.${dialect}.sql`);
    const sql = planToSql(models[0]?.[1] as Plan, dialect).sql;
    if (process.env['VITALS_UPDATE_GOLDEN'] === '1') writeFileSync(file, sql);
    expect(sql).toBe(readFileSync(file, 'utf8'));
  });

  test.each(models.map(([name]) => name))('the query for %s parses as the dialect', (name) => {
    const plan = (models.find(([n]) => n === name) as [string, Plan])[1];
    expectParses(planToSql(plan, dialect, { asOf: '2026-06-30' }).sql, dialect);
  });
});

/** node-sql-parser's BigQuery grammar has no WITH RECURSIVE (BigQuery needs it): the keyword alone is left out of what it parses. */
function expectParses(sql: string, dialect: 'bigquery' | 'snowflake' | 'postgres'): void {
  const text = dialect === 'bigquery' ? sql.replace(/^WITH RECURSIVE$/m, 'WITH') : sql;
  const database = { bigquery: 'BigQuery', snowflake: 'Snowflake', postgres: 'PostgresQL' }[dialect];
  expect(() => new Parser().astify(text, { database })).not.toThrow();
}

test.each(models.map(([name]) => name))('%s: the columns each CTE computes are the same in PostgreSQL (which runs here), BigQuery and Snowflake', (name) => {
  const plan = (models.find(([n]) => n === name) as [string, Plan])[1];
  const columns = (dialect: SqlDialectName) =>
    [...planToSql(plan, dialect, { asOf: '2026-06-30' }).sql.matchAll(/^ {4}.* AS ([`"]?)([A-Za-z_0-9]+)\1,?$/gm)].map((m) => (m[2] as string).toLowerCase());
  expect(columns('bigquery')).toEqual(columns('postgres'));
  expect(columns('snowflake')).toEqual(columns('postgres'));
});

/** A query with its string literals and quoted names replaced by placeholders, by each dialect's lexical rules. */
function outsideLiterals(sql: string, dialect: SqlDialectName): string {
  const backslashes = dialect === 'bigquery' || dialect === 'snowflake';
  const nameQuote = dialect === 'bigquery' ? '`' : '"';
  let out = '';
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i] as string;
    if (c === '-' && sql[i + 1] === '-') {
      // A comment holds the compiler's own words and model keys: kept, and checked like code.
      const end = sql.indexOf('\n', i);
      out += sql.slice(i, end < 0 ? sql.length : end).replace(/'/g, '’');
      i = (end < 0 ? sql.length : end) - 1;
      continue;
    }
    if (c !== "'" && c !== nameQuote) {
      out += c;
      continue;
    }
    const escapes = c === "'" ? backslashes || (sql[i - 1] === 'E' && !/\w/.test(sql[i - 2] ?? '')) : dialect === 'bigquery';
    let j = i + 1;
    for (; j < sql.length; j++) {
      if (escapes && sql[j] === '\\') j++;
      else if (sql[j] === c) {
        if (!escapes && sql[j + 1] === c) j++;
        else break;
      }
    }
    expect(j, 'every literal and quoted name is closed').toBeLessThan(sql.length);
    out += c === "'" ? "'…'" : `${c}…${c}`;
    i = j;
  }
  return out;
}

const SQL_DIALECTS: readonly SqlDialectName[] = ['duckdb', 'postgres', 'bigquery', 'snowflake'];
const ENCODABLE = PAYLOADS.filter((payload) => !UNENCODABLE(payload));

describe.each(SQL_DIALECTS)('no model text reaches %s outside a literal', (dialect) => {
  test.each(ENCODABLE)('payload %j', (payload) => {
    const plan = planOf(hostileModel(payload));
    const code = outsideLiterals(planToSql(plan, dialect).sql, dialect);
    expect(code).not.toMatch(/canary|DROP|run_query|pwned/i);
  });

  test.each(ENCODABLE)('the dbt model with payload %j: no Jinja but its config and ref, properties that read back', (payload) => {
    const dbt = planToDbt(planOf(hostileModel(payload)), dialect, { upstream: 'stg_snapshots' });
    const jinja = [...dbt.sql.matchAll(/\{[{%#]/g)].length;
    expect(dbt.sql.startsWith("{{ config(materialized='table', tags=['vitals']) }}")).toBe(true);
    expect(dbt.sql).toContain("{{ ref('stg_snapshots') }}");
    expect(jinja).toBe(2);
    const properties = parseYaml(dbt.properties) as { models: { name: string; description: string; columns: { name: string }[] }[] };
    expect(properties.models[0]?.description).toContain(payload);
    expect(outsideLiterals(dbt.sql.replace(/\{\{[^}]*\}\}/g, ''), dialect)).not.toMatch(/canary|DROP|run_query/i);
  });
});

test('the PostgreSQL and Snowflake queries of a hostile model still parse (no literal was broken open)', () => {
  for (const payload of ENCODABLE) {
    const plan = planOf(hostileModel(payload));
    expectParses(planToSql(plan, 'snowflake').sql, 'snowflake');
    expectParses(planToSql(plan, 'bigquery').sql, 'bigquery');
  }
});
