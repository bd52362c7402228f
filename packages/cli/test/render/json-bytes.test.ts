import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HealthModel, ScoreSummary } from '@vitals/core';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ByteChunk } from '../../src/io/byte-chunk.js';
import { writeJson } from '../../src/render/json-bytes.js';
import { jsonRowInto } from '../../src/render/json-row-bytes.js';
import { jsonRow, scoreColumns, type JsonValue, type ScoreColumn } from '../../src/render/score-columns.js';
import { rowResult, SCORE_FORMAT_VERSION, type ScoredRow } from '../../src/render/score-row.js';
import { rowWriter } from '../../src/render/score-writers.js';
import { compiled, EXAMPLES, HOSTILE, hostileRecords, hostileText, scoredRows, selections } from '../support/score-rows.js';

/**
 * `--format ndjson` and `--format json` write each row straight into the output's bytes
 * (json-bytes.ts, json-row-bytes.ts). These tests hold them to the general renderer,
 * `JSON.stringify(jsonRow(…))`, encoded as stdout encodes a string: byte for byte, on every
 * example model, the hostile fixtures, `--columns` selections and generated text and numbers.
 */

function jsonBytes(value: unknown): Buffer {
  const out = new ByteChunk(64);
  writeJson(out, value);
  return out.take();
}

/** What the general renderer's bytes are: the string JSON.stringify gives, encoded as a stream encodes it. */
const stringified = (value: unknown): Buffer => Buffer.from(JSON.stringify(value), 'utf8');

describe('writeJson', () => {
  test.each([
    ['plain', 'acme-001 Ltd.'],
    ['empty', ''],
    ['a quote', 'say "hi"'],
    ['a backslash', 'C:\\temp'],
    ['a slash (left as it is)', '</script>'],
    ['the short escapes', '\b\f\n\r\t'],
    ['other control characters', '\0\x01\x1b[31m\x1f'],
    ['DEL and C1 controls (left as they are)', '\x7f\x80\x9b'],
    ['non-ASCII text', 'naïve 日本語'],
    ['an astral character', 'emoji 😀'],
    ['U+2028 and U+2029 (left as they are)', 'a\u2028b\u2029c'],
    ['a lone high surrogate', 'x\ud800y'],
    ['a lone low surrogate at the end', 'x\udfff'],
    ['surrogates the wrong way round', '\udc00\ud800'],
    ['escapes after plain text', 'plain then "quoted"'],
  ])('a string: %s', (_label, text) => {
    expect(jsonBytes(text).equals(stringified(text))).toBe(true);
  });

  test.each([0, -0, 1, -1, 42.03, -3.62, 0.1, 1e-7, 1e21, 2 ** 53, 5e-324, 1.7976931348623157e308, NaN, Infinity, -Infinity, 1 / 3])('the number %s', (value) => {
    expect(jsonBytes(value).toString('latin1')).toBe(JSON.stringify(value));
  });

  test.each([
    ['true', true],
    ['false', false],
    ['null', null],
    ['an empty list', []],
    ['a list of text', ['a', 'b "c"', '\u2028', '\ud800']],
    ['a list with a number', ['a', 1]],
    ['a list with a hole', ['a', undefined]],
    ['issues', [{ field: 'usage', code: 'not-a-number', message: 'usage is "forty\x1b[2J"', value: 'forty\x1b[2J' }]],
    ['an issue without a field', [{ field: null, code: 'bad-json', message: 'could not be read', value: undefined }]],
  ])('%s', (_label, value) => {
    expect(jsonBytes(value).equals(stringified(value))).toBe(true);
  });

  test('any text, number or JSON value is JSON.stringify byte for byte', () => {
    const value = fc.oneof(hostileText, fc.double(), fc.integer(), fc.array(hostileText, { maxLength: 4 }), fc.jsonValue(), fc.constantFrom(null, true, false));
    fc.assert(
      fc.property(value, (v) => jsonBytes(v).equals(stringified(v))),
      { numRuns: 5_000 },
    );
  });
});

