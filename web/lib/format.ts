import { formatBeijingDate, formatBeijingDateTime } from '../../common/format/beijing';
import { industryByKey } from '../../common/industries';
import type { Locale } from '../i18n';

/** Beijing time whatever the browser's zone: the one formatter the server's texts and exports use too. */
export function formatDateTime(iso: string | null | undefined): string {
  return formatBeijingDateTime(iso);
}

export function formatDate(iso: string | null | undefined): string {
  return formatBeijingDate(iso);
}

/** Localized industry name from common/industries.ts; unknown keys are shown as they are. */
export function industryName(key: string | null | undefined, locale: Locale): string {
  if (!key) return '';
  const ind = industryByKey(key);
  if (!ind) return key;
  return locale === 'en-US' ? ind.en : ind.zh;
}

/** 属地 as "county / town", or just the region when it is the county itself. */
export function territoryText(r: { countyName?: string | null; regionName: string }): string {
  return r.countyName && r.countyName !== r.regionName ? `${r.countyName} / ${r.regionName}` : r.regionName;
}
