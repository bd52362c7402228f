import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileModel, type HealthModel, type ScoreSummary } from '@vitals/core';
import { readRows } from '@vitals/data';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ByteChunk } from '../../src/io/byte-chunk.js';
import { writeNumber } from '../../src/render/csv-bytes.js';
import { csvLine } from '../../src/render/csv-field.js';
import { scoreColumns, type ScoreColumn } from '../../src/render/score-columns.js';
import { rowResult, type ScoredRow } from '../../src/render/score-row.js';
import { rowWriter } from '../../src/render/score-writers.js';
import { selectColumns } from '../../src/render/select-columns.js';

/**
 * `--format csv` writes each row straight into the output's bytes (csv-bytes.ts). These tests hold
 * it to the general renderer, `csvLine` over each column's CSV value, encoded as stdout encodes
 * a string: byte for byte, on every example model, the hostile fixtures and generated text.
 */
const MODELS = fileURLToPath(new URL('../../../../models/', import.meta.url));
const HOSTILE = fileURLToPath(new URL('../fixtures/hostile-text/', import.meta.url));

function numberBytes(value: number): string {
  const out = new ByteChunk(64);
  writeNumber(out, value);
  return out.take().toString('latin1');
}

describe('writeNumber', () => {
  test.each([0, -0, 1, -1, 42.03, -3.62, 0.1, 0.3, 1e-6, 1.5e-6, 1e-7, 123456789.123456, 1e14 + 0.5, 2 ** 53, -(2 ** 53) - 2, 1e21, 1.7976931348623157e308, 5e-324, Infinity, -Infinity, NaN, 0.1 + 0.2, 99.995, 1 / 3])(
    'writes %s as String() does',
    (value) => {
      expect(numberBytes(value)).toBe(String(value));
    },
  );

  test('writes any double, and any decimal of up to 8 places, as String() does', () => {
    const decimal = fc.tuple(fc.integer({ min: -(10 ** 15), max: 10 ** 15 }), fc.integer({ min: 0, max: 8 })).map(([units, places]) => units / 10 ** places);
    fc.assert(
      fc.property(fc.oneof(fc.double(), decimal, fc.integer()), (value) => numberBytes(value) === String(value)),
      { numRuns: 20_000 },
    );
  });
});

/** Each row through the writer's byte path, and through the general renderer. */
function bothWays(model: HealthModel, rows: readonly ScoredRow<ScoreSummary>[], raw: boolean, columns: readonly ScoreColumn[]): [Buffer, Buffer] {
  const writer = rowWriter('csv', model.plan, { csvRaw: raw, columns });
  const fast = new ByteChunk(256);
  fast.text(writer.begin());
  let general = csvLine(columns.map((c) => c.name));
  for (const row of rows) {
    writer.rowInto?.(row, fast);
    const result = rowResult(row);
    general += csvLine(
      columns.map((c) => c.csv(result, row.data)),
      raw,
    );
  }
  return [fast.take(), Buffer.from(general, 'utf8')];
}

function scoredRows(model: HealthModel, input: Buffer | string, format: 'csv' | 'ndjson'): ScoredRow<ScoreSummary>[] {
  const scorer = model.summaryScorer({ asOf: '2026-06-30' });
  return readRows(input, { format, columns: model.columns }).rows.map((data) => ({ data, result: data.record === null ? null : scorer.score(data.record) }));
}

function compiled(file: string): HealthModel {
  const { model } = compileModel(readFileSync(file, 'utf8'), { file });
  if (model === undefined) throw new Error(`${file} does not compile`);
  return model;
}

/** `--columns` selections: the default, a few a user would write, and the columns in reverse. */
function selections(model: HealthModel): [string, readonly ScoreColumn[]][] {
  const all = scoreColumns(model.plan);
  const picked = (spec: string) => selectColumns(all, spec).columns;
  return [
    ['every column', all],
    ['id,score,band', picked('id,score,band')],
    ['issues,*_value,id', picked('issues,*_value,id')],
    ['reversed', [...all].reverse()],
  ];
}

const EXAMPLES = readdirSync(MODELS)
  .filter((name) => existsSync(join(MODELS, name, 'sample.csv')))
  .sort();

describe.each(EXAMPLES)('models/%s: --format csv from bytes', (name) => {
  const model = compiled(join(MODELS, name, 'model.yaml'));
  const rows = scoredRows(model, readFileSync(join(MODELS, name, 'sample.csv')), 'csv');
  test.each(selections(model))('is the general renderer byte for byte (%s, with and without --csv-raw)', (_label, columns) => {
    for (const raw of [false, true]) {
      const [fast, general] = bothWays(model, rows, raw, columns);
      expect(fast.toString('utf8').split('\n').length).toBeGreaterThan(rows.length);
      expect(fast.equals(general)).toBe(true);
    }
  });
});

describe('hostile text: --format csv from bytes', () => {
  const model = compiled(join(HOSTILE, 'model.yaml'));

  test.each(selections(model))('the hostile fixture rows are the general renderer byte for byte (%s)', (_label, columns) => {
    const rows = scoredRows(model, readFileSync(join(HOSTILE, 'rows.ndjson')), 'ndjson');
    for (const raw of [false, true]) {
      const [fast, general] = bothWays(model, rows, raw, columns);
      expect(fast.toString('utf8')).toBe(general.toString('utf8'));
      expect(fast.equals(general)).toBe(true);
    }
  });

  test('formulas, quotes, control characters, non-Latin-1 text and lone surrogates in ids, stage and pulse reason', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary' }),
      fc.constantFrom('=HYPERLINK("x")', '+1', '-2+3', '-42', '@SUM(A1)', '\tx', '\r=1', 'a,b', 'say "hi"', 'two\nlines', 'naïve', '日本語', 'emoji 😀', '\ud800 lone', '\x1b[31mred'),
    );
    const all = scoreColumns(model.plan);
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), fc.boolean(), (ids, raw) => {
        const input = ids.map((id, i) => JSON.stringify({ account_id: id, snapshot_date: `2026-01-${String(i + 10)}`, usage: i / 7, stage: id, segment: id, pulse: 'sad', pulse_date: '2026-01-02', override_score: 45, override_reason: id, override_set_at: '2026-01-01' })).join('\n');
        const [fast, general] = bothWays(model, scoredRows(model, input, 'ndjson'), raw, all);
        return fast.equals(general);
      }),
      { numRuns: 100 },
    );
  });

  test('counts the cells it neutralised, as the general renderer would mark them', () => {
    const rows = scoredRows(model, readFileSync(join(HOSTILE, 'rows.ndjson')), 'ndjson');
    const writer = rowWriter('csv', model.plan);
    const out = new ByteChunk(256);
    for (const row of rows) writer.rowInto?.(row, out);
    const marked = out.take().toString('utf8').split(`"'`).length - 1;
    expect(marked).toBeGreaterThan(0);
    expect(writer.notice?.()).toMatch(new RegExp(`^vitals: ${marked} CSV cells? began with`));
  });
});
