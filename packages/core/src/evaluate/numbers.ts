const POWERS_OF_TEN = Array.from({ length: 11 }, (_, i) => 10 ** i);

/**
 * Rounds half away from zero to `decimals` places (0–10), reading the value as its 15 significant
 * decimal digits first: a score that is 40 in decimal but 39.99999999999999 in binary rounds to
 * 40, so `below: 40` means what a person reads. Every evaluator rounds every score with this.
 * Far from a half-way point both readings round alike, so the string conversion is rarely needed.
 */
export function roundTo(value: number, decimals: number): number {
  const factor = POWERS_OF_TEN[decimals] as number;
  const magnitude = (value < 0 ? -value : value) * factor;
  let rounded: number;
  const floor = Math.floor(magnitude);
  const fromHalf = magnitude - floor - 0.5;
  if (magnitude < 1e9 && (fromHalf > 1e-6 || fromHalf < -1e-6)) rounded = fromHalf > 0 ? floor + 1 : floor;
  else rounded = Math.round(Number(magnitude.toPrecision(15)));
  return (value < 0 ? -rounded : rounded) / factor + 0;
}

/** Arithmetic that overflows or is undefined (NaN, ±Infinity) is missing, never a number. */
export function finite(value: number): number | null {
  return value - value === 0 ? value : null;
}

export const COVERAGE_DECIMALS = 4;
export const WEIGHT_DECIMALS = 4;
