/**
 * Maps each character of a YAML string scalar's *value* back to its offset in the file, so a
 * diagnostic inside an expression points at the right line and column whatever the quoting style.
 * It re-decodes the scalar's source with the YAML rules that matter for expressions (escapes,
 * line folding, block indentation and chomping) and keeps the result only when it reproduces the
 * value the YAML parser produced; anything else falls back to the whole scalar (never a wrong place).
 */
export type ScalarStyle = 'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

interface Decoded {
  chars: string[];
  offsets: number[];
  ends: number[];
}

/** Where the source of each character of the value starts and ends (end exclusive): `''` or `\u0070` is one character. */
export interface ScalarSourceMap {
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

/**
 * The source of each character of the value. Undefined when the source can't be mapped exactly.
 * `blockIndent` is the indentation a block scalar's explicit indentation indicator (`|2`) counts from.
 */
export function scalarSourceMap(
  text: string,
  style: ScalarStyle,
  start: number,
  end: number,
  value: string,
  blockIndent?: number,
): ScalarSourceMap | undefined {
  const decoded = decodeScalar(text, style, start, end, blockIndent);
  if (decoded === undefined || decoded.chars.join('') !== value) return undefined;
  return { starts: decoded.offsets, ends: decoded.ends };
}

function decodeScalar(text: string, style: ScalarStyle, start: number, end: number, blockIndent: number | undefined): Decoded | undefined {
  switch (style) {
    case 'PLAIN':
      return decodeFlow(text, start, end, style);
    case 'QUOTE_SINGLE':
    case 'QUOTE_DOUBLE':
      return decodeFlow(text, start + 1, end - 1, style);
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED':
      return decodeBlock(text, start, end, style === 'BLOCK_FOLDED', blockIndent);
  }
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};
const HEX_ESCAPE_LENGTH: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

function isBreak(text: string, i: number): boolean {
  return text[i] === '\n' || (text[i] === '\r' && text[i + 1] === '\n');
}

function skipBreak(text: string, i: number): number {
  return text[i] === '\r' ? i + 2 : i + 1;
}

function decodeFlow(text: string, from: number, to: number, style: ScalarStyle): Decoded | undefined {
  const out: Decoded = { chars: [], offsets: [], ends: [] };
  const literal: boolean[] = []; // false for characters produced by an escape: never trimmed
  let i = from;
  while (i < to) {
    if (isBreak(text, i)) {
      while (out.chars.length > 0 && isBlank(out.chars[out.chars.length - 1]) && literal[literal.length - 1]) {
        out.chars.pop();
        out.offsets.pop();
        out.ends.pop();
        literal.pop();
      }
      i = foldBreaks(text, i, to, out, literal);
      continue;
    }
    const c = text[i] as string;
    if (style === 'QUOTE_DOUBLE' && c === '\\') {
      const next = i + 1;
      if (isBreak(text, next)) {
        i = skipBreak(text, next);
        while (i < to && isBlank(text[i])) i++;
        continue;
      }
      const escaped = decodeEscape(text, next);
      if (escaped === undefined) return undefined;
      push(out, literal, escaped.char, i, false, 1 + escaped.length);
      i = next + escaped.length;
      continue;
    }
    if (style === 'QUOTE_SINGLE' && c === "'" && text[i + 1] === "'") {
      push(out, literal, "'", i, false, 2);
      i += 2;
      continue;
    }
    push(out, literal, c, i, true);
    i++;
  }
  return out;
}

/** A run of line breaks inside a flow scalar: one break folds to a space, n+1 breaks to n newlines. */
function foldBreaks(text: string, i: number, to: number, out: Decoded, literal: boolean[]): number {
  const firstBreak = i;
  const extraBreaks: number[] = [];
  i = skipBreak(text, i);
  for (;;) {
    while (i < to && isBlank(text[i])) i++;
    if (i < to && isBreak(text, i)) {
      extraBreaks.push(i);
      i = skipBreak(text, i);
    } else break;
  }
  if (extraBreaks.length === 0) push(out, literal, ' ', firstBreak, false);
  for (const at of extraBreaks) push(out, literal, '\n', at, false);
  return i;
}

function decodeEscape(text: string, at: number): { char: string; length: number } | undefined {
  const kind = text[at] as string;
  const simple = SIMPLE_ESCAPES[kind];
  if (simple !== undefined) return { char: simple, length: 1 };
  const digits = HEX_ESCAPE_LENGTH[kind];
  if (digits === undefined) return undefined;
  const hex = text.slice(at + 1, at + 1 + digits);
  if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) return undefined;
  return { char: String.fromCodePoint(parseInt(hex, 16)), length: 1 + digits };
}

