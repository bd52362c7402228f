import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, test } from 'vitest';
import { FIXTURES, ndjson, ROOT, vitals } from './support/run-cli.js';

/**
 * `vitals score --engine duckdb` gives what the JavaScript engine gives — every output format,
 * byte for byte, the bad-row reports on stderr and the exit code — on the example models and on
 * CSV files built to trip a reader: a BOM and CRLF line ends, blank and whitespace-only lines, a
 * quoted line break, a row with the wrong field count, refused snapshots, bad values, loose enum
 * values, a datetime with an offset, a doubled quote.
 */
const CASES: [name: string, model: string, data: string][] = [
  ['lifecycle, tricky CSV', 'models/lifecycle-b2b/model.yaml', `${FIXTURES}/duckdb/lifecycle-tricky.csv`],
  ['saas, bad rows', 'models/saas-seven-metrics/model.yaml', `${FIXTURES}/saas-bad-rows.csv`],
  ['ravenstack sample', 'models/ravenstack/model.yaml', 'models/ravenstack/sample.csv'],
];

const folder = mkdtempSync(join(tmpdir(), 'vitals-duckdb-e2e-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe.each(CASES)('%s: DuckDB and JavaScript agree', (_, model, data) => {
  test.each(['csv', 'ndjson'])('--format %s, stderr and exit code', (format) => {
    const js = vitals(['score', model, '--data', data, '--format', format, '--engine', 'js']);
    const duckdb = vitals(['score', model, '--data', data, '--format', format, '--engine', 'duckdb']);
    expect(js.code).toBe(0);
    expect({ code: duckdb.code, stdout: duckdb.stdout, stderr: duckdb.stderr }).toEqual({ code: js.code, stdout: js.stdout, stderr: js.stderr });
  });
});

describe('what only the JavaScript reader handles, or neither', () => {
  test('--strict stops at the same row', () => {
    const args = ['score', 'models/lifecycle-b2b/model.yaml', '--data', `${FIXTURES}/duckdb/lifecycle-tricky.csv`, '--format', 'csv', '--strict'];
    const [js, duckdb] = [vitals([...args, '--engine', 'js']), vitals([...args, '--engine', 'duckdb'])];
    expect(js.code).toBe(1);
    expect(duckdb).toEqual(js);
  });

  test('an unclosed quote stops both with the same message and line', () => {
    const file = join(folder, 'unclosed.csv');
    writeFileSync(file, 'account_id,monthly_active_users\nok,3\n"never closed,4\nx,5\n');
    const [js, duckdb] = [vitals(['score', 'models/saas-seven-metrics/model.yaml', '--data', file, '--engine', 'js']), vitals(['score', 'models/saas-seven-metrics/model.yaml', '--data', file, '--engine', 'duckdb'])];
    expect(js.code).toBe(2);
    expect(duckdb.code).toBe(2);
    expect(duckdb.stderr).toBe(js.stderr);
    expect(js.stderr).toContain(`${file}:3: not valid CSV`);
  });

  test('a column named twice in the header stops both with the same message', () => {
    const file = join(folder, 'twice.csv');
    writeFileSync(file, 'account_id,csm_rag,csm_rag\nx,green,red\n');
    const [js, duckdb] = [vitals(['score', 'models/saas-seven-metrics/model.yaml', '--data', file, '--engine', 'js']), vitals(['score', 'models/saas-seven-metrics/model.yaml', '--data', file, '--engine', 'duckdb'])];
    expect(duckdb.code).toBe(2);
    expect(duckdb.stderr).toBe(js.stderr);
  });

  test('lines that end with a lone carriage return are left to the JavaScript engine, with a hint', () => {
    const file = join(folder, 'old-mac.csv');
    writeFileSync(file, 'account_id,csm_rag\rx,green\r');
    const run = vitals(['score', 'models/saas-seven-metrics/model.yaml', '--data', file, '--engine', 'duckdb']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/lone carriage return: score it with --engine js/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test('--engine duckdb does not read stdin or NDJSON; --engine js does not read Parquet', () => {
    expect(vitals(['score', 'models/saas-seven-metrics/model.yaml', '--data', `${FIXTURES}/saas-bad-rows.ndjson`, '--engine', 'duckdb']).stderr).toMatch(/--engine duckdb reads CSV and Parquet files/);
    expect(vitals(['score', 'models/saas-seven-metrics/model.yaml', '--data', 'x.parquet', '--engine', 'js']).stderr).toMatch(/score a Parquet file with --engine duckdb/);
  });

  test('a model without an as-of field that needs one asks for --as-of, with either engine', () => {
    const run = vitals(['score', `${FIXTURES}/pulse-without-date.yaml`, '--data', `${FIXTURES}/pulses.csv`, '--engine', 'duckdb']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/pass --as-of YYYY-MM-DD/);
  });
});

describe('Parquet, read by DuckDB with its column types', () => {
  test('a Parquet file of the lifecycle sample scores as its CSV does (rows have no line)', async () => {
    const file = join(folder, 'lifecycle.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    // Typed columns, as a warehouse export has them: dates as DATE, counts as integers, the rest as text.
    await connection.run(`COPY (SELECT * FROM read_csv('${join(ROOT, 'models/lifecycle-b2b/sample.csv')}', header = true)) TO '${file}' (FORMAT parquet)`);
    const types = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM '${file}'`)).getRowsJS().map(([name, type]) => `${String(name)}:${String(type)}`);
    connection.closeSync();
    instance.closeSync();
    expect(types).toContain('snapshot_date:DATE');
    expect(types).toContain('active_users:BIGINT');
    const fromParquet = vitals(['score', 'models/lifecycle-b2b/model.yaml', '--data', file, '--format', 'ndjson']);
    const fromCsv = vitals(['score', 'models/lifecycle-b2b/model.yaml', '--data', 'models/lifecycle-b2b/sample.csv', '--format', 'ndjson', '--engine', 'js']);
    expect(fromParquet.code).toBe(0);
    const withoutLine = (rows: unknown[]) => rows.map((row) => ({ ...(row as object), line: null }));
    expect(withoutLine(ndjson(fromParquet.stdout))).toEqual(withoutLine(ndjson(fromCsv.stdout)));
    expect(fromParquet.stderr).toBe(`${file}: 25 rows: 25 scored\n`);
    expect(readFileSync(join(ROOT, 'models/lifecycle-b2b/sample.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(26);
  });
});
