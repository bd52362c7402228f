import type { Diagnostic } from '@vitals/core';

/**
 * The `# expect:` notation of the diagnostic fixtures (see docs/diagnostics.md):
 *
 *     # expect: operand-type at 21:27-21:31 "plan"
 *
 * code, then `at` start line:column - end line:column (1-based, columns in UTF-16 units, the end
 * exclusive), then optionally the exact text of the file in that range as a JSON string.
 */
export interface Expectation {
  readonly code: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly text?: string;
}

const EXPECT_LINE = /^# expect: ([a-z0-9-]+) at (\d+):(\d+)-(\d+):(\d+)(?: (".*"))?\s*$/;

/** Every `# expect:` line of a fixture; a malformed one throws, so a typo can't silently expect nothing. */
export function readExpectations(source: string): Expectation[] {
  return source
    .split(/\r?\n/)
    .filter((line) => line.startsWith('# expect:'))
    .map((line) => {
      const match = EXPECT_LINE.exec(line);
      if (match === null) throw new Error(`malformed expectation: ${line}`);
      const [, code, line1, column, endLine, endColumn, text] = match as unknown as [string, string, string, string, string, string, string | undefined];
      return {
        code,
        line: Number(line1),
        column: Number(column),
        endLine: Number(endLine),
        endColumn: Number(endColumn),
        ...(text === undefined ? {} : { text: JSON.parse(text) as string }),
      };
    });
}

/** One line per expectation, so a failing test shows a readable diff. */
export function formatExpectation(e: Expectation): string {
  const text = e.text === undefined ? '' : ` ${JSON.stringify(e.text)}`;
  return `${e.code} at ${e.line}:${e.column}-${e.endLine}:${e.endColumn}${text}`;
}

/**
 * A diagnostic in the same notation. The quoted text is cut from `source` by line and column (not
 * by the diagnostic's offsets), so a fixture's text checks the line and column themselves.
 */
export function describeDiagnostic(d: Diagnostic, source: string, withText: boolean): string {
  const text = textAt(source, d.line, d.column, d.endLine, d.endColumn);
  return formatExpectation({ ...d, ...(withText ? { text } : {}) });
}

/** The text between two 1-based line:column positions. */
export function textAt(source: string, line: number, column: number, endLine: number, endColumn: number): string {
  return source.slice(offsetAt(source, line, column), offsetAt(source, endLine, endColumn));
}

/** The offset of a 1-based line:column, counting lines by `\n` as the core does. */
export function offsetAt(source: string, line: number, column: number): number {
  let offset = 0;
  for (let i = 1; i < line; i++) {
    const newline = source.indexOf('\n', offset);
    if (newline < 0) throw new Error(`line ${line} is past the end of the text`);
    offset = newline + 1;
  }
  return offset + column - 1;
}

/** The 1-based line and column of an offset. */
export function positionOf(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/**
 * Where `needle` is written in `source`, searching from the end of `after` (so `at(model, 'plan',
 * 'value:')` finds the `plan` of the formula, not the input's declaration), as an expectation.
 */
export function at(source: string, code: string, needle: string, after = ''): Expectation {
  const from = after === '' ? 0 : source.indexOf(after);
  if (from < 0) throw new Error(`${JSON.stringify(after)} is not in the text`);
  const start = source.indexOf(needle, from + after.length);
  if (start < 0) throw new Error(`${JSON.stringify(needle)} is not in the text after ${JSON.stringify(after)}`);
  const begin = positionOf(source, start);
  const end = positionOf(source, start + needle.length);
  return { code, line: begin.line, column: begin.column, endLine: end.line, endColumn: end.column, text: needle };
}
