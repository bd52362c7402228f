import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ByteChunk } from '../../src/io/byte-chunk.js';
import { writeNumber } from '../../src/render/number-bytes.js';

/** The number writer both byte writers share (csv-bytes, json-bytes): `String(value)`, as bytes. */
function numberBytes(value: number): string {
  const out = new ByteChunk(64);
  writeNumber(out, value);
  return out.take().toString('latin1');
}

describe('writeNumber', () => {
  test.each([0, -0, 1, -1, 42.03, -3.62, 0.1, 0.3, 1e-6, 1.5e-6, 1e-7, 123456789.123456, 1e14 + 0.5, 2 ** 53, -(2 ** 53) - 2, 1e21, 1.7976931348623157e308, 5e-324, Infinity, -Infinity, NaN, 0.1 + 0.2, 99.995, 1 / 3])(
    'writes %s as String() does',
    (value) => {
      expect(numberBytes(value)).toBe(String(value));
    },
  );

  test('writes any double, and any decimal of up to 8 places, as String() does', () => {
    const decimal = fc.tuple(fc.integer({ min: -(10 ** 15), max: 10 ** 15 }), fc.integer({ min: 0, max: 8 })).map(([units, places]) => units / 10 ** places);
    fc.assert(
      fc.property(fc.oneof(fc.double(), decimal, fc.integer()), (value) => numberBytes(value) === String(value)),
      { numRuns: 20_000 },
    );
  });
});
