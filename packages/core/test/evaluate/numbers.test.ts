import fc from 'fast-check';
import { expect, test } from 'vitest';
import { compareNumbers, finite, roundTo } from '../../src/evaluate/numbers.js';

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
  [27.435, 2, 27.44],
  [0.375 * 73.16, 2, 27.44],
  [100, 2, 100],
  [1e305, 4, 1e305],
  [-1.7e308, 10, -1.7e308],
  [374185804805504, 5, 374185804805504],
  [1234567890.1234567, 6, 1234567890.12346],
])('roundTo(%d, %d) is %d', (value, decimals, expected) => {
  expect(Object.is(roundTo(value, decimals), expected)).toBe(true);
});

/** The definition roundTo must match: the 15-significant-digit reading, rounded half away from zero. */
function byDefinition(value: number, decimals: number): number {
  const magnitude = Math.abs(value) * 10 ** decimals;
  if (magnitude >= 1e15) return Number(value.toPrecision(15)) + 0; // no digit left to round
  return (Math.sign(value) * Math.round(Number(magnitude.toPrecision(15)))) / 10 ** decimals + 0;
}

const nearHalves = fc
  .tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: -3, max: 3 }), fc.boolean())
  .map(([n, decimals, ulps, negative]) => {
    let value = (n + 0.5) / 10 ** decimals;
    for (let i = 0; i < Math.abs(ulps); i++) value = ulps > 0 ? value + Number.EPSILON * value : value - Number.EPSILON * value;
    return [negative ? -value : value, decimals] as const;
  });
const weightTimesScore = fc
  .tuple(fc.constantFrom(0.125, 0.375, 0.1875, 0.5625, 0.1, 0.2, 0.3, 1 / 3, 2 / 3), fc.integer({ min: 100, max: 10_000 }))
  .map(([weight, hundredths]) => [weight * (hundredths / 100), 2] as const);

test.each([
  ['any double', fc.tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 4 }))],
  ['any finite double, any precision', fc.tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 10 }))],
  ['values at and a few ulps around halves', nearHalves],
  ['weights times two-decimal scores (contributions)', weightTimesScore],
])('roundTo equals its definition on %s', (_, values) => {
  fc.assert(
    fc.property(values as fc.Arbitrary<readonly [number, number]>, ([value, decimals]) => {
      expect(roundTo(value, decimals)).toBe(byDefinition(value, decimals));
    }),
    { numRuns: 20_000 },
  );
});

test('compareNumbers treats numbers that agree to 12 significant digits as equal, and orders the rest', () => {
  const double = fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true });
  fc.assert(
    fc.property(double, double, fc.integer({ min: -200, max: 200 }), (a, b, ulps) => {
      expect(compareNumbers(a, b)).toBe(-compareNumbers(b, a) + 0);
      expect(compareNumbers(a, a + ulps * Number.EPSILON * Math.abs(a))).toBe(0);
      if (Math.abs(a - b) > 1e-9 * Math.max(Math.abs(a), Math.abs(b))) expect(compareNumbers(a, b)).toBe(Math.sign(a - b));
    }),
    { numRuns: 20_000 },
  );
});

test('compareNumbers: the classic cases', () => {
  expect(compareNumbers(((13.2 - 12) / 12) * 100, 10)).toBe(0);
  expect(compareNumbers(0.1 + 0.2, 0.3)).toBe(0);
  expect(compareNumbers(1 + 1e-10, 1)).toBe(1);
  expect(compareNumbers(-Infinity, 5)).toBe(-1);
  expect(compareNumbers(5, Infinity)).toBe(-1);
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

test('a rounded value is a fixed point: rounding it again changes nothing, whatever its size', () => {
  fc.assert(
    fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 6 }), (value, decimals) => {
      const once = roundTo(value, decimals);
      // Only the 15-digit reading of the very largest doubles lies past the largest double.
      expect(Number.isFinite(once)).toBe(Math.abs(value) <= 1.797693134862315e308);
      if (Number.isFinite(once)) expect(roundTo(once, decimals)).toBe(once);
    }),
    { numRuns: 20_000 },
  );
});
