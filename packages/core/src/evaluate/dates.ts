const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATETIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/;

/** The first and last day a date can be: 0001-01-01 and 9999-12-31, the years ISO `YYYY` and SQL's `date` share. */
export const FIRST_DAY = -719_162;
export const LAST_DAY = 2_932_896;

/**
 * Dates are whole days since 1970-01-01 (UTC) inside evaluators: exact, cheap to compare and to
 * subtract, and the same as SQL's `date - date`. A datetime counts as its UTC date; one without a
 * zone is read as UTC (so as the date it names), never in the machine's time zone, so the same
 * data scores the same everywhere.
 */
export function parseDay(text: string): number | undefined {
  const trimmed = text.trim();
  const date = ISO_DATE.exec(trimmed);
  if (date !== null) return calendarDay(Number(date[1]), Number(date[2]), Number(date[3]));
  const datetime = ISO_DATETIME.exec(trimmed);
  if (datetime === null) return undefined;
  const [, day, time, zone] = datetime as unknown as [string, string, string, string | undefined];
  if (parseDay(day) === undefined) return undefined;
  const ms = Date.parse(`${day}T${time}${zone === undefined ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`);
  return Number.isNaN(ms) ? undefined : (dayOrNull(Math.floor(ms / DAY_MS)) ?? undefined);
}

/** Day number of a calendar date, or undefined when there is no such date (2026-02-30) or it is out of range. */
function calendarDay(year: number, month: number, day: number): number | undefined {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // unlike Date.UTC, takes years 1–99 as written
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return dayOrNull(date.getTime() / DAY_MS) ?? undefined;
}

/** Date arithmetic that leaves 0001-01-01…9999-12-31 is null, like any arithmetic that overflows. */
export function dayOrNull(day: number): number | null {
  return day >= FIRST_DAY && day <= LAST_DAY ? day : null;
}

export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
