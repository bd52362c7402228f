/**
 * JSON numbers are doubles: `12345678901234567890` parses as 12345678901234567000, and two account
 * ids that differ in their last digits would become one account. A record's top-level integers of
 * 16 or more digits that a double cannot hold exactly are put back as the text they were written
 * as; the core reads that text as its input's type (a string id stays exact; a number reads the same).
 */
export function keepLongIntegers(text: string, record: Record<string, unknown>): void {
  if (!/\d{16}/.test(text)) return;
  let depth = 0;
  let key: string | undefined;
  let expectingValue = false;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      const end = stringEnd(text, i);
      if (depth === 1 && !expectingValue) key = JSON.parse(text.slice(i, end)) as string;
      expectingValue = false;
      i = end;
      continue;
    }
    if (depth === 1 && expectingValue && (c === 45 || (c >= 48 && c <= 57))) {
      let end = i + 1;
      while (end < text.length && isNumberChar(text.charCodeAt(end))) end++;
      const token = text.slice(i, end);
      if (key !== undefined && losesDigits(token)) Object.defineProperty(record, key, { value: token, writable: true, enumerable: true, configurable: true });
      expectingValue = false;
      i = end;
      continue;
    }
    if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) depth--;
    if (depth === 1 && c === 58) expectingValue = true;
    else if (c !== 32 && c !== 9 && c !== 10 && c !== 13) expectingValue = false;
    i++;
  }
}

/** The index just past the closing quote of the string starting at `start`. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 92) i += 2;
    else if (c === 34) return i + 1;
    else i++;
  }
  return text.length;
}

function isNumberChar(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || c === 101 || c === 69;
}

/** An integer token a double cannot hold exactly. */
function losesDigits(token: string): boolean {
  if (!/^-?\d{16,}$/.test(token)) return false;
  const value = Number(token);
  return !Number.isFinite(value) || BigInt(value) !== BigInt(token);
}
