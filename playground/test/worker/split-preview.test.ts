import { readdirSync, readFileSync } from 'node:fs';
import { accountKeyReader, compileModel, type HealthModel } from '@vitals/core';
import { describe, expect, test } from 'vitest';
import { rowsOfPart, WHOLE } from '../../src/worker/account-parts.js';
import { mergePreviewParts } from '../../src/worker/merge-preview.js';
import { PreviewSession, type ModelText } from '../../src/worker/preview-session.js';
import type { Preview } from '../../src/worker/protocol.js';
import { readData } from '../../src/worker/read-data.js';

/**
 * The preview scored by several workers, each a part of the accounts (`rowsOfPart`), and merged
 * on the page (`mergePreviewParts`) is exactly the preview of one worker scoring them all: every
 * example model on its sample data, and on the same data with bad rows, duplicated and
 * out-of-order snapshots added.
 */
const MODELS = new URL('../../../models/', import.meta.url);
const AS_OF = '2026-03-01';

const cases = readdirSync(MODELS).flatMap((name) =>
  readdirSync(new URL(`${name}/`, MODELS))
    .filter((file) => /^model.*\.yaml$/.test(file))
    .map((file) => ({ name: `${name}/${file}`, text: readFileSync(new URL(`${name}/${file}`, MODELS), 'utf8'), data: readFileSync(new URL(`${name}/sample.csv`, MODELS), 'utf8') })),
);

/** The sample with trouble added: a row of the wrong length, a copy of a row (a duplicate snapshot), a row moved to the end (out of order), a bad number. */
function troubled(csv: string): string {
  const [header = '', ...rows] = csv.trimEnd().split('\n');
  const [first = '', second = '', ...rest] = rows;
  return [header, second, 'short,row', ...rest, first, first, first.replace(/,(\d+)(?=,|$)/, ',lots')].join('\n');
}

function session(data: string): PreviewSession {
  const s = new PreviewSession('compiled', () => 0);
  const { info, rows } = readData('sample.csv', data);
  s.setData(info, rows);
  return s;
}

function split(data: string, source: ModelText, of: number): Preview {
  const parts = Array.from({ length: of }, (_, index) => session(data).evaluatePart(source, { index, of }).preview);
  if (!parts.every((part) => part !== null)) throw new Error('the model does not compile');
  return mergePreviewParts(parts);
}

/** Everything but how long it took and how many workers it took. */
function shown(preview: Preview | null): string {
  if (preview === null) return 'null';
  const { timings, workers, ...rest } = preview;
  return JSON.stringify(rest);
}

describe.each(cases)('$name', ({ text, data }) => {
  const source = { text, file: 'model.yaml', asOf: AS_OF };
  test.each([
    { what: 'its sample', of: 2, csv: data },
    { what: 'its sample', of: 3, csv: data },
    { what: 'its sample with bad, duplicate and out-of-order rows', of: 2, csv: troubled(data) },
  ])('$what, in $of parts: exactly the preview of one worker', ({ of, csv }) => {
    const single = session(csv).evaluate(source).preview;
    expect(single?.counts.rows).toBeGreaterThan(0);
    expect(shown(split(csv, source, of))).toBe(shown(single));
  });
});

describe('rowsOfPart', () => {
  const lifecycle = cases.find((c) => c.name === 'lifecycle-b2b/model.yaml');
  if (lifecycle === undefined) throw new Error('models/lifecycle-b2b is gone');
  const model = compileModel(lifecycle.text).model as HealthModel;
  const { rows } = readData('sample.csv', troubled(lifecycle.data));

  test('every row falls in exactly one part, in its order; every snapshot of an account in the same part', () => {
    const parts = [0, 1, 2].map((index) => rowsOfPart(rows, model.plan, { index, of: 3 }));
    expect(parts.flat().map((r) => r.row).sort((a, b) => a - b)).toEqual(rows.map((r) => r.row));
    for (const part of parts) expect(part.map((r) => r.row)).toEqual([...part.map((r) => r.row)].sort((a, b) => a - b));
    const keyOf = accountKeyReader(model.plan);
    const partOf = new Map<string, number>();
    parts.forEach((part, index) => {
      for (const row of part) {
        const key = row.record === null ? undefined : keyOf(row.record);
        if (key === undefined) continue;
        expect(partOf.get(key) ?? index).toBe(index);
        partOf.set(key, index);
      }
    });
    // The accounts shared out evenly: 3 parts of the sample's accounts differ by at most one.
    const accounts = [0, 1, 2].map((index) => [...partOf.values()].filter((p) => p === index).length);
    expect(Math.max(...accounts) - Math.min(...accounts)).toBeLessThanOrEqual(1);
  });

  test('one part is every row', () => {
    expect(rowsOfPart(rows, model.plan, WHOLE)).toEqual(rows);
  });
});
