/**
 * Search helpers for "what value would this metric need": a boundary between values that do not
 * reach a goal and values that do, for a goal that is monotone in the value.
 */

/**
 * The value closest to `miss` that still reaches the goal, between `miss` (does not reach it) and
 * `hit` (does): bisection to the last bit a double can tell apart, in either direction.
 */
export function boundary(miss: number, hit: number, reaches: (value: number) => boolean): number {
  let low = miss;
  let high = hit;
  for (let i = 0; i < 200; i++) {
    const mid = low + (high - low) / 2;
    if (mid === low || mid === high) break;
    if (reaches(mid)) high = mid;
    else low = mid;
  }
  return high;
}

/**
 * `value` rounded away from the goal's edge (up when larger values reach it, down when smaller
 * ones do) to a resolution of a thousandth of `range`, so a person reads 0.713 and not
 * 0.71282828…; more decimals while the rounded value no longer reaches the goal.
 */
export function readableValue(value: number, range: number, upward: boolean, reaches: (value: number) => boolean): number {
  const start = range > 0 ? Math.max(0, -Math.floor(Math.log10(range / 1000))) : 6;
  for (let decimals = start; decimals <= start + 10 && decimals <= 100; decimals++) {
    const factor = 10 ** decimals;
    const rounded = (upward ? Math.ceil(value * factor - 1e-9) : Math.floor(value * factor + 1e-9)) / factor;
    if (reaches(rounded)) return rounded;
  }
  return value;
}
