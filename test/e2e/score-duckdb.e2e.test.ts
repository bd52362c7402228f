import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, test } from 'vitest';
import { FIXTURES, ndjson, ROOT, vitalsAsync } from './support/run-cli.js';

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
  test.each(['csv', 'ndjson'])('--format %s, stderr and exit code', async (format) => {
    const js = await vitalsAsync(['score', model, '--data', data, '--format', format, '--engine', 'js']);
    const duckdb = await vitalsAsync(['score', model, '--data', data, '--format', format, '--engine', 'duckdb']);
    expect(js.code).toBe(0);
    expect({ code: duckdb.code, stdout: duckdb.stdout, stderr: duckdb.stderr }).toEqual({ code: js.code, stdout: js.stdout, stderr: js.stderr });
  });
});

describe('what only the JavaScript reader handles, or neither', () => {
  test('--strict stops at the same row', async () => {
    const args = ['score', 'models/lifecycle-b2b/model.yaml', '--data', `${FIXTURES}/duckdb/lifecycle-tricky.csv`, '--format', 'csv', '--strict'];
    const [js, duckdb] = await Promise.all([vitalsAsync([...args, '--engine', 'js']), vitalsAsync([...args, '--engine', 'duckdb'])]);
    expect(js.code).toBe(1);
    expect(duckdb).toEqual(js);
  });

  const SAAS = 'models/saas-seven-metrics/model.yaml';
  // The files hold a few of the model's columns: the others are read as missing, unless the test is about them.
  const both = (file: string, allowMissing = true) => {
    const args = ['score', SAAS, '--data', file, '--format', 'csv', ...(allowMissing ? ['--allow-missing-columns'] : [])];
    return Promise.all([vitalsAsync([...args, '--engine', 'js']), vitalsAsync([...args, '--engine', 'duckdb'])]);
  };

  // Found before DuckDB reads a row: the JavaScript engine scores the file, and says why (only when DuckDB was asked for).
  test.each([
    ['an unclosed quote (the rows before it are kept)', 'unclosed.csv', 'account_id,monthly_active_users\nok,3\n"never closed,4\nx,5\n', /never closed/],
    ['lone carriage-return line ends', 'old-mac.csv', 'account_id,csm_rag\rx,green\r', /lone carriage return/],
    ['bytes that are not UTF-8', 'latin1.csv', Buffer.concat([Buffer.from('account_id,monthly_active_users\ncaf'), Buffer.from([0xe9]), Buffer.from(',3\nok,4\n')]), /not UTF-8/],
  ])('%s: scored by the JavaScript engine, the same output', async (_, name, content, reason) => {
    const file = join(folder, name);
    writeFileSync(file, content);
    const [js, duckdb] = await both(file);
    const [note, ...rest] = duckdb.stderr.split('\n');
    expect(note).toMatch(reason);
    expect(note).toMatch(/scored by the JavaScript engine instead$/);
    expect({ code: duckdb.code, stdout: duckdb.stdout, stderr: rest.join('\n') }).toEqual({ code: js.code, stdout: js.stdout, stderr: js.stderr });
  });

  // The data reader checks the file first, for both engines: the same refusal, nothing on stdout.
  test.each([
    ['a column named twice in the header', 'twice.csv', 'account_id,csm_rag,csm_rag\nx,green,red\n'],
    ['a column the model reads is missing', 'missing.csv', 'account_id,monthly_active_user\nx,3\n'],
    ['a workbook saved as .csv', 'book.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00])],
  ])('%s: the same refusal', async (_, name, content) => {
    const file = join(folder, name);
    writeFileSync(file, content);
    const [js, duckdb] = await both(file, false);
    expect(js.code).toBe(2);
    expect(duckdb).toEqual(js);
  });

  test('a semicolon-separated file is read by DuckDB with the delimiter the reader found', async () => {
    const file = join(folder, 'semicolons.csv');
    writeFileSync(file, 'account_id;monthly_active_users;csm_rag\n"a;b";3;green\nc;x;red\n');
    const [js, duckdb] = await both(file);
    expect(js.stdout).toContain('a;b');
    expect(duckdb).toEqual(js);
  });

  test('--engine duckdb does not read stdin or NDJSON; --engine js does not read Parquet', async () => {
    expect((await vitalsAsync(['score', 'models/saas-seven-metrics/model.yaml', '--data', `${FIXTURES}/saas-bad-rows.ndjson`, '--engine', 'duckdb'])).stderr).toMatch(/--engine duckdb reads CSV and Parquet files/);
    expect((await vitalsAsync(['score', 'models/saas-seven-metrics/model.yaml', '--data', 'x.parquet', '--engine', 'js'])).stderr).toMatch(/score a Parquet file with --engine duckdb/);
  });

  test('a model without an as-of field that needs one asks for --as-of, with either engine', async () => {
    const run = await vitalsAsync(['score', `${FIXTURES}/pulse-without-date.yaml`, '--data', `${FIXTURES}/pulses.csv`, '--engine', 'duckdb']);
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
    const fromParquet = await vitalsAsync(['score', 'models/lifecycle-b2b/model.yaml', '--data', file, '--format', 'ndjson']);
    const fromCsv = await vitalsAsync(['score', 'models/lifecycle-b2b/model.yaml', '--data', 'models/lifecycle-b2b/sample.csv', '--format', 'ndjson', '--engine', 'js']);
    expect(fromParquet.code).toBe(0);
    const withoutLine = (rows: unknown[]) => rows.map((row) => ({ ...(row as object), line: null }));
    expect(withoutLine(ndjson(fromParquet.stdout))).toEqual(withoutLine(ndjson(fromCsv.stdout)));
    expect(fromParquet.stderr).toBe(`${file}: 25 rows: 25 scored\n`);
    expect(readFileSync(join(ROOT, 'models/lifecycle-b2b/sample.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(26);
  });
});
