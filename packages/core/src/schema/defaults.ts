import type { PulseLevelSource } from './model-source.js';

/** What a model gets for each optional setting it leaves out. Documented in the README's format tour. */
export const DEFAULT_SCALE = { min: 1, max: 100 } as const;
export const DEFAULT_PRECISION = 2;
/** Decimals a score can be rounded to (`precision`). */
export const MAX_PRECISION = 6;
export const DEFAULT_MIN_COVERAGE = 0.5;
export const DEFAULT_WEIGHT = 1;
export const DEFAULT_WEAKEST_LINK_MARGIN = 10;
export const DEFAULT_SHELF_LIFE_DAYS = 30;

/** The six-point CSM pulse, best first, as CS platforms ship it. */
export const DEFAULT_PULSE_SCALE: readonly PulseLevelSource[] = [
  { value: 'extremely_satisfied', title: 'Extremely Satisfied', score: 100 },
  { value: 'very_satisfied', title: 'Very Satisfied', score: 85 },
  { value: 'satisfied', title: 'Satisfied', score: 70 },
  { value: 'at_risk', title: 'At Risk', score: 40 },
  { value: 'high_risk', title: 'High Risk', score: 20 },
  { value: 'severe_risk', title: 'Severe Risk', score: 1 },
];

/** `30d` → 30, `2w` → 14. The schema guarantees the form. */
export function durationDays(text: string): number {
  const amount = Number(text.slice(0, -1));
  return text.endsWith('w') ? amount * 7 : amount;
}
