import { quoted } from './safe-text.js';

/** A metric value or score as a person reads it: at most six significant digits, text quoted (and escaped: `quoted`). */
export function formatValue(value: number | string | boolean | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
  if (typeof value === 'string') return quoted(value);
  return String(value);
}

/** A share (0–1) as a percentage with at most one decimal. */
export function formatShare(share: number): string {
  return `${String(Math.round(share * 1000) / 10)}%`;
}
