/**
 * The one way an instant is shown to a person, on the server (notifications, exports) and in the web:
 * Beijing time (UTC+08:00, no daylight saving since 1992), whatever the host's or browser's zone.
 * Fixed offset arithmetic rather than Intl time zones: the result cannot depend on the ICU data a
 * runtime ships with, and a date-only value (YYYY-MM-DD) is a civil day already and stays as it is.
 */
const OFFSET_MS = 8 * 3_600_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export type InstantLike = Date | string | number | null | undefined;

const pad = (n: number) => String(n).padStart(2, '0');

/** The wall-clock fields in Beijing of an instant, or null for nothing / an unparseable value. */
function beijingParts(value: InstantLike): { date: string; time: string } | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string' && DATE_ONLY.test(value)) return { date: value, time: '00:00' };
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (Number.isNaN(ms)) return null;
  const s = new Date(ms + OFFSET_MS);
  return {
    date: `${s.getUTCFullYear()}-${pad(s.getUTCMonth() + 1)}-${pad(s.getUTCDate())}`,
    time: `${pad(s.getUTCHours())}:${pad(s.getUTCMinutes())}`,
  };
}

/** `YYYY-MM-DD HH:mm` in Beijing time; '' for no value. An unparseable string is returned unchanged rather than hidden. */
export function formatBeijingDateTime(value: InstantLike): string {
  const p = beijingParts(value);
  if (p) return `${p.date} ${p.time}`;
  return typeof value === 'string' ? value : '';
}

/** `YYYY-MM-DD`, the civil day in Beijing; '' for no value. */
export function formatBeijingDate(value: InstantLike): string {
  const p = beijingParts(value);
  if (p) return p.date;
  return typeof value === 'string' ? value : '';
}
