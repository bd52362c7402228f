import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { expectValid, FIXTURES, ndjson, ROOT, vitals } from './support/run-cli.js';

const SAAS = 'models/saas-seven-metrics/model.yaml';
const withSamples = readdirSync(join(ROOT, 'models'))
  .filter((name) => existsSync(join(ROOT, 'models', name, 'model.yaml')) && existsSync(join(ROOT, 'models', name, 'sample.csv')))
  .sort();

/** Data rows of a CSV file as the CLI counts them: the header and blank lines are not rows. */
async function csvRows(path: string): Promise<number> {
  const run = (await vitals(['score', path.replace(/sample\.csv$/, 'model.yaml'), '--data', path, '--format', 'csv']));
  return run.stdout.trimEnd().split('\n').length - 1;
}

type Row = { row: number; line: number | null; id: string | null; status: string; issues: { field: string | null; code: string }[] };

describe('vitals score on the example models', () => {
  test.each(withSamples)('%s: one NDJSON row per sample row, in order, each matching score-row.schema.json', async (name) => {
    const run = (await vitals(['score', `models/${name}/model.yaml`, '--data', `models/${name}/sample.csv`, '--format', 'ndjson']));
    expect(run.code).toBe(0);
    const rows = ndjson(run.stdout) as Row[];
    // The sample files have no quoted line breaks: every non-blank line after the header is a row.
    const lines = readFileSync(join(ROOT, 'models', name, 'sample.csv'), 'utf8').split('\n').filter((line) => line.trim() !== '');
    expect(rows).toHaveLength(lines.length - 1);
    expect(rows.map((r) => r.row)).toEqual(rows.map((_, i) => i + 1));
    for (const row of rows) expectValid('score-row', row);
    expect(run.stderr).toMatch(new RegExp(`models/${name}/sample\\.csv: ${rows.length} rows: `));
  });

  test('--format json is one document matching score.schema.json, with the same rows as NDJSON', async () => {
    const json = (await vitals(['score', SAAS, '--data', 'models/saas-seven-metrics/sample.csv', '--format', 'json']));
    const lines = (await vitals(['score', SAAS, '--data', 'models/saas-seven-metrics/sample.csv', '--format', 'ndjson']));
    const document = JSON.parse(json.stdout) as { rows: unknown[]; summary: { rows: number } };
    expectValid('score', document);
    expect(document.rows).toEqual((ndjson(lines.stdout) as Record<string, unknown>[]).map(({ format_version: _v, ...row }) => row));
    expect(document.summary.rows).toBe(document.rows.length);
  });

  test('--format csv and table: a header and one line per row', async () => {
    const rows = (await csvRows('models/saas-seven-metrics/sample.csv'));
    const table = (await vitals(['score', SAAS, '--data', 'models/saas-seven-metrics/sample.csv']));
    expect(table.code).toBe(0);
    expect(table.stdout.trimEnd().split('\n')).toHaveLength(rows + 2);
    expect(table.stdout.split('\n')[0]).toMatch(/^\s+row\s+id\s+as_of\s+score\s+band\s+product\s+engagement\s+sentiment\s+gap\s+playbooks/);
  });
});

