import type { TextEncoding } from './text-decoder.js';

/** What the first bytes of a file say it is. */
export type FileKind =
  | { readonly kind: 'text'; readonly encoding: TextEncoding; /** Bytes of the byte-order mark to skip. */ readonly bom: number }
  | { readonly kind: 'spreadsheet'; readonly what: string }
  | { readonly kind: 'binary'; readonly what: string; readonly advice: string };

/** Bytes enough to tell: the signatures below, and a NUL byte early on (text has none). */
export const SNIFF_BYTES = 4096;

const startsWith = (bytes: Uint8Array, ...signature: number[]) => signature.every((b, i) => bytes[i] === b);
const latin1 = (bytes: Uint8Array) => String.fromCharCode(...bytes.subarray(0, SNIFF_BYTES));

/**
 * A data file's kind from its first bytes, not its name: an `.xlsx` renamed `.csv` is still a
 * workbook, and reading it as CSV would give one row of noise per line.
 */
export function sniffBytes(head: Uint8Array, name = ''): FileKind {
  if (startsWith(head, 0xef, 0xbb, 0xbf)) return { kind: 'text', encoding: 'utf-8', bom: 3 };
  // Excel's "Unicode Text" and some exports are UTF-16 with a byte-order mark.
  if (startsWith(head, 0xff, 0xfe)) return { kind: 'text', encoding: 'utf-16le', bom: 2 };
  if (startsWith(head, 0xfe, 0xff)) return { kind: 'text', encoding: 'utf-16be', bom: 2 };
  if (startsWith(head, 0x50, 0x4b, 0x03, 0x04)) return zipKind(latin1(head), name);
  if (startsWith(head, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return { kind: 'spreadsheet', what: 'an Excel 97–2003 workbook (.xls) or another Office file' };
  const binary = (what: string, advice: string): FileKind => ({ kind: 'binary', what, advice });
  if (startsWith(head, 0x25, 0x50, 0x44, 0x46, 0x2d)) return binary('a PDF document', 'export the table as CSV');
  if (startsWith(head, 0x1f, 0x8b)) return binary('a gzip-compressed file', 'decompress it first (gunzip)');
  if (startsWith(head, 0x50, 0x41, 0x52, 0x31)) return binary('a Parquet file', 'export it as CSV or NDJSON');
  if (latin1(head.subarray(0, 16)) === 'SQLite format 3\0') return binary('a SQLite database', 'export the table as CSV');
  if (head.subarray(0, SNIFF_BYTES).includes(0)) return binary('binary data, not text', 'export the data as CSV, NDJSON or JSON');
  return { kind: 'text', encoding: 'utf-8', bom: 0 };
}

function zipKind(head: string, name: string): FileKind {
  if (head.includes('xl/') || /\.xls[xm]$/i.test(name)) return { kind: 'spreadsheet', what: 'an Excel workbook (.xlsx)' };
  if (head.includes('opendocument.spreadsheet')) return { kind: 'spreadsheet', what: 'an OpenDocument spreadsheet (.ods)' };
  return { kind: 'binary', what: 'a zip archive', advice: 'unzip it and read the CSV inside' };
}

/** The message for a file that is not text: what it looks like and what to do. */
export function describeKind(kind: Exclude<FileKind, { kind: 'text' }>): string {
  return kind.kind === 'spreadsheet'
    ? `this looks like ${kind.what}, not CSV: save it as CSV (in Excel: File › Save As › CSV UTF-8) and read that`
    : `this looks like ${kind.what}: ${kind.advice}`;
}
