import type { Difference } from './model-test-report.js';
import type { Json } from './model-test-suite.js';

/** One line a person reads: `line 14: metrics.seats.score: expected 82.5 (± 0.5), got 80`. */
export function describeDifference(difference: Difference): string {
  const tolerance = difference.tolerance ? ` (± ${difference.tolerance})` : '';
  const actual = difference.note === undefined ? `got ${show(difference.actual)}` : difference.note;
  const path = difference.path === '' ? '' : `${difference.path}: `;
  return `line ${difference.line}: ${path}expected ${show(difference.expected)}${tolerance}, ${actual}`;
}

function show(value: Json): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
