/**
 * The digits of a finite double as JavaScript prints them (the shortest text that reads back as
 * the same double): every engine parses that text to the same value.
 */
export function numberText(value: number): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`bug: an SQL number literal must be finite, got ${String(value)}`);
  return String(value);
}

export function wholeNumberText(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`bug: an SQL integer literal must be a safe integer, got ${String(value)}`);
  return String(value);
}

/**
 * Text that SQL cannot carry faithfully: a lone UTF-16 surrogate has no UTF-8 form (the query
 * text is UTF-8), so it would silently become U+FFFD and compare differently than in JavaScript.
 */
export function assertEncodable(text: string, what: string): void {
  if (typeof text !== 'string') throw new Error(`bug: ${what} must be a string`);
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text)) {
    throw new SqlTranslationError(`${what} ${JSON.stringify(text)} holds a lone UTF-16 surrogate, which SQL text (UTF-8) cannot carry`);
  }
}

/** A model that this dialect cannot express faithfully (never a silently different query). */
export class SqlTranslationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SqlTranslationError';
  }
}

/** Identifiers a dialect would resolve without quotes: the ones warehouse users write bare. */
export const PLAIN_IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** Characters a reader cannot see (spaces other than ' ', line and paragraph separators, the BOM). */
export const INVISIBLE = /[\p{Zs}\p{Zl}\p{Zp}\ufeff\u200b]/u;

/**
 * A string literal whose control and invisible characters are spelt with `chr(n)` between quoted pieces: a
 * query never holds a raw line break inside a literal (so it can be re-indented and read), and
 * the NUL that PostgreSQL text cannot hold is caught by the caller first.
 */
export function quotedWithChr(text: string, quote: (piece: string) => string): string {
  const pieces: string[] = [];
  let current = '';
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (code < 0x20 || code === 0x7f || (char !== ' ' && INVISIBLE.test(char))) {
      if (current !== '') pieces.push(quote(current));
      pieces.push(`chr(${code})`);
      current = '';
    } else current += char;
  }
  if (current !== '' || pieces.length === 0) pieces.push(quote(current));
  return pieces.length === 1 ? (pieces[0] as string) : `(${pieces.join(' || ')})`;
}
