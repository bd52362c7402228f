import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { InputDeclaration } from '../../src/check/resolve-inputs.js';
import { FIRST_DAY, LAST_DAY, parseDay, formatDay } from '../../src/evaluate/dates.js';
import { isDecimalText, plainDecimalValue, READERS } from '../../src/evaluate/read-value.js';
import type { RecordIssue } from '../../src/evaluate/result.js';

const input = (type: InputDeclaration['type'], extra: Partial<InputDeclaration> = {}): InputDeclaration => ({ name: 'f', column: 'f', type, ordered: false, required: false, implied: false, ...extra });

test.each<[string, InputDeclaration, unknown, unknown, string | undefined]>([
  ['a number', input('number'), 12.5, 12.5, undefined],
  ['number text', input('number'), ' 12.5 ', 12.5, undefined],
  ['exponent text', input('number'), '1e3', 1000, undefined],
  ['blank is missing', input('number'), '  ', null, undefined],
  ['absent is missing', input('number'), undefined, null, undefined],
  ['required and blank', input('number', { required: true }), '', null, 'missing-required'],
  ['not a number', input('number'), 'abc', null, 'not-a-number'],
  ['a percent sign is not silently dropped', input('number'), '12%', null, 'not-a-number'],
  ['a thousands separator is not guessed', input('number'), '1,234', null, 'not-a-number'],
  ['NA is not a number', input('number'), 'NA', null, 'not-a-number'],
  ['infinity is not a number', input('number'), Infinity, null, 'not-a-number'],
  ['integer', input('integer'), '4', 4, undefined],
  ['not an integer', input('integer'), 2.5, null, 'not-an-integer'],
  ['below min', input('number', { min: 0 }), -1, null, 'below-minimum'],
  ['above max', input('number', { max: 1 }), 1.5, null, 'above-maximum'],
  ['boolean', input('boolean'), 'Yes', true, undefined],
  ['boolean zero', input('boolean'), '0', false, undefined],
  ['not a boolean', input('boolean'), 'maybe', null, 'not-a-boolean'],
  ['enum', input('enum', { values: ['At Risk', 'Satisfied'] }), 'Satisfied', 'Satisfied', undefined],
  ['enum, loosely', input('enum', { values: ['at_risk', 'satisfied'] }), 'At Risk', 'at_risk', undefined],
  ['enum, loosely without the space', input('enum', { values: ['Gold Tier', 'silver'] }), 'GoldTier', 'Gold Tier', undefined],
  ['enum, loosely with a hyphen', input('enum', { values: ['Gold Tier', 'silver'] }), 'gold-tier', 'Gold Tier', undefined],
  ['enum, loosely with a no-break space', input('enum', { values: ['Gold Tier', 'silver'] }), 'Gold\u00a0Tier', 'Gold Tier', undefined],
  ['enum declared with a space, read trimmed', input('enum', { values: [' gold', 'silver'] }), ' gold ', ' gold', undefined],
  ['enum, two values with one loose key: exact still matches', input('enum', { values: ['ab', 'a_b'] }), 'a_b', 'a_b', undefined],
  ['enum, two values with one loose key: a loose match is refused', input('enum', { values: ['ab', 'a_b'] }), 'A-B', null, 'not-in-enum'],
  ['not in the enum', input('enum', { values: ['basic', 'pro'] }), 'gold', null, 'not-in-enum'],
  ['text', input('string'), ' acme ', 'acme', undefined],
  ['a number as text', input('string'), 1001, '1001', undefined],
  ['an object is not text', input('string'), { a: 1 }, null, 'not-text'],
  ['date', input('date'), '2026-02-28', parseDay('2026-02-28'), undefined],
  ['datetime counts as its UTC date', input('date'), '2026-02-28T23:30:00-02:00', parseDay('2026-03-01'), undefined],
  ['datetime without a zone is the date it names', input('date'), '2026-02-28T23:30', parseDay('2026-02-28'), undefined],
  ['datetime with an impossible date', input('date'), '2026-02-30T10:00Z', null, 'not-a-date'],
  ['a Date object', input('date'), new Date(Date.UTC(2026, 1, 28, 23, 30)), parseDay('2026-02-28'), undefined],
  ['a Date object past 9999', input('date'), new Date(Date.UTC(12026, 0, 1)), null, 'not-a-date'],
  ['an invalid Date object', input('date'), new Date(NaN), null, 'not-a-date'],
  ['impossible date', input('date'), '2026-02-30', null, 'not-a-date'],
  ['other date formats are not guessed', input('date'), '28/02/2026', null, 'not-a-date'],
])('%s', (_, declared, raw, expected, issue) => {
  const issues: RecordIssue[] = [];
  expect(READERS[declared.type](raw, declared, issues)).toEqual(expected);
  expect(issues.map((i) => i.code)).toEqual(issue === undefined ? [] : [issue]);
});

test('dates are whole days since 1970-01-01 and print back as ISO dates', () => {
  expect(parseDay('1970-01-02')).toBe(1);
  expect(formatDay(parseDay('2024-02-29') as number)).toBe('2024-02-29');
  expect(parseDay('2023-02-29')).toBeUndefined();
});

