import type { DataRow } from '@vitals/data';

/**
 * The rows with each record's numbers parsed once, when the data is loaded, instead of on every
 * keystroke: the preview scores all of them again for each edit, and reading 50,000 × 13 number
 * texts was a tenth of that time (the Chrome profile of the worker). Only a text that is exactly how
 * JavaScript writes the number it reads as (`12`, `0.5`, `-3.25`; not `012`, `1.50`, `+4`, `1e3`)
 * and is a safe integer or a fraction becomes that number; every reader of the core reads such a
 * number as it reads the text (a number input's value, a string or enum input's `String(value)`, a
 * boolean's `1`/`0`, a bad value's message), and the rest stays text, as written.
 *
 * The records keep a null prototype (a column named `toString` is not one every record has), but
 * as instances of one constructor, so they share one shape: a record made by `Object.create(null)`
 * is a hash table to V8, slower to read field by field in the generated scorer.
 */
export function withParsedNumbers(rows: readonly DataRow[]): DataRow[] {
  const makers = new Map<string, RecordMaker>();
  return rows.map((row) => {
    if (row.record === null) return row;
    const keys = Object.keys(row.record);
    if (keys.includes('__proto__')) return row;
    const signature = keys.join('\u0000');
    let make = makers.get(signature);
    if (make === undefined) makers.set(signature, (make = recordMaker(keys)));
    return { ...row, record: make(row.record) };
  });
}

type RecordMaker = (source: Readonly<Record<string, unknown>>) => Record<string, unknown>;

function recordMaker(keys: readonly string[]): RecordMaker {
  function ParsedRecord(this: Record<string, unknown>, source: Readonly<Record<string, unknown>>) {
    for (const key of keys) this[key] = parsedNumber(source[key]);
  }
  ParsedRecord.prototype = Object.create(null) as object;
  return (source) => new (ParsedRecord as unknown as new (source: Readonly<Record<string, unknown>>) => Record<string, unknown>)(source);
}

function parsedNumber(value: unknown): unknown {
  if (typeof value !== 'string' || value.length === 0 || value.length > 24) return value;
  const number = Number(value);
  if (!Number.isFinite(number) || String(number) !== value) return value;
  return Number.isInteger(number) && !Number.isSafeInteger(number) ? value : number;
}
