import type { EffectiveWeights } from '@vitals/core';
import type { DiagnosticLike } from './check-pretty.js';

/** What `vitals check` found in one file: its diagnostics, or why it could not be read. */
export interface CheckedFile {
  readonly file: string;
  /** The file's text, for showing source lines (absent when it could not be read). */
  readonly text?: string;
  /** A model's diagnostics, or a test file's (its own codes, and the model's YAML codes). */
  readonly diagnostics: readonly DiagnosticLike[];
  /** Set when the file could not be read at all (exit 2). */
  readonly unreadable?: string;
  /** Each category's and metric's share of the overall score (a model without errors). */
  readonly weights?: EffectiveWeights;
}

export interface CheckCounts {
  readonly errors: number;
  readonly warnings: number;
}

export function countDiagnostics(diagnostics: readonly DiagnosticLike[]): CheckCounts {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { errors, warnings: diagnostics.length - errors };
}

/** `1,234 errors`. Digits are grouped by hand: `toLocaleString` loads locale data, tens of milliseconds of every command's start. */
export function plural(n: number, word: string): string {
  return `${String(n).replace(/\B(?=(\d{3})+$)/g, ',')} ${word}${n === 1 ? '' : 's'}`;
}
