/** A typed array that grows as values are pushed: columns of a backtest kept in memory compactly. */
export interface Growable<T extends Float64Array | Int32Array | Uint8Array> {
  push(value: number): void;
  readonly length: () => number;
  /** The values pushed so far (a copy of the used part). */
  values(): T;
}

type Constructor<T> = new (length: number) => T;

function growable<T extends Float64Array | Int32Array | Uint8Array>(Type: Constructor<T>): Growable<T> {
  let buffer = new Type(1024);
  let length = 0;
  return {
    push(value) {
      if (length === buffer.length) {
        const bigger = new Type(buffer.length * 2);
        bigger.set(buffer);
        buffer = bigger;
      }
      buffer[length++] = value;
    },
    length: () => length,
    values: () => buffer.slice(0, length) as T,
  };
}

export const growableFloat64 = (): Growable<Float64Array> => growable(Float64Array);
export const growableInt32 = (): Growable<Int32Array> => growable(Int32Array);
export const growableUint8 = (): Growable<Uint8Array> => growable(Uint8Array);
