import { parseDay } from '../../evaluate/dates.js';

/**
 * What one outcome cell says. A label says whether the account churned; a date is when it churned
 * (and a blank cell in a column of dates means it has not); a blank label is no outcome.
 */
export type OutcomeReading =
  | { readonly kind: 'label'; readonly churned: boolean }
  | { readonly kind: 'date'; readonly day: number }
  | { readonly kind: 'blank' }
  | { readonly kind: 'unknown' };

/**
 * How labels read, compared without case and surrounding spaces. Only these: a value outside the
 * list (`y`, `2`, `lost`) is refused rather than guessed at, because a wrong guess would silently
 * turn churners into retained accounts.
 */
export const OUTCOME_LABELS: { readonly churned: readonly string[]; readonly retained: readonly string[] } = {
  churned: ['true', 'yes', '1', 'churned'],
  retained: ['false', 'no', '0', 'retained'],
};

const CHURNED = new Set(OUTCOME_LABELS.churned);
const RETAINED = new Set(OUTCOME_LABELS.retained);

/** Reads an outcome cell: text from CSV, or a JSON boolean, number or string. */
export function readOutcome(value: unknown): OutcomeReading {
  if (value === undefined || value === null) return { kind: 'blank' };
  if (typeof value === 'boolean') return { kind: 'label', churned: value };
  if (typeof value === 'number') return value === 1 || value === 0 ? { kind: 'label', churned: value === 1 } : { kind: 'unknown' };
  if (typeof value !== 'string') return { kind: 'unknown' };
  const text = value.trim().toLowerCase();
  if (text === '') return { kind: 'blank' };
  if (CHURNED.has(text)) return { kind: 'label', churned: true };
  if (RETAINED.has(text)) return { kind: 'label', churned: false };
  const day = parseDay(text);
  return day === undefined ? { kind: 'unknown' } : { kind: 'date', day };
}

/** The sentence that says how outcome values read (for help texts and error messages). */
export function outcomeMappingText(): string {
  const pairs = OUTCOME_LABELS.churned.map((c, i) => `${c}/${OUTCOME_LABELS.retained[i] as string}`);
  return `${pairs.join(', ')} (any case; the first of each pair is churned), or a churn date YYYY-MM-DD (blank: not churned)`;
}
