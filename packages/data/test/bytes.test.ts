import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { sniffBytes } from '../src/index.js';
import { brief, readIn } from './support.js';

const FIXTURES = new URL('../../../test/fixtures/data/', import.meta.url);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(name, FIXTURES)));
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('bytes in pieces of any size, split inside characters too', () => {
  test.each([1, 2, 3, 5, 64])('UTF-8 text in pieces of %s bytes reads as a whole', (size) => {
    const text = 'name,city\nZoë,Zürich\n"€ 5",😀\n';
    expect(readIn(utf8(text), { format: 'csv' }, size).rows.map(brief)).toEqual([[1, 2, { name: 'Zoë', city: 'Zürich' }], [2, 3, { name: '€ 5', city: '😀' }]]);
  });

  test.each([1, 3, 4096])('bytes that are not UTF-8 make a row bad where the model reads them (pieces of %s)', (size) => {
    const bytes = new Uint8Array([...utf8('id,notes\nok,fine\nM'), 0xfc, ...utf8('ller,x\nz,caf'), 0xe9, ...utf8('\n')]);
    const read = (columns?: string[]) => readIn(bytes, { format: 'csv', ...(columns ? { columns: columns.map((column) => ({ column, input: column, roles: [], declared: true, span: null })) } : {}) }, size).rows.map(brief);
    expect(read(['id'])).toEqual([[1, 2, { id: 'ok' }], [2, 3, 'not-utf8:id'], [3, 4, { id: 'z' }]]);
    expect(read()).toEqual([[1, 2, { id: 'ok', notes: 'fine' }], [2, 3, 'not-utf8:id'], [3, 4, 'not-utf8:notes']]);
  });

  test('a U+FFFD written in the file as UTF-8 is a character like any other', () => {
    expect(readIn(utf8('id\n\uFFFD\n'), { format: 'csv' }, 2).rows.map(brief)).toEqual([[1, 2, { id: '\uFFFD' }]]);
  });

  test('NDJSON and JSON arrays: the field with the bytes is named', () => {
    const line = new Uint8Array([...utf8('{"id":"M'), 0xfc, ...utf8('ller","n":1}')]);
    expect(readIn(new Uint8Array([...line, 10]), { format: 'ndjson' }, 3).rows.map(brief)).toEqual([[1, 1, 'not-utf8:id']]);
    expect(readIn(new Uint8Array([91, ...line, 93]), { format: 'json' }, 3).rows.map(brief)).toEqual([[1, 1, 'not-utf8:id']]);
  });

  test('UTF-16 with a byte-order mark (Excel’s Unicode Text) reads as its text', () => {
    const rows = readIn(fixture('utf16.txt'), { format: 'csv' }, 7);
    expect([rows.delimiter, rows.header?.[0], rows.rows.length, rows.rows[0]?.record?.['account_id']]).toEqual(['\t', 'account_id', 5, 'acme-logistics']);
  });
});

describe('what a file is, from its first bytes', () => {
  test.each([
    ['workbook.csv', 'spreadsheet', 'an Excel workbook (.xlsx)'],
    ['legacy.csv', 'spreadsheet', 'an Excel 97–2003 workbook (.xls) or another Office file'],
    ['report.csv', 'binary', 'a PDF document'],
    ['compressed.csv', 'binary', 'a gzip-compressed file'],
    ['archive.csv', 'binary', 'a zip archive'],
    ['utf16.txt', 'text', undefined],
    ['semicolon.csv', 'text', undefined],
  ])('%s is %s', (name, kind, what) => {
    const sniffed = sniffBytes(fixture(name));
    expect([sniffed.kind, 'what' in sniffed ? sniffed.what : undefined]).toEqual([kind, what]);
  });

  test('a zip named .xlsx is a workbook even when its first entries say nothing', () => {
    expect(sniffBytes(fixture('archive.csv'), 'accounts.xlsx').kind).toBe('spreadsheet');
  });

  test('a NUL byte early on is binary', () => {
    expect(sniffBytes(new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0x00, 0x01])).kind).toBe('binary');
  });

  test('the reader stops before any row, with the reason', () => {
    const read = readIn(fixture('workbook.csv'), { format: 'csv', file: 'workbook.csv' }, 100);
    expect([read.rows, read.error?.code, read.error?.message]).toEqual([
      [],
      'spreadsheet',
      'this looks like an Excel workbook (.xlsx), not CSV: save it as CSV (in Excel: File › Save As › CSV UTF-8) and read that',
    ]);
  });
});
