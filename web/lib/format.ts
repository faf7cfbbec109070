import { formatBeijingDate, formatBeijingDateTime } from '../../common/format/beijing';
import { industryByKey } from '../../common/industries';
import type { Locale } from '../i18n';

/**
 * Beijing time (UTC+8, no daylight saving) whatever the browser's zone: the one formatter of
 * common/format/beijing.ts, which the server's notifications and exports use too.
 * `YYYY-MM-DD HH:mm`; '' for no value, the input as it is when it is not a time.
 */
export function formatDateTime(iso: string | null | undefined): string {
  return formatBeijingDateTime(iso);
}

/** `YYYY-MM-DD` in Beijing time; a calendar date (`2026-12-08`) is returned as it is. */
export function formatDate(iso: string | null | undefined): string {
  return formatBeijingDate(iso);
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
