import type { ByteChunk } from '../io/byte-chunk.js';

/**
 * `String(value)`, as bytes. Whole numbers and numbers on a decimal grid of up to 6 places (scores
 * rounded to a precision, ratios like 0.75) are written digit by digit: for such a number the
 * shortest text that reads back as it (what `String` gives) is its grid decimal, trailing zeros
 * cut. Other fractions take `String` (remembered: see `fractionText`).
 */
export function writeNumber(out: ByteChunk, value: number): void {
  if (Number.isInteger(value) && value > -SAFE && value < SAFE) {
    writeInteger(out, value);
    return;
  }
  // A number on a coarser grid is on this one too; writeDecimal cuts the trailing zeros.
  const units = Math.round(value * GRID_SCALE);
  if (units / GRID_SCALE === value && units > -GRID_LIMIT && units < GRID_LIMIT) {
    writeDecimal(out, units, GRID_PLACES, GRID_SCALE);
    return;
  }
  out.ascii(fractionText(value));
}

/**
 * `String(value)` of a fraction off the grid (a ratio like 0.9146608315098468), remembered in a
 * small table indexed by the number's bits: such values repeat across rows (a ratio of two small
 * counts), and their text costs hundreds of nanoseconds. Bounded, and a slot holds the last value
 * that hashed to it; NaN never matches, so it is never served from the table.
 */
function fractionText(value: number): string {
  FRACTION_BITS[0] = value;
  const slot = Math.imul((FRACTION_WORDS[0] as number) ^ (FRACTION_WORDS[1] as number), 0x9e3779b1) >>> (32 - FRACTION_SLOTS_LOG2);
  if (FRACTION_VALUES[slot] === value) return FRACTION_TEXTS[slot] as string;
  const text = String(value);
  FRACTION_VALUES[slot] = value;
  FRACTION_TEXTS[slot] = text;
  return text;
}

const FRACTION_SLOTS_LOG2 = 14;
const FRACTION_VALUES = new Float64Array(1 << FRACTION_SLOTS_LOG2).fill(Number.NaN);
const FRACTION_TEXTS: string[] = new Array<string>(1 << FRACTION_SLOTS_LOG2).fill('');
const FRACTION_BITS = new Float64Array(1);
const FRACTION_WORDS = new Int32Array(FRACTION_BITS.buffer);

const SAFE = 2 ** 53;
const GRID_PLACES = 6;
const GRID_SCALE = 1e6;
/**
 * Below this many grid units the gap between neighbouring doubles is under a quarter of the grid's
 * step, so the grid decimal is the only short decimal that reads back as the number.
 */
const GRID_LIMIT = 1e15;

/** A whole number (`-0` as `0`, like `String`). */
function writeInteger(out: ByteChunk, value: number): void {
  out.room(17);
  if (value < 0) out.bytes[out.length++] = 45;
  writeDigits(out, value < 0 ? -value : value, 1);
}

/** `units` ÷ `scale` (10^places) as a decimal, trailing zeros cut; units is not a multiple of scale. */
function writeDecimal(out: ByteChunk, units: number, places: number, scale: number): void {
  out.room(24);
  if (units < 0) {
    out.bytes[out.length++] = 45;
    units = -units;
  }
  const whole = Math.floor(units / scale);
  let fraction = units - whole * scale;
  while (fraction % 10 === 0) {
    fraction /= 10;
    places--;
  }
  writeDigits(out, whole, 1);
  out.bytes[out.length++] = 46;
  writeDigits(out, fraction, places);
}

/** The digits of a non-negative whole number, left-padded with zeros to at least `width`. */
function writeDigits(out: ByteChunk, value: number, width: number): void {
  let digits = 1;
  for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++;
  if (digits < width) digits = width;
  const bytes = out.bytes;
  let at = out.length + digits;
  out.length = at;
  for (let i = 0; i < digits; i++) {
    const next = Math.floor(value / 10);
    bytes[--at] = 48 + (value - next * 10);
    value = next;
  }
}
