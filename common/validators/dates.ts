/**
 * Dates and times a record can hold. `new Date()` accepts 2026-02-30 (rolls over to March) and
 * years 0001 or 10000, which PostgreSQL rejects or the working-day calendar cannot count: input is
 * held to real calendar days in the years the platform deals with.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** YYYY-MM-DD naming a day that exists (leap years included), in MIN_YEAR..MAX_YEAR. */
export function isCalendarDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < MIN_YEAR || y > MAX_YEAR || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** An ISO 8601 time with an offset (already matched by zod's datetime) whose day exists, offset is real (−12:00…+14:00) and year is in range. */
export function isSaneInstant(s: string): boolean {
  if (!isCalendarDate(s.slice(0, 10))) return false;
  const offset = /([+-])(\d{2}):?(\d{2})$/.exec(s);
  if (offset) {
    const minutes = Number(offset[2]) * 60 + Number(offset[3]);
    if (Number(offset[3]) > 59 || (offset[1] === '+' ? minutes > 14 * 60 : minutes > 12 * 60)) return false;
  }
  const t = Date.parse(s);
  if (Number.isNaN(t)) return false;
  const y = new Date(t).getUTCFullYear();
  return y >= MIN_YEAR && y <= MAX_YEAR;
}