describe('bad rows are reported with their row number and field; the rest is still scored', () => {
  test('CSV: row numbers count data rows, lines count the file (blank lines and multi-line fields included)', async () => {
    const file = `${FIXTURES}/saas-bad-rows.csv`;
    const run = (await vitals(['score', SAAS, '--data', file, '--format', 'ndjson']));
    expect(run.code).toBe(0);
    const rows = ndjson(run.stdout) as Row[];
    expect(rows.map((r) => [r.row, r.line, r.id, r.status])).toEqual([
      [1, 2, 'good-1', 'scored'],
      [2, 3, 'bad-number', 'invalid'],
      [3, 5, null, 'invalid'],
      [4, 6, 'bad-enum', 'invalid'],
      [5, 7, null, 'invalid'],
      [6, 8, 'quoted\nacross lines', 'scored'],
      [7, 10, 'good-2', 'scored'],
      [8, 11, 'negative', 'invalid'],
    ]);
    expect(rows[4]?.issues).toEqual([{ field: null, code: 'wrong-field-count', message: 'has 3 fields; the header has 14' }]);
    expect(run.stderr.split('\n')).toEqual([
      `${file}:3: row 2: field monthly_active_users: \`monthly_active_users\` is not a number (got "forty") [not-a-number]`,
      `${file}:5: row 3: field account_id: \`account_id\` is required but empty [missing-required]`,
      `${file}:6: row 4: field csm_rag: \`csm_rag\` is not one of red, amber, green (got "purple") [not-in-enum]`,
      `${file}:7: row 5: has 3 fields; the header has 14 [wrong-field-count]`,
      `${file}:11: row 8: field monthly_active_users: \`monthly_active_users\` is below its minimum 0 (got "-5") [below-minimum]`,
      `${file}: 8 rows: 3 scored, 5 invalid`,
      '',
    ]);
  });

  test('NDJSON: a line that is not JSON, or not an object, is a bad row; blank lines are skipped', async () => {
    const file = `${FIXTURES}/saas-bad-rows.ndjson`;
    const run = (await vitals(['score', SAAS, '--data', file, '--format', 'ndjson']));
    expect(run.code).toBe(0);
    const rows = ndjson(run.stdout) as Row[];
    expect(rows.map((r) => [r.row, r.line, r.status, r.issues.map((i) => `${i.field}:${i.code}`)])).toEqual([
      [1, 1, 'scored', []],
      [2, 2, 'invalid', ['null:bad-json']],
      [3, 4, 'invalid', ['null:not-an-object']],
      [4, 5, 'invalid', ['purchased_seats:not-a-number']],
      [5, 6, 'scored', []],
    ]);
    expect(run.stderr).toContain(`${file}:2: row 2: is not valid JSON`);
  });

  test('a JSON array streams element by element; rows are positions in the array, lines where each element starts', async () => {
    const file = `${FIXTURES}/saas-rows.json`;
    const run = (await vitals(['score', SAAS, '--data', file, '--format', 'ndjson']));
    const rows = ndjson(run.stdout) as Row[];
    expect(rows.map((r) => [r.row, r.line, r.status])).toEqual([
      [1, 2, 'scored'],
      [2, 18, 'scored'],
      [3, 34, 'invalid'],
      [4, 35, 'invalid'],
    ]);
    expect(run.stderr).toContain(`${file}:35: row 4: field features_adopted: \`features_adopted\` is not a whole number (got "2.5") [not-an-integer]`);
  });

  test('--strict: the first bad row is fatal (exit 1); the rows before it are written', async () => {
    const run = (await vitals(['score', SAAS, '--data', `${FIXTURES}/saas-bad-rows.csv`, '--format', 'ndjson', '--strict']));
    expect(run.code).toBe(1);
    expect((ndjson(run.stdout) as Row[]).map((r) => r.row)).toEqual([1, 2]);
    expect(run.stderr).toMatch(/row 2: field monthly_active_users.*\nvitals: stopped at row 2 \(--strict\)\n$/);
  });

  test('data from stdin needs --input-format', async () => {
    const csv = readFileSync(join(ROOT, 'models/saas-seven-metrics/sample.csv'), 'utf8');
    const run = (await vitals(['score', SAAS, '--data', '-', '--input-format', 'csv', '--format', 'csv'], { input: csv }));
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n').length - 1).toBe((await csvRows('models/saas-seven-metrics/sample.csv')));
    expect((await vitals(['score', SAAS, '--data', '-'], { input: csv })).stderr).toBe('vitals: reading data from stdin needs --input-format csv|tsv|ndjson|json\n');
  });
});