test('dates run from 0001-01-01 to 9999-12-31, years below 100 as written', () => {
  expect(parseDay('0001-01-01')).toBe(FIRST_DAY);
  expect(parseDay('9999-12-31')).toBe(LAST_DAY);
  expect(formatDay(FIRST_DAY)).toBe('0001-01-01');
  expect(formatDay(LAST_DAY)).toBe('9999-12-31');
  expect(formatDay(parseDay('0099-03-01') as number)).toBe('0099-03-01');
  expect(parseDay('0000-12-31')).toBeUndefined();
  expect(parseDay('9999-12-31T23:00-05:00')).toBeUndefined();
});

describe.each(['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Kathmandu'])('in time zone %s', (zone) => {
  const previous = process.env['TZ'];
  beforeAll(() => void (process.env['TZ'] = zone));
  afterAll(() => void (previous === undefined ? delete process.env['TZ'] : (process.env['TZ'] = previous)));

  test.each([
    ['2024-02-29T00:00', '2024-02-29'],
    ['2024-02-29T23:59:59.999', '2024-02-29'],
    ['2024-02-29 10:00', '2024-02-29'],
    ['2024-02-29T23:30Z', '2024-02-29'],
    ['2024-02-29T23:30-0100', '2024-03-01'],
    ['2024-02-29T00:30+01:00', '2024-02-28'],
  ])('%s is %s, whatever the machine\'s zone', (text, date) => {
    expect(formatDay(parseDay(text) as number)).toBe(date);
  });
});

test.each<[string, InputDeclaration, unknown, unknown, string | undefined]>([
  ['a 20-digit integer cannot be kept exactly as a number', input('integer'), '12345678901234567890', null, 'integer-too-large'],
  ['the largest exact integer is read', input('integer'), '9007199254740991', 9007199254740991, undefined],
  ['a 20-digit id given as text is kept as written', input('string'), '12345678901234567890', '12345678901234567890', undefined],
  ['a number JSON has already rounded is not passed off as the id', input('string'), 12345678901234567890, null, 'integer-too-large'],
  ['a safe integer as text', input('string'), 123456789, '123456789', undefined],
])('ids as written: %s', (_, declared, raw, expected, issue) => {
  const issues: RecordIssue[] = [];
  expect(READERS[declared.type](raw, declared, issues)).toEqual(expected);
  expect(issues.map((i) => i.code)).toEqual(issue === undefined ? [] : [issue]);
});

test.each([
  ['1', true], ['-1.5', true], ['+.5', true], ['5.', true], ['1e3', true], ['1E-3', true], ['0012', true],
  ['', false], ['-', false], ['.', false], ['1e', false], ['e3', false], ['1.2.3', false], ['0x10', false], ['Infinity', false], ['1 000', false], ['1,5', false],
])('isDecimalText(%j) is %s', (text, expected) => {
  expect(isDecimalText(text)).toBe(expected);
});

// Long cells of the shapes that made backtracking regular expressions take seconds (3 s for 50 KB,
// growing with the square). Synchronous work cannot be timed out here, so the stall itself is
// tested end to end (test/e2e/data-reading.e2e.test.ts, with a process time-out); this checks the answers.
const LONG = 64 * 1024;
test.each<[string, InputDeclaration, string, string]>([
  ['digits then a letter, as a number', input('number'), `${'1'.repeat(LONG)}x`, 'not-a-number'],
  ['spaces inside, as a number', input('number'), ` 1${' '.repeat(LONG)}1`, 'not-a-number'],
  ['spaces inside, as text', input('string'), `a${' '.repeat(LONG)}b `, ''],
  ['spaces inside, as an enum', input('enum', { values: ['a'] }), `a${' '.repeat(LONG)}b`, 'not-in-enum'],
  ['digits, as a date', input('date'), `2026-01-01T00:00:00.${'1'.repeat(LONG)}x`, 'not-a-date'],
])('a long cell gets the right answer: %s', (_, declared, raw, issue) => {
  const issues: RecordIssue[] = [];
  READERS[declared.type](raw, declared, issues);
  expect(issues.map((i) => i.code)).toEqual(issue === '' ? [] : [issue]);
});

/** Decimal text as a CSV cell holds it: a sign or not, digits, a point or not, more digits (up to 18 in all). */
const decimalText = fc
  .tuple(fc.constantFrom('', '-', '+'), fc.stringMatching(/^[0-9]{0,9}$/), fc.constantFrom('', '.'), fc.stringMatching(/^[0-9]{0,9}$/))
  .map(([sign, whole, point, fraction]) => `${sign}${whole}${point}${point === '' ? '' : fraction}`);

describe('plainDecimalValue, the inline reading of number cells', () => {
  test('is Number(text) to the bit for every plain decimal of up to 15 digits, NaN (the full reader decides) otherwise', () => {
    fc.assert(
      fc.property(decimalText, (text) => {
        const digits = text.replace(/[^0-9]/g, '').length;
        const expected = digits === 0 || digits > 15 ? NaN : Number(text);
        expect(Object.is(plainDecimalValue(text), expected)).toBe(true);
      }),
      { numRuns: 5_000 },
    );
  });

  test.each(['0.1', '0.3', '-0', '-0.0', '9.95', '123456789012345', '0.00000000000001', '7.', '.25', '+3.5', '999999999999999'])('%s reads as Number does', (text) => {
    expect(Object.is(plainDecimalValue(text), Number(text))).toBe(true);
  });

  test.each(['', ' 1', '1 ', '1e3', '0x10', '1,5', '1.2.3', '-', '.', 'Infinity', '1234567890123456', '0.000000000000001', '١٢'])('%j is left to the full reader', (text) => {
    expect(plainDecimalValue(text)).toBeNaN();
  });
});
