import fc from 'fast-check';
import { expect, test } from 'vitest';
import { finite, roundTo } from '../../src/evaluate/numbers.js';

test.each([
  [39.99999999999999, 2, 40],
  [40.00000000000001, 2, 40],
  [1.005, 2, 1.01],
  [-1.005, 2, -1.01],
  [2.675, 2, 2.68],
  [29.875, 2, 29.88],
  [0.5, 0, 1],
  [-0.5, 0, -1],
  [-0.001, 2, 0],
  [1234.5678, 3, 1234.568],
  [1e-7, 2, 0],
  [100, 2, 100],
])('roundTo(%d, %d) is %d', (value, decimals, expected) => {
  expect(Object.is(roundTo(value, decimals), expected)).toBe(true);
});

test('roundTo agrees with rounding the 15-significant-digit decimal reading, half away from zero', () => {
  fc.assert(
    fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 4 }), (value, decimals) => {
      const decimal = Number(Math.abs(value).toPrecision(15)) * 10 ** decimals;
      const expected = (Math.sign(value) * Math.round(Number(decimal.toPrecision(15)))) / 10 ** decimals + 0;
      expect(roundTo(value, decimals)).toBe(expected);
    }),
    { numRuns: 20_000 },
  );
});

test.each([
  [1, 1],
  [0, 0],
  [Infinity, null],
  [-Infinity, null],
  [NaN, null],
])('finite(%d) is %s', (value, expected) => {
  expect(finite(value)).toBe(expected);
});
