import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { expectValid, ndjson, vitals } from './support/run-cli.js';

/** Real exports, read as they are: columns checked against the model, delimiters, files that are not text, files that break off. */
const SAAS = 'models/saas-seven-metrics/model.yaml';
const DATA = 'test/fixtures/data';
type Row = { row: number; line: number; id: string | null; status: string; score: number | null; issues: { field: string | null; code: string }[] };

const rowsOf = (stdout: string) => (ndjson(stdout) as Row[]).map((r) => [r.row, r.line, r.id, r.status, r.score, r.issues.map((i) => `${i.field}:${i.code}`).join(' ')]);
/** The first five accounts of the seven-metric sample, as the comma-separated file scores them. */
const SAMPLE_SCORES = [
  [1, 2, 'acme-logistics', 'scored', 77.3, ''],
  [2, 3, 'birchwood-dental', 'scored', 68.89, ''],
  [3, 4, 'cobalt-freight', 'scored', 64.25, ''],
  [4, 5, 'dunmore-labs', 'scored', 10.89, ''],
  [5, 6, 'eastgate-hotels', 'scored', 77.48, ''],
];

describe('the header is checked against the columns the model reads, before the first row', () => {
  test('every missing column in one error, each with its place in the model and the header name it most likely is; nothing on stdout, exit 2', async () => {
    const run = await vitals(['score', SAAS, '--data', `${DATA}/missing-columns.csv`, '--format', 'ndjson']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      [
        `vitals: ${DATA}/missing-columns.csv lacks 2 columns the model reads:`,
        `  ${SAAS}:25:3 input \`purchased_seats\` reads column \`purchased_seats\`, which the file lacks — did you mean \`Purchased Seats\`?`,
        `  ${SAAS}:36:3 input \`csm_rag\` reads column \`csm_rag\`, which the file lacks — did you mean \`CSM RAG\`?`,
        '  (--allow-missing-columns reads them as missing in every row)',
        '',
      ].join('\n'),
    );
  });

  test('a header split with the wrong delimiter says which delimiter it looks like', async () => {
    const run = await vitals(['score', SAAS, '--data', `${DATA}/semicolon.csv`, '--delimiter', ',', '--format', 'csv']);
    expect([run.code, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toContain(`vitals: ${DATA}/semicolon.csv lacks 14 columns the model reads:`);
    expect(run.stderr).toContain("\n  the header looks ';'-separated: try --delimiter ';'\n  (--allow-missing-columns reads them as missing in every row)\n");
  });

  test('--allow-missing-columns scores anyway, each missing column read as missing', async () => {
    const run = await vitals(['score', SAAS, '--data', `${DATA}/missing-columns.csv`, '--format', 'ndjson', '--allow-missing-columns']);
    expect(run.code).toBe(0);
    expect(rowsOf(run.stdout).map((r) => r[3])).toEqual(['unscored', 'unscored', 'unscored', 'unscored', 'unscored']);
  });

  test.each([
    ['score', []],
    ['report', []],
    ['score --explain', ['--explain', 'aldgate-partners']],
  ])('a typo in pulse.recorded_at is caught by %s: the role names the column', async (command, extra) => {
    const run = await vitals([...command.split(' ').slice(0, 1), 'test/e2e/fixtures/pulse-date-typo.yaml', '--data', 'models/csm-sentiment-pulse/sample.csv', ...extra]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('pulse-date-typo.yaml:90:16 pulse date `sentiment_dat` reads column `sentiment_dat`, which the file lacks — did you mean `sentiment_date`?');
  });

  test('NDJSON has no header: a field no row has is a warning at the end, and the rows are scored', async () => {
    const run = await vitals(['score', 'test/e2e/fixtures/pulse-date-typo.yaml', '--data', `${DATA}/pulse-snapshots.ndjson`, '--format', 'ndjson']);
    expect(run.code).toBe(0);
    expect(ndjson(run.stdout)).toHaveLength(6);
    expect(run.stderr).toContain(
      'vitals: warning: test/e2e/fixtures/pulse-date-typo.yaml:90:16 pulse date `sentiment_dat` reads column `sentiment_dat`, which none of the 6 rows has (each read it as missing) — did you mean `sentiment_date`?',
    );
  });
});

describe('delimiters and encodings: the same accounts, the same scores', () => {
  test.each([
    ['`;` found in the header', [`${DATA}/semicolon.csv`]],
    ['`;` given', [`${DATA}/semicolon.csv`, '--delimiter', ';']],
    ['.tsv by its extension', [`${DATA}/tabs.tsv`]],
    ['tabs found in the header of a .txt read as CSV', [`${DATA}/tabs.txt`, '--input-format', 'csv']],
    ['--input-format tsv', [`${DATA}/tabs.txt`, '--input-format', 'tsv']],
    ['UTF-16 with a byte-order mark (Excel’s Unicode Text)', [`${DATA}/utf16.txt`, '--input-format', 'tsv']],
  ])('%s', async (_name, data) => {
    const run = await vitals(['score', SAAS, '--format', 'ndjson', '--data', ...data]);
    expect(run.stderr).toMatch(/: 5 rows: 5 scored\n$/);
    expect(rowsOf(run.stdout)).toEqual(SAMPLE_SCORES);
  });

  test('a delimiter that is not one character is a usage error', async () => {
    const run = await vitals(['score', SAAS, '--data', `${DATA}/semicolon.csv`, '--delimiter', ';;']);
    expect([run.code, run.stderr]).toEqual([2, 'vitals: --delimiter must be one character (or tab, comma, semicolon, pipe), got ";;"\n']);
  });
});

describe('a file that is not text is named for what it is (by its first bytes, whatever its name); exit 2', () => {
  test.each([
    ['workbook.csv', 'this looks like an Excel workbook (.xlsx), not CSV: save it as CSV (in Excel: File › Save As › CSV UTF-8) and read that'],
    ['legacy.csv', 'this looks like an Excel 97–2003 workbook (.xls) or another Office file, not CSV: save it as CSV (in Excel: File › Save As › CSV UTF-8) and read that'],
    ['report.csv', 'this looks like a PDF document: export the table as CSV'],
    ['compressed.csv', 'this looks like a gzip-compressed file: decompress it first (gunzip)'],
    ['archive.csv', 'this looks like a zip archive: unzip it and read the CSV inside'],
  ])('%s', async (file, message) => {
    const run = await vitals(['score', SAAS, '--data', `${DATA}/${file}`, '--format', 'json']);
    expect([run.code, run.stdout, run.stderr]).toEqual([2, '', `vitals: ${DATA}/${file}: ${message}\n`]);
  });
});

describe('a file that breaks off: the complete rows before the break are scored and written, the output stays one document, then the error with its place (exit 2)', () => {
  test.each([
    ['an unclosed CSV quote', 'unclosed-quote.csv', 3, `${DATA}/unclosed-quote.csv:5:14: a quoted field starts here and is never closed; the 3 rows before it were read`],
    ['a JSON array never closed', 'unclosed-array.json', 4, `${DATA}/unclosed-array.json:6:351: the array is never closed: the file ends inside record 5, which starts on line 6`],
  ])('%s', async (_name, file, rows, message) => {
    const json = await vitals(['score', SAAS, '--data', `${DATA}/${file}`, '--format', 'json']);
    expect(json.code).toBe(2);
    const document = JSON.parse(json.stdout) as { rows: Row[]; summary: { rows: number }; data_error: { message: string } };
    expectValid('score', document);
    expect(document.rows.map((r) => [r.row, r.id, r.status, r.score])).toEqual(SAMPLE_SCORES.slice(0, rows).map((r) => [r[0], r[2], r[3], r[4]]));
    expect(document.summary.rows).toBe(rows);
    expect(json.stderr).toBe(`vitals: ${message}\n`);
    const csv = await vitals(['score', SAAS, '--data', `${DATA}/${file}`, '--format', 'csv']);
    expect([csv.code, csv.stdout.trimEnd().split('\n').length - 1]).toEqual([2, rows]);
  });

  test('report refuses to summarise part of a file', async () => {
    const run = await vitals(['report', SAAS, '--data', `${DATA}/unclosed-quote.csv`]);
    expect([run.code, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toContain('3 rows: 3 scored before the error below; no report');
  });

  test('a stray quote that closes lines later costs one row, named with the lines it swallowed', async () => {
    const run = await vitals(['score', SAAS, '--data', `${DATA}/stray-quote.csv`, '--format', 'ndjson']);
    expect(run.code).toBe(0);
    expect(rowsOf(run.stdout).map((r) => r.slice(0, 4))).toEqual([
      [1, 2, 'acme-logistics', 'scored'],
      [2, 3, null, 'invalid'],
      [3, 6, 'eastgate-hotels', 'scored'],
    ]);
    expect(run.stderr).toContain(`${DATA}/stray-quote.csv:3: row 2: has 15 fields; the header has 14 (it runs over lines 3–5: a stray quote?) [wrong-field-count]`);
  });
});

describe('ids exactly as written', () => {
  test.each(['long-ids.ndjson', 'long-ids.json'])('20-digit numeric ids in %s stay two accounts, digit for digit', async (file) => {
    const run = await vitals(['score', SAAS, '--data', `${DATA}/${file}`, '--format', 'ndjson']);
    expect(run.code).toBe(0);
    expect(rowsOf(run.stdout).map((r) => r[2])).toEqual(['12345678901234567890', '12345678901234567891']);
  });

  test('bytes that are not UTF-8 in an id make the row bad (not a silent U+FFFD); in a column the model does not read, they do not', async () => {
    const run = await vitals(['score', SAAS, '--data', `${DATA}/latin1-bytes.csv`, '--format', 'ndjson']);
    expect(rowsOf(run.stdout).map((r) => r.slice(2))).toEqual([
      ['acme-logistics', 'scored', 77.3, ''],
      [null, 'invalid', null, 'account_id:not-utf8'],
      ['cobalt-freight', 'scored', 64.25, ''],
    ]);
    expect(run.stderr).toContain(`${DATA}/latin1-bytes.csv:3: row 2: field account_id: has bytes that are not UTF-8`);
  });
});

test('long cells are read in one pass, and one past the limit is a bad row, not a stall', async () => {
  // The old readers took about 54 s on one 200 KB cell (quadratic regular expressions): with three
  // such cells the process would be killed at the time-out below. One pass takes milliseconds.
  const header = readFileSync(join(process.cwd(), 'models/saas-seven-metrics/sample.csv'), 'utf8').split('\n')[0] as string;
  const row = (id: string, users: string) => `${id},${users},50,100,90,5,10,4,4,1,1,1,2,green`;
  const file = join(mkdtempSync(join(tmpdir(), 'vitals-cells-')), 'long-cells.csv');
  const long = 500_000;
  writeFileSync(
    file,
    [header, row('digits', `${'1'.repeat(long)}x`), row('spaces', ` 1${' '.repeat(long)}1`), row(`a${' '.repeat(long)}b `, '7'), row('huge', '9'.repeat(1024 * 1024 + 1)), row('after', '40')].join('\n'),
  );
  const run = await vitals(['score', SAAS, '--data', file, '--format', 'ndjson', '--max-issues', '0'], { timeout: 60_000 });
  expect(run.code).toBe(0);
  expect(rowsOf(run.stdout).map((r) => [r[0], r[3], r[5]])).toEqual([
    [1, 'invalid', 'monthly_active_users:not-a-number'],
    [2, 'invalid', 'monthly_active_users:not-a-number'],
    [3, 'scored', ''],
    [4, 'invalid', 'monthly_active_users:cell-too-long'],
    [5, 'scored', ''],
  ]);
  expect(run.stderr).toContain(':5: row 4: field monthly_active_users: is longer than 1,048,576 characters, the most a cell may hold (see the data limits in docs/cli.md) [cell-too-long]');
});
