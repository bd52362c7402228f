import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { readIn } from './support.js';

/**
 * The tokenizer against csv-parse (the library this reader replaced) on random, well-formed
 * CSV: quoted fields holding delimiters, quotes and line ends, CRLF or LF, pushed in random
 * pieces. Both must read the same cells.
 */
const cell = fc.oneof(
  fc.stringMatching(/^[a-z0-9 .]{0,6}$/),
  fc.string({ maxLength: 6 }).map((text) => `"${text.replaceAll('"', '""')}"`),
  fc.constantFrom('"a,b"', '"x\ny"', '"q""q"', '""', '"\r\n"', '"é€😀"'),
);

// The first cell of a row is never blank: a blank line is skipped, not a row.
const row = fc.tuple(fc.stringMatching(/^[a-z]{1,4}$/), fc.array(cell, { minLength: 3, maxLength: 3 })).map(([first, rest]) => [first, ...rest]);

test('reads random CSV as csv-parse does, in any pieces', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 4 }), fc.array(row, { minLength: 1, maxLength: 8 }), fc.boolean(), fc.integer({ min: 1, max: 9 }), (width, rows, crlf, size) => {
      const lines = [Array.from({ length: width }, (_, i) => `c${i}`), ...rows.map((r) => r.slice(0, width))];
      const text = lines.map((cells) => cells.join(',')).join(crlf ? '\r\n' : '\n');
      const expected = (parse(text, { relax_column_count: true }) as string[][]).slice(1);
      const { rows: read, error } = readIn(text, { format: 'csv', delimiter: ',' }, size);
      expect(error).toBeNull();
      expect(read.map((r) => (r.record === null ? r.problem?.code : Object.values(r.record)))).toEqual(expected.map((r) => (r.length === width ? r : 'wrong-field-count')));
    }),
    { numRuns: 300 },
  );
});
