/**
 * What the e2e paths share: the run's context (E2E) and the path type the runner orders, the demo city's names,
 * and helpers used by more than one path. Selectors go by role and visible text; antd class names only for tables.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { check, type Server, type Steps, waitFor } from './harness.js';
import { login, logout, type Me, pickFromMenu } from './ui.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '..');
export const SHOTS = path.join(here, 'screenshots');

/** What every path gets from the runner. */
export interface E2E {
  steps: Steps;
  /** The desktop page (1366×900, zh-CN, Beijing time). */
  page: Page;
  /** The server; its baseUrl may change when a path restarts it (the task path). */
  server: Server;
  context: BrowserContext;
  /** A temp directory for downloads, removed at the end of the run. */
  downloads: string;
  /** A phone-sized page in its own browser context (390×844, touch). */
  openPhone(): Promise<Page>;
  /** The page a failing step is photographed on: a path's phone during its steps, else (null) the desktop page. */
  focus(pg: Page | null): void;
}

/** One user path: e2e/run.ts runs the paths in its PATHS order; `always` paths run even when E2E_ONLY names others. */
export interface E2EPath {
  name: string;
  always?: boolean;
  run(e: E2E): Promise<void>;
}

export const COUNTY = '泽州县';
export const COUNTY_UNIT = '泽州县应急管理局';
export const COAL_MINE = '山西泽州天泰煤业有限公司';
export const CHEM_PLANT = '高平市华晟化工有限公司';
export const DATE_TIME = /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/;
export const DAY_MS = 86_400_000;

/** A calendar day (YYYY-MM-DD) n days later. */
export function plusDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Picks a language from the header's dropdown (once, after the dropdown has opened) and waits until `<html lang>` follows. */
export async function switchLanguage(page: Page, title: string, to: 'English' | '中文'): Promise<void> {
  const want = to === 'English' ? 'en-US' : 'zh-CN';
  if ((await page.evaluate(() => document.documentElement.lang)) === want) return;
  await pickFromMenu(page, page.locator('header').getByTitle(title), page.getByRole('menuitem', { name: to, exact: true }));
  await page.waitForFunction((w) => document.documentElement.lang === w, want, { timeout: 15_000 });
}

export async function statisticOf(page: Page, cardName: RegExp): Promise<number> {
  const card = page.getByRole('button', { name: cardName });
  return waitFor(`a number on the card ${cardName}`, async () => {
    const text = ((await card.locator('.ant-statistic-content').textContent()) ?? '').replace(/[,\s]/g, '');
    return /^\d+$/.test(text) ? Number(text) : undefined;
  });
}

export async function readWorkbook(
  file: string,
  isHeader: (row: string[]) => boolean = (r) => r.some((c) => /属地（县）|^County$/.test(c)),
): Promise<{ headers: string[]; rows: string[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  check(ws, 'the workbook has no sheet');
  const all: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    all.push(values.map((v) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)).trim()));
  });
  // A title row may come first: the header row is the one naming the county column (or what isHeader looks for).
  const h = all.findIndex(isHeader);
  check(h >= 0, `no header row in the first rows: ${JSON.stringify(all.slice(0, 3))}`);
  return { headers: all[h]!, rows: all.slice(h + 1).filter((r) => r.some((c) => c !== '')) };
}

/** Waits for antd's toast messages to go, so screenshots show the page rather than a notice. */
export async function toastsGone(page: Page): Promise<void> {
  await page
    .locator('.ant-message-notice')
    .first()
    .waitFor({ state: 'detached', timeout: 6_000 })
    .catch(() => undefined);
}

export interface Session {
  signIn(username: string): Promise<Me>;
}

/** Signs users in and out on one page; whoever an earlier path left signed in is signed out first. */
export function session(p: Page, base: string): Session {
  let current: Me | null = null;
  return {
    async signIn(username) {
      if (current) await logout(p, current);
      current = null;
      // Whoever an earlier path left signed in: start clean.
      if ((await p.request.get(`${base}/api/auth/me`)).ok()) await p.context().clearCookies();
      current = await login(p, base, username);
      return current;
    },
  };
}
