import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HealthModel, ScoreSummary } from '@vitals/core';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ByteChunk } from '../../src/io/byte-chunk.js';
import { csvLine } from '../../src/render/csv-field.js';
import { scoreColumns, type ScoreColumn } from '../../src/render/score-columns.js';
import { rowResult, type ScoredRow } from '../../src/render/score-row.js';
import { rowWriter } from '../../src/render/score-writers.js';
import { compiled, EXAMPLES, HOSTILE, hostileRecords, hostileText, scoredRows, selections } from '../support/score-rows.js';

/**
 * `--format csv` writes each row straight into the output's bytes (csv-bytes.ts). These tests hold
 * it to the general renderer, `csvLine` over each column's CSV value, encoded as stdout encodes
 * a string: byte for byte, on every example model, the hostile fixtures and generated text.
 */

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

describe.each(EXAMPLES)('models/$name: --format csv from bytes', (example) => {
  const model = compiled(example.model);
  const rows = scoredRows(model, readFileSync(example.sample), 'csv');
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

  test('formulas, quotes, control characters, non-Latin-1 text and lone surrogates in ids, stage, segment and override reason', () => {
    const all = scoreColumns(model.plan);
    fc.assert(
      fc.property(fc.array(hostileText, { minLength: 1, maxLength: 6 }), fc.boolean(), (texts, raw) => {
        const input = hostileRecords(texts, texts.map((_t, i) => i / 7));
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
