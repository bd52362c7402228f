import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
 * values, a datetime with an offset, a doubled quote. DuckDB computes no change, pulse or override
 * and hands back no record (owner, value): it leaves those columns out, with a note, so the
 * JavaScript engine is compared on the columns DuckDB writes.
 */
const CASES: [name: string, model: string, data: string][] = [
  ['lifecycle, tricky CSV', 'models/lifecycle-b2b/model.yaml', `${FIXTURES}/duckdb/lifecycle-tricky.csv`],
  ['saas, bad rows', 'models/saas-seven-metrics/model.yaml', `${FIXTURES}/saas-bad-rows.csv`],
  ['ravenstack sample', 'models/ravenstack/model.yaml', 'models/ravenstack/sample.csv'],
];

const folder = mkdtempSync(join(tmpdir(), 'vitals-duckdb-e2e-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The columns DuckDB writes for a model (a pattern skips those it does not compute), as a `--columns` list. */
async function duckdbColumns(model: string, data: string): Promise<string[]> {
  const run = await vitals(['score', model, '--data', data, '--format', 'csv', '--engine', 'duckdb', '--columns', '*']);
  return ['--columns', run.stdout.split('\n')[0] as string];
}

const LEFT_OUT = /^vitals: DuckDB computes no .*: those columns are left out \(--engine js writes them\)\n/;

describe.each(CASES)('%s: DuckDB and JavaScript agree', (_, model, data) => {
  test.each(['csv', 'ndjson'])('--format %s, stderr and exit code', async (format) => {
    const js = await vitals(['score', model, '--data', data, '--format', format, '--engine', 'js', ...(await duckdbColumns(model, data))]);
    const duckdb = await vitals(['score', model, '--data', data, '--format', format, '--engine', 'duckdb']);
    expect(js.code).toBe(0);
    expect({ code: duckdb.code, stdout: duckdb.stdout, stderr: duckdb.stderr.replace(LEFT_OUT, '') }).toEqual({ code: js.code, stdout: js.stdout, stderr: js.stderr });
  });
});

/**
 * DuckDB hands rows over in chunks of 2,048, each column read once per chunk (the raw input columns
 * only in a chunk with a bad row): a file of several chunks, bad values, a wrong field count, blank
 * lines, long, empty, quoted and non-ASCII ids and missing values scattered across them, through
 * every output format, must read as the JavaScript engine reads it.
 */
describe('a file of several DuckDB chunks, bad rows in each', () => {
  const MODEL = 'models/saas-seven-metrics/model.yaml';
  const HEADER = 'account_id,monthly_active_users,purchased_seats,data_ingested_gb,data_ingested_gb_last_month,features_adopted,features_available,outreach_touches,outreach_target,business_reviews_attended,business_reviews_scheduled,open_tickets,ticket_target,csm_rag';
  const line = (i: number): string => {
    const id = i % 97 === 0 ? '' : i % 89 === 0 ? `"co, ${i}"` : i % 83 === 0 ? `Zürich-${i}` : i % 2 === 0 ? `a${i}` : `account-number-${String(i).padStart(9, '0')}`;
    const users = i % 701 === 0 ? 'forty' : i % 53 === 0 ? '' : String((i * 37) % 130);
    const rag = i % 1009 === 0 ? 'purple' : i % 19 === 0 ? '' : (['red', 'amber', 'green'][i % 3] as string);
    if (i % 1499 === 0) return `${id},1,2`;
    return [id, users, 20 + (i % 100), (100 + ((i * 13) % 900) / 10).toFixed(1), (100 + ((i * 7) % 900) / 10).toFixed(1), i % 21, 20, i % 10, 8, i % 3, 2, i % 8, (1 + (i % 50) / 10).toFixed(1), rag].join(',');
  };
  const rows = Array.from({ length: 4500 }, (_, i) => line(i + 1));
  rows.splice(3000, 0, '');
  const csv = join(folder, 'chunks.csv');
  writeFileSync(csv, `${HEADER}\n${rows.join('\n')}\n`);

  test.each(['csv', 'ndjson', 'json', 'table'])('--format %s, stderr and exit code', async (format) => {
    // The table writes its own columns, all of them DuckDB's.
    const columns = format === 'table' ? [] : await duckdbColumns(MODEL, csv);
    const js = await vitals(['score', MODEL, '--data', csv, '--format', format, '--engine', 'js', '--max-issues', '0', ...columns]);
    const duckdb = await vitals(['score', MODEL, '--data', csv, '--format', format, '--engine', 'duckdb', '--max-issues', '0']);
    expect(js.code).toBe(0);
    // Every kind of bad row is there, in more than one chunk.
    expect(js.stderr).toMatch(/chunks\.csv: 4,500 rows: 4,437 scored, 4 unscored, 59 invalid\n$/);
    expect(js.stderr).toMatch(/:4499: row 4497: has 3 fields; the header has 14 \[wrong-field-count\]/);
    expect(js.stderr).toMatch(/ row 4206: field monthly_active_users: .*\[not-a-number\]/);
    expect({ code: duckdb.code, stdout: duckdb.stdout, stderr: duckdb.stderr.replace(LEFT_OUT, '') }).toEqual({ code: js.code, stdout: js.stdout, stderr: js.stderr });
  });

});

describe('the columns DuckDB does not compute', () => {
  const LIFECYCLE = ['score', 'models/lifecycle-b2b/model.yaml', '--data', 'models/lifecycle-b2b/sample.csv', '--format', 'csv', '--engine', 'duckdb'];

  test('are left out by default, and a note names them', async () => {
    const run = await vitals(LIFECYCLE);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^vitals: DuckDB computes no owner, value, previous_as_of, score_delta, band_previous, band_changed, pulse, pulse_age_days, pulse_stale, override, override_reason, score_computed, band_computed: those columns are left out/);
    const header = (run.stdout.split('\n')[0] as string).split(',');
    expect(header).toContain('seat_utilisation_value');
    expect(header).not.toContain('owner');
    expect(header).not.toContain('score_delta');
  });

  test('named in --columns, they are refused (exit 2) before any row; a pattern skips them', async () => {
    const named = await vitals([...LIFECYCLE, '--columns', 'id,score,owner,pulse_stale']);
    expect(named).toMatchObject({ code: 2, stdout: '' });
    expect(named.stderr).toMatch(/--columns: DuckDB computes no owner, pulse_stale: score with --engine js for them/);
    const pattern = await vitals([...LIFECYCLE, '--columns', 'id,*_band']);
    expect(pattern.code).toBe(0);
    expect(pattern.stdout.split('\n')[0]).toBe('id,product_band,support_band,sentiment_band,seat_utilisation_band,usage_trend_band,ticket_load_band,ticket_trend_band,csm_pulse_band');
  });
});

describe('what only the JavaScript reader handles, or neither', () => {
  test('--strict stops at the same row', async () => {
    const model = 'models/lifecycle-b2b/model.yaml';
    const data = `${FIXTURES}/duckdb/lifecycle-tricky.csv`;
    const args = ['score', model, '--data', data, '--format', 'csv', '--strict', ...(await duckdbColumns(model, data))];
    const [js, duckdb] = await Promise.all([vitals([...args, '--engine', 'js']), vitals([...args, '--engine', 'duckdb'])]);
    expect(js.code).toBe(1);
    expect(duckdb).toEqual(js);
  });

  const SAAS = 'models/saas-seven-metrics/model.yaml';
  // The files hold a few of the model's columns: the others are read as missing, unless the test is about them.
  const both = (file: string, allowMissing = true) => {
    const args = ['score', SAAS, '--data', file, '--format', 'csv', ...(allowMissing ? ['--allow-missing-columns'] : [])];
    return Promise.all([vitals([...args, '--engine', 'js']), vitals([...args, '--engine', 'duckdb'])]);
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
    expect((await vitals(['score', 'models/saas-seven-metrics/model.yaml', '--data', `${FIXTURES}/saas-bad-rows.ndjson`, '--engine', 'duckdb'])).stderr).toMatch(/--engine duckdb reads CSV and Parquet files/);
    expect((await vitals(['score', 'models/saas-seven-metrics/model.yaml', '--data', 'x.parquet', '--engine', 'js'])).stderr).toMatch(/score a Parquet file with --engine duckdb/);
  });

  test('a model without an as-of field that needs one asks for --as-of, with either engine', async () => {
    const run = await vitals(['score', `${FIXTURES}/pulse-without-date.yaml`, '--data', `${FIXTURES}/pulses.csv`, '--engine', 'duckdb']);
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
    const fromParquet = await vitals(['score', 'models/lifecycle-b2b/model.yaml', '--data', file, '--format', 'ndjson']);
    const fromCsv = await vitals(['score', 'models/lifecycle-b2b/model.yaml', '--data', 'models/lifecycle-b2b/sample.csv', '--format', 'ndjson', '--engine', 'js', ...(await duckdbColumns('models/lifecycle-b2b/model.yaml', 'models/lifecycle-b2b/sample.csv'))]);
    expect(fromParquet.code).toBe(0);
    const withoutLine = (rows: unknown[]) => rows.map((row) => ({ ...(row as object), line: null }));
    expect(withoutLine(ndjson(fromParquet.stdout))).toEqual(withoutLine(ndjson(fromCsv.stdout)));
    expect(fromParquet.stderr.replace(LEFT_OUT, '')).toBe(`${file}: 25 rows: 25 scored\n`);
    expect(readFileSync(join(ROOT, 'models/lifecycle-b2b/sample.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(26);
  });
});

describe('typed Parquet columns: NaN, infinities, nulls and sizes read as the CSV reader reads their text', () => {
  // Each column of its own SQL type: DOUBLE and FLOAT may hold NaN and infinities, integer types
  // never do (the query leaves those checks out), DECIMAL may hold a fraction where an integer is asked.
  const ROWS = [
    ['a1', "'nan'::DOUBLE", "'nan'::FLOAT", '5', '7::BIGINT', '1.00', 'true'],
    ['a2', "'inf'::DOUBLE", "'-inf'::FLOAT", '-1', '9007199254740993::BIGINT', '3.50', 'false'],
    ['a3', "'-inf'::DOUBLE", '0.25::FLOAT', '2000000', '-9007199254740993::BIGINT', '-2.00', 'NULL'],
    ['a4', 'NULL', 'NULL', 'NULL', 'NULL', 'NULL', 'true'],
    ['a5', "'-0.0'::DOUBLE", '1e38::FLOAT', '0', '-7::BIGINT', '0.01', 'false'],
    ['a6', '1e308::DOUBLE', '0.1::FLOAT', '100', '9007199254740991::BIGINT', '12.00', 'true'],
    ['a7', '2.5::DOUBLE', '0.3::FLOAT', '42', '0::BIGINT', '7.00', 'true'],
  ];
  const MODEL = `${FIXTURES}/duckdb/typed-inputs.yaml`;

  test('DuckDB over the Parquet file gives, row for row, what JavaScript gives over the same rows as CSV', async () => {
    const [parquet, csv] = [join(folder, 'typed.parquet'), join(folder, 'typed.csv')];
    const values = ROWS.map(([id, ...rest]) => `('${id}', ${rest.join(', ')})`).join(', ');
    const select = `SELECT account_id, ratio::DOUBLE AS ratio, share::FLOAT AS share, count::INTEGER AS count, big::BIGINT AS big, cents::DECIMAL(10, 2) AS cents, flag::BOOLEAN AS flag FROM (VALUES ${values}) AS t(account_id, ratio, share, count, big, cents, flag)`;
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`COPY (${select}) TO '${parquet}' (FORMAT parquet)`);
    await connection.run(`COPY (SELECT * FROM '${parquet}') TO '${csv}' (FORMAT csv, HEADER)`);
    const types = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM '${parquet}'`)).getRowsJS().map(([name, type]) => `${String(name)}:${String(type)}`);
    connection.closeSync();
    instance.closeSync();
    expect(types).toEqual(['account_id:VARCHAR', 'ratio:DOUBLE', 'share:FLOAT', 'count:INTEGER', 'big:BIGINT', 'cents:DECIMAL(10,2)', 'flag:BOOLEAN']);
    expect(readFileSync(csv, 'utf8')).toMatch(/^a1,nan,nan,5,7,1\.00,true$/m);
    const duckdb = await vitals(['score', MODEL, '--data', parquet, '--format', 'ndjson']);
    const js = await vitals(['score', MODEL, '--data', csv, '--format', 'ndjson', '--engine', 'js', ...(await duckdbColumns(MODEL, csv))]);
    expect(duckdb.code).toBe(0);
    // The issue's message quotes the field (a CSV's text, a typed value's own spelling): its field and code must agree.
    const comparable = (rows: unknown[]) =>
      rows.map((row) => {
        const { line: _line, issues, ...rest } = row as { line: unknown; status: string; issues: { field: string; code: string }[] };
        return { ...rest, issues: issues.map(({ field, code }) => ({ field, code })) };
      });
    const [fromParquet, fromCsv] = [comparable(ndjson(duckdb.stdout)), comparable(ndjson(js.stdout))];
    expect(fromParquet).toEqual(fromCsv);
    const codes = fromCsv.flatMap((row) => row.issues.map((i) => `${i.field}: ${i.code}`));
    expect(codes).toEqual(expect.arrayContaining(['ratio: not-a-number', 'share: not-a-number', 'count: below-minimum', 'count: above-maximum', 'big: integer-too-large', 'cents: not-an-integer']));
    expect(fromCsv.filter((row) => row.status === 'scored')).toHaveLength(2);
  });
});

describe('--memory-limit', () => {
  const SAAS = ['score', 'models/saas-seven-metrics/model.yaml', '--data', `${FIXTURES}/saas-bad-rows.csv`, '--format', 'csv', '--engine', 'duckdb'];

  test('a limit the query fits in gives the same output as none', async () => {
    const [limited, free] = [await vitals([...SAAS, '--memory-limit', '1GB']), await vitals(SAAS)];
    expect(limited.code).toBe(0);
    expect({ stdout: limited.stdout, stderr: limited.stderr }).toEqual({ stdout: free.stdout, stderr: free.stderr });
  });

  test('a limit the query does not fit in is a clear error (exit 2), no stack trace, and no spill folder left in the working directory', async () => {
    const cwd = mkdtempSync(join(folder, 'cwd-'));
    const run = await vitals(['score', join(ROOT, 'models/lifecycle-b2b/model.yaml'), '--data', join(ROOT, 'models/lifecycle-b2b/sample.csv'), '--format', 'csv', '--engine', 'duckdb', '--memory-limit', '1MB'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/vitals: DuckDB ran out of memory \(--memory-limit 1MB\) after 0 rows: raise --memory-limit, or score with --engine js/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(cwd)).toEqual([]);
  });

  test('a size DuckDB would not read, or the JavaScript engine, is refused before any row', async () => {
    const bad = await vitals([...SAAS, '--memory-limit', '2gigs']);
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toMatch(/--memory-limit: expected a size such as 2GB or 512MB \(got "2gigs"\)/);
    const js = await vitals([...SAAS.slice(0, -1), 'js', '--memory-limit', '1GB']);
    expect(js).toMatchObject({ code: 2, stdout: '' });
    expect(js.stderr).toMatch(/--memory-limit applies to DuckDB: use it with --engine duckdb or auto/);
  });
});
