/**
 * A chunk of output bytes written in place: what a writer producing a million rows fills instead
 * of building a string per row (each `+=` a rope node, flattened and encoded again on output).
 * Text goes in as UTF-8, exactly as `stream.write(text)` would encode it (a lone surrogate as
 * U+FFFD). `room(n)` before writing `n` bytes by hand; the chunk grows when a row outgrows it.
 */
export class ByteChunk {
  bytes: Buffer;
  length = 0;
  /** The same bytes, for `append`'s four-byte stores. */
  private view: DataView;

  constructor(private readonly size = 64 * 1024) {
    this.bytes = Buffer.allocUnsafe(size + SLACK);
    this.view = viewOf(this.bytes);
  }

  /** Makes room for `n` more bytes. */
  room(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + n + SLACK));
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
    this.view = viewOf(grown);
  }

  byte(code: number): void {
    this.room(1);
    this.bytes[this.length++] = code;
  }

  /** Text known to be ASCII (number text, names vitals made). */
  ascii(text: string): void {
    this.room(text.length);
    const bytes = this.bytes;
    let at = this.length;
    for (let i = 0; i < text.length; i++) bytes[at++] = text.charCodeAt(i);
    this.length = at;
  }

  /**
   * Copies `text` byte by byte when each of its characters is ASCII and marked in `plain` (see
   * `asciiSet`), and says so; otherwise writes nothing and returns false, and the caller writes it
   * the general way. Most cells (ids, bands, dates) take this path, with no string made or encoded.
   */
  plain(text: string, plain: Uint8Array): boolean {
    const n = text.length;
    this.room(n);
    const bytes = this.bytes;
    let at = this.length;
    for (let i = 0; i < n; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0x80 || plain[code] === 0) return false;
      bytes[at++] = code;
    }
    this.length = at;
    return true;
  }

  /**
   * Bytes made once and copied in on every row (the text between a JSON row's values), four at a
   * time: up to 3 bytes past the end are written too, inside the room made, and left for what
   * comes next to overwrite.
   */
  append(made: MadeBytes): void {
    const words = made.words;
    this.room(made.length + 3);
    const view = this.view;
    let at = this.length;
    for (let i = 0; i < words.length; i++, at += 4) view.setUint32(at, words[i] as number, true);
    this.length += made.length;
  }

  /** Any text, UTF-8 encoded. */
  text(text: string): void {
    this.room(text.length * 3);
    this.length += this.bytes.write(text, this.length, 'utf8');
  }

  /** Whether the chunk is full enough to be written out. */
  get full(): boolean {
    return this.length >= this.size;
  }

  /**
   * The bytes written so far, handed over (a stream keeps them until written): the chunk starts
   * afresh, in a buffer given back by `recycle` when there is one.
   */
  take(): Buffer {
    const taken = this.bytes.subarray(0, this.length);
    this.bytes = this.spare.pop() ?? Buffer.allocUnsafe(this.size + SLACK);
    this.view = viewOf(this.bytes);
    this.length = 0;
    return taken;
  }

  /** Gives back the buffer under a taken chunk once it is written, so a long run reuses a few buffers instead of allocating one per chunk. */
  recycle(taken: Buffer): void {
    // Chunks are never from Node's shared pool (they are over 16 KB): the whole ArrayBuffer is this chunk's.
    if (this.spare.length < 4 && taken.byteOffset === 0) this.spare.push(Buffer.from(taken.buffer));
  }

  private readonly spare: Buffer[] = [];
}

function viewOf(bytes: Buffer): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Bytes made once for `ByteChunk.append`: their length, and their words of four bytes (little-endian, the last one padded). */
export interface MadeBytes {
  readonly length: number;
  readonly words: Uint32Array;
}

/** A text's UTF-8 bytes, made once for `ByteChunk.append`. */
export function madeBytes(text: string): MadeBytes {
  const bytes = Buffer.from(text, 'utf8');
  const padded = new DataView(new ArrayBuffer(Math.ceil(bytes.length / 4) * 4));
  bytes.forEach((byte, i) => padded.setUint8(i, byte));
  const words = new Uint32Array(padded.byteLength / 4);
  for (let i = 0; i < words.length; i++) words[i] = padded.getUint32(i * 4, true);
  return { length: bytes.length, words };
}

/** The ASCII characters a format writes as they are (1), for `ByteChunk.plain`: every one but those `special` picks. */
export function asciiSet(special: (code: number) => boolean): Uint8Array {
  const set = new Uint8Array(0x80);
  for (let code = 0; code < 0x80; code++) set[code] = special(code) ? 0 : 1;
  return set;
}

/** Room past the nominal size, so a chunk rarely grows for the row that fills it. */
const SLACK = 16 * 1024;
