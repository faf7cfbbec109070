import dayjs from 'dayjs';
import { industryByKey } from '../../common/industries';
import type { Locale } from '../i18n';

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '';
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD') : '';
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
