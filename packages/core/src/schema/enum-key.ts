/**
 * How a record's value matches an enum's declared values — a rule of the format, shared by `check`
 * (which warns about declared values it makes ambiguous) and the record readers. The record value is
 * trimmed of spaces, tabs and line ends, then matches a declared value exactly; failing that, the
 * one declared value with the same loose key, when exactly one has it.
 */

/**
 * Lower-cased, without white space, `_` and `-`: `Gold Tier`, `gold_tier`, `GoldTier` → `goldtier`.
 * White space is JavaScript's `\s` (tab, line ends, space, no-break space and the other Unicode
 * spaces), so a no-break space from a spreadsheet matches like a space.
 */
export function looseEnumKey(text: string): string {
  return text.toLowerCase().replace(/[\s_-]+/g, '');
}

/** A value starting or ending with what trimming removes can't be matched exactly by a trimmed record value. */
export function isPadded(text: string): boolean {
  return /^[ \t\r\n]|[ \t\r\n]$/.test(text);
}