/** A writer's rows through its byte path, and through the general renderer. */
function bothWays(format: 'ndjson' | 'json', model: HealthModel, rows: readonly ScoredRow<ScoreSummary>[], columns: readonly ScoreColumn[]): [Buffer, Buffer] {
  const writer = rowWriter(format, model.plan, { columns });
  const fast = new ByteChunk(256);
  let general = '';
  for (const [i, row] of rows.entries()) {
    writer.rowInto?.(row, fast);
    const object = jsonRow(columns, rowResult(row), row.data);
    general += format === 'ndjson' ? `${JSON.stringify({ format_version: SCORE_FORMAT_VERSION, ...object })}\n` : `${i === 0 ? '' : ','}\n${JSON.stringify(object)}`;
  }
  return [fast.take(), Buffer.from(general, 'utf8')];
}

const FORMATS = ['ndjson', 'json'] as const;

describe('jsonRowInto', () => {
  const column = (name: string, path: readonly string[], value: unknown): ScoreColumn => ({ name, path, group: null, sql: true, json: () => value as JsonValue, csv: () => null });
  const result = rowResult({ data: { row: 1, line: 2, record: null }, result: null });

  test.each([
    ['undefined first', [column('a', ['a'], undefined), column('b', ['b'], 1)]],
    ['undefined between', [column('a', ['a'], 'x'), column('b', ['b'], undefined), column('c', ['c'], 2)]],
    ['undefined last, nested', [column('a', ['n', 'a'], true), column('b', ['n', 'b'], undefined)]],
    ['a nested key placed twice keeps its first place, the last value', [column('a', ['n', 'a'], 1), column('b', ['m'], 2), column('c', ['n', 'c'], 3), column('a2', ['n', 'a'], 4)]],
  ])('leaves out a key whose value is undefined, as JSON.stringify does; nests as jsonRow does (%s)', (_label, columns) => {
    const out = new ByteChunk(64);
    jsonRowInto(columns)(result, { row: 1, line: 2, record: null }, out);
    expect(out.take().toString('utf8')).toBe(JSON.stringify(jsonRow(columns, result, { row: 1, line: 2, record: null })));
  });
});

describe.each(EXAMPLES)('models/$name: --format ndjson and json from bytes', (example) => {
  const model = compiled(example.model);
  const rows = scoredRows(model, readFileSync(example.sample), 'csv');
  test.each(selections(model))('is the general renderer byte for byte (%s)', (_label, columns) => {
    for (const format of FORMATS) {
      const [fast, general] = bothWays(format, model, rows, columns);
      expect(fast.toString('utf8').split('\n').length).toBeGreaterThan(rows.length);
      expect(fast.equals(general)).toBe(true);
    }
  });
});

describe('hostile text: --format ndjson and json from bytes', () => {
  const model = compiled(join(HOSTILE, 'model.yaml'));
  const rows = scoredRows(model, readFileSync(join(HOSTILE, 'rows.ndjson')), 'ndjson');

  test.each(selections(model))('the hostile fixture rows are the general renderer byte for byte (%s)', (_label, columns) => {
    for (const format of FORMATS) {
      const [fast, general] = bothWays(format, model, rows, columns);
      expect(fast.toString('utf8')).toBe(general.toString('utf8'));
      expect(fast.equals(general)).toBe(true);
    }
  });

  test('the fixture reaches every kind of value: escapes, groups present and absent, issues', () => {
    const [fast] = bothWays('ndjson', model, rows, scoreColumns(model.plan));
    const text = fast.toString('utf8');
    for (const part of ['\\u001b', '\\n', '\\"', '\u202e', '"change":null', '"pulse":{', '"override":{', '"override":null', '"issues":[{']) expect(text).toContain(part);
  });

  test('generated text in ids, stage, segment and override reason, and generated numbers', () => {
    const all = scoreColumns(model.plan);
    const usage = fc.oneof(fc.double(), fc.integer(), fc.double({ min: 0, max: 1 }), hostileText);
    fc.assert(
      fc.property(fc.array(hostileText, { minLength: 1, maxLength: 6 }), fc.array(usage, { minLength: 1, maxLength: 6 }), fc.constantFrom(...FORMATS), (texts, usages, format) => {
        const [fast, general] = bothWays(format, model, scoredRows(model, hostileRecords(texts, usages), 'ndjson'), all);
        return fast.equals(general);
      }),
      { numRuns: 150 },
    );
  });
});
