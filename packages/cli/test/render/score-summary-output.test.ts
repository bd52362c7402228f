import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileModel, type HealthModel, type ScoreSummary } from '@vitals/core';
import { readRows } from '@vitals/data';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { csvField, csvLine } from '../../src/render/csv-field.js';
import type { ScoredRow } from '../../src/render/score-row.js';
import { rowWriter, type ScoreFormat } from '../../src/render/score-writers.js';

/**
 * `vitals score` writes its rows from the summary scorer (no explanation built); every format must
 * come out byte for byte as it does from the full results, on every example model's sample.
 */
const MODELS = fileURLToPath(new URL('../../../../models/', import.meta.url));
const EXAMPLES = readdirSync(MODELS)
  .filter((name) => existsSync(join(MODELS, name, 'sample.csv')))
  .sort();
const FORMATS: ScoreFormat[] = ['csv', 'ndjson', 'json', 'table'];

function output(model: HealthModel, format: ScoreFormat, sample: Buffer, summary: boolean): string {
  const { rows } = readRows(sample, { format: 'csv', columns: model.columns });
  const scorer = summary ? model.summaryScorer({ asOf: '2026-06-30' }) : model.scorer({ asOf: '2026-06-30' });
  const writer = rowWriter(format, model.plan);
  const counts = { rows: 0, scored: 0, unscored: 0, invalid: 0 };
  let text = writer.begin();
  for (const data of rows) {
    const scored: ScoredRow<ScoreSummary> = { data, result: data.record === null ? null : scorer.score(data.record) };
    counts.rows++;
    counts[scored.result?.status ?? 'invalid']++;
    text += writer.row(scored);
  }
  return text + writer.end(counts, null);
}

describe.each(EXAMPLES)('models/%s: the outputs from the summary scorer', (name) => {
  const { model } = compileModel(readFileSync(join(MODELS, name, 'model.yaml'), 'utf8'), { file: `${name}/model.yaml` });
  const sample = readFileSync(join(MODELS, name, 'sample.csv'));
  test.each(FORMATS)('--format %s is byte for byte the output from full results', (format) => {
    if (model === undefined) throw new Error(`${name} does not compile`);
    const fromSummary = output(model, format, sample, true);
    expect(fromSummary.split('\n').length).toBeGreaterThan(10);
    expect(fromSummary).toBe(output(model, format, sample, false));
  });
});

describe('CSV fields', () => {
  test('a number is written as String(number), however many distinct numbers pass', () => {
    const numbers = fc.oneof(fc.double({ noNaN: true }), fc.integer({ min: -10_000, max: 10_000 }).map((n) => n / 100), fc.integer());
    fc.assert(fc.property(fc.array(numbers, { maxLength: 200 }), (values) => values.every((v) => csvField(v) === String(v) && csvField(v) === String(v))), { numRuns: 1_000 });
    const wrong = Array.from({ length: 70_000 }, (_, i) => i / 7).filter((v) => csvField(v) !== String(v));
    expect(wrong).toEqual([]);
  });

  test('a line reads back as its fields (RFC 4180), quotes, commas and line breaks included', () => {
    const field = fc.oneof(fc.string(), fc.constantFrom('a,b', 'say "hi"', 'two\nlines', 'cr\r', '', ' padded '));
    fc.assert(
      fc.property(fc.array(field, { minLength: 1, maxLength: 8 }), (fields) => {
        const [read] = parse(csvLine(fields, true), { relax_column_count: true }) as string[][];
        expect(read).toEqual(fields);
      }),
      { numRuns: 500 },
    );
  });
});
