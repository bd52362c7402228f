import { utf8SequenceLength } from '@vitals/core';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/**
 * Bytes → text, chunk by chunk, for one file. Unlike a plain decoder it never turns a byte that
 * is not UTF-8 into U+FFFD silently: each replacement's offset in the text (counted from the
 * start of the file's text) is kept, so a reader can report the row and the field it falls in.
 * The common case — valid UTF-8 — costs one strict `TextDecoder` call per chunk.
 */
export class ChunkDecoder {
  private readonly strict: TextDecoder;
  private carry: Uint8Array | undefined;
  private emitted = 0;
  /** Offsets (in the file's text) of characters that replaced bytes which were not UTF-8, ascending. */
  readonly replaced: number[] = [];

  constructor(readonly encoding: TextEncoding) {
    this.strict = new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: true });
  }

  decode(chunk: Uint8Array, final = false): string {
    let bytes = chunk;
    if (this.carry !== undefined) {
      bytes = new Uint8Array(this.carry.length + chunk.length);
      bytes.set(this.carry);
      bytes.set(chunk, this.carry.length);
      this.carry = undefined;
    }
    const whole = final ? bytes.length : this.completeLength(bytes);
    if (whole < bytes.length) this.carry = bytes.slice(whole);
    const text = this.decodeWhole(bytes.subarray(0, whole));
    this.emitted += text.length;
    return text;
  }

  /** Whether any replaced character lies in [start, end) of the file's text. */
  replacedWithin(start: number, end: number): boolean {
    const list = this.replaced;
    if (list.length === 0 || (list[list.length - 1] as number) < start) return false;
    let low = 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((list[mid] as number) < start) low = mid + 1;
      else high = mid;
    }
    return low < list.length && (list[low] as number) < end;
  }

  /** The length of the prefix that holds only whole characters (the rest waits for the next chunk). */
  private completeLength(bytes: Uint8Array): number {
    const n = bytes.length;
    if (this.encoding !== 'utf-8') return n - (n % 2);
    for (let back = 1; back <= Math.min(3, n); back++) {
      const b = bytes[n - back] as number;
      if ((b & 0xc0) === 0x80) continue;
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      return need > back ? n - back : n;
    }
    return n;
  }

  private decodeWhole(bytes: Uint8Array): string {
    if (this.encoding !== 'utf-8') return this.strict.decode(bytes, { stream: true });
    try {
      return this.strict.decode(bytes);
    } catch {
      return this.decodeMarkingReplacements(bytes);
    }
  }

  /** The rare path: decode the valid runs, and put one U+FFFD (with its offset noted) per byte that is not UTF-8. */
  private decodeMarkingReplacements(bytes: Uint8Array): string {
    let text = '';
    let start = 0;
    let i = 0;
    while (i < bytes.length) {
      const length = utf8SequenceLength(bytes, i);
      if (length > 0) {
        i += length;
        continue;
      }
      text += this.strict.decode(bytes.subarray(start, i));
      this.replaced.push(this.emitted + text.length);
      text += '\uFFFD';
      i++;
      start = i;
    }
    return text + this.strict.decode(bytes.subarray(start));
  }
}
