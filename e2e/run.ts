/**
 * Browser e2e golden path: the real server (fresh PGlite data dir, demo data) and the built web app
 * (dist/web) in Chromium, driven through the UI the way a county official uses it.
 *
 *   npm run e2e            (builds the web app, then runs this file)
 *   npx tsx e2e/run.ts     (uses the existing dist/web)
 *
 * Settings (env): CHROMIUM_PATH (default /usr/bin/chromium), E2E_HEADED=1 (show the browser),
 * E2E_CPU_THROTTLE=4 (slow the page's CPU down 4x, to check the run on a slow machine).
 * Prints `✓ step` / `✗ step: error` per step and a closing `N passed, M failed`; exit code 0 only
 * when nothing failed. Screenshots go to e2e/screenshots/. See e2e/README.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { check, column, readTable, type Server, Steps, screenshot, startServer, waitFor } from './harness.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const SHOTS = path.join(here, 'screenshots');
const PASSWORD = 'E2e-Pass-2021';
const COUNTY = '泽州县';
const COUNTY_UNIT = '泽州县应急管理局';
const HARD_LIMIT_MS = 5 * 60_000;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

interface Me {
  user: { username: string; displayName: string; unitName: string | null; mustChangePassword: boolean };
  permissions: string[];
}

// ---------- UI helpers (selectors by role and visible text; antd class names only for tables) ----------

async function login(page: Page, base: string, username: string): Promise<Me> {
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  // antd puts a space between two CJK characters of a button ("登 录").
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 15_000 });
  await page.locator('header').waitFor();
  const me = (await (await page.request.get(`${base}/api/auth/me`)).json()) as Me;
  check(me.user.username === username, `signed in as ${me.user.username}, expected ${username}`);
  check(!me.user.mustChangePassword, `${username} must change the password first (demo users should not)`);
  return me;
}

async function logout(page: Page, me: Me): Promise<void> {
  const attempts: string[] = [];
  for (let i = 0; i < 4 && !new URL(page.url()).pathname.startsWith('/login'); i++) {
    try {
      await pickFromHoverMenu(
        page,
        page.locator('header').getByRole('button', { name: me.user.displayName }),
        page.getByRole('menuitem', { name: /退出登录/ }),
      );
      await page.waitForURL((u) => u.pathname.startsWith('/login'), { timeout: 5_000 });
    } catch (err) {
      attempts.push((err as Error).message.split('\n')[0] ?? String(err));
      await page.mouse.move(0, 0);
    }
  }
  check(new URL(page.url()).pathname.startsWith('/login'), `could not log out: ${attempts.join(' / ')}`);
  if (attempts.length) console.log(`  (logout needed ${attempts.length + 1} tries: ${attempts.join(' / ')})`);
  const res = await page.request.get(`${page.url().replace(/\/login.*$/, '')}/api/auth/me`);
  check(res.status() === 401, `after logout /api/auth/me answered ${res.status()}, expected 401`);
}

/** Clicks a left-menu item and waits for the new page's title, so nothing is read from the old page. */
async function openMenu(page: Page, label: RegExp, pathPrefix: string, title: string): Promise<void> {
  const item = page.getByRole('menuitem', { name: label });
  for (let i = 0; ; i++) {
    await item.click();
    try {
      await page.waitForURL((u) => u.pathname.startsWith(pathPrefix), { timeout: 5_000 });
      break;
    } catch (err) {
      if (i >= 2) throw err;
      console.log(`  (menu ${label} did not navigate, clicking again)`);
    }
  }
  await page.getByRole('heading', { level: 4, name: title, exact: true }).waitFor();
}

/**
 * Opens a header hover dropdown and clicks one of its items. antd swallows a click made while the
 * popup is still in its opening animation (seen about 1 in 4 times with an immediate click), so the
 * click waits until the popup holding the item has no motion class left.
 */
async function pickFromHoverMenu(page: Page, trigger: Locator, item: Locator): Promise<void> {
  await trigger.hover({ timeout: 5_000 });
  await item.waitFor({ timeout: 5_000 });
  const popup = page.locator('.ant-dropdown').filter({ has: item });
  await waitFor(
    'the dropdown to finish opening',
    async () => (/-(appear|enter)\b/.test((await popup.getAttribute('class')) ?? '') ? undefined : true),
    5_000,
    50,
  );
  await item.click({ timeout: 5_000 });
}

