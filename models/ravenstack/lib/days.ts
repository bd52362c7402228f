/**
 * Dates as whole days since 1970-01-01 (UTC), as the vitals evaluators count them: exact to
 * compare and subtract, and free of time zones.
 */
const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$/;

/** `2024-03-05` or `2024-03-05 19:00:00` → its day; anything else → undefined. */
export function parseDay(text: string): number | undefined {
  const match = ISO_DAY.exec(text.trim());
  if (match === null) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(y, m - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return undefined;
  return ms / DAY_MS;
}

export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The last day of the month `day` falls in. */
export function monthEnd(day: number): number {
  const date = new Date(day * DAY_MS);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0) / DAY_MS;
}

/** The last month-end on or before `day`. */
export function monthEndOnOrBefore(day: number): number {
  if (monthEnd(day) === day) return day;
  const date = new Date(day * DAY_MS);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 0) / DAY_MS;
}

/** The month-end after the month-end `day` (the last day of the following month). */
export function nextMonthEnd(day: number): number {
  return monthEnd(day + 1);
}

/** `2024-03` → the last day of March 2024; anything else → undefined. */
export function parseMonth(text: string): number | undefined {
  if (!/^\d{4}-\d{2}$/.test(text)) return undefined;
  const first = parseDay(`${text}-01`);
  return first === undefined ? undefined : monthEnd(first);
}

/** The first anniversary of `start` (same month and day, a later year) on or after `day`. */
export function nextAnniversary(start: number, day: number): number {
  const s = new Date(start * DAY_MS);
  const from = new Date(day * DAY_MS);
  for (let year = Math.max(from.getUTCFullYear(), s.getUTCFullYear() + 1); ; year++) {
    // Date.UTC rolls 29 February over to 1 March in a year without one, which is what a renewal does.
    const candidate = Date.UTC(year, s.getUTCMonth(), s.getUTCDate()) / DAY_MS;
    if (candidate >= day) return candidate;
  }
}
