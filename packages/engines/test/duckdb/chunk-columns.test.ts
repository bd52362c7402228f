import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, test } from 'vitest';
import { ChunkColumns } from '../../src/duckdb/chunk-columns.js';

/**
 * `ChunkColumns` reads a chunk's columns from DuckDB's vectors itself (typed arrays, the validity
 * mask, the string layout): every value must be what `@duckdb/node-api`'s `getItem` gives (a value
 * object as its text), over several chunks, NULLs past the first 64 rows, text inline and not,
 * non-ASCII text, enums of one and two bytes, dates far from 1970, and types read through `getItem`.
 */
const COLUMNS: [name: string, sql: string][] = [
  ['double', "CASE WHEN i % 7 = 0 THEN NULL WHEN i % 11 = 0 THEN '-0.0'::DOUBLE WHEN i % 13 = 0 THEN 'nan'::DOUBLE WHEN i % 17 = 0 THEN '-inf'::DOUBLE ELSE i / 3.0 - 700 END::DOUBLE"],
  ['integer', 'CASE WHEN i % 5 = 0 THEN NULL ELSE (i * 7919) % 100000 - 50000 END::INTEGER'],
  ['short_text', "CASE WHEN i % 9 = 0 THEN NULL WHEN i % 4 = 0 THEN '' ELSE 'r' || i END"],
  ['long_text', "CASE WHEN i % 6 = 0 THEN NULL ELSE 'account-number-' || lpad(CAST(i AS VARCHAR), 9, '0') END"],
  ['unicode', "CASE i % 4 WHEN 0 THEN 'Zürich' WHEN 1 THEN 'café au lait, très chaud — ☕ s''il vous plaît' WHEN 2 THEN '😀' ELSE 'naïve' END"],
  ['enum_small', "CAST(CASE WHEN i % 8 = 0 THEN NULL ELSE ['red', 'amber', 'green'][1 + i % 3] END AS ENUM('red', 'amber', 'green'))"],
  ['enum_wide', 'CAST(CASE WHEN i % 10 = 0 THEN NULL ELSE CAST(i % 300 AS VARCHAR) END AS wide)'],
  ['date', "CASE WHEN i % 12 = 0 THEN NULL WHEN i % 50 = 1 THEN DATE '0044-03-15' WHEN i % 50 = 2 THEN 'infinity'::DATE ELSE DATE '1969-12-01' + CAST(i % 400 AS INTEGER) END"],
  ['bigint', 'CASE WHEN i % 3 = 0 THEN NULL ELSE i * 9007199254740 END::BIGINT'],
  ['flag', 'CASE WHEN i % 4 = 0 THEN NULL ELSE i % 2 = 0 END'],
  ['cents', 'CAST((i % 1000) / 100.0 AS DECIMAL(10, 2))'],
];
const ROWS = 5000;

async function readBoth(): Promise<{ ours: unknown[][]; theirs: unknown[][]; chunks: number }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`CREATE TYPE wide AS ENUM (${Array.from({ length: 300 }, (_, i) => `'${i}'`).join(', ')})`);
    const result = await connection.stream(`SELECT ${COLUMNS.map(([name, sql]) => `${sql} AS ${name}`).join(', ')} FROM range(${ROWS}) AS t(i) ORDER BY i`);
    const columns = new ChunkColumns(result.columnTypes());
    const ours: unknown[][] = COLUMNS.map(() => []);
    const theirs: unknown[][] = COLUMNS.map(() => []);
    let chunks = 0;
    for (let chunk = await result.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
      chunks++;
      columns.load(chunk);
      COLUMNS.forEach((_, c) => {
        ours[c]?.push(...columns.column(c));
        const vector = chunk.getColumnVector(c);
        for (let r = 0; r < chunk.rowCount; r++) {
          const value = vector.getItem(r);
          theirs[c]?.push(value !== null && typeof value === 'object' ? String(value) : value);
        }
      });
    }
    return { ours, theirs, chunks };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('ChunkColumns', async () => {
  const { ours, theirs, chunks } = await readBoth();

  test('the query spans several chunks', () => {
    expect(chunks).toBeGreaterThan(2);
  });

  test.each(COLUMNS.map(([name], c) => [name, c] as const))('%s: every value as getItem gives it', (_, c) => {
    expect(ours[c]).toHaveLength(ROWS);
    expect(ours[c]).toEqual(theirs[c]);
    // Object.is: -0 and NaN as they are, not merely equal.
    expect((ours[c] as unknown[]).every((value, r) => Object.is(value, (theirs[c] as unknown[])[r]))).toBe(true);
  });

  test('each kind of value is there (NULLs, -0, NaN, text inline and not, dates before 1970)', () => {
    const all = ours.flat();
    expect(all).toContain(null);
    expect(all.some((v) => Object.is(v, -0))).toBe(true);
    expect(all.some((v) => Number.isNaN(v))).toBe(true);
    expect(all).toContain('account-number-000004999');
    expect(all).toContain('😀');
    expect(all).toContain('299');
    expect(all).toContain('1969-12-01');
    expect(all).toContain('0044-03-15');
  });

  test('a column is read when asked for, and again for the next chunk', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const result = await connection.stream(`SELECT i::DOUBLE AS x FROM range(3000) AS t(i) ORDER BY i`);
    const columns = new ChunkColumns(result.columnTypes());
    const firsts: unknown[] = [];
    for (let chunk = await result.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
      columns.load(chunk);
      firsts.push(columns.column(0)[0], columns.column(0).length);
    }
    connection.closeSync();
    instance.closeSync();
    expect(firsts).toEqual([0, 2048, 2048, 952]);
  });
});