/**
 * Picks a language from the header's hover dropdown and waits until `<html lang>` follows; retried a
 * few times as a backstop (a retry is printed, so a flaky menu stays visible in the log).
 */
async function switchLanguage(page: Page, title: string, to: 'English' | '中文'): Promise<void> {
  const want = to === 'English' ? 'en-US' : 'zh-CN';
  const attempts: string[] = [];
  for (let i = 0; i < 4; i++) {
    if ((await page.evaluate(() => document.documentElement.lang)) === want) return;
    try {
      await pickFromHoverMenu(page, page.locator('header').getByTitle(title), page.getByRole('menuitem', { name: to, exact: true }));
      await page.waitForFunction((w) => document.documentElement.lang === w, want, { timeout: 5_000 });
      if (attempts.length) console.log(`  (language switch needed ${attempts.length + 1} tries: ${attempts.join(' / ')})`);
      return;
    } catch (err) {
      attempts.push((err as Error).message.split('\n')[0] ?? String(err));
      await page.mouse.move(0, 0);
    }
  }
  throw new Error(`could not switch the language to ${to}: ${attempts.join(' / ')}`);
}

async function statisticOf(page: Page, cardName: RegExp): Promise<number> {
  const card = page.getByRole('button', { name: cardName });
  return waitFor(`a number on the card ${cardName}`, async () => {
    const text = ((await card.locator('.ant-statistic-content').textContent()) ?? '').replace(/[,\s]/g, '');
    return /^\d+$/.test(text) ? Number(text) : undefined;
  });
}

async function readWorkbook(file: string): Promise<{ headers: string[]; rows: string[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  check(ws, 'the workbook has no sheet');
  const all: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    all.push(values.map((v) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)).trim()));
  });
  // A title row may come first: the header row is the one naming the county column.
  const h = all.findIndex((r) => r.some((c) => /属地（县）|^County$/.test(c)));
  check(h >= 0, `no header row with a county column in the first rows: ${JSON.stringify(all.slice(0, 3))}`);
  return { headers: all[h]!, rows: all.slice(h + 1).filter((r) => r.some((c) => c !== '')) };
}

// ---------- the run ----------

