import type { ValueType } from '../check/value-type.js';

/** Numbers, dates and durations: evaluators compare them as numbers read at 15 significant digits. */
export function isMeasure(type: ValueType): boolean {
  return type.kind === 'number' || type.kind === 'duration' || type.kind === 'date';
}
