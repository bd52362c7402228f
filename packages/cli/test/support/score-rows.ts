import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileModel, type HealthModel, type ScoreSummary } from '@vitals/core';
import { readRows } from '@vitals/data';
import fc from 'fast-check';
import { scoreColumns, type ScoreColumn } from '../../src/render/score-columns.js';
import type { ScoredRow } from '../../src/render/score-row.js';
import { selectColumns } from '../../src/render/select-columns.js';

/**
 * Scored rows for the byte writers' tests (csv-bytes, json-bytes), which hold each writer to its
 * general renderer on the example models, the hostile fixtures and generated text.
 */
const MODELS = fileURLToPath(new URL('../../../../models/', import.meta.url));
export const HOSTILE = fileURLToPath(new URL('../fixtures/hostile-text/', import.meta.url));

/** The example models with sample data, as `models/<name>/model.yaml` and `sample.csv`. */
export const EXAMPLES = readdirSync(MODELS)
  .filter((name) => existsSync(join(MODELS, name, 'sample.csv')))
  .sort()
  .map((name) => ({ name, model: join(MODELS, name, 'model.yaml'), sample: join(MODELS, name, 'sample.csv') }));

export function compiled(file: string): HealthModel {
  const { model } = compileModel(readFileSync(file, 'utf8'), { file });
  if (model === undefined) throw new Error(`${file} does not compile`);
  return model;
}

/** Each row of a data file (or text) with the summary `vitals score` writes. */
export function scoredRows(model: HealthModel, input: Buffer | string, format: 'csv' | 'ndjson'): ScoredRow<ScoreSummary>[] {
  const scorer = model.summaryScorer({ asOf: '2026-06-30' });
  return readRows(input, { format, columns: model.columns }).rows.map((data) => ({ data, result: data.record === null ? null : scorer.score(data.record) }));
}

/** `--columns` selections: the default, a few a user would write, and the columns in reverse. */
export function selections(model: HealthModel): [string, readonly ScoreColumn[]][] {
  const all = scoreColumns(model.plan);
  const picked = (spec: string) => selectColumns(all, spec).columns;
  return [
    ['every column', all],
    ['id,score,band', picked('id,score,band')],
    ['issues,*_value,id', picked('issues,*_value,id')],
    ['pulse,override_reason,score_delta,id', picked('pulse,override_reason,score_delta,id')],
    ['reversed', [...all].reverse()],
  ];
}

/**
 * Text an export may hold and an output must get right: formulas, quotes, backslashes, control
 * characters, DEL, non-Latin-1 text, U+2028/2029, astral characters and lone surrogates.
 */
export const hostileText = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) }),
  fc.string({ unit: fc.constantFrom('"', '\\', '/', '\n', '\r', '\t', '\b', '\f', '\0', '\x1f', '\x7f', '\x9b', '\u2028', '\u2029', '\ud800', '\udfff', '😀', 'é', 'a', ',', '=') }),
  fc.constantFrom('=HYPERLINK("x")', '+1', '-2+3', '-42', '@SUM(A1)', '\tx', '\r=1', 'a,b', 'say "hi"', 'back\\slash', 'two\nlines', 'naïve', '日本語', 'emoji 😀', '\ud800 lone', 'x\udc00', '\x1b[31mred', 'line\u2028sep', '</script>'),
);

/**
 * NDJSON records of the hostile fixture's model with generated text in every text field it
 * writes back (id, stage, segment, override reason) and a generated usage (a number of any size,
 * or text).
 */
export function hostileRecords(texts: readonly string[], usages: readonly (number | string)[]): string {
  return texts
    .map((text, i) =>
      JSON.stringify({
        account_id: text,
        snapshot_date: `2026-01-${String(i + 10)}`,
        usage: usages[i % usages.length],
        stage: text,
        segment: text,
        pulse: 'sad',
        pulse_date: '2026-01-02',
        override_score: 45,
        override_reason: text,
        override_set_at: '2026-01-01',
      }),
    )
    .join('\n');
}
