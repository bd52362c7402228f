import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { MAX_MODEL_BYTES } from '../limits.js';
import { createLineIndex, spanOf } from '../position/line-index.js';

export interface DecodedText {
  readonly text: string | undefined;
  readonly diagnostics: Diagnostic[];
}

/** Bytes (from a file or an upload) or text → text without a byte-order mark, line ends read as YAML reads them, or a diagnostic. */
export function decodeText(source: string | Uint8Array, file: string): DecodedText {
  const size = typeof source === 'string' ? utf8Length(source) : source.byteLength;
  if (size > MAX_MODEL_BYTES) {
    return fail(diagnostic('file-too-large', { bytes: size, limit: MAX_MODEL_BYTES }, spanOf(file, [0], 0, 0)));
  }
  if (typeof source === 'string') return { text: readableText(source), diagnostics: [] };
  const bad = firstInvalidUtf8(source);
  if (bad >= 0) {
    const before = new TextDecoder('utf-8').decode(source.subarray(0, bad));
    const lines = createLineIndex(before);
    return fail(diagnostic('file-not-utf8', { offset: bad }, spanOf(file, lines, before.length, before.length + 1)));
  }
  return { text: readableText(new TextDecoder('utf-8').decode(source)), diagnostics: [] };
}

/**
 * Without a byte-order mark, and with old Mac line ends (a lone CR) as line feeds: YAML counts a
 * lone CR as a line break, the YAML parser only a line feed. One character for one, so every
 * offset stays where it was, and lines are counted as the file's author sees them.
 */
function readableText(text: string): string {
  const stripped = stripBom(text);
  return stripped.includes('\r') ? stripped.replace(/\r(?!\n)/g, '\n') : stripped;
}

/** The size the text has as a UTF-8 file, so a model read as text is limited like the same file read as bytes. */
function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // Two more bytes for U+0800..U+FFFF, one for U+0080..U+07FF; a surrogate pair is 4 bytes for 2 units.
    if (unit >= 0x80) bytes += unit >= 0x800 && (unit < 0xd800 || unit > 0xdfff) ? 2 : 1;
  }
  return bytes;
}

function fail(d: Diagnostic): DecodedText {
  return { text: undefined, diagnostics: [d] };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Offset of the first byte that breaks UTF-8 (overlong forms and surrogates included), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const length = utf8SequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return -1;
}

/** Length of the well-formed UTF-8 sequence at `i` (1–4 bytes), or 0 when the bytes there are not UTF-8. */
export function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i] as number;
  if (b0 < 0x80) return 1;
  const cont = (k: number, low = 0x80, high = 0xbf) => {
    const b = bytes[i + k];
    return b !== undefined && b >= low && b <= high;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if (b0 === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b0 >= 0xe1 && b0 <= 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b0 === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b0 >= 0xf1 && b0 <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b0 === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}
