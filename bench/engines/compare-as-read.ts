/**
 * The model's rule for comparing a metric value with a step threshold, as vitals states it
 * (`compareNumbers` in the core; restated here as a team using an engine would write it): numbers equal within 1e-12 of the larger are
 * equal, so a 10% growth computed as 9.999999999999993 is not `below: 10`. Every scorer that
 * computes in binary floating point needs it to agree with vitals; ZEN computes in decimal.
 */
export function compareAsRead(a: number, b: number): number {
  const difference = a - b;
  if (difference === 0) return 0;
  if (difference - difference !== 0) return a < b ? -1 : 1;
  const tolerance = Math.max(a < 0 ? -a : a, b < 0 ? -b : b) * 1e-12;
  if (difference <= tolerance && difference >= -tolerance) return 0;
  return difference < 0 ? -1 : 1;
}

/** `value < threshold`, as read. */
export const below = (value: number, threshold: number): boolean => compareAsRead(value, threshold) < 0;
