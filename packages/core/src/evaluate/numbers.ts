const POWERS_OF_TEN = Array.from({ length: 11 }, (_, i) => 10 ** i);

/**
 * Rounds half away from zero to `decimals` places (0–10), reading the value as its 15 significant
 * decimal digits first: a score that is 40 in decimal but 39.99999999999999 in binary rounds to
 * 40, and 27.435 (27.434999999999999 in binary) to 27.44, so `below: 40` means what a person
 * reads. Every evaluator rounds every score with this function.
 *
 * The definition is `Math.round(Number(m.toPrecision(15)))` on the magnitude m = |value|·10^decimals.
 * That string conversion is slow, so below 1e9 the same answer is found arithmetically: only a
 * value whose 15-digit reading is exactly a half (n + 0.5) can round differently from its binary
 * value, and the reading is that half exactly when m lies within half a unit of the 15th digit of it.
 * When m is 1e15 or more, the 15-digit reading has no digit left beyond `decimals`: the result is
 * the value's own 15-digit reading (so `round(1e305, 4)` is 1e305, where m would overflow, and a
 * large value is not moved by dividing an inexact m back). Only for |value| > 1.79769313486231e308
 * is that reading past the largest double: ±Infinity, which `round()` in an expression turns to null.
 */
export function roundTo(value: number, decimals: number): number {
  const magnitude = (value < 0 ? -value : value) * (POWERS_OF_TEN[decimals] as number);
  if (magnitude >= 1e15) return Number(value.toPrecision(15)) + 0;
  let rounded: number;
  if (magnitude < 1e9) {
    const floor = Math.floor(magnitude);
    const distance = magnitude - (floor + 0.5);
    if (distance > 1e-6) rounded = floor + 1;
    else if (distance < -1e-6) rounded = floor;
    else rounded = readsAsHalf(floor + 0.5, distance) || distance > 0 ? floor + 1 : floor;
  } else {
    rounded = Math.round(Number(magnitude.toPrecision(15)));
  }
  return (value < 0 ? -rounded : rounded) / (POWERS_OF_TEN[decimals] as number) + 0;
}

/**
 * Half a unit of the 15th significant digit for halves of each decade 10^e (e = −1…8), as the
 * nearest double, and whether that double lies below the exact decimal (then a distance equal to
 * it is still inside). Computed once, exactly, from the decimal expansion of each double.
 */
const HALF_UNITS = halfUnits(10);

/**
 * For the halves of each decade 10^e, e = −1, 0, 1, …: half a unit of the 15th significant digit
 * as the nearest double, and whether that double lies below the exact decimal (then a distance
 * equal to it is still within). The SQL back end spells the same rule out for more decades.
 */
export function halfUnits(decades: number): { unit: number; inclusive: boolean }[] {
  return Array.from({ length: decades }, (_, i) => {
    const exponent = i - 1 - 15;
    const unit = Number(`5e${exponent}`);
    return { unit, inclusive: unit.toPrecision(30).startsWith('4') };
  });
}

function readsAsHalf(half: number, distance: number): boolean {
  let decade = 0;
  while (decade < 9 && half >= (POWERS_OF_TEN[decade] as number)) decade++;
  const { unit, inclusive } = HALF_UNITS[decade] as { unit: number; inclusive: boolean };
  const d = distance < 0 ? -distance : distance;
  return d < unit || (inclusive && d === unit);
}

/** Numbers that agree to this relative precision (about 12 significant digits) are equal. */
export const COMPARISON_PRECISION = 1e-12;

/**
 * Compares two numbers as a person reads them, not as binary fractions: (13.2 − 12) / 12 × 100 is
 * 9.999999999999993 in binary but a 10% growth to anyone reading it, so it is not `below: 10`
 * and it is `>= 10`. Two numbers are equal when they differ by at most 1e-12 of the larger; the
 * rule is arithmetic, so SQL can state it too. Returns −1, 0 or 1.
 */
export function compareNumbers(a: number, b: number): number {
  const difference = a - b;
  if (difference === 0) return 0;
  if (difference - difference !== 0) return a < b ? -1 : 1; // an infinite bound
  const larger = Math.max(a < 0 ? -a : a, b < 0 ? -b : b);
  const tolerance = larger * COMPARISON_PRECISION;
  if (difference <= tolerance && difference >= -tolerance) return 0;
  return difference < 0 ? -1 : 1;
}

/** Arithmetic that overflows or is undefined (NaN, ±Infinity) is missing, never a number. */
export function finite(value: number): number | null {
  return value - value === 0 ? value : null;
}

export const COVERAGE_DECIMALS = 4;
export const WEIGHT_DECIMALS = 4;
