import { compile } from '@vitals/core';
import { describe, expect, test } from 'vitest';
import { csvField, csvLine } from '../../src/render/csv-field.js';
import type { ScoredRow } from '../../src/render/score-row.js';
import { rowWriter, type ScoreFormat } from '../../src/render/score-writers.js';

const model = compile(
  `
vitals: 1
model: tiny
scale: { min: 0, max: 100 }
bands: [{ name: red, below: 50 }, { name: green }]
data: { id: account }
inputs: { account: { type: string, required: true }, usage: { type: number } }
categories: { product: { weight: 1 } }
metrics: { usage: { category: product, value: usage, score: { linear: { from: 0, to: 1 } } } }
`,
  { file: 'tiny.yaml' },
);

const scored = (row: number, record: Record<string, unknown> | null): ScoredRow => ({
  data: record === null ? { row, line: row + 1, record: null, problem: { code: 'bad-json', message: 'not valid JSON' } } : { row, line: row + 1, record },
  result: record === null ? null : model.evaluate(record),
});

function write(format: ScoreFormat, rows: ScoredRow[], csvRaw = false): string {
  const writer = rowWriter(format, model.plan, { csvRaw });
  const counts = { rows: rows.length, scored: rows.filter((r) => r.result?.status === 'scored').length, unscored: 0, invalid: rows.filter((r) => r.result?.status !== 'scored').length };
  return writer.begin() + rows.map((r) => writer.row(r)).join('') + writer.end(counts);
}

const rows = [scored(1, { account: 'a, "quoted"', usage: 0.75 }), scored(2, { account: 'b', usage: 'lots' }), scored(3, null)];

describe('score writers', () => {
  test.each([[[]], [rows]])('--format json is one valid JSON document, however many rows (%#)', (input) => {
    const document = JSON.parse(write('json', input)) as { format_version: number; rows: unknown[]; summary: { rows: number } };
    expect(document.format_version).toBe(1);
    expect(document.rows).toHaveLength(input.length);
    expect(document.summary.rows).toBe(input.length);
  });

  test('--format ndjson: a line per row, each with format_version; an unreadable row keeps its row and line', () => {
    const lines = write('ndjson', rows).trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.format_version, l.row, l.line, l.status, l.score])).toEqual([
      [1, 1, 2, 'scored', 75],
      [1, 2, 3, 'invalid', null],
      [1, 3, 4, 'invalid', null],
    ]);
    expect(lines[2]?.issues).toEqual([{ field: null, code: 'bad-json', message: 'not valid JSON' }]);
  });

  test('--format csv quotes what needs quoting and joins lists', () => {
    expect(write('csv', rows).split('\n').slice(0, 3)).toEqual([
      'row,line,id,as_of,status,reason,score,band,coverage,product_score,product_band,stage,segment,benchmark,gap,below_benchmark,playbooks,usage_value,usage_score,usage_band,issues',
      '1,2,"a, ""quoted""",,scored,,75,green,1,75,green,,,,,,,0.75,75,green,',
      '2,3,b,,invalid,,,,,,,,,,,,,,,,usage: not-a-number',
    ]);
  });

  test('--format csv: a text cell a spreadsheet would run as a formula is text, numbers stay numbers', () => {
    const hostile = ['=HYPERLINK("http://evil.example")', '+1+1', '-2+3', '@SUM(A1)', '-42'].map((account, i) => scored(i + 1, { account, usage: 0.25 }));
    const ids = (csv: string) => csv.split('\n').slice(1, -1).map((line) => line.split(',')[2]);
    expect(ids(write('csv', hostile))).toEqual(['"\'=HYPERLINK(""http://evil.example"")"', '"\'+1+1"', '"\'-2+3"', '"\'@SUM(A1)"', '-42']);
    expect(ids(write('csv', hostile, true))).toEqual(['"=HYPERLINK(""http://evil.example"")"', '+1+1', '-2+3', '@SUM(A1)', '-42']);
  });

  test('--format csv says on stderr how many cells it neutralised (nothing under --csv-raw)', () => {
    const rows = [scored(1, { account: '=1+1', usage: 0.5 }), scored(2, { account: '@x', usage: 0.5 }), scored(3, { account: 'plain', usage: 0.5 })];
    const notice = (raw: boolean) => {
      const writer = rowWriter('csv', model.plan, { csvRaw: raw });
      for (const row of rows) writer.row(row);
      return writer.notice?.();
    };
    expect(notice(false)).toMatch(/^vitals: 2 CSV cells began with =, \+, -, @, a tab or a CR, so a spreadsheet would run them as a formula: written as text, with a leading ' \(--csv-raw writes them as they are\)$/);
    expect(notice(true)).toBeUndefined();
  });

  test('--format table: fixed columns from the model, so it streams', () => {
    const [head, rule, first] = write('table', rows).split('\n');
    expect(head).toBe('   row  id                as_of         score  band   product      gap  playbooks / issues');
    expect(rule?.startsWith('──────  ────────────────')).toBe(true);
    // row 6 wide, id 16, as_of 10, score 7 (right), band 5, product 7 (right), two spaces between
    expect(first).toBe(`     1  a, "quoted"${' '.repeat(5 + 2 + 10 + 2 + 5)}75  green${' '.repeat(2 + 5)}75`);
  });
});

test.each([
  [null, ''],
  ['plain', 'plain'],
  [12.5, '12.5'],
  [false, 'false'],
  ['a,b', '"a,b"'],
  ['say "hi"', '"say ""hi"""'],
  ['two\nlines', '"two\nlines"'],
  ['=1+1', '"\'=1+1"'],
  ['-3.62 points', '"\'-3.62 points"'],
  ['-3.62', '-3.62'],
  [-3.62, '-3.62'],
  ['+1e3', '+1e3'],
  ['@acme', '"\'@acme"'],
  ['\tx', '"\'\tx"'],
  ['\r=1', '"\'\r=1"'],
  ['a=1', 'a=1'],
])('csvField(%j) is %j', (value, expected) => {
  expect(csvField(value)).toBe(expected);
  expect(csvLine([value, value])).toBe(`${expected},${expected}\n`);
});

describe('--format table, the last column', () => {
  const sparse = compile(
    `
vitals: 1
model: sparse
scale: { min: 0, max: 100 }
bands: [{ name: red, below: 50 }, { name: green }]
data: { id: account }
inputs: { account: { type: string, required: true }, usage: { type: number }, logins: { type: number } }
categories: { product: { weight: 1 } }
metrics:
  usage: { category: product, value: usage, score: identity }
  logins: { category: product, value: logins, score: identity }
missing: { policy: exclude, min_coverage: 0.9 }
playbooks:
  no_data: { when: coverage < 0.9, priority: high, action: Ask for the usage export. }
`,
    { file: 'sparse.yaml' },
  );
  const last = (record: Record<string, unknown>) => {
    const writer = rowWriter('table', sparse.plan);
    return writer.row({ data: { row: 1, line: 2, record }, result: sparse.evaluate(record) }).trimEnd().split(/ {2,}/).at(-1);
  };

  test('an unscored row shows why, then the playbooks that fired on it', () => {
    expect(last({ account: 'a', usage: 80 })).toBe('(unscored: insufficient-coverage) no_data');
  });

  test('an invalid row shows its issues', () => {
    expect(last({ account: 'a', usage: 'x', logins: 20 })).toBe('usage: not-a-number');
  });
});
