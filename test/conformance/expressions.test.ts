import { beforeAll, describe, expect, test } from 'vitest';
import type { ScoreResult } from '@vitals/core';
import { ENGINES, planOf } from '../support/evaluators.js';

/**
 * The expression language's semantics, one line per case, held against every engine. Null is
 * SQL's unknown: it propagates, `x / 0` is null, `false and null` is false, `true or null` is true.
 * Every case is a metric of one model (their values are independent), so each engine scores the
 * record once — a SQL engine writes and plans one query for all of them.
 */
const probeModel = (expressions: readonly string[]) => `
vitals: 1
model: probe
bands: [{ name: low, below: 50 }, { name: high }]
inputs:
  x: { type: number }
  y: { type: number }
  n: { type: number }
  b: { type: boolean }
  c: { type: boolean }
  p: { type: enum, values: [basic, pro, enterprise], ordered: true }
  s: { type: string }
  d: { type: date }
  e: { type: date }
categories: { main: { weight: 1 } }
metrics:
${expressions.map((expression, i) => `  probe_${i}: { category: main, value: ${JSON.stringify(expression)}, score: { expr: "1" } }`).join('\n')}
`;

const RECORD = { x: 6, y: 3, n: null, b: true, c: false, p: 'pro', s: 'text', d: '2026-01-10', e: '2026-01-31' };
const overflow = Array.from({ length: 25 }, () => '1e15').join(' * ');
const huge = Array.from({ length: 20 }, () => '1e15').join(' * '); // 1e300, give or take its binary error

