import { asciiSet, madeBytes, type ByteChunk } from '../io/byte-chunk.js';
import { writeNumber } from './number-bytes.js';

/**
 * `JSON.stringify(value)`, written straight into a chunk of output bytes, encoded as a stream
 * encodes the string: the same bytes. Strings, numbers, booleans, null and lists of strings (what
 * a score row's cells hold) are written here; anything else (a row's issues, objects) is handed to
 * `JSON.stringify` whole. `undefined` is the caller's: `JSON.stringify` leaves such a key out.
 */
export function writeJson(out: ByteChunk, value: unknown): void {
  switch (typeof value) {
    case 'string':
      writeJsonString(out, value);
      return;
    case 'number':
      // String() of a finite number is its JSON text; JSON has no NaN or Infinity.
      if (Number.isFinite(value)) writeNumber(out, value);
      else writeNull(out);
      return;
    case 'boolean':
      out.ascii(value ? 'true' : 'false');
      return;
  }
  if (value === null) writeNull(out);
  else if (isTextList(value)) writeTextList(out, value);
  else out.text(JSON.stringify(value));
}

/** `null`, from bytes made once: a row holds several (no reason, stage, benchmark or gap; a group the result lacks). */
export function writeNull(out: ByteChunk): void {
  out.append(NULL_BYTES);
}

const NULL_BYTES = madeBytes('null');

/**
 * A string in quotes. Printable ASCII but for `"` and `\` is copied byte by byte; a string with
 * anything else (a control character, non-ASCII text, a lone surrogate) is escaped by
 * `JSON.stringify` itself and encoded whole, so each escape is exactly its.
 */
function writeJsonString(out: ByteChunk, text: string): void {
  out.byte(34);
  if (out.plain(text, JSON_PLAIN)) {
    out.byte(34);
    return;
  }
  // JSON.stringify writes its own quotes.
  out.length--;
  out.text(JSON.stringify(text));
}

/** What a JSON string holds as it is: printable ASCII (and DEL) but for a quote and a backslash. */
const JSON_PLAIN = asciiSet((code) => code < 0x20 || code === 34 || code === 92);

function isTextList(value: unknown): value is readonly string[] {
  if (!Array.isArray(value)) return false;
  for (const item of value) if (typeof item !== 'string') return false;
  return true;
}

function writeTextList(out: ByteChunk, list: readonly string[]): void {
  out.byte(91);
  for (let i = 0; i < list.length; i++) {
    if (i > 0) out.byte(44);
    writeJsonString(out, list[i] as string);
  }
  out.byte(93);
}