async function main(): Promise<number> {
  if (!fs.existsSync(path.join(root, 'dist/web/index.html'))) {
    console.error('e2e: dist/web/index.html is missing. Build the web app first: `npm run build:web` (or run `npm run e2e`, which builds it).');
    return 1;
  }
  fs.mkdirSync(SHOTS, { recursive: true });
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'taihang-e2e-dl-'));
  const started = Date.now();

  let server: Server | null = null;
  let browser: Browser | null = null;
  let context: BrowserContext | null = null;
  let page: Page | null = null;
  const offsite: string[] = [];
  let requests = 0;
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];

  const steps = new Steps(45_000, async (name) => {
    if (!page || page.isClosed()) return;
    const file = `FAILED-${name.replace(/[^\w一-龥-]+/g, '_').slice(0, 60)}`;
    await page.screenshot({ path: path.join(SHOTS, `${file}.png`), fullPage: true }).catch(() => undefined);
    console.log(`  (screenshot: e2e/screenshots/${file}.png, url: ${page.url()})`);
  });

  const cleanup = async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop().catch(() => undefined);
    fs.rmSync(downloads, { recursive: true, force: true });
  };
  const onSignal = (sig: NodeJS.Signals) => {
    console.error(`e2e: ${sig}, stopping`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const hardLimit = setTimeout(() => {
    console.error(`e2e: the whole run exceeded ${HARD_LIMIT_MS / 60_000} minutes; stopping`);
    void cleanup().finally(() => process.exit(1));
  }, HARD_LIMIT_MS);
  hardLimit.unref();

  try {
    const ok = await steps.run(
      'server starts on a fresh data dir with demo data',
      async () => {
        server = await startServer({
          root,
          env: { PORT: '0', TAIHANG_MQTT_PORT: 'off', TAIHANG_DEMO_PASSWORD: PASSWORD, TAIHANG_DEMO: '1', NODE_ENV: 'test' },
          timeoutMs: 120_000,
        });
        const health = await fetch(`${server.baseUrl}/api/health`);
        check(health.ok, `/api/health answered ${health.status}`);
      },
      { critical: true, timeoutMs: 130_000 },
    );
    if (ok && server) await golden(steps, (server as Server).baseUrl);
  } catch (err) {
    steps.fail('e2e run', err);
  } finally {
    if (consoleErrors.length) {
      // 401s of /api/auth/me before login and after logout are expected; the rest is worth a look.
      const notable = consoleErrors.filter((e) => !/401/.test(e));
      if (notable.length) console.log(`  note: ${notable.length} console error(s) in the page, e.g. ${notable.slice(0, 3).join(' || ')}`);
    }
    await cleanup();
  }
  return finish(steps, started);

  async function golden(steps: Steps, base: string): Promise<void> {
    await steps.run(
      'Chromium starts',
      async () => {
        const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
        check(
          fs.existsSync(executablePath),
          `no Chromium at ${executablePath}: install it (Debian: apt-get install -y chromium fonts-noto-cjk) or set CHROMIUM_PATH`,
        );
        browser = await chromium.launch({
          executablePath,
          headless: process.env.E2E_HEADED !== '1',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--disable-background-networking',
            '--disable-component-update',
            '--no-first-run',
            '--disable-sync',
            '--disable-quic',
          ],
        });
        context = await browser.newContext({
          viewport: { width: 1366, height: 900 },
          locale: 'zh-CN',
          timezoneId: 'Asia/Shanghai',
          acceptDownloads: true,
        });
        context.setDefaultTimeout(15_000);
        context.on('request', (req) => {
          const url = req.url();
          requests++;
          if (url.startsWith('data:')) return;
          try {
            const u = new URL(url.startsWith('blob:') ? url.slice(5) : url);
            if (!LOCAL_HOSTS.has(u.hostname)) offsite.push(`${req.method()} ${url}`);
          } catch {
            offsite.push(`${req.method()} ${url} (unparsable)`);
          }
        });
        page = await context.newPage();
        const throttle = Number(process.env.E2E_CPU_THROTTLE ?? 0);
        if (throttle > 1) {
          // Simulates a slow CI machine, to shake out timing assumptions.
          const cdp = await context.newCDPSession(page);
          await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
        }
        page.on('pageerror', (err) => pageErrors.push(`${page?.url()}: ${err.message}`));
        page.on('console', (msg) => {
          if (msg.type() === 'error') consoleErrors.push(`${page?.url()}: ${msg.text()}`);
        });
      },
      { critical: true },
    );
    const p = page as unknown as Page;

    let zezhou: Me | null = null;
    await steps.run(
      'login page renders in Chinese with the bundled CJK font',
      async () => {
        await p.goto(`${base}/`);
        await p.waitForURL((u) => u.pathname === '/login', { timeout: 15_000 });
        await p.getByLabel('用户名', { exact: true }).waitFor();
        await p.getByText('太行 · 安全生产与应急管理平台').waitFor();
        const fontOk = await p.evaluate(async () => {
          await document.fonts.ready;
          await document.fonts.load('16px "Noto Sans SC"', '泽州县应急管理局');
          return document.fonts.check('16px "Noto Sans SC"', '泽州县应急管理局');
        });
        check(fontOk, 'the bundled "Noto Sans SC" font is not available for Chinese text');
        await screenshot(p, SHOTS, 'login');
      },
      { critical: true },
    );

    await steps.run(
      'county user zezhou logs in through the form and sees 泽州县应急管理局 in the header',
      async () => {
        zezhou = await login(p, base, 'zezhou');
        await p.locator('header').getByText(COUNTY_UNIT, { exact: true }).waitFor();
        await p.getByRole('menuitem', { name: /企业管理/ }).waitFor();
      },
      { critical: true },
    );

    let enterpriseTotal = 0;
    let firstEnterprise: { name: string; uscc: string } | null = null;
    await steps.run('enterprise list shows only 泽州县 enterprises, matching the API', async () => {
      await openMenu(p, /企业管理/, '/enterprises', '企业管理');
      const table = await readTable(p);
      const county = column(table, '属地（县/乡镇）');
      const name = column(table, '名称');
      const uscc = column(table, '统一社会信用代码');
      const wrong = table.rows.filter((r) => !(r[county] ?? '').startsWith(COUNTY));
      check(wrong.length === 0, `${wrong.length} row(s) outside ${COUNTY}: ${wrong.map((r) => `${r[name]} (${r[county]})`).join('; ')}`);
      check(table.total !== null && table.total > 0, `pagination total not shown (${table.total})`);
      check(table.rows.length === Math.min(20, table.total), `first page shows ${table.rows.length} rows of ${table.total}`);
      enterpriseTotal = table.total;
      firstEnterprise = { name: table.rows[0]![name]!, uscc: table.rows[0]![uscc]! };

      const res = await p.request.get(`${base}/api/enterprises?pageSize=500`);
      check(res.ok(), `GET /api/enterprises?pageSize=500 answered ${res.status()}`);
      const body = (await res.json()) as { items: { name: string; countyName: string | null }[]; total: number };
      const outside = body.items.filter((e) => e.countyName !== COUNTY);
      check(
        outside.length === 0,
        `API returned ${outside.length} enterprise(s) outside ${COUNTY}: ${outside.map((e) => `${e.name} (${e.countyName})`).join('; ')}`,
      );
      check(body.total === table.total, `API total ${body.total} ≠ table total ${table.total}`);
      check(body.items.length === Math.min(500, body.total), `API returned ${body.items.length} items for total ${body.total}`);
      await screenshot(p, SHOTS, 'enterprises');
      return `${table.total} enterprises, ${table.rows.length} on page 1, API agrees`;
    });

    await steps.run('enterprise detail shows the name and USCC', async () => {
      check(firstEnterprise, 'no enterprise row to open (the list step failed)');
      const { name, uscc } = firstEnterprise as { name: string; uscc: string };
      await p.getByRole('link', { name, exact: true }).first().click();
      await p.waitForURL((u) => /^\/enterprises\/[^/]+$/.test(u.pathname));
      await p.getByRole('heading', { level: 4 }).filter({ hasText: name }).waitFor();
      const fields = p.locator('.ant-descriptions');
      await fields.getByText(uscc, { exact: true }).waitFor();
      await fields.getByText(COUNTY).first().waitFor();
      await screenshot(p, SHOTS, 'enterprise-detail');
      return `${name} ${uscc}`;
    });

    let supervisionTotal = 0;
    let noDepartment = -1;
    await steps.run('监管一张表 shows only 泽州县 rows and gap summary numbers', async () => {
      await openMenu(p, /监管一张表/, '/supervision', '监管一张表');
      const table = await readTable(p);
      const county = column(table, '属地（县/乡镇）');
      const wrong = table.rows.filter((r) => !(r[county] ?? '').startsWith(COUNTY));
      check(wrong.length === 0, `${wrong.length} row(s) outside ${COUNTY}: ${wrong.map((r) => r[county]).join('; ')}`);
      const total = await statisticOf(p, /纳入一张表的企业/);
      noDepartment = await statisticOf(p, /无监管部门/);
      const noPerson = await statisticOf(p, /未明确责任人/);
      check(table.total === total, `pagination total ${table.total} ≠ summary card ${total}`);
      check(total === enterpriseTotal || enterpriseTotal === 0, `一张表 has ${total} enterprises, the enterprise list ${enterpriseTotal}`);
      check(noDepartment <= total && noPerson <= total, `gap counts (${noDepartment}, ${noPerson}) exceed the total ${total}`);
      supervisionTotal = total;
      await screenshot(p, SHOTS, 'supervision');
      return `${total} enterprises, 无监管部门 ${noDepartment}, 未明确责任人 ${noPerson}`;
    });

    let filteredTotal = 0;
    await steps.run('clicking the 无监管部门 card filters to flagged rows', async () => {
      check(noDepartment >= 0, 'the 无监管部门 count is unknown (the previous step failed)');
      check(noDepartment > 0, `the demo data has no enterprise without a supervising department (card shows ${noDepartment}); nothing to filter`);
      await p.getByRole('button', { name: /无监管部门/ }).click();
      await p.waitForURL((u) => u.searchParams.get('gap') === 'noDepartment');
      const table = await readTable(p, {
        accept: (t) => t.total === noDepartment,
        what: `the filtered table to show ${noDepartment} rows in total`,
      });
      const flags = column(table, '缺口');
      const county = column(table, '属地（县/乡镇）');
      const depts = column(table, '监管部门');
      const bad = table.rows.filter((r) => !(r[flags] ?? '').includes('无监管部门') || (r[depts] ?? '') !== '—' || !(r[county] ?? '').startsWith(COUNTY));
      check(bad.length === 0, `${bad.length} row(s) in the filtered table are not flagged 无监管部门: ${bad.map((r) => r.join(' / ')).join('; ')}`);
      check(table.rows.length === Math.min(20, noDepartment), `filtered page shows ${table.rows.length} rows for ${noDepartment} flagged`);
      const pressed = await p.getByRole('button', { name: /无监管部门/ }).getAttribute('aria-pressed');
      check(pressed === 'true', 'the 无监管部门 card is not shown as active');
      filteredTotal = table.total ?? 0;
      await screenshot(p, SHOTS, 'supervision-filtered');
      return `${filteredTotal} flagged`;
    });

    await steps.run('Excel export of the filtered 一张表 matches the table', async () => {
      check(filteredTotal > 0, 'no filtered table to export (the filter step failed)');
      const [download] = await Promise.all([p.waitForEvent('download', { timeout: 30_000 }), p.getByRole('button', { name: /导出Excel/ }).click()]);
      const failure = await download.failure();
      check(!failure, `download failed: ${failure}`);
      check(/\.xlsx$/i.test(download.suggestedFilename()), `download is named ${download.suggestedFilename()}, expected .xlsx`);
      const file = path.join(downloads, 'supervision-filtered.xlsx');
      await download.saveAs(file);
      const wb = await readWorkbook(file);
      const county = wb.headers.indexOf('属地（县）');
      const gaps = wb.headers.indexOf('问题');
      check(county >= 0 && gaps >= 0, `missing columns in the export header: ${wb.headers.join(' | ')}`);
      check(wb.rows.length > 0, 'the export has no data rows');
      const outside = wb.rows.filter((r) => r[county] !== COUNTY);
      check(outside.length === 0, `${outside.length} exported row(s) outside ${COUNTY}: ${outside.map((r) => r[county]).join('; ')}`);
      const unflagged = wb.rows.filter((r) => !(r[gaps] ?? '').includes('无监管部门'));
      check(unflagged.length === 0, `${unflagged.length} exported row(s) not flagged 无监管部门 although the filter was active`);
      check(wb.rows.length === filteredTotal, `the export has ${wb.rows.length} rows, the filtered table ${filteredTotal}`);
      return `${download.suggestedFilename()}, ${wb.rows.length} rows`;
    });

    await steps.run('Excel export of the whole 一张表 has every row of 泽州县', async () => {
      check(supervisionTotal > 0, 'no table total to compare with (an earlier step failed)');
      await p.getByRole('button', { name: /无监管部门/ }).click();
      await p.waitForURL((u) => !u.searchParams.has('gap'));
      await readTable(p, { accept: (t) => t.total === supervisionTotal, what: `the unfiltered table (${supervisionTotal} rows in total)` });
      const [download] = await Promise.all([p.waitForEvent('download', { timeout: 30_000 }), p.getByRole('button', { name: /导出Excel/ }).click()]);
      const file = path.join(downloads, 'supervision.xlsx');
      await download.saveAs(file);
      const wb = await readWorkbook(file);
      const county = wb.headers.indexOf('属地（县）');
      const outside = wb.rows.filter((r) => r[county] !== COUNTY);
      check(outside.length === 0, `${outside.length} exported row(s) outside ${COUNTY}`);
      check(wb.rows.length === supervisionTotal, `the export has ${wb.rows.length} rows, the table ${supervisionTotal}`);
      return `${wb.rows.length} rows`;
    });

    await steps.run('language switches to English and back', async () => {
      try {
        await switchLanguage(p, '切换语言', 'English');
        await p.getByRole('menuitem', { name: /Enterprises/ }).waitFor();
        await p.getByRole('heading', { level: 4, name: /Supervision table/ }).waitFor();
        await p.getByText('Enterprises in the table').waitFor();
        const lang = await p.evaluate(() => document.documentElement.lang);
        check(lang === 'en-US', `<html lang> is ${lang} after switching to English`);
        await readTable(p, { accept: (t) => t.headers.includes('Enterprise') && t.headers.includes('Gaps'), what: 'English table headers' });
        await screenshot(p, SHOTS, 'english');
      } finally {
        // Back to Chinese even when a check failed, so the next steps find their Chinese labels.
        await switchLanguage(p, 'Language', '中文').catch((err) => console.log(`  (switching back to Chinese: ${(err as Error).message})`));
      }
      await p.getByRole('menuitem', { name: /企业管理/ }).waitFor();
      await p.getByText('纳入一张表的企业').waitFor();
    });

    await steps.run(
      'zezhou logs out',
      async () => {
        check(zezhou, 'not signed in');
        await logout(p, zezhou as Me);
      },
      { critical: true },
    );

    let admin: Me | null = null;
    await steps.run(
      'system admin sees no audit menu (三权分立)',
      async () => {
        admin = await login(p, base, 'admin');
        await p.getByRole('menuitem', { name: /系统管理/ }).click();
        await p.getByRole('menuitem', { name: /用户管理/ }).waitFor();
        check((await p.getByRole('menuitem', { name: /审计日志/ }).count()) === 0, 'the 审计日志 menu item is shown to admin');
        check(!admin.permissions.includes('audit.read'), 'admin holds audit.read');
        const res = await p.request.get(`${base}/api/audit`);
        check(res.status() === 403 || res.status() === 404, `GET /api/audit as admin answered ${res.status()}`);
        await logout(p, admin);
      },
      { critical: true },
    );

    await steps.run('auditor opens the audit log and the integrity check passes', async () => {
      const auditor = await login(p, base, 'auditor');
      await p.getByRole('menuitem', { name: /系统管理/ }).click();
      await openMenu(p, /审计日志/, '/admin/audit', '审计日志');
      const table = await readTable(p);
      check((table.total ?? 0) > 0, 'the audit log is empty');
      const action = column(table, '操作');
      check(
        table.rows.some((r) => r[action] === 'auth.login'),
        `no auth.login on the first page of the audit log: ${table.rows.map((r) => r[action]).join(', ')}`,
      );
      await p.getByRole('button', { name: /校验完整性/ }).click();
      const alert = p.getByRole('alert').filter({ hasText: /审计链完整/ });
      await alert.waitFor();
      const text = (await alert.textContent()) ?? '';
      const m = /已校验\s*(\d+)\s*条/.exec(text);
      check(m && Number(m[1]) > 0, `unexpected result: ${text}`);
      await screenshot(p, SHOTS, 'audit');
      await logout(p, auditor);
      return text.trim();
    });

    await steps.run(
      'every browser request stayed on localhost (works offline)',
      async () => {
        check(requests > 0, 'the browser made no requests (no page was loaded)');
        check(offsite.length === 0, `${offsite.length} request(s) to other hosts: ${[...new Set(offsite)].slice(0, 5).join(', ')}`);
      },
      { always: true },
    );

    await steps.run(
      'no uncaught errors in the page',
      async () => {
        check(requests > 0, 'no page was loaded');
        check(pageErrors.length === 0, `${pageErrors.length} uncaught error(s): ${pageErrors.slice(0, 3).join(' || ')}`);
      },
      { always: true },
    );
  }
}

function finish(steps: Steps, started: number): number {
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s, screenshots in e2e/screenshots/)`);
  console.log(`${steps.passed} passed, ${steps.failed} failed`);
  return steps.failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
