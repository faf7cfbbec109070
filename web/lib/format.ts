import { industryByKey } from '../../common/industries';
import type { Locale } from '../i18n';

const BEIJING_OFFSET_MS = 8 * 3600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * An instant as Beijing time (UTC+8, no daylight saving), whatever the browser's zone: the platform's
 * users, its regulations and its server texts all count days and deadlines in Beijing time.
 */
function beijingParts(iso: string): { date: string; time: string } | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const d = new Date(ms + BEIJING_OFFSET_MS);
  return {
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  };
}

/** `YYYY-MM-DD HH:mm` in Beijing time; '' for no value, the input as it is when it is not a time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const p = beijingParts(iso);
  return p ? `${p.date} ${p.time}` : iso;
}

/** `YYYY-MM-DD` in Beijing time; a calendar date (`2026-12-08`) is returned as it is. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  return beijingParts(iso)?.date ?? iso;
}

/** The name in the user's language from data that carries both (industries, code lists). */
export function localName(locale: Locale, names: { zh: string; en: string }): string {
  return locale === 'en-US' ? names.en : names.zh;
}

/** Localized industry name from common/industries.ts; unknown keys are shown as they are. */
export function industryName(key: string | null | undefined, locale: Locale): string {
  if (!key) return '';
  const ind = industryByKey(key);
  return ind ? localName(locale, ind) : key;
}

/** 属地 as "county / town", or just the region when it is the county itself. */
export function territoryText(r: { countyName?: string | null; regionName: string }): string {
  return r.countyName && r.countyName !== r.regionName ? `${r.countyName} / ${r.regionName}` : r.regionName;
}