describe('files that cannot be scored: one line on stderr, exit 2 (a broken model: exit 1)', () => {
  test.each([
    ['an empty data file', [SAAS, '--data', `${FIXTURES}/empty.csv`], 2, `vitals: ${FIXTURES}/empty.csv is empty: expected a header row and data rows\n`],
    ['a missing data file', [SAAS, '--data', `${FIXTURES}/no-such.csv`], 2, `vitals: cannot read ${FIXTURES}/no-such.csv: no such file\n`],
    ['a data file of unknown format', [SAAS, '--data', 'README.md'], 2, 'vitals: cannot tell the format of README.md from its extension: use --input-format csv|tsv|ndjson|json\n'],
    ['a missing model', ['no/model.yaml', '--data', `${FIXTURES}/saas-bad-rows.csv`], 2, 'vitals: cannot read no/model.yaml: no such file\n'],
  ])('%s', async (_name, args, code, stderr) => {
    const run = (await vitals(['score', ...args]));
    expect(run.code).toBe(code);
    expect(run.stderr).toBe(stderr);
    expect(run.stdout).toBe('');
  });

  test('a broken model: its errors on stderr, nothing scored, exit 1', async () => {
    const run = (await vitals(['score', `${FIXTURES}/broken-model.yaml`, '--data', `${FIXTURES}/saas-bad-rows.csv`]));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${FIXTURES}/broken-model.yaml:16:20 error unknown-name`);
    expect(run.stderr).toMatch(/vitals: test\/e2e\/fixtures\/broken-model\.yaml has 3 errors; nothing was scored\n$/);
  });

  test('a model that needs an as-of date and has no as-of field: asked for once (exit 2); --as-of gives it', async () => {
    const args = ['score', `${FIXTURES}/pulse-without-date.yaml`, '--data', `${FIXTURES}/pulses.csv`, '--format', 'ndjson'];
    const without = (await vitals(args));
    expect(without.code).toBe(2);
    expect(without.stdout).toBe('');
    expect(without.stderr).toBe('vitals: this model needs an as-of date (for pulse age, overrides, history or cooldowns) and has no as-of field: pass --as-of YYYY-MM-DD\n');
    const withDate = (await vitals([...args, '--as-of', '2026-11-01']));
    expect(withDate.code).toBe(0);
    // p1's pulse is 12 days old on 2026-11-01 (fresh, 85); p2's is 92 days old (stale, excluded: no data).
    expect((ndjson(withDate.stdout) as { id: string; as_of: string; status: string; score: number | null }[]).map((r) => [r.id, r.as_of, r.status, r.score])).toEqual([
      ['p1', '2026-11-01', 'scored', 85],
      ['p2', '2026-11-01', 'unscored', null],
    ]);
  });
});

describe('dates at their limits, on the command line', () => {
  const args = ['score', `${FIXTURES}/renewal-runway.yaml`, '--data', `${FIXTURES}/renewal-runway.csv`, '--format', 'ndjson'];
  type RunwayRow = Row & { score: number | null; categories: Record<string, { score: number | null }> };

  test('a date pushed past 9999-12-31 is missing, and the rows after it are scored', async () => {
    const run = (await vitals(args));
    expect(run.code).toBe(0);
    const rows = ndjson(run.stdout) as RunwayRow[];
    // a2's term of a billion days: its runway is missing, usage alone scores it (coverage 0.5).
    expect(rows.map((r) => [r.id, r.status, r.categories['contract']?.score ?? null])).toEqual([
      ['a1', 'scored', 100],
      ['a2', 'scored', null],
      ['a3', 'scored', 30],
      ['a4', 'scored', 70],
    ]);
    expect(run.stderr).toBe(`${FIXTURES}/renewal-runway.csv: 4 rows: 4 scored\n`);
  });

  test('a datetime without a zone is the date it names, whatever the machine\'s time zone', async () => {
    // Signed 2026-01-01 at 23:30, 59 days: renewal 2026-03-01, 29 days after a3's last login (under
    // 30: scores 30) and 30 after a4's (70). Read in Los Angeles time it would be a day later.
    const outputs = await Promise.all(['Pacific/Kiritimati', 'America/Los_Angeles'].map(async (TZ) => (await vitals(args, { env: { TZ } })).stdout));
    expect(new Set(outputs).size).toBe(1);
    expect((ndjson(outputs[0] as string) as RunwayRow[]).slice(2).map((r) => r.categories['contract']?.score)).toEqual([30, 70]);
  });
});
