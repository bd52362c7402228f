const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Dates are whole days since 1970-01-01 (UTC) inside evaluators: exact, cheap to compare and to
 * subtract, and the same as SQL's `date - date`. A datetime counts as its UTC date.
 */
export function parseDay(text: string): number | undefined {
  const trimmed = text.trim();
  const date = ISO_DATE.exec(trimmed);
  if (date !== null) {
    const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const ms = Date.UTC(y, m - 1, d);
    const check = new Date(ms);
    if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return undefined;
    return ms / DAY_MS;
  }
  if (!ISO_DATETIME.test(trimmed)) return undefined;
  const ms = Date.parse(trimmed.includes('T') || !/ /.test(trimmed) ? trimmed : trimmed.replace(' ', 'T'));
  return Number.isNaN(ms) ? undefined : Math.floor(ms / DAY_MS);
}

export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