const CASES: [expression: string, expected: number | string | boolean | null][] = [
  ['x + y', 9],
  ['x - y', 3],
  ['x * y', 18],
  ['x / y', 2],
  ['x / 0', null],
  ['n + 1', null],
  ['-x', -6],
  ['-n', null],
  ['1 + 2 * 3', 7],
  ['(1 + 2) * 3', 9],
  ['10 - 2 - 3', 5],
  ['x / y / 2', 1],
  ['0.1 + 0.2', 0.30000000000000004],
  [overflow, null],
  ['x > y', true],
  ['(13.2 - 12) / 12 * 100', 9.999999999999993],
  ['(13.2 - 12) / 12 * 100 >= 10', true],
  ['(13.2 - 12) / 12 * 100 == 10', true],
  ['(13.2 - 12) / 12 * 100 < 10', false],
  ['(13.2 - 12) / 12 * 100 in [10]', true],
  ['0.1 + 0.2 == 0.3', true],
  ['0.1 + 0.2 > 0.3', false],
  ['1 + 1e-10 > 1', true],
  // Around a literal, equal within 1e-12 of the larger side, unequal beyond (x + 4 is 10).
  ['x + 4 - 5e-12 < 10', false],
  ['x + 4 - 5e-11 < 10', true],
  ['x + 4 - 1e-8 < 10', true],
  ['x + 4 + 5e-12 > 10', false],
  ['x + 4 + 5e-11 > 10', true],
  ['x + 4 - 5e-12 >= 10', true],
  ['x + 4 - 5e-11 >= 10', false],
  ['x + 4 + 5e-12 <= 10', true],
  ['x + 4 + 5e-11 <= 10', false],
  ['-x - 4 - 5e-12 < -10', false],
  ['-x - 4 - 5e-11 < -10', true],
  ['x <= y', false],
  ['x == n', null],
  ['n == n', null],
  ['x != y', true],
  ['p == "pro"', true],
  ['p != "pro"', false],
  ['p > "basic"', true],
  ['p < "basic"', false],
  ['p >= "enterprise"', false],
  ['s == "text"', true],
  ['d < e', true],
  ['b == true', true],
  ['b and c', false],
  ['b or c', true],
  ['b and n > 0', null],
  ['c and n > 0', false],
  ['b or n > 0', true],
  ['c or n > 0', null],
  ['not b', false],
  ['not (n > 0)', null],
  ['p in ["pro", "basic"]', true],
  ['p not in ["pro"]', false],
  ['x in [1, 2, 6]', true],
  ['x in [1, n]', null],
  ['x in [6, n]', true],
  ['n in [1]', null],
  ['x not in [1, n]', null],
  ['x not in [1, 2]', true],
  ['min(x, y)', 3],
  ['min(x, n)', null],
  ['max(x, y, 10)', 10],
  ['clamp(x, 0, 5)', 5],
  ['clamp(n, 0, 5)', null],
  ['abs(-x)', 6],
  ['round(2.675, 2)', 2.68],
  ['round(1.005, 2)', 1.01],
  ['round(-2.5)', -3],
  ['round(2.5)', 3],
  ['round(x / 7, 3)', 0.857],
  // Rounding at its edges: binary just below a half that reads as the half (the unit of the 15th
  // digit of each decade decides, up to 10^14), just below by more, negatives, −0, from 10^15 on.
  ['round(-1.005, 2)', -1.01],
  ['round(-0.125, 2)', -0.13],
  ['round(0.049999999999999996, 1)', 0.1],
  ['round(4.499999999999999)', 5],
  ['round(9.499999999999996)', 10],
  ['round(10.49999999999997)', 11],
  ['round(10.4999999999999)', 10],
  ['round(1234567.49999999)', 1234567],
  ['round(100000000.4999999)', 100000001],
  ['round(99999999999999.45)', 100000000000000],
  ['round(99999999999999.4)', 99999999999999],
  ['round(1e15 + 0.5)', 1000000000000000],
  ['round(-(1e15 + 0.5))', -1000000000000000],
  ['round(-0.001, 2)', 0],
  ['round(-0.4)', 0],
  ['round(-x / 1e4, 2)', 0],
  ['log(1)', 0],
  ['log(0)', null],
  ['log(-1)', null],
  ['coalesce(n, x)', 6],
  ['coalesce(n, n)', null],
  ['ratio(x, y)', 2],
  ['ratio(x, 0)', null],
  ['ratio(x, -3)', null],
  ['ratio(n, 3)', null],
  ['is_null(n)', true],
  ['is_null(x)', false],
  ['is_null(n + 1)', true],
  ['days_between(d, e)', 21],
  ['if(b, x, y)', 6],
  ['if(c, x, y)', 3],
  ['if(n > 0, x, y)', 3],
  ['if(b, n, y)', null],
  ['e - d', 21],
  ['d + 7d', '2026-01-17'],
  ['e - 2w', '2026-01-17'],
  ['(e - d) / 7d', 3],
  ['e - d > 20d', true],
  // Overflow is null: a date past 0001-01-01…9999-12-31 as much as a number past 1.8e308.
  ['d + 1e9 * 1d', null],
  ['d - 1e9 * 1d', null],
  ['is_null(e + 3000000d)', true],
  ['d + 2904000d', '9976-11-28'],
  [`round(x * ${huge}, 4)`, 6e300],
  [`round(-x * ${huge}, 2)`, -6e300],
  ['round(1234567890.123456, 6)', 1234567890.12346],
  [`round(1.7976931348623157 * ${huge} * 1e8, 2)`, null],
];

describe.each(ENGINES)('expressions on the $name engine', (engine) => {
  let result: ScoreResult;
  // One query of every case: on a busy machine an engine may take longer than a hook's default 10 s.
  beforeAll(async () => {
    if (engine.unavailable === undefined) [result] = (await engine.score(planOf(probeModel(CASES.map(([expression]) => expression))), [RECORD])) as [ScoreResult];
  }, 120_000);
  test.skipIf(engine.unavailable !== undefined).each(CASES.map((c, i) => [...c, i] as const))('%s → %s', (_, expected, i) => {
    expect(result.status).not.toBe('invalid');
    expect(result.metrics[`probe_${i}`]?.value).toEqual(expected);
  });
});
