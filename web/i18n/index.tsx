import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { enUS } from './en-US';
import { zhCN } from './zh-CN';

export type Locale = 'zh-CN' | 'en-US';
export type MessageKey = keyof typeof zhCN;
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };
const STORAGE_KEY = 'taihang.locale';

function readStoredLocale(): Locale | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'zh-CN' || v === 'en-US' ? v : null;
  } catch {
    return null;
  }
}

/** True once the user picked a language on this device (it then wins over the profile's). */
export function hasStoredLocale(): boolean {
  return readStoredLocale() !== null;
}

let current: Locale = readStoredLocale() ?? 'zh-CN';

/** The active locale, read by the API client for `Accept-Language`. */
export function currentLocale(): Locale {
  return current;
}

function apply(locale: Locale) {
  current = locale;
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = locale;
  document.title = DICTIONARIES[locale]['app.title'];
}

export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const template = DICTIONARIES[locale][key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (params[k] === undefined ? m : String(params[k])));
}

interface I18nValue {
  locale: Locale;
  t: Translate;
  setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    apply(current);
    return current;
  });
  const setLocale = useCallback((next: Locale) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
    apply(next);
    setLocaleState(next);
  }, []);
  const value = useMemo<I18nValue>(() => ({ locale, setLocale, t: (key, params) => translate(locale, key, params) }), [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

/** Picks the Chinese or English variant of a bilingual record ({ zh, en } or { name, nameEn }). */
export function pickName(locale: Locale, zh: string, en: string | null | undefined): string {
  return locale === 'en-US' && en ? en : zh;
}
