import type { Diagnostic } from '@vitals/core';

/** What `vitals check` found in one file: its diagnostics, or why it could not be read. */
export interface CheckedFile {
  readonly file: string;
  /** The file's text, for showing source lines (absent when it could not be read). */
  readonly text?: string;
  readonly diagnostics: readonly Diagnostic[];
  /** Set when the file could not be read at all (exit 2). */
  readonly unreadable?: string;
}

export interface CheckCounts {
  readonly errors: number;
  readonly warnings: number;
}

export function countDiagnostics(diagnostics: readonly Diagnostic[]): CheckCounts {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { errors, warnings: diagnostics.length - errors };
}

export function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}