function push(out: Decoded, literal: boolean[], char: string, offset: number, isLiteral: boolean, length = 1): void {
  // A code point above U+FFFF is two UTF-16 units; both map to the escape that made them.
  for (const unit of char.length > 1 ? char.split('') : [char]) {
    out.chars.push(unit);
    out.offsets.push(offset);
    out.ends.push(offset + length);
    literal.push(isLiteral);
  }
}

interface BlockLine {
  start: number; // offset of the first content character (after indentation)
  content: string;
  breakAt: number; // offset of the line break that ends the line (or the end)
}

function decodeBlock(text: string, start: number, end: number, folded: boolean, blockIndent: number | undefined): Decoded | undefined {
  const headerEnd = text.indexOf('\n', start);
  if (headerEnd < 0 || headerEnd >= end) return { chars: [], offsets: [], ends: [] };
  const header = text.slice(start + 1, headerEnd).replace(/\s*#.*$/, '').trim();
  const indicator = /\d/.exec(header);
  if (indicator !== null && blockIndent === undefined) return undefined;
  const indent = indicator === null ? undefined : (blockIndent as number) + Number(indicator[0]);
  const chomping = header.includes('-') ? 'strip' : header.includes('+') ? 'keep' : 'clip';
  const lines = blockLines(text, headerEnd + 1, end, indent);
  if (lines === undefined) return undefined;
  const out: Decoded = { chars: [], offsets: [], ends: [] };
  const literal: boolean[] = [];
  let lastContent = -1;
  lines.forEach((line, k) => {
    if (line.content !== '') lastContent = k;
  });
  for (let k = 0; k <= lastContent; k++) {
    const line = lines[k] as BlockLine;
    for (let j = 0; j < line.content.length; j++) push(out, literal, line.content[j] as string, line.start + j, true);
    const separator = k < lastContent ? blockSeparator(lines, k, folded) : '';
    if (separator !== '') push(out, literal, separator, line.breakAt, false);
  }
  const trailing = lines.slice(Math.max(lastContent, 0));
  if (lastContent >= 0 && chomping !== 'strip') {
    const breaks = chomping === 'keep' ? trailing : trailing.slice(0, 1);
    for (const line of breaks) if (line.breakAt < end) push(out, literal, '\n', line.breakAt, false);
  }
  return out;
}

/**
 * What the line break after line `k` becomes. Folding turns a break between two text lines into a
 * space, and drops a break followed by empty lines (each empty line then gives one newline), except
 * around more-indented lines, whose breaks are kept.
 */
function blockSeparator(lines: BlockLine[], k: number, folded: boolean): string {
  const current = lines[k] as BlockLine;
  if (!folded || current.content === '') return '\n';
  const following = lines.slice(k + 1).find((line) => line.content !== '') as BlockLine;
  const moreIndented = (line: BlockLine) => isBlank(line.content[0]);
  if (moreIndented(current) || moreIndented(following)) return '\n';
  return (lines[k + 1] as BlockLine).content === '' ? '' : ' ';
}

/** The lines of a block scalar without their indentation: `fixedIndent` when the header gives one, else the first text line's. */
function blockLines(text: string, from: number, end: number, fixedIndent?: number): BlockLine[] | undefined {
  const raw: { start: number; text: string }[] = [];
  let at = from;
  while (at < end) {
    const nl = text.indexOf('\n', at);
    const stop = nl < 0 || nl >= end ? end : nl;
    raw.push({ start: at, text: text.slice(at, stop).replace(/\r$/, '') });
    at = stop + 1;
  }
  const first = raw.find((line) => line.text.trim() !== '');
  if (first === undefined) return [];
  const indent = fixedIndent ?? first.text.length - first.text.trimStart().length;
  const lines: BlockLine[] = [];
  for (const line of raw) {
    const blankOnly = line.text.trim() === '' && line.text.length <= indent;
    if (!blankOnly && line.text.slice(0, indent).trim() !== '') return undefined;
    const content = blankOnly ? '' : line.text.slice(indent);
    lines.push({ start: line.start + indent, content, breakAt: line.start + line.text.length });
  }
  return lines;
}
