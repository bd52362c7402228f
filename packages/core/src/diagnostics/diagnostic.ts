import type { Span } from '../position/span.js';
import type { DiagnosticCode, DiagnosticParams, Severity } from './codes.js';
import { DIAGNOSTIC_TEXT } from './messages.js';

/** A problem in a model, as a value: where it is, what it is, and what to do about it. */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly hint?: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly offset: number;
  readonly endOffset: number;
}

/** The one constructor of diagnostics. */
export function diagnostic<C extends DiagnosticCode>(code: C, params: DiagnosticParams[C], span: Span): Diagnostic {
  const text = DIAGNOSTIC_TEXT[code];
  const hint = text.hint(params);
  return { code, severity: text.severity, message: text.message(params), ...(hint === undefined ? {} : { hint }), ...flatSpan(span) };
}

/** A span as the flat fields every diagnostic carries (file, 1-based line and column, offsets). */
export function flatSpan(span: Span): Pick<Diagnostic, 'file' | 'line' | 'column' | 'endLine' | 'endColumn' | 'offset' | 'endOffset'> {
  return {
    file: span.file,
    line: span.start.line,
    column: span.start.column,
    endLine: span.end.line,
    endColumn: span.end.column,
    offset: span.start.offset,
    endOffset: span.end.offset,
  };
}

export function hasErrors(diagnostics: readonly Pick<Diagnostic, 'severity'>[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** File order, then errors before warnings at the same place: the order people read them in. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => a.file.localeCompare(b.file) || a.offset - b.offset || a.severity.localeCompare(b.severity) || a.code.localeCompare(b.code),
  );
}
