import { describe, expect, test } from 'vitest';
import { planToSql } from '@vitals/core';
import { duckDbColumnKinds } from '@vitals/engines';
import { planOf } from '../support/evaluators.js';

/**
 * How the DuckDB engine takes a typed column (Parquet): as it is when its type fits the input,
 * with only the checks its type leaves possible. Whether the answers agree with the CSV reader's
 * is the e2e suite's to check (score-duckdb: typed Parquet columns); this pins which checks go.
 */
const plan = planOf(`
vitals: 1
model: kinds
bands: [{ name: low, below: 50 }, { name: high }]
inputs:
  count: { type: integer, min: 0 }
  ratio: { type: number }
  label: { type: string }
categories: { main: { weight: 1 } }
metrics:
  m: { category: main, value: count, score: { expr: "1" } }
`);

const kindOf = (type: string, input = 'count') => duckDbColumnKinds(plan, new Map([[input, type]]))[input];

describe('a typed column of an integer or number input', () => {
  test.each([
    ['TINYINT', 'small-whole'],
    ['SMALLINT', 'small-whole'],
    ['INTEGER', 'small-whole'],
    ['UTINYINT', 'small-whole'],
    ['USMALLINT', 'small-whole'],
    ['UINTEGER', 'small-whole'],
    ['BIGINT', 'whole'],
    ['UBIGINT', 'whole'],
    ['HUGEINT', 'whole'],
    ['DOUBLE', 'typed'],
    ['DECIMAL(10,2)', 'typed'],
    ['FLOAT', 'text'],
    ['VARCHAR', 'text'],
  ])('%s is read as %s', (type, kind) => {
    expect(kindOf(type)).toBe(kind);
  });

  test('a string input reads an integer column as text', () => {
    expect(kindOf('INTEGER', 'label')).toBe('text');
  });
});

describe('the checks left in the query', () => {
  const issues = (kind: 'text' | 'typed' | 'whole' | 'small-whole') => {
    const sql = planToSql(plan, 'duckdb', { columnKinds: { count: kind, ratio: 'typed', label: 'text' } }).sql;
    const line = sql.split('\n').find((l) => l.includes('AS "count__issue"')) as string;
    return ['not-a-number', 'not-an-integer', 'integer-too-large', 'below-minimum'].filter((code) => line.includes(`'${code}'`));
  };

  test.each([
    ['text', ['not-a-number', 'not-an-integer', 'integer-too-large', 'below-minimum']],
    ['typed', ['not-a-number', 'not-an-integer', 'integer-too-large', 'below-minimum']],
    ['whole', ['integer-too-large', 'below-minimum']],
    ['small-whole', ['below-minimum']],
  ] as const)('a %s column of an integer input: %j', (kind, codes) => {
    expect(issues(kind)).toEqual(codes);
  });
});
