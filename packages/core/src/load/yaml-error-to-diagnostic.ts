import { isScalar, visit, type Document, type YAMLError } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import { MAX_YAML_DEPTH } from '../limits.js';

export type Report = (code: DiagnosticCode, params: object, start: number, end: number) => Diagnostic;

/** One error of the yaml parser → a diagnostic, placed where the author has to change something. */
export function yamlErrorToDiagnostic(error: YAMLError, doc: Document.Parsed, text: string, report: Report): Diagnostic {
  const [start, end] = error.pos;
  // yaml gives the whole second document; its first line (the `---`) is what to remove.
  if (error.code === 'MULTIPLE_DOCS') return report('yaml-multiple-documents', {}, start, lineEnd(text, start, end));
  if (error.code === 'RESOURCE_EXHAUSTION') return report('yaml-too-deep', { limit: MAX_YAML_DEPTH }, start, end);
  const detail = error.message.replace(/ at line \d+, column \d+[\s\S]*$/, '');
  // "Unexpected scalar at node end" is nearly always a quoted string followed by more text.
  const reason = error.code === 'UNEXPECTED_TOKEN' && /scalar at node end/i.test(detail) ? 'TEXT_AFTER_QUOTE' : error.code;
  const params = { detail: detail.charAt(0).toLowerCase() + detail.slice(1), reason };
  // A quote that is never closed is found at the end of the file; the author needs the line that opened it.
  const opened = error.code === 'MISSING_CHAR' && /quote/.test(detail) ? openingQuote(doc, start) : undefined;
  if (opened !== undefined) return report('yaml-syntax', params, opened, lineEnd(text, opened, end));
  return report('yaml-syntax', params, start, end);
}

function lineEnd(text: string, start: number, end: number): number {
  const newline = text.indexOf('\n', start);
  return newline < 0 ? end : Math.min(newline, end);
}

/** Where the quoted scalar that runs up to `end` (unclosed) starts. */
function openingQuote(doc: Document.Parsed, end: number): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Scalar(_, node) {
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
      if (isScalar(node) && quoted && node.range?.[1] === end) found = node.range[0];
    },
  });
  return found;
}
