import { createRequire } from 'node:module';
import { endianness } from 'node:os';
import { DuckDBDateValue, DuckDBEnumType, DuckDBTypeId, type DuckDBDataChunk, type DuckDBType } from '@duckdb/node-api';

type Bindings = typeof import('@duckdb/node-bindings');

/**
 * DuckDB's C API as @duckdb/node-api itself calls it: its own dependency, resolved from where it
 * is installed (a global @duckdb/node-api beside vitals keeps it in a folder of its own).
 */
const requireHere = createRequire(import.meta.url);
const bindings = createRequire(requireHere.resolve('@duckdb/node-api'))('@duckdb/node-bindings') as Bindings;

/** A column's values in one chunk, as `DuckDBVector.getItem` gives them (value objects as their text). */
export type ColumnValues = readonly unknown[];

/**
 * The columns of a query's chunks, each read at most once per chunk and only when asked for: the
 * raw input columns, say, only in a chunk with a bad row. `@duckdb/node-api`'s `getItem` costs a
 * BigInt test of the validity mask, and for text a view and a decoder call, per cell: here a
 * DOUBLE or INTEGER column is one typed array over the chunk's data, an enum one lookup in its
 * list, the validity mask one byte per cell, and a DATE's text is made once per distinct day.
 * Every other type is read through `getItem`. The values are those `getItem` gives (a DATE or
 * DECIMAL as its text): the same rows whichever path read them.
 */
export class ChunkColumns {
  private chunk: DuckDBDataChunk | null = null;
  private readonly readers: readonly ColumnReader[];
  private readonly values: unknown[][];
  private readonly read: boolean[];

  constructor(types: readonly DuckDBType[]) {
    this.readers = types.map(columnReader);
    this.values = types.map(() => []);
    this.read = types.map(() => false);
  }

  /** The next chunk: nothing is read until a column is asked for. */
  load(chunk: DuckDBDataChunk): void {
    this.chunk = chunk;
    this.read.fill(false);
  }

  /** Column `index` of the loaded chunk (an array reused from chunk to chunk: read it before the next `load`). */
  column(index: number): ColumnValues {
    const values = this.values[index] as unknown[];
    if (!this.read[index]) {
      const chunk = this.chunk as DuckDBDataChunk;
      values.length = chunk.rowCount;
      (this.readers[index] as ColumnReader)(chunk, index, values);
      this.read[index] = true;
    }
    return values;
  }
}

type ColumnReader = (chunk: DuckDBDataChunk, index: number, into: unknown[]) => void;

/** The flat typed-array and validity layout below is little-endian, as DuckDB's vectors are on every platform it ships for. */
const LITTLE_ENDIAN = endianness() === 'LE';

function columnReader(type: DuckDBType): ColumnReader {
  if (!LITTLE_ENDIAN) return readItems;
  switch (type.typeId) {
    case DuckDBTypeId.DOUBLE:
      return typedReader(8, (bytes, n) => new Float64Array(bytes.buffer, bytes.byteOffset, n), same);
    case DuckDBTypeId.INTEGER:
      return typedReader(4, (bytes, n) => new Int32Array(bytes.buffer, bytes.byteOffset, n), same);
    case DuckDBTypeId.VARCHAR:
      return readText;
    case DuckDBTypeId.DATE:
      return dateReader();
    case DuckDBTypeId.ENUM:
      return type instanceof DuckDBEnumType ? enumReader(type) : readItems;
    default:
      return readItems;
  }
}

function readItems(chunk: DuckDBDataChunk, index: number, into: unknown[]): void {
  const vector = chunk.getColumnVector(index);
  for (let r = 0; r < into.length; r++) {
    const value = vector.getItem(r);
    into[r] = value !== null && typeof value === 'object' ? String(value) : value;
  }
}

/** An enum: indexes into its list of values (1, 2 or 4 bytes each, by the list's length). */
function enumReader(type: DuckDBEnumType): ColumnReader {
  const names = type.values;
  const width = type.internalTypeId === DuckDBTypeId.UTINYINT ? 1 : type.internalTypeId === DuckDBTypeId.USMALLINT ? 2 : 4;
  const view = (bytes: Uint8Array, n: number) =>
    width === 1 ? bytes : width === 2 ? new Uint16Array(bytes.buffer, bytes.byteOffset, n) : new Uint32Array(bytes.buffer, bytes.byteOffset, n);
  return typedReader(width, view, (i) => names[i] as string);
}

/** A DATE (days since 1970) as its text, made once per distinct day. */
function dateReader(): ColumnReader {
  const texts = new Map<number, string>();
  const text = (days: number) => {
    let known = texts.get(days);
    if (known === undefined) texts.set(days, (known = new DuckDBDateValue(days).toString()));
    return known;
  };
  return typedReader(4, (bytes, n) => new Int32Array(bytes.buffer, bytes.byteOffset, n), text);
}

const same = (item: number) => item;

/** A column of fixed-width items (numbers, enum indexes, days): one typed array over the vector's data, each item made a value. */
function typedReader(width: number, view: (bytes: Uint8Array, count: number) => ArrayLike<number>, value: (item: number) => unknown): ColumnReader {
  return (chunk, index, into) => {
    const n = into.length;
    const vector = bindings.data_chunk_get_vector(chunk.chunk, index);
    const items = view(bindings.vector_get_data(vector, n * width), n);
    const valid = validity(vector, n);
    for (let r = 0; r < n; r++) into[r] = valid === null || isValid(valid, r) ? value(items[r] as number) : null;
  };
}

/**
 * VARCHAR: each `duckdb_string_t` is 16 bytes, its length first; up to 12 bytes are held inline,
 * longer text is read through its pointer. ASCII is decoded by hand (most cells: ids, lists of
 * keys), anything else by the same TextDecoder `getItem` uses.
 */
function readText(chunk: DuckDBDataChunk, index: number, into: unknown[]): void {
  const n = into.length;
  const vector = bindings.data_chunk_get_vector(chunk.chunk, index);
  const data = bindings.vector_get_data(vector, n * 16);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const valid = validity(vector, n);
  for (let r = 0; r < n; r++) {
    if (valid !== null && !isValid(valid, r)) {
      into[r] = null;
      continue;
    }
    const at = r * 16;
    const length = view.getUint32(at, true);
    into[r] =
      length <= 12
        ? decode(data, at + 4, length)
        : decode(bindings.get_data_from_pointer(data.buffer as ArrayBuffer, data.byteOffset + at + 8, length), 0, length);
  }
}

const decoder = new TextDecoder();

function decode(bytes: Uint8Array, start: number, length: number): string {
  if (length > 32) return decoder.decode(bytes.subarray(start, start + length));
  let text = '';
  for (let i = start; i < start + length; i++) {
    const byte = bytes[i] as number;
    if (byte >= 128) return decoder.decode(bytes.subarray(start, start + length));
    text += String.fromCharCode(byte);
  }
  return text;
}

/** The vector's validity mask as bytes (bit r of byte r/8: the mask's 64-bit words are little-endian), or null when every value is valid. */
function validity(vector: ReturnType<Bindings['data_chunk_get_vector']>, n: number): Uint8Array | null {
  return bindings.vector_get_validity(vector, Math.ceil(n / 64) * 8) ?? null;
}

function isValid(mask: Uint8Array, r: number): boolean {
  return ((mask[r >> 3] as number) & (1 << (r & 7))) !== 0;
}
