import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { brief, readIn, SIZES } from './support.js';

const ndjson = (text: string, size: number) => readIn(text, { format: 'ndjson', file: 'rows.ndjson' }, size);
const array = (text: string, size: number) => readIn(text, { format: 'json', file: 'rows.json' }, size);

describe.each(SIZES)('in pieces of %s characters', (size) => {
  test('NDJSON: blank lines skipped; a line that is not a JSON object is a bad row; the next is read', () => {
    const { rows, error } = ndjson('{"a":1}\n\n{oops\n[1]\nnull\n\r\n{"a":"x"}\r\n', size);
    expect(error).toBeNull();
    expect(rows.map(brief)).toEqual([[1, 1, { a: 1 }], [2, 3, 'bad-json'], [3, 4, 'not-an-object'], [4, 5, 'not-an-object'], [5, 7, { a: 'x' }]]);
  });

  test('a JSON array: rows are positions, lines where each element starts; a bad element is one bad row', () => {
    const { rows, error } = array('[{"a":1}, 2,\n {"b":[1,{"c":"]}"}]},\n {"a":}, "x",\n{"d":"\\"}"}]\n', size);
    expect(error).toBeNull();
    expect(rows.map(brief)).toEqual([[1, 1, { a: 1 }], [2, 1, 'not-an-object'], [3, 2, { b: [1, { c: ']}' }] }], [4, 3, 'bad-json'], [5, 3, 'not-an-object'], [6, 4, { d: '"}' }]]);
  });

  test.each([
    ['an array cut inside an element', '[{"a":1},\n{"a":2}, {"a"', [1, 2], { code: 'json-unclosed', message: 'the array is never closed: the file ends inside record 3, which starts on line 2', line: 2, column: 14 }],
    ['an array cut after an element', '[{"a":1},\n {"a":2}\n', [1, 2], { code: 'json-unclosed', message: 'the array is never closed: the file ends after record 2', line: 3, column: 1 }],
    ['an object at the top', '{"rows": []}', [], { code: 'not-a-json-array', line: 1, column: 1 }],
    ['a missing comma', '[{"a":1} {"a":2}]', [1], { code: 'json-syntax', message: 'expected `,` or `]` after record 1', line: 1, column: 10 }],
    ['two commas', '[{"a":1},,{"a":2}]', [1], { code: 'json-syntax', line: 1, column: 10 }],
    ['text after the array', '[{"a":1}]\nmore', [1], { code: 'json-syntax', message: 'text after the end of the array', line: 2, column: 1 }],
    ['nothing but space', '  \n', [], { code: 'not-a-json-array', line: null }],
  ])('%s: the rows before it, then the error with its place', (_name, text, rows, error) => {
    const read = array(text, size);
    expect(read.rows.map((r) => r.row)).toEqual(rows);
    expect(read.error).toMatchObject(error);
  });

  test('integers too long for a double are kept as written; others are numbers as JSON reads them', () => {
    const text = '{"id":12345678901234567890,"n":9007199254740993,"safe":9007199254740991,"f":1.5,"s":"12345678901234567890","nested":{"x":12345678901234567890}}';
    const expected = { id: '12345678901234567890', n: '9007199254740993', safe: 9007199254740991, f: 1.5, s: '12345678901234567890', nested: { x: 12345678901234567000 } };
    expect(ndjson(`${text}\n`, size).rows.map((r) => r.record)).toEqual([expected]);
    expect(array(`[${text}]`, size).rows.map((r) => r.record)).toEqual([expected]);
  });

  test('a row past the limit is a bad row; the next is read', () => {
    const long = `{"a":"${'x'.repeat(40)}"}`;
    const read = (format: 'ndjson' | 'json', text: string) => readIn(text, { format, maxCellLength: 20 }, size).rows.map(brief);
    expect(read('ndjson', `${long}\n{"a":1}\n`)).toEqual([[1, 1, 'cell-too-long'], [2, 2, { a: 1 }]]);
    expect(read('json', `[${long},\n{"a":1}]`)).toEqual([[1, 1, 'cell-too-long'], [2, 2, { a: 1 }]]);
  });
});

test('a JSON array of any records, laid out any way and pushed in any pieces, reads back as JSON.parse reads it', () => {
  const record = fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
  fc.assert(
    fc.property(fc.array(record, { maxLength: 6 }), fc.boolean(), fc.integer({ min: 1, max: 13 }), (records, pretty, size) => {
      // Top-level integers of 16 digits and more are kept as their text (tested above).
      fc.pre(records.every((r) => Object.values(r).every((v) => typeof v !== 'number' || Math.abs(v) < 1e15)));
      const text = JSON.stringify(records, null, pretty ? 2 : undefined);
      const { rows, error } = array(text, size);
      expect(error).toBeNull();
      expect(rows.map((r) => r.record)).toEqual(JSON.parse(text));
    }),
    { numRuns: 200 },
  );
});
