import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { FIXTURES, vitals } from './support/run-cli.js';

const MODEL = 'models/lifecycle-b2b/model.yaml';
const folder = mkdtempSync(join(tmpdir(), 'vitals-sql-e2e-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('vitals sql', () => {
  test.each(['duckdb', 'postgres', 'bigquery', 'snowflake'])('--dialect %s prints one query with a CTE per stage of the model', async (dialect) => {
    const run = await vitals(['sql', MODEL, '--dialect', dialect, '--table', 'analytics.account_snapshots']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const names = [...run.stdout.matchAll(/^[`"]?([A-Za-z_0-9]+)[`"]? AS (?:MATERIALIZED )?\(/gm)].map((m) => (m[1] as string).toLowerCase());
    for (const stage of ['source', 'inputs', 'history', 'pulse', 'metric_values', 'metric_scores', 'categories', 'overall', 'hysteresis_walk', 'shown_scores', 'benchmarks', 'playbooks', 'playbooks_fired']) {
      expect(names).toContain(stage);
    }
    expect(run.stdout).toMatch(/^-- vitals: model lifecycle_b2b, sha256:[0-9a-f]{64}, for /);
    expect(run.stdout).toMatch(/WITH RECURSIVE/);
    expect(run.stdout).toMatch(/FROM ["`]?analytics["`]?\.["`]?account_snapshots["`]?/i);
  });

  test('--dialect is required and checked; a model with errors exits 1 with its diagnostics', async () => {
    expect((await vitals(['sql', MODEL])).code).toBe(2);
    const unknown = (await vitals(['sql', MODEL, '--dialect', 'oracle']));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Allowed choices are duckdb, postgres, bigquery, snowflake/);
    const broken = (await vitals(['sql', `${FIXTURES}/broken-model.yaml`, '--dialect', 'postgres']));
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toMatch(/broken-model\.yaml:\d+:\d+/);
  });

  test('a model without an as-of field that needs one asks for --as-of, and takes it', async () => {
    const model = `${FIXTURES}/pulse-without-date.yaml`;
    const missing = (await vitals(['sql', model, '--dialect', 'duckdb']));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/needs an as-of date/);
    expect((await vitals(['sql', model, '--dialect', 'duckdb', '--as-of', '2026-06-30'])).code).toBe(0);
  });

  test('--typed reads numeric, boolean and date columns as they are; --order-by numbers the rows', async () => {
    const typed = (await vitals(['sql', MODEL, '--dialect', 'postgres', '--typed', '--order-by', 'loaded_at'])).stdout;
    expect(typed).toMatch(/"snapshot_date" AS "snapshot_date__raw"/);
    expect(typed).toMatch(/"loaded_at" AS "_order"/);
    expect(typed).toMatch(/ORDER BY "_order"/);
    expect((await vitals(['sql', MODEL, '--dialect', 'postgres'])).stdout).toMatch(/CAST\("snapshot_date" AS text\)/);
  });

  test('--dbt writes the model and its properties (columns, descriptions, tests)', async () => {
    const run = await vitals(['sql', MODEL, '--dialect', 'snowflake', '--dbt', folder, '--table', 'stg_account_snapshots']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/wrote .*lifecycle_b2b\.sql and .*lifecycle_b2b\.yml/);
    const sql = readFileSync(join(folder, 'lifecycle_b2b.sql'), 'utf8');
    expect(sql.split('\n')[0]).toBe("{{ config(materialized='table', tags=['vitals']) }}");
    expect(sql).toContain("FROM {{ ref('stg_account_snapshots') }}");
    const properties = parse(readFileSync(join(folder, 'lifecycle_b2b.yml'), 'utf8')) as { version: number; models: { name: string; columns: { name: string; data_tests?: unknown[] }[] }[] };
    expect(properties.version).toBe(2);
    const columns = properties.models[0]?.columns ?? [];
    expect(columns.map((c) => c.name)).toEqual(expect.arrayContaining(['id', 'status', 'score', 'band', 'product_score', 'seat_utilisation_value', 'pulse_age_days']));
    expect(columns.find((c) => c.name === 'band')?.data_tests).toEqual([{ accepted_values: { values: ['red', 'amber', 'green'] } }]);
    const refused = (await vitals(['sql', MODEL, '--dialect', 'snowflake', '--dbt', folder, '--table', 'a-b']));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/a dbt model reads another model by its name/);
  });
});
