/**
 * Browser e2e golden path: the real server (fresh PGlite data dir, demo data) and the built web app
 * (dist/web) in Chromium, driven through the UI the way a county official, an enterprise and the city
 * use it; the hazard path reports from a phone-sized second browser context; the 督办 path restarts
 * the server four days later (TAIHANG_CLOCK_OFFSET_MS) on the same data.
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
import { monitoringPath, warningPath } from './monitoring.js';
import {
  beijingDay,
  beijingMinute,
  cardTitled,
  clickForDialog,
  expectCall,
  fillFields,
  formItem,
  getJson,
  login,
  logout,
  type Me,
  opened,
  openMenu,
  openSubmenu,
  PASSWORD,
  pickFromMenu,
  selectOption,
  submitDialog,
  typeDate,
} from './ui.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const SHOTS = path.join(here, 'screenshots');
const COUNTY = '泽州县';
const COUNTY_UNIT = '泽州县应急管理局';
const HARD_LIMIT_MS = 12 * 60_000;
/** E2E_ONLY=monitoring,warning runs the sign-in steps and only the named paths (accident, hazard, monitoring, warning, task). */
const ONLY = new Set(
  (process.env.E2E_ONLY ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean),
);
const wanted = (path: string) => ONLY.size === 0 || ONLY.has(path);
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

// ---------- UI helpers (selectors by role and visible text; antd class names only for tables) ----------

/** Picks a language from the header's dropdown (once, after the dropdown has opened) and waits until `<html lang>` follows. */
async function switchLanguage(page: Page, title: string, to: 'English' | '中文'): Promise<void> {
  const want = to === 'English' ? 'en-US' : 'zh-CN';
  if ((await page.evaluate(() => document.documentElement.lang)) === want) return;
  await pickFromMenu(page, page.locator('header').getByTitle(title), page.getByRole('menuitem', { name: to, exact: true }));
  await page.waitForFunction((w) => document.documentElement.lang === w, want, { timeout: 15_000 });
}

async function statisticOf(page: Page, cardName: RegExp): Promise<number> {
  const card = page.getByRole('button', { name: cardName });
  return waitFor(`a number on the card ${cardName}`, async () => {
    const text = ((await card.locator('.ant-statistic-content').textContent()) ?? '').replace(/[,\s]/g, '');
    return /^\d+$/.test(text) ? Number(text) : undefined;
  });
}

async function readWorkbook(
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

// ---------- accident helpers (issue 5) ----------

const COAL_MINE = '山西泽州天泰煤业有限公司';
const FATAL_ACTIONS = ['责令停产整顿', '取消安全生产标准化等级', '暂扣或吊销安全生产许可证', '启动刑事调查（移送司法机关）'];

interface ChainLinkDto {
  recipient: string;
  reportedAt: string | null;
  reportedBy: string | null;
  confirmedAt: string | null;
  confirmedBy: string | null;
  skipped: boolean;
}
interface AccidentDto {
  id: string;
  title: string;
  grade: number;
  occurredAt: string;
  deaths: number;
  missing: number;
  seriousInjuries: number;
  directLossYuan: number;
  accidentType: string;
  enterpriseName: string | null;
  countyName: string | null;
  unitOverview: string;
  scene: string;
  narrative: string;
  measures: string;
  other: string | null;
  chain: ChainLinkDto[];
  actions: { key: string; name: string; status: string }[];
  revisions: { kind: string; deaths: number; grade: number }[];
}

async function fetchAccident(page: Page, base: string, id: string): Promise<AccidentDto> {
  const res = await page.request.get(`${base}/api/accidents/${id}`);
  check(res.ok(), `GET /api/accidents/${id} answered ${res.status()}`);
  return ((await res.json()) as { data: AccidentDto }).data;
}

function link(a: AccidentDto, recipient: string): ChainLinkDto {
  const l = a.chain.find((c) => c.recipient === recipient);
  check(l, `the API chain has no ${recipient} link: [${a.chain.map((c) => c.recipient).join(', ')}]`);
  return l;
}

/** The 报告链 card's row for a recipient ("县级", "设区的市级", "省级"). */
function chainRow(page: Page, recipient: string): Locator {
  return page
    .locator('.ant-card')
    .filter({ has: page.getByText('报告链', { exact: true }) })
    .locator('tr.ant-table-row')
    .filter({ has: page.getByText(recipient, { exact: true }) });
}

async function cellsOf(row: Locator): Promise<string[]> {
  return (await row.locator(':scope > td').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
}

/** Waits until a chain row's cells satisfy `ok`; returns them. Columns: 接收方, 时限, 上报, 接收确认, 操作. */
async function waitForChainRow(page: Page, recipient: string, what: string, ok: (cells: string[]) => boolean): Promise<string[]> {
  const row = chainRow(page, recipient);
  let last: string[] = [];
  try {
    return await waitFor(
      `the ${recipient} row to show ${what}`,
      async () => {
        if ((await row.count()) !== 1) return undefined;
        last = await cellsOf(row);
        return ok(last) ? last : undefined;
      },
      10_000,
    );
  } catch (err) {
    throw new Error(`${(err as Error).message}; the row reads [${last.join(' | ')}]`);
  }
}

const DATE_TIME = /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/;

/** The grade tag beside the title in the detail page header ("一般事故", "较大事故"). */
async function headerGrade(page: Page, title: string): Promise<string> {
  const heading = page.getByRole('heading', { level: 4 }).filter({ hasText: title });
  await heading.waitFor();
  return waitFor('a grade tag in the page header', async () => {
    const m = /(特别重大|重大|较大|一般)事故/.exec((await heading.textContent()) ?? '');
    return m?.[0];
  });
}

/** Clicks 确认接收 on a chain row and the Popconfirm's 确定; waits for the API call. */
async function confirmReceiptOf(page: Page, recipient: string, id: string, key: string): Promise<void> {
  await chainRow(page, recipient)
    .getByRole('button', { name: /确认接收/ })
    .click();
  const pop = await opened(page.locator('.ant-popconfirm').filter({ hasText: `确认已接收报送${recipient}的事故报告` }), 'the confirmation popup');
  await expectCall(page, 'POST', new RegExp(`/api/accidents/${id}/chain/${key}/confirm$`), () => pop.getByRole('button', { name: /^确\s*定$/ }).click());
  await pop.waitFor({ state: 'hidden' });
}

/** Finds an accident in 事故管理 → 事故列表 by searching its title, and opens it. */
async function openAccidentFromList(page: Page, title: string): Promise<void> {
  await openSubmenu(page, /事故管理/, /事故列表/, '/accidents', '事故列表');
  const search = page.getByPlaceholder('事故名称 / 地点');
  await search.fill(title);
  await search.press('Enter');
  await page.waitForURL((u) => u.searchParams.get('q') === title);
  await readTable(page, { accept: (t) => t.total === 1, what: `the list filtered to "${title}"` });
  await page.locator('.ant-table-row').getByRole('link', { name: title, exact: true }).click();
  await page.waitForURL((u) => /^\/accidents\/[0-9a-f-]{36}$/.test(u.pathname));
  await page.getByRole('heading', { level: 4 }).filter({ hasText: title }).waitFor();
  await page.getByText('报告链', { exact: true }).waitFor();
}

/** Waits for antd's toast messages to go, so screenshots show the page rather than a notice. */
async function toastsGone(page: Page): Promise<void> {
  await page
    .locator('.ant-message-notice')
    .first()
    .waitFor({ state: 'detached', timeout: 6_000 })
    .catch(() => undefined);
}

// ---------- the run ----------

async function main(): Promise<number> {
  // TAIHANG_WEB_DIR (passed on to the server) serves a build kept elsewhere, e.g. one no one else rebuilds mid-run.
  const webDir = process.env.TAIHANG_WEB_DIR ? path.resolve(process.env.TAIHANG_WEB_DIR) : path.join(root, 'dist/web');
  if (!fs.existsSync(path.join(webDir, 'index.html'))) {
    console.error(
      `e2e: ${path.join(webDir, 'index.html')} is missing. Build the web app first: \`npm run build:web\` (or run \`npm run e2e\`, which builds it).`,
    );
    return 1;
  }
  fs.mkdirSync(SHOTS, { recursive: true });
  // A failure shot is about this run: an earlier run's would read as a failure of this one.
  for (const f of fs.readdirSync(SHOTS)) if (f.startsWith('FAILED-')) fs.rmSync(path.join(SHOTS, f));
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

  /** The page a failing step is photographed on: the phone during its steps, else the desktop page. */
  let focused: Page | null = null;
  const steps = new Steps(45_000, async (name) => {
    const shot = focused && !focused.isClosed() ? focused : page;
    if (!shot || shot.isClosed()) return;
    const file = `FAILED-${name.replace(/[^\w一-龥-]+/g, '_').slice(0, 60)}`;
    await shot.screenshot({ path: path.join(SHOTS, `${file}.png`), fullPage: true }).catch(() => undefined);
    console.log(`  (screenshot: e2e/screenshots/${file}.png, url: ${shot.url()})`);
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
          // The run signs in about fifteen times within a few minutes, all from 127.0.0.1: above the
          // default brake of 10 sign-ins per minute per IP, which is not what this run tests.
          env: {
            PORT: '0',
            TAIHANG_MQTT_PORT: 'off',
            TAIHANG_DEMO_PASSWORD: PASSWORD,
            TAIHANG_DEMO: '1',
            NODE_ENV: 'test',
            TAIHANG_LOGIN_RATE_PER_MIN: '60',
            // The demo feed sends readings every 30 s; the monitoring path needs sensor 010102 to itself.
            TAIHANG_DEMO_FEED: 'off',
          },
          timeoutMs: 240_000,
        });
        const health = await fetch(`${server.baseUrl}/api/health`);
        check(health.ok, `/api/health answered ${health.status}`);
      },
      { critical: true, timeoutMs: 250_000 },
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

  /** A page of `c` whose requests, uncaught errors and console errors are recorded (and CPU-throttled if asked). */
  async function watch(c: BrowserContext): Promise<Page> {
    c.setDefaultTimeout(15_000);
    c.on('request', (req) => {
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
    const pg = await c.newPage();
    const throttle = Number(process.env.E2E_CPU_THROTTLE ?? 0);
    if (throttle > 1) {
      // Simulates a slow CI machine, to shake out timing assumptions.
      const cdp = await c.newCDPSession(pg);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    }
    pg.on('pageerror', (err) => pageErrors.push(`${pg.url()}: ${err.message}`));
    pg.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(`${pg.url()}: ${msg.text()}`);
    });
    return pg;
  }

  /** A phone: its own browser context (own cookies, so its user stays signed in beside the desktop's), 390×844, touch. */
  async function openPhone(): Promise<Page> {
    check(browser, 'the browser is not running');
    const phone = await (browser as Browser).newContext({
      viewport: { width: 390, height: 844 },
      screen: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    return watch(phone);
  }

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
        page = await watch(context);
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

    if (wanted('accident')) await accidentPath(steps, p, base);

    if (wanted('hazard'))
      await hazardPath(steps, p, base, openPhone, (pg) => {
        focused = pg;
      });

    if (wanted('monitoring')) await monitoringPath(steps, p, base, () => (server as unknown as Server).output(), SHOTS);
    if (wanted('warning')) await warningPath(steps, p, base, SHOTS);

    if (wanted('task')) await taskPath(steps, p, server as unknown as Server, context as unknown as BrowserContext, downloads);

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

/**
 * Issue 5's golden path: an enterprise files a 快报, the county receives it and reports it upward,
 * a 续报 raises the grade and extends the chain, the city confirms, and the statistics count it.
 */
async function accidentPath(steps: Steps, p: Page, base: string): Promise<void> {
  const now = new Date();
  const today = beijingMinute(now).slice(0, 10);
  // Half an hour ago, but never before today's midnight (Beijing time).
  const occurred = new Date(Math.max(now.getTime() - 30 * 60_000, new Date(`${today}T00:00:00+08:00`).getTime()));
  const occurredText = beijingMinute(occurred);
  const [, month, day] = today.split('-').map(Number);
  const title = `${COAL_MINE.replace(/^山西泽州|有限公司$/g, '')}“${month}·${day}”冒顶片帮事故`;
  let current: Me | null = null;
  let accidentId = '';

  /** Logs the current user out through the user menu, then logs `username` in. */
  const signIn = async (username: string): Promise<Me> => {
    if (current) await logout(p, current);
    current = null;
    // A step that failed half-way may have left a session behind.
    if ((await p.request.get(`${base}/api/auth/me`)).ok()) await p.context().clearCookies();
    current = await login(p, base, username);
    return current;
  };
  const needAccident = () => check(accidentId, 'no accident was filed (an earlier step failed)');

  await steps.run('ent-coal logs in and opens 事故管理 → 事故列表 → 事故快报; its coal mine is pre-selected', async () => {
    await signIn('ent-coal');
    await openSubmenu(p, /事故管理/, /事故列表/, '/accidents', '事故列表');
    await p.getByRole('button', { name: /事故快报/ }).click();
    await p.waitForURL((u) => u.pathname === '/accidents/new');
    await p.getByRole('heading', { level: 4, name: /事故快报/ }).waitFor();
    // An enterprise user reports for its own unit: the picker selects it by itself.
    const unit = p.locator('.ant-form-item').filter({ has: p.getByText('事故发生单位', { exact: true }) });
    await unit.locator('.ant-select-content, .ant-select-selection-item').filter({ hasText: COAL_MINE }).first().waitFor();
    check((await p.getByText('发生单位类型').count()) === 0, 'an enterprise user is offered the unit type switch');
    return COAL_MINE;
  });

  await steps.run('ent-coal fills the six Art. 12 contents; the live grade preview follows the figures', async () => {
    const form = p.locator('form');
    await form.getByLabel('事故名称', { exact: true }).fill(title);
    await selectOption(p, form.getByLabel('事故类别（GB 6441）', { exact: true }), '11 冒顶片帮', '冒顶');
    // (一) 单位概况
    await form.getByLabel('单位概况', { exact: true }).fill(`${COAL_MINE}，井工煤矿，设计生产能力90万吨/年，证照齐全，矿长李某。`);
    // (二) time (antd DatePicker: type the text, Enter confirms), place and scene
    await typeDate(p, form.getByLabel('发生时间', { exact: true }), occurredText);
    await fillFields(form, [
      ['事故地点', '15103综采工作面回风巷'],
      ['事故现场情况', '回风巷距切眼约30米处顶板冒落，长约5米，现场已设警戒。'],
      // (三) 简要经过
      ['简要经过', '当班支护工在回风巷补打锚杆时顶板突然冒落，1人被埋，经救援无生命体征。'],
    ]);
    // (四) figures: the preview follows them (3 deaths is 较大, 1 is 一般)
    const preview = p.getByText('按以上数字预判的事故等级（提交后由系统正式认定）').locator('..');
    const graded = (deaths: number) =>
      p.waitForResponse(
        (r) =>
          /\/api\/calculators\/accident-grade$/.test(r.url()) &&
          (r.request().postDataJSON() as { deaths?: number; directLossYuan?: number } | null)?.deaths === deaths &&
          (r.request().postDataJSON() as { directLossYuan?: number }).directLossYuan === 1_200_000,
        { timeout: 10_000 },
      );
    let answer = graded(3);
    await form.getByLabel('初步估计直接经济损失（万元）').fill('120');
    await form.getByLabel('死亡人数').fill('3');
    check(((await (await answer).json()) as { grade: number }).grade === 3, 'the calculator did not grade 3 deaths as 较大');
    await preview.getByText('较大事故', { exact: true }).waitFor();
    answer = graded(1);
    await form.getByLabel('死亡人数').fill('1');
    check(((await (await answer).json()) as { grade: number }).grade === 4, 'the calculator did not grade 1 death as 一般');
    await preview.getByText('一般事故', { exact: true }).waitFor();
    await preview.getByText('各项指标均未达到较大事故标准').waitFor();
    await form.getByLabel('下落不明人数').fill('0');
    await form.getByLabel('重伤人数').fill('0');
    // (五) measures and (六) other
    await fillFields(form, [
      ['已经采取的措施', '立即停止作业，撤出受威胁区域人员，启动应急预案，矿山救护队已到场。'],
      ['其他情况（可选）', '已通知家属，善后工作正在进行。'],
    ]);
    // Everything typed above is still there (nothing reset it since), as the 快报 will send it.
    check((await form.getByLabel('事故名称', { exact: true }).inputValue()) === title, 'the 事故名称 field lost its value');
    check((await form.getByLabel('发生时间', { exact: true }).inputValue()) === occurredText, 'the 发生时间 field lost its value');
    // No focus ring or open popup in the screenshot.
    await p.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await screenshot(p, SHOTS, 'accident-new');
    return `${title}, ${occurredText}, preview 一般`;
  });

  await steps.run(
    'ent-coal submits the 快报: the detail shows 一般 and 县级 reported',
    async () => {
      const res = await expectCall(p, 'POST', /^\/api\/accidents$/, () => p.getByRole('button', { name: /提交快报/ }).click()).catch(async (err: Error) => {
        // No request at all: the form's own validation stopped it; say which fields.
        const fields = await p.locator('.ant-form-item-has-error .ant-form-item-label label').allTextContents();
        throw new Error(fields.length ? `the form was not sent, fields in error: ${fields.join('; ')}` : err.message);
      });
      accidentId = ((await res.json()) as { data: { id: string } }).data.id;
      await p.waitForURL((u) => u.pathname === `/accidents/${accidentId}`);
      const grade = await headerGrade(p, title);
      check(grade === '一般事故', `the header shows ${grade}, expected 一般事故`);
      const county = await waitForChainRow(p, '县级', 'a report', (c) => DATE_TIME.test(c[2] ?? ''));
      check(/待确认接收/.test(county[3] ?? ''), `县级 receipt shows "${county[3]}", expected 待确认接收`);
      await waitForChainRow(p, '设区的市级', 'no report yet', (c) => /待上报/.test(c[2] ?? ''));
      check((await chainRow(p, '省级').count()) === 0, 'a 省级 row is shown for an 一般 accident');
      await p.locator('.ant-descriptions').getByText(occurredText).first().waitFor();
      await p.getByText('死亡 1 人，下落不明 0 人，重伤 0 人，轻伤 0 人；初步估计直接经济损失 120 万元').waitFor();

      const a = await fetchAccident(p, base, accidentId);
      check(a.grade === 4, `API grade ${a.grade}, expected 4 (一般)`);
      check(a.accidentType === '11', `API accidentType ${a.accidentType}, expected 11`);
      check(a.enterpriseName === COAL_MINE, `API enterprise ${a.enterpriseName}`);
      check(a.deaths === 1 && a.missing === 0 && a.seriousInjuries === 0, `API figures ${a.deaths}/${a.missing}/${a.seriousInjuries}`);
      check(a.directLossYuan === 1_200_000, `API loss ${a.directLossYuan} 元, expected 1200000 (120 万元)`);
      check(
        new Date(a.occurredAt).getTime() === new Date(`${occurredText.replace(' ', 'T')}:00+08:00`).getTime(),
        `API occurredAt ${a.occurredAt}, typed ${occurredText} (Beijing)`,
      );
      check(
        [a.unitOverview, a.scene, a.narrative, a.measures, a.other].every((x) => x && x.length >= 2),
        'an Art. 12 content is empty in the API',
      );
      check(link(a, 'county').reportedAt && !link(a, 'county').confirmedAt, 'API: 县级 should be reported, not yet confirmed');
      check(!link(a, 'city').reportedAt, 'API: 设区的市级 is already reported');
      check(a.actions.length === 4, `API lists ${a.actions.length} fatal-accident actions, expected 4`);
      return `${accidentId.slice(0, 8)}…, grade 一般, chain [${a.chain.map((c) => c.recipient).join(', ')}]`;
    },
    { critical: true },
  );

  await steps.run('zezhou finds the accident in 事故列表 and confirms receipt on the 县级 row', async () => {
    needAccident();
    const me = await signIn('zezhou');
    await openAccidentFromList(p, title);
    check(new URL(p.url()).pathname === `/accidents/${accidentId}`, `opened ${p.url()}, expected the filed accident`);
    await confirmReceiptOf(p, '县级', accidentId, 'county');
    const cells = await waitForChainRow(p, '县级', 'the receipt', (c) => DATE_TIME.test(c[3] ?? '') && (c[3] ?? '').includes(me.user.displayName));
    check(!/确认接收/.test(cells[4] ?? ''), 'the 确认接收 button is still shown after confirming');
    const a = await fetchAccident(p, base, accidentId);
    check(link(a, 'county').confirmedAt, 'API: 县级 not confirmed');
    return `confirmed by ${me.user.displayName}`;
  });

  await steps.run('zezhou reports to 设区的市级 (上报 modal with a comment)', async () => {
    needAccident();
    const dialog = await clickForDialog(p, chainRow(p, '设区的市级').getByRole('button', { name: /上\s*报/ }), '上报至设区的市级');
    await fillFields(dialog, [['说明（可选）', '电话报告市应急管理局值班室，接报人王某。']]);
    await submitDialog(p, dialog, /^确\s*定$/, new RegExp(`/api/accidents/${accidentId}/chain/city/report$`));
    const cells = await waitForChainRow(p, '设区的市级', 'the report', (c) => DATE_TIME.test(c[2] ?? '') && (c[2] ?? '').includes(COUNTY_UNIT));
    check(/待确认接收/.test(cells[3] ?? ''), `设区的市级 receipt shows "${cells[3]}", expected 待确认接收`);
    check(!/越级上报/.test(cells[2] ?? ''), 'the report is marked 越级上报 although 县级 reported first');
    const a = await fetchAccident(p, base, accidentId);
    check(
      link(a, 'city').reportedAt && !link(a, 'city').confirmedAt && !link(a, 'city').skipped,
      'API: 设区的市级 should be reported, unconfirmed, not skipped',
    );
    return `reported by ${link(a, 'city').reportedBy}`;
  });

  await steps.run('zezhou files a 续报 raising deaths to 3: grade 较大, a 省级 row joins the chain', async () => {
    needAccident();
    const dialog = await clickForDialog(p, p.getByRole('button', { name: /续\s*报/ }), '续报：更新伤亡人数与直接经济损失');
    const deaths = dialog.getByLabel('死亡人数');
    check((await deaths.inputValue()) === '1', `the 续报 form starts at ${await deaths.inputValue()} deaths, expected the current 1`);
    // The modal's preview starts at 一般 (the current figures) and follows the new total.
    await dialog.getByText('一般事故', { exact: true }).waitFor();
    await deaths.fill('3');
    await dialog.getByText('较大事故', { exact: true }).waitFor();
    await fillFields(dialog, [['变化情况说明', '被困的另2名工人经搜救确认死亡，死亡人数增至3人。']]);
    check((await deaths.inputValue()) === '3', `the 续报 form holds ${await deaths.inputValue()} deaths, typed 3`);
    await submitDialog(p, dialog, /提交续报/, new RegExp(`/api/accidents/${accidentId}/supplement$`));
    const grade = await waitFor('the header grade to become 较大事故', async () => {
      const g = await headerGrade(p, title);
      return g === '较大事故' ? g : undefined;
    });
    const province = await waitForChainRow(p, '省级', 'a pending report', (c) => /待上报/.test(c[2] ?? ''));
    check(DATE_TIME.test(province[1] ?? ''), `the 省级 row has no due time: ${province.join(' | ')}`);
    await p.getByText('等级升高').waitFor();
    const a = await fetchAccident(p, base, accidentId);
    check(a.grade === 3 && a.deaths === 3, `API grade ${a.grade}, deaths ${a.deaths}; expected 3 and 3`);
    check(link(a, 'province') && a.revisions.length === 2, `API has ${a.revisions.length} revisions`);
    return `${grade}, chain [${a.chain.map((c) => c.recipient).join(', ')}]`;
  });

  await steps.run('the four fatal-accident actions are listed (亡人事故处置)', async () => {
    needAccident();
    const card = p.locator('.ant-card').filter({ has: p.getByText(/^亡人事故处置/) });
    await card.waitFor();
    const rows = card.locator('tr.ant-table-row');
    await waitFor('four action rows', async () => ((await rows.count()) === 4 ? true : undefined));
    const names: string[] = [];
    for (const row of await rows.all()) {
      const cells = await cellsOf(row);
      names.push(cells[0] ?? '');
      check(/待办/.test(cells[2] ?? ''), `action ${cells[0]} is "${cells[2]}", expected 待办`);
      check(/完\s*成/.test(cells.at(-1) ?? ''), `action ${cells[0]} offers no 完成 button to the county`);
    }
    check(JSON.stringify(names) === JSON.stringify(FATAL_ACTIONS), `actions [${names.join(', ')}], expected [${FATAL_ACTIONS.join(', ')}]`);
    await toastsGone(p);
    await screenshot(p, SHOTS, 'accident-detail-county');
    return names.join('、');
  });

  await steps.run('city confirms receipt of the 设区的市级 row', async () => {
    needAccident();
    const me = await signIn('city');
    await openAccidentFromList(p, title);
    const grade = await headerGrade(p, title);
    check(grade === '较大事故', `the city sees ${grade}, expected 较大事故`);
    await confirmReceiptOf(p, '设区的市级', accidentId, 'city');
    await waitForChainRow(p, '设区的市级', 'the receipt', (c) => DATE_TIME.test(c[3] ?? '') && (c[3] ?? '').includes(me.user.displayName));
    // The county's receipt stays as it was; the city may now report to the province.
    await waitForChainRow(p, '县级', 'the county receipt', (c) => DATE_TIME.test(c[3] ?? ''));
    check(
      (await chainRow(p, '省级')
        .getByRole('button', { name: /上\s*报/ })
        .count()) === 1,
      'the city is not offered 上报 to 省级',
    );
    const a = await fetchAccident(p, base, accidentId);
    check(link(a, 'city').confirmedAt, 'API: 设区的市级 not confirmed');
    await toastsGone(p);
    await screenshot(p, SHOTS, 'accident-detail-city');
    return `confirmed by ${me.user.displayName}`;
  });

  await steps.run('事故统计 counts the 较大 accident and lists 泽州县 for item 26', async () => {
    needAccident();
    await openSubmenu(p, /事故管理/, /事故统计/, '/accidents/stats', '事故统计');
    const table = await readTable(p, { accept: (t) => t.rows.some((r) => r[0] === '较大事故'), what: 'a 较大事故 row in the statistics' });
    // Columns: 分组, 本期 起数/死亡/重伤/损失, 占比, 去年同期 ×4, 同比 ×2.
    const row = table.rows.find((r) => r[0] === '较大事故') ?? [];
    const from = `${today.slice(0, 4)}-01-01`;
    const res = await p.request.get(`${base}/api/accidents/stats?groupBy=grade&from=${from}&to=${today}`);
    check(res.ok(), `GET /api/accidents/stats answered ${res.status()}`);
    const stats = (await res.json()) as { rows: { key: string; current: { accidents: number; deaths: number } }[] };
    const api = stats.rows.find((r) => r.key === '3');
    check(api && api.current.accidents >= 1 && api.current.deaths >= 3, `API 较大 row: ${JSON.stringify(api)}`);
    check(
      Number(row[1]) === api.current.accidents && Number(row[2]) === api.current.deaths,
      `table 较大 row [${row.join(' | ')}] ≠ API ${JSON.stringify(api.current)}`,
    );
    const special = p.locator('.ant-card').filter({ has: p.getByText('专项督查对象（第26条）', { exact: true }) });
    await special.getByText(COUNTY, { exact: true }).waitFor();
    await special.getByRole('link', { name: title, exact: true }).waitFor();
    await screenshot(p, SHOTS, 'accident-stats');
    if (current) await logout(p, current);
    current = null;
    return `较大 ${api.current.accidents} accident(s), ${api.current.deaths} death(s)`;
  });
}

// ---------- 隐患排查治理 (issue 3) ----------

const CHEM_PLANT = '高平市华晟化工有限公司';
const GAOPING_UNIT = '高平市应急管理局';
const WORKER = '职工 王师傅';
const HAZARD_TITLE = '2号液氯储罐紧急切断阀旁路常开';
const PLAN_FIRST = '重大事故隐患须先制定治理方案（六要素）才能开始整改';
/** Where the photo says it was taken: 35°47′52.8″N 112°55′30″E (高平市), as EXIF rationals. */
const PHOTO_GPS = {
  lat: [
    [35, 1],
    [47, 1],
    [528, 10],
  ] as [number, number][],
  lng: [
    [112, 1],
    [55, 1],
    [300, 10],
  ] as [number, number][],
  latDeg: 35.798,
  lngDeg: 112.925,
};

interface HazardDto {
  id: string;
  code: string;
  status: string;
  grade: string | null;
  title: string;
  foundAt: string;
  lat: number | null;
  lng: number | null;
  photos: string[];
  deadline: string | null;
  criterion: { catalogue: string; code: string } | null;
  plan: { goals: string; deadline: string } | null;
  dualReportedAt: string | null;
  reviewDue: string | null;
  listings: { departmentName: string; status: string; supervisor: string; deadline: string; closedAt: string | null }[];
  receipts: { to: 'regulator' | 'worker'; displayName: string; readAt: string | null }[];
  transitions: { action: string; evidence: string[] }[];
}

/**
 * Puts an EXIF block (APP1) with DateTimeOriginal and a GPS position into a JPEG, right after its SOI
 * marker: what a phone camera writes. The TIFF layout is the one of jpegWithExif() in
 * server/modules/hazards/hazard.routes.test.ts; `takenAt` is 'YYYY:MM:DD HH:mm:ss' (camera clock).
 */
function withExif(jpeg: Buffer, takenAt: string, lat: [number, number][], lng: [number, number][]): Buffer {
  check(jpeg[0] === 0xff && jpeg[1] === 0xd8, 'not a JPEG (no SOI marker)');
  const le = (n: number, size: number) => {
    const b = Buffer.alloc(size);
    size === 2 ? b.writeUInt16LE(n) : b.writeUInt32LE(n);
    return b;
  };
  // TIFF header (little endian), IFD0 at 8 with the Exif and GPS pointers, then the Exif IFD, the GPS IFD and the values.
  const ifd0Off = 8;
  const exifOff = ifd0Off + 2 + 2 * 12 + 4;
  const gpsOff = exifOff + 2 + 1 * 12 + 4;
  const dataOff = gpsOff + 2 + 4 * 12 + 4;
  const date = Buffer.from(`${takenAt}\0`, 'latin1');
  const rational = (vals: [number, number][]) => Buffer.concat(vals.flatMap(([n, d]) => [le(n, 4), le(d, 4)]));
  const entry = (tag: number, type: number, count: number, value: Buffer) => Buffer.concat([le(tag, 2), le(type, 2), le(count, 4), value]);
  const inline = (s: string) => Buffer.concat([Buffer.from(s, 'latin1'), Buffer.alloc(4 - s.length)]);
  const tiff = Buffer.concat([
    Buffer.from('II'),
    le(42, 2),
    le(ifd0Off, 4),
    le(2, 2),
    entry(0x8769, 4, 1, le(exifOff, 4)),
    entry(0x8825, 4, 1, le(gpsOff, 4)),
    le(0, 4),
    le(1, 2),
    entry(0x9003, 2, date.length, le(dataOff, 4)),
    le(0, 4),
    le(4, 2),
    entry(0x0001, 2, 2, inline('N')),
    entry(0x0002, 5, 3, le(dataOff + date.length, 4)),
    entry(0x0003, 2, 2, inline('E')),
    entry(0x0004, 5, 3, le(dataOff + date.length + 24, 4)),
    le(0, 4),
    date,
    rational(lat),
    rational(lng),
  ]);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);
  return Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]);
}

/** A real 640×480 picture (the browser's canvas, JPEG): a grey wall with a coloured valve, so thumbnails show something. */
async function drawJpeg(page: Page, valve: string): Promise<Buffer> {
  const b64 = await page.evaluate((colour) => {
    const c = document.createElement('canvas');
    c.width = 640;
    c.height = 480;
    const g = c.getContext('2d') as CanvasRenderingContext2D;
    g.fillStyle = '#9aa3ab';
    g.fillRect(0, 0, 640, 480);
    g.fillStyle = '#5c6670';
    g.fillRect(0, 200, 640, 60);
    g.fillStyle = colour;
    g.fillRect(250, 150, 140, 160);
    g.beginPath();
    g.arc(320, 120, 50, 0, Math.PI * 2);
    g.fill();
    return c.toDataURL('image/jpeg', 0.85).split(',')[1] ?? '';
  }, valve);
  return Buffer.from(b64, 'base64');
}

/** Uploads a file through an antd Upload inside `within` and waits for POST /api/attachments; returns its answer. */
async function uploadPhoto(
  page: Page,
  within: Locator,
  name: string,
  buffer: Buffer,
): Promise<{ id: string; meta: { takenAt?: string; lat?: number; lng?: number } | null }> {
  const res = await expectCall(page, 'POST', /^\/api\/attachments$/, () =>
    within.locator('input[type=file]').setInputFiles({ name, mimeType: 'image/jpeg', buffer }),
  );
  const body = (await res.json()) as { id: string; mime: string; meta: { takenAt?: string; lat?: number; lng?: number } | null };
  check(body.mime === 'image/jpeg', `the photo was stored as ${body.mime}`);
  // The picture card shows the thumbnail once antd has marked the upload done.
  await within.locator('.ant-upload-list-item-done').first().waitFor();
  return body;
}

/** The page is no wider than the phone's screen (nothing scrolls sideways). */
async function noSidewaysScroll(page: Page, what: string): Promise<string> {
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  check(scroll <= inner, `${what} is ${scroll} px wide on a ${inner} px phone screen (scrolls sideways)`);
  return `${scroll}/${inner} px`;
}

/** The hazard detail's header (title and its tags). */
async function waitForHeaderTags(page: Page, title: string, tags: string[]): Promise<string> {
  const heading = page.getByRole('heading', { level: 4 }).filter({ hasText: title });
  let last = '';
  try {
    return await waitFor(`the header to show ${tags.join(', ')}`, async () => {
      last = ((await heading.textContent()) ?? '').trim();
      return tags.every((t) => last.includes(t)) ? last : undefined;
    });
  } catch (err) {
    throw new Error(`${(err as Error).message}; the header reads "${last}"`);
  }
}

/**
 * Issue 3's golden path: an enterprise manager reports a major hazard with a photo from a phone,
 * confirms it by a chemical 判定标准 item (双报告 to the regulator and the workers, with receipts), a
 * worker reads the announcement, the county lists it (挂牌督办), the enterprise files the Art. 15 plan,
 * rectifies and hands it in, a second manager verifies, the county reviews on site, closes it out and
 * closes the listing.
 */
async function hazardPath(steps: Steps, p: Page, base: string, openPhone: () => Promise<Page>, focus: (pg: Page | null) => void): Promise<void> {
  const now = new Date();
  const today = beijingDay(now.getTime());
  // Twenty minutes ago, but never before today's midnight (Beijing time), as the camera's clock has it.
  const taken = beijingMinute(new Date(Math.max(now.getTime() - 20 * 60_000, new Date(`${today}T00:00:00+08:00`).getTime())));
  const deadline = plusDays(today, 30);
  const listingDeadline = plusDays(today, 25);
  const year = today.slice(0, 4);
  let current: Me | null = null;
  let phone: Page | null = null;
  let hazardId = '';
  let code = '';

  const signIn = async (username: string): Promise<Me> => {
    focus(null);
    if (current) await logout(p, current);
    current = null;
    if ((await p.request.get(`${base}/api/auth/me`)).ok()) await p.context().clearCookies();
    current = await login(p, base, username);
    return current;
  };
  const needHazard = () => {
    focus(null);
    check(hazardId && phone, 'no hazard was reported (an earlier step failed)');
  };
  const usePhone = (): Page => {
    check(phone, 'the phone was not opened');
    focus(phone);
    return phone;
  };
  const fetchHazard = async (pg: Page) => await getJson<{ data: HazardDto; abilities: Record<string, boolean> }>(pg, `${base}/api/hazards/${hazardId}`);
  const receiptRow = (pg: Page, who: string) => cardTitled(pg, '双报告与回执').locator('tr.ant-table-row').filter({ hasText: who });

  try {
    await steps.run('ent-chem on a phone (390×844) opens 上报隐患 from the menu drawer; a photo’s EXIF fills 发现时间, 经度 and 纬度', async () => {
      phone = await openPhone();
      const ph = usePhone();
      await login(ph, base, 'ent-chem');
      await ph.getByRole('button', { name: '菜单', exact: true }).click();
      // No side menu on a phone: the menu is a drawer, the only menu on the page.
      await ph.getByRole('menuitem', { name: /隐患排查治理/ }).waitFor();
      await openSubmenu(ph, /隐患排查治理/, /上报隐患/, '/hazards/new', '上报隐患');
      await ph.getByRole('menuitem', { name: /上报隐患/ }).waitFor({ state: 'hidden' });
      // An enterprise user reports for its own plant: the picker selects it by itself.
      await formItem(ph, '企业').getByText(CHEM_PLANT).first().waitFor();

      const photo = withExif(await drawJpeg(ph, '#d4380d'), `${taken.replace(/-/g, ':')}:00`, PHOTO_GPS.lat, PHOTO_GPS.lng);
      const up = await uploadPhoto(ph, formItem(ph, '现场照片'), `IMG_${taken.replace(/\D/g, '')}.jpg`, photo);
      check(
        up.meta?.lat === PHOTO_GPS.latDeg && up.meta?.lng === PHOTO_GPS.lngDeg && up.meta?.takenAt === `${taken.replace(' ', 'T')}:00+08:00`,
        `the server read ${JSON.stringify(up.meta)} from the photo`,
      );
      const foundAt = formItem(ph, '发现时间');
      await foundAt.getByText('已从照片读取拍摄时间和位置', { exact: true }).waitFor();
      const shown = await waitFor('发现时间 to fill from the photo', async () => {
        const v = await foundAt.locator('input').inputValue();
        return v ? v : undefined;
      });
      check(shown === `${taken}:00`, `发现时间 shows "${shown}", the photo was taken ${taken}:00`);
      const lng = Number(await formItem(ph, '经度').locator('input').inputValue());
      const lat = Number(await formItem(ph, '纬度').locator('input').inputValue());
      check(
        Math.abs(lng - PHOTO_GPS.lngDeg) < 1e-6 && Math.abs(lat - PHOTO_GPS.latDeg) < 1e-6,
        `经度/纬度 show ${lng}, ${lat}; the photo says ${PHOTO_GPS.lngDeg}, ${PHOTO_GPS.latDeg}`,
      );

      const form = ph.locator('form');
      await fillFields(form, [
        ['隐患名称', HAZARD_TITLE],
        ['隐患部位', '液氯罐区 V-102 储罐出口'],
        ['隐患描述', '巡检发现2号液氯储罐出口紧急切断阀旁路阀处于常开状态，切断阀形同虚设；罐区构成二级重大危险源。已安排专人现场监护。'],
      ]);
      await selectOption(ph, form.getByLabel('建议等级（由企业确认定级）', { exact: true }), '重大隐患');
      await ph.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await toastsGone(ph);
      const width = await noSidewaysScroll(ph, 'the 上报隐患 form');
      await screenshot(ph, SHOTS, 'hazard-new-phone');
      return `photo ${taken}, ${lng}, ${lat}; page ${width}`;
    });

    await steps.run('ent-chem submits (提交上报): the detail shows 待确认 with the photo, its time and position', async () => {
      const ph = usePhone();
      const res = await expectCall(ph, 'POST', /^\/api\/hazards$/, () => ph.getByRole('button', { name: '提交上报' }).click()).catch(async (err: Error) => {
        const fields = await ph.locator('.ant-form-item-has-error .ant-form-item-label label').allTextContents();
        throw new Error(fields.length ? `the form was not sent, fields in error: ${fields.join('; ')}` : err.message);
      });
      const created = ((await res.json()) as { data: HazardDto }).data;
      hazardId = created.id;
      code = created.code;
      await ph.waitForURL((u) => u.pathname === `/hazards/${hazardId}`);
      await waitForHeaderTags(ph, HAZARD_TITLE, ['待确认', '建议：重大隐患']);
      const what = cardTitled(ph, '隐患信息');
      await what.getByText(taken, { exact: true }).waitFor();
      await what.getByText(`${PHOTO_GPS.lngDeg.toFixed(6)}, ${PHOTO_GPS.latDeg.toFixed(6)}`, { exact: true }).waitFor();
      await what.locator(`img[src="/api/attachments/${created.photos[0]}"]`).waitFor();
      const h = (await fetchHazard(ph)).data;
      check(h.status === 'reported' && h.grade === null, `API: ${h.status}/${h.grade}, expected reported and ungraded`);
      check(h.photos.length === 1 && h.lat === PHOTO_GPS.latDeg && h.lng === PHOTO_GPS.lngDeg, `API: photos ${h.photos.length}, position ${h.lng}, ${h.lat}`);
      check(Date.parse(h.foundAt) === Date.parse(`${taken.replace(' ', 'T')}:00+08:00`), `API foundAt ${h.foundAt}, the photo says ${taken}`);
      return `${code}, ${await noSidewaysScroll(ph, 'the hazard detail')}`;
    });

    await steps.run(
      'ent-chem confirms it (确认定级) by chemical item 5 (罐区紧急切断): 重大, 双报告 with receipts for the regulator and the workers',
      async () => {
        needHazard();
        const ph = usePhone();
        const dialog = await clickForDialog(ph, ph.getByRole('button', { name: '确认定级' }), '确认定级');
        await selectOption(
          ph,
          dialog.getByLabel('重大隐患判定标准条目', { exact: true }),
          /^05\. 构成一级、二级重大危险源的危险化学品罐区未实现紧急切断功能/,
          '紧急切断',
        );
        // A 判定标准 item makes it 重大: the grade switch is locked and the 双报告 notice and Art. 14 fields appear.
        await waitFor('the grade switch to lock', async () => ((await dialog.getByRole('radio', { name: '一般隐患' }).isDisabled()) ? true : undefined));
        check(await dialog.getByRole('radio', { name: '重大隐患' }).isChecked(), 'the criterion did not set the grade to 重大隐患');
        await dialog.getByText('重大事故隐患确认后将立即报告负有监管职责的部门，并告知本单位从业人员（双报告）').waitFor();
        await formItem(dialog, '重大隐患判定标准条目')
          .getByText(/安监总管三〔2017〕121号/)
          .waitFor();
        await typeDate(ph, dialog.getByLabel('整改期限', { exact: true }), deadline);
        await fillFields(dialog, [
          ['整改责任人', '王建军'],
          ['隐患的现状及其产生原因', '紧急切断阀执行机构故障后改走旁路，旁路阀长期常开，原因是维修未及时、变更未审批。'],
          ['隐患的危害程度和整改难易程度分析', '一旦泄漏无法自动切断，可能导致液氯大量泄漏、人员中毒；需停用该罐、倒罐后更换执行机构，整改难度中等。'],
          ['说明', '经安全管理部现场核实，属重大事故隐患，立即倒罐停用。'],
        ]);
        check((await dialog.getByLabel('整改期限', { exact: true }).inputValue()) === deadline, 'the 整改期限 lost its value');
        await submitDialog(ph, dialog, /^确\s*定$/, new RegExp(`^/api/hazards/${hazardId}/confirm$`));
        await waitForHeaderTags(ph, HAZARD_TITLE, ['待整改', '重大隐患']);
        await cardTitled(ph, '重大隐患判定与报告')
          .getByText(/构成一级、二级重大危险源的危险化学品罐区未实现紧急切断功能/)
          .waitFor();
        const receipts = cardTitled(ph, '双报告与回执');
        await receipts.getByText(/^已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 报告监管部门并告知从业人员$/).waitFor();
        const regulator = receiptRow(ph, GAOPING_UNIT).filter({ hasText: '监管部门' });
        const worker = receiptRow(ph, WORKER).filter({ hasText: '本单位从业人员' });
        await regulator.first().waitFor();
        check(/未读/.test((await worker.textContent()) ?? ''), `the worker's receipt reads "${await worker.textContent()}", expected 未读`);
        const h = (await fetchHazard(ph)).data;
        check(
          h.grade === 'major' && h.criterion?.code === 'H05' && h.dualReportedAt,
          `API: grade ${h.grade}, criterion ${h.criterion?.code}, 双报告 ${h.dualReportedAt}`,
        );
        check(h.deadline === deadline, `API deadline ${h.deadline}, typed ${deadline}`);
        const kinds = { regulator: h.receipts.filter((r) => r.to === 'regulator').length, worker: h.receipts.filter((r) => r.to === 'worker').length };
        check(kinds.regulator > 0 && kinds.worker > 0, `API receipts: ${JSON.stringify(kinds)}`);
        await toastsGone(ph);
        const width = await noSidewaysScroll(ph, 'the confirmed hazard detail');
        await screenshot(ph, SHOTS, 'hazard-detail-phone');
        return `receipts: ${kinds.regulator} regulator, ${kinds.worker} worker; page ${width}`;
      },
    );

    await steps.run('worker-chem opens the 双报告 announcement from the bell: the receipt shows when the worker read it', async () => {
      needHazard();
      await signIn('worker-chem');
      await p
        .locator('header')
        .getByRole('button', { name: /条未读消息/ })
        .click();
      await p.waitForURL((u) => u.pathname === '/notifications');
      const item = p.getByText(`重大事故隐患告知：${HAZARD_TITLE}`, { exact: true });
      await expectCall(p, 'POST', /^\/api\/notifications\/[0-9a-f-]{36}\/read$/, () => item.click());
      await p.waitForURL((u) => u.pathname === `/hazards/${hazardId}`);
      const row = receiptRow(p, WORKER).filter({ hasText: '本单位从业人员' });
      const read = await waitFor('the worker’s read time', async () => {
        const m = DATE_TIME.exec((await row.textContent()) ?? '');
        return m?.[0];
      });
      // The worker reads; the enterprise's buttons are not theirs.
      check((await p.getByRole('button', { name: /确认定级|制定治理方案/ }).count()) === 0, 'a worker is offered an enterprise step');
      const h = (await fetchHazard(p)).data;
      const r = h.receipts.find((x) => x.to === 'worker' && x.displayName.endsWith(WORKER));
      check(r?.readAt, `API: the worker's receipt is ${JSON.stringify(r)}`);
      return `read ${read}`;
    });

    await steps.run('gaoping finds it in 隐患清单 and lists it (挂牌督办) with supervisor, deadline and requirements', async () => {
      needHazard();
      await signIn('gaoping');
      await openSubmenu(p, /隐患排查治理/, /隐患清单/, '/hazards', '隐患清单');
      const search = p.getByPlaceholder('编号、隐患、企业或部位');
      await search.fill(code);
      await search.press('Enter');
      await p.waitForURL((u) => u.searchParams.get('q') === code);
      await readTable(p, { accept: (t) => t.total === 1 && t.rows.length === 1, what: `the list filtered to ${code}` });
      await p.locator('.ant-table-row').getByRole('link', { name: code, exact: true }).click();
      await p.waitForURL((u) => u.pathname === `/hazards/${hazardId}`);
      await waitForHeaderTags(p, HAZARD_TITLE, ['待整改', '重大隐患']);
      const dialog = await clickForDialog(p, p.getByRole('button', { name: '挂牌督办' }), '挂牌督办');
      const doc = `高应急督〔${year}〕12号`;
      await typeDate(p, dialog.getByLabel('督办期限', { exact: true }), listingDeadline);
      await fillFields(dialog, [
        ['督办文号', doc],
        ['督办责任人', '李卫东'],
        ['联系电话', '0356-5221234'],
        ['督办要求', '立即停用2号液氯储罐并倒罐，制定治理方案报局备案，整改完成后申请现场审查核销。'],
      ]);
      check((await dialog.getByLabel('督办期限', { exact: true }).inputValue()) === listingDeadline, 'the 督办期限 lost its value');
      await submitDialog(p, dialog, /^确\s*定$/, new RegExp(`^/api/hazards/${hazardId}/list$`));
      await waitForHeaderTags(p, HAZARD_TITLE, ['待整改', '重大隐患', '挂牌督办']);
      const card = cardTitled(p, '挂牌督办');
      for (const text of [GAOPING_UNIT, '督办中', doc, '李卫东 0356-5221234', listingDeadline]) await card.getByText(text).first().waitFor();
      await card.getByText(/立即停用2号液氯储罐并倒罐/).waitFor();
      const h = (await fetchHazard(p)).data;
      const l = h.listings[0];
      check(
        h.listings.length === 1 && l?.status === 'open' && l.departmentName === GAOPING_UNIT && l.deadline === listingDeadline,
        `API listings ${JSON.stringify(h.listings)}`,
      );
      await toastsGone(p);
      await screenshot(p, SHOTS, 'hazard-detail-listed');
      return `${doc}, due ${listingDeadline}`;
    });

    await steps.run('ent-chem (phone): 开始整改 waits for the plan (warning shown, API 409); files the six-element plan (治理方案)', async () => {
      needHazard();
      const ph = usePhone();
      await ph.goto(`${base}/hazards/${hazardId}`);
      await waitForHeaderTags(ph, HAZARD_TITLE, ['待整改', '挂牌督办']);
      await ph.getByRole('alert').filter({ hasText: PLAN_FIRST }).waitFor();
      check((await ph.getByRole('button', { name: '开始整改' }).count()) === 0, '开始整改 is offered before the plan exists');
      await cardTitled(ph, '治理方案（六要素）').getByText('尚未制定治理方案').waitFor();
      const refused = await ph.request.post(`${base}/api/hazards/${hazardId}/rectify`, { data: { comment: '直接开始整改' } });
      const body = (await refused.json().catch(() => ({}))) as { error?: { code?: string } };
      check(
        refused.status() === 409 && body.error?.code === 'HAZARD_PLAN_REQUIRED',
        `POST rectify without a plan answered ${refused.status()} ${body.error?.code}`,
      );

      const dialog = await clickForDialog(ph, ph.getByRole('button', { name: '制定治理方案' }), '重大事故隐患治理方案');
      await fillFields(dialog, [
        ['治理的目标和任务', '恢复2号液氯储罐紧急切断功能，取消旁路常开，消除重大事故隐患。'],
        ['采取的方法和措施', '倒罐清空2号储罐；更换紧急切断阀执行机构并与SIS联锁测试；旁路阀加铅封，纳入变更管理。'],
        ['经费落实（元）', '180000'],
        ['物资落实', '气动执行机构1套、铅封20个已采购到位。'],
        ['负责治理的机构', '设备管理部'],
        ['负责治理的人员', '王建军（设备部部长）、刘涛（仪表班长）'],
        ['安全措施', '倒罐期间罐区设警戒区，停止装卸作业，配备正压式空气呼吸器，专人监护。'],
        ['应急预案', '执行《液氯泄漏现场处置方案》，应急物资前置到罐区，与园区消防站联动。'],
      ]);
      check((await dialog.getByLabel('治理的时限', { exact: true }).inputValue()) === deadline, 'the plan deadline does not start at the hazard’s deadline');
      await submitDialog(ph, dialog, /^确\s*定$/, new RegExp(`^/api/hazards/${hazardId}/plan$`));
      await cardTitled(ph, '治理方案（六要素）')
        .getByText(/恢复2号液氯储罐紧急切断功能/)
        .waitFor();
      await ph.getByRole('button', { name: '开始整改' }).waitFor();
      await ph.getByRole('button', { name: '修订治理方案' }).waitFor();
      check((await ph.getByRole('alert').filter({ hasText: PLAN_FIRST }).count()) === 0, 'the plan-first warning stays after the plan');
      const h = (await fetchHazard(ph)).data;
      check(h.plan?.deadline === deadline, `API plan ${JSON.stringify(h.plan)}`);
      return `plan due ${h.plan?.deadline}`;
    });

    await steps.run(
      'ent-chem (phone) starts rectification (开始整改), then hands it in (提交验收) with an after-photo; no 验收 for the rectifier',
      async () => {
        needHazard();
        const ph = usePhone();
        let dialog = await clickForDialog(ph, ph.getByRole('button', { name: '开始整改' }), '开始整改');
        await fillFields(dialog, [['说明', '已倒罐停用2号储罐，设备部开始更换执行机构。']]);
        await submitDialog(ph, dialog, /^开始整改$/, new RegExp(`^/api/hazards/${hazardId}/rectify$`));
        await waitForHeaderTags(ph, HAZARD_TITLE, ['整改中']);

        dialog = await clickForDialog(ph, ph.getByRole('button', { name: '提交验收' }), '提交验收');
        const after = await uploadPhoto(ph, formItem(dialog, '整改后照片'), 'after.jpg', await drawJpeg(ph, '#389e0d'));
        await fillFields(dialog, [
          ['整改情况（采取了哪些措施）', '已更换紧急切断阀执行机构，SIS联锁测试3次均在5秒内关闭；旁路阀关闭并加铅封。'],
          ['实际投入资金（元）', '165000'],
        ]);
        // The dialog as the phone shows it, its buttons in view (a viewport shot: the page behind is masked).
        await ph.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        await toastsGone(ph);
        await dialog.getByRole('button', { name: /^提交验收$/ }).scrollIntoViewIfNeeded();
        await noSidewaysScroll(ph, 'the 提交验收 dialog');
        await ph.screenshot({ path: path.join(SHOTS, 'hazard-submit-dialog-phone.png') });
        await submitDialog(ph, dialog, /^提交验收$/, new RegExp(`^/api/hazards/${hazardId}/submit$`));
        await waitForHeaderTags(ph, HAZARD_TITLE, ['待验收']);
        await cardTitled(ph, '处理过程').locator(`img[src="/api/attachments/${after.id}"]`).waitFor();
        // Who handed the work in does not verify it (验收 by someone else).
        check((await ph.getByRole('button', { name: /^验\s*收$/ }).count()) === 0, 'ent-chem, who handed the work in, is offered 验收');
        const { data: h, abilities } = await fetchHazard(ph);
        check(!abilities.verify, 'API: ent-chem may verify its own work');
        check(
          h.transitions.some((t) => t.action === 'submit' && t.evidence.includes(after.id)),
          'API: the submit step lacks the after-photo',
        );
        await toastsGone(ph);
        const width = await noSidewaysScroll(ph, 'the handed-in hazard detail');
        await screenshot(ph, SHOTS, 'hazard-detail-submitted-phone');
        return `after-photo ${after.id.slice(0, 8)}…, page ${width}`;
      },
    );

    await steps.run('ent-chem2 (the principal, not the rectifier) verifies (验收): 待审查核销, the regulator’s review due within 10 working days', async () => {
      needHazard();
      await signIn('ent-chem2');
      await p.goto(`${base}/hazards/${hazardId}`);
      await waitForHeaderTags(p, HAZARD_TITLE, ['待验收']);
      const dialog = await clickForDialog(p, p.getByRole('button', { name: /^验\s*收$/ }), '验收');
      await dialog.getByText(/监管部门应在10日内现场审查/).waitFor();
      await fillFields(dialog, [['说明', '现场验收：切断阀动作正常，旁路铅封完好，验收合格。']]);
      await submitDialog(p, dialog, /^验\s*收$/, new RegExp(`^/api/hazards/${hazardId}/verify$`));
      await waitForHeaderTags(p, HAZARD_TITLE, ['待审查核销']);
      const h = (await fetchHazard(p)).data;
      check(h.status === 'verified' && h.reviewDue, `API: ${h.status}, reviewDue ${h.reviewDue}`);
      const due = h.reviewDue;
      // 10 working days: two calendar weeks, three over a long holiday.
      check(due > today && due <= plusDays(today, 21), `reviewDue ${due} is not within 10 working days of ${today}`);
      await p
        .getByRole('alert')
        .filter({ hasText: `已申请验收核销：监管部门应于 ${due} 前完成现场审查` })
        .waitFor();
      return `review due ${due}`;
    });

    await steps.run('gaoping opens the 申请验收核销 notice, 现场审查核销 → 已销号, then 摘牌', async () => {
      needHazard();
      await signIn('gaoping');
      await p
        .locator('header')
        .getByRole('button', { name: /条未读消息/ })
        .click();
      await p.waitForURL((u) => u.pathname === '/notifications');
      await expectCall(p, 'POST', /^\/api\/notifications\/[0-9a-f-]{36}\/read$/, () =>
        p.getByText(`重大事故隐患治理完成，申请验收核销：${CHEM_PLANT} ${HAZARD_TITLE}`, { exact: true }).first().click(),
      );
      await p.waitForURL((u) => u.pathname === `/hazards/${hazardId}`);
      await waitForHeaderTags(p, HAZARD_TITLE, ['待审查核销', '挂牌督办']);
      let dialog = await clickForDialog(p, p.getByRole('button', { name: '现场审查核销' }), '审查核销');
      await dialog.getByText(/现场审查合格即核销并同意恢复生产/).waitFor();
      await fillFields(dialog, [['说明', '现场审查：紧急切断功能恢复，联锁测试合格，同意核销并恢复使用。']]);
      await submitDialog(p, dialog, /^审查核销$/, new RegExp(`^/api/hazards/${hazardId}/close$`));
      await waitForHeaderTags(p, HAZARD_TITLE, ['已销号']);

      dialog = await clickForDialog(p, p.getByRole('button', { name: /^摘\s*牌$/ }), '摘牌');
      await fillFields(dialog, [['说明', '隐患已核销，予以摘牌。']]);
      await submitDialog(p, dialog, /^摘\s*牌$/, new RegExp(`^/api/hazards/${hazardId}/unlist$`));
      const card = cardTitled(p, '挂牌督办');
      await card.getByText('已摘牌', { exact: true }).waitFor();
      await card.getByText('摘牌时间').waitFor();
      check((await p.getByRole('button', { name: /^摘\s*牌$/ }).count()) === 0, '摘牌 is still offered after closing the listing');
      const h = (await fetchHazard(p)).data;
      check(
        h.status === 'closed' && h.listings[0]?.status === 'closed' && h.listings[0].closedAt,
        `API: ${h.status}, listing ${JSON.stringify(h.listings[0])}`,
      );
      await toastsGone(p);
      await screenshot(p, SHOTS, 'hazard-detail-closed');
      return `closed, listing closed ${h.listings[0].closedAt}`;
    });

    await steps.run('四个清单 → 挂牌督办清单 shows the listing 已摘牌 with the hazard 已销号', async () => {
      needHazard();
      await openSubmenu(p, /隐患排查治理/, /四个清单/, '/hazards/lists', '四个清单');
      await p.getByRole('tab', { name: '挂牌督办清单' }).click();
      await p.waitForURL((u) => u.searchParams.get('tab') === 'listings');
      const search = p.getByPlaceholder('编号、隐患、企业或部位');
      await search.fill(HAZARD_TITLE);
      await search.press('Enter');
      await p.waitForURL((u) => u.searchParams.get('q') === HAZARD_TITLE);
      const table = await readTable(p, {
        accept: (t) => t.rows.length === 1 && t.rows[0]!.join(' ').includes(HAZARD_TITLE),
        what: `the listing of ${HAZARD_TITLE}`,
      });
      const row = table.rows[0] ?? [];
      const status = row[column(table, '挂牌状态')];
      const progress = row[column(table, '治理进度')];
      check(status === '已摘牌' && progress === '已销号', `the row reads 挂牌状态 ${status}, 治理进度 ${progress}`);
      check(row[column(table, '挂牌部门')] === GAOPING_UNIT, `挂牌部门 ${row[column(table, '挂牌部门')]}`);
      await screenshot(p, SHOTS, 'hazard-listings');
      if (current) await logout(p, current);
      current = null;
      return row.join(' | ');
    });
  } finally {
    focus(null);
    await (phone as Page | null)
      ?.context()
      .close()
      .catch(() => undefined);
  }
}

// ---------- 督办 and the notice as the work plan (issue 4) ----------

const TASK_TITLE = '开展汛前安全隐患排查';
const COOP_UNIT = '高平市应急管理局';
const PLAN_DOCUMENT = '晋市政发〔2021〕1号';
const DAY_MS = 86_400_000;
/** "Four days later": the server is restarted with its clock this far ahead. */
const CLOCK_OFFSET_MS = 4 * DAY_MS;
const PLAN_STATUS_ZH: Record<string, string> = { green: '达标', yellow: '接近', red: '未达标', grey: '无数据' };

interface TaskAssigneeDto {
  id: string;
  role: 'lead' | 'cooperate';
  unitName: string;
  status: string;
  deployDue: string;
  feedbackDue: string;
  resolveDue: string;
  deployedAt: string | null;
  firstFeedbackAt: string | null;
  resolvedAt: string | null;
  escalation: number;
  state: 'onTrack' | 'dueSoon' | 'overdue' | 'done';
}
interface TaskDto {
  id: string;
  code: string;
  title: string;
  assignedAt: string;
  complexity: string;
  dayKind: string;
  assignees: (TaskAssigneeDto & { events: { action: string; progress: number | null }[] })[];
}
interface BoardDto {
  totals: { open: number; dueSoon: number; overdue: number; noticed: number };
  units: { unitName: string; open: number; dueSoon: number; overdue: number; noticed: number }[];
  items: (TaskAssigneeDto & { taskId: string; code: string; title: string })[];
}
interface IndicatorDto {
  key: string;
  name: string;
  target: string;
  display: string;
  value: number | null;
  status: string;
  shortfallCount: number;
  shortfalls?: { id: string | null; name: string; detail: string }[];
}
interface PlanItemDto {
  id: string;
  number: number;
  title: string;
  status: string;
  indicators: IndicatorDto[];
}
interface PlanDto {
  id: string;
  year: number;
  document: string;
  title: string;
}

function plusDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** A computed colour is red (antd's error red #ff4d4f, #f5222d, #cf1322). */
function isRed(rgb: string): boolean {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(rgb);
  return !!m && Number(m[1]) > 180 && Number(m[2]) < 110 && Number(m[3]) < 110;
}

async function cssOf(l: Locator, prop: string): Promise<string> {
  return l.evaluate((el, pr) => getComputedStyle(el).getPropertyValue(pr), prop);
}

/** Picks a department in a UnitPicker: types into its search box and clicks the option of that name. */
async function pickUnit(p: Page, input: Locator, name: string): Promise<void> {
  await selectOption(p, input, name, name);
}

/** The task detail's card of one unit (its title holds the unit name). */
function assigneeCard(p: Page, unit: string): Locator {
  return p.locator('.ant-card').filter({ has: p.locator('.ant-card-head-title').getByText(unit, { exact: true }) });
}

/** The texts of a unit card's three due points: 当日研究部署, 3日内反馈, 7日内落实解决. */
async function duePoints(card: Locator): Promise<string[]> {
  const cols = card.locator('.ant-card-body .ant-row').first().locator(':scope > .ant-col');
  return (await cols.allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
}

async function waitForDuePoints(card: Locator, what: string, ok: (points: string[]) => boolean): Promise<string[]> {
  let last: string[] = [];
  try {
    return await waitFor(
      what,
      async () => {
        last = await duePoints(card);
        return last.length === 3 && ok(last) ? last : undefined;
      },
      10_000,
    );
  } catch (err) {
    throw new Error(`${(err as Error).message}; the due points read [${last.join(' | ')}]`);
  }
}

/**
 * Issue 4's golden path: the city issues a 13710 task to two counties, one of them deploys and reports
 * on time, four days pass (the server restarts with its clock ahead), the board shows the other county
 * overdue; then the year's notice as a work plan with its computed indicators, drill-down and export.
 */
async function taskPath(steps: Steps, p: Page, srv: Server, context: BrowserContext, downloads: string): Promise<void> {
  /** The server's address now: a restart may have moved it to another port. */
  const base = () => srv.baseUrl;
  let current: Me | null = null;
  let taskId = '';
  let code = '';
  let days: { deploy: string; feedback: string; resolve: string } | null = null;

  const signIn = async (username: string): Promise<Me> => {
    if (current) await logout(p, current);
    current = null;
    if ((await p.request.get(`${base()}/api/auth/me`)).ok()) await p.context().clearCookies();
    current = await login(p, base(), username);
    return current;
  };
  const needTask = () => check(taskId, 'no task was issued (an earlier step failed)');
  const fetchTask = async () => (await getJson<{ data: TaskDto }>(p, `${base()}/api/tasks/${taskId}`)).data;
  const assignee = (t: TaskDto, unit: string) => {
    const a = t.assignees.find((x) => x.unitName === unit);
    check(a, `the task has no assignee ${unit}: [${t.assignees.map((x) => x.unitName).join(', ')}]`);
    return a;
  };

  await steps.run('city issues a general task through 督办事项 → 交办事项 to 泽州县 (lead) and 高平市 (cooperating)', async () => {
    await signIn('city');
    await openSubmenu(p, /督办事项/, /交办事项/, '/tasks/new', /交办督办事项/);
    const form = p.locator('form');
    const texts: [string, string][] = [
      ['事项名称', TASK_TITLE],
      ['督办内容', '汛期将至，请对辖区内尾矿库、煤矿井下水害、危化品罐区及在建工程开展全面安全隐患排查，建立台账，逐项整改销号。'],
      ['来源文号 / 出处', '晋城市安委会全体会议纪要'],
    ];
    await fillFields(form, texts);
    await pickUnit(p, form.getByLabel('牵头单位', { exact: true }), COUNTY_UNIT);
    await form.getByRole('button', { name: /添加配合单位/ }).click();
    await pickUnit(p, form.locator('#cooperating_0'), COOP_UNIT);
    await fillFields(form, texts); // still there after the selects
    // The live 13710 preview (POST /api/calculators/deadline-13710 for "now"): today, +3 and +7 days.
    const preview = form.locator('.ant-descriptions');
    const shown = await waitFor('the 13710 preview', async () => {
      const values = (await preview.locator('.ant-descriptions-item-content').allTextContents()).map((t) => t.trim());
      return values.length === 3 && values.every((v) => /^\d{4}-\d{2}-\d{2}/.test(v)) ? values.map((v) => v.slice(0, 10)) : undefined;
    });
    const today = beijingDay(Date.now());
    check(
      shown[0] === today && shown[1] === plusDays(today, 3) && shown[2] === plusDays(today, 7),
      `the preview shows [${shown.join(', ')}], expected ${today}, +3 and +7 days`,
    );
    await p.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const res = await expectCall(p, 'POST', /^\/api\/tasks$/, () => form.getByRole('button', { name: /交\s*办$/ }).click()).catch(async (err: Error) => {
      const fields = await p.locator('.ant-form-item-has-error .ant-form-item-label label').allTextContents();
      throw new Error(fields.length ? `the form was not sent, fields in error: ${fields.join('; ')}` : err.message);
    });
    const task = ((await res.json()) as { data: TaskDto }).data;
    taskId = task.id;
    code = task.code;
    await p.waitForURL((u) => u.pathname === `/tasks/${taskId}`);
    await p.getByRole('heading', { level: 4 }).filter({ hasText: TASK_TITLE }).filter({ hasText: code }).waitFor();
    return `${code}, preview ${shown.join(' / ')}`;
  });

  await steps.run('the detail shows both units due today / +3 / +7 days, as POST /api/calculators/deadline-13710 computes', async () => {
    needTask();
    const task = await fetchTask();
    check(task.complexity === 'general' && task.dayKind === 'calendar', `task is ${task.complexity}/${task.dayKind}, expected general/calendar`);
    const calcRes = await p.request.post(`${base()}/api/calculators/deadline-13710`, {
      data: { assignedAt: task.assignedAt, complexity: 'general', dayKind: 'calendar' },
    });
    check(calcRes.ok(), `POST /api/calculators/deadline-13710 answered ${calcRes.status()}`);
    const calc = (await calcRes.json()) as { deployDue: string; feedbackDue: string; resolveDue: string };
    const today = beijingDay(task.assignedAt);
    days = { deploy: beijingDay(calc.deployDue), feedback: beijingDay(calc.feedbackDue), resolve: beijingDay(calc.resolveDue) };
    check(
      days.deploy === today && days.feedback === plusDays(today, 3) && days.resolve === plusDays(today, 7),
      `the calculator says ${JSON.stringify(days)} for a task assigned on ${today}`,
    );
    const d = days;
    for (const [unit, role] of [
      [COUNTY_UNIT, 'lead'],
      [COOP_UNIT, 'cooperate'],
    ] as const) {
      const a = assignee(task, unit);
      check(a.role === role, `${unit} is ${a.role}, expected ${role}`);
      check(
        Date.parse(a.deployDue) === Date.parse(calc.deployDue) &&
          Date.parse(a.feedbackDue) === Date.parse(calc.feedbackDue) &&
          Date.parse(a.resolveDue) === Date.parse(calc.resolveDue),
        `${unit}'s due dates ${a.deployDue} / ${a.feedbackDue} / ${a.resolveDue} ≠ the calculator's ${calc.deployDue} / ${calc.feedbackDue} / ${calc.resolveDue}`,
      );
      const card = assigneeCard(p, unit);
      await card.getByText(role === 'lead' ? '牵头' : '配合', { exact: true }).waitFor();
      await card.getByText('待签收', { exact: true }).waitFor();
      await waitForDuePoints(
        card,
        `${unit}'s due points`,
        (pts) =>
          pts[0]!.startsWith(`当日研究部署${d.deploy}`) &&
          pts[1]!.startsWith(`3日内反馈${d.feedback}`) &&
          pts[2]!.startsWith(`7日内落实解决${d.resolve}`) &&
          pts.every((x) => x.endsWith('待完成')),
      );
    }
    return `deploy ${d.deploy}, feedback ${d.feedback}, resolve ${d.resolve}`;
  });

  await steps.run('zezhou opens the task from 事项列表, 签收部署 then 反馈进展: its card shows both on time; 高平市 untouched', async () => {
    needTask();
    const me = await signIn('zezhou');
    await openSubmenu(p, /督办事项/, /事项列表/, '/tasks', '事项列表');
    const search = p.getByPlaceholder('编号 / 事项名称');
    await search.fill(code);
    await search.press('Enter');
    await p.waitForURL((u) => u.searchParams.get('q') === code);
    await readTable(p, { accept: (t) => t.total === 1 && t.rows.length === 1, what: `the list filtered to ${code}` });
    await p.locator('.ant-table-row').getByRole('link', { name: TASK_TITLE, exact: true }).click();
    await p.waitForURL((u) => u.pathname === `/tasks/${taskId}`);
    const card = assigneeCard(p, COUNTY_UNIT);
    const step = async (action: '签收部署' | '反馈进展', label: string, comment: string, progress?: number) => {
      const dialog = await clickForDialog(p, card.getByRole('button', { name: action }), `${action}：${COUNTY_UNIT}`);
      await fillFields(dialog, [[label, comment], ...(progress !== undefined ? ([['完成进度', String(progress)]] as [string, string][]) : [])]);
      const path = new RegExp(`/api/tasks/${taskId}/assignees/[0-9a-f-]{36}/${action === '签收部署' ? 'deploy' : 'feedback'}$`);
      await submitDialog(p, dialog, new RegExp(`^${action}$`), path);
    };
    await step('签收部署', '研究部署情况', '局务会专题研究部署，成立3个排查组，由分管副局长带队，重点排查尾矿库、井下水害和危化品罐区。');
    await card.getByText('已部署', { exact: true }).waitFor();
    await step('反馈进展', '办理进展情况', '已排查企业42家，发现隐患17处，已整改9处，其余8处限期整改。', 60);
    const pts = await waitForDuePoints(
      card,
      'both steps to show 按时完成',
      (x) => x[0]!.includes('按时完成') && x[1]!.includes('按时完成') && x[2]!.endsWith('待完成'),
    );
    await card.getByText('办理中', { exact: true }).waitFor();
    await card.locator('.ant-progress').getByText('60%').waitFor();
    const other = assigneeCard(p, COOP_UNIT);
    await other.getByText('待签收', { exact: true }).waitFor();
    check((await other.getByRole('button', { name: /签收部署|反馈进展/ }).count()) === 0, `zezhou is offered a step on ${COOP_UNIT}'s card`);
    await waitForDuePoints(other, `${COOP_UNIT} untouched`, (x) => x.every((y) => y.endsWith('待完成')));
    const task = await fetchTask();
    const z = assignee(task, COUNTY_UNIT);
    const g = assignee(task, COOP_UNIT);
    check(z.status === 'inProgress', `API: ${COUNTY_UNIT} is ${z.status}, expected inProgress`);
    check(
      z.deployedAt && z.firstFeedbackAt && Date.parse(z.deployedAt) <= Date.parse(z.deployDue) && Date.parse(z.firstFeedbackAt) <= Date.parse(z.feedbackDue),
      `API: ${COUNTY_UNIT} deployed ${z.deployedAt}, first feedback ${z.firstFeedbackAt}: not both on time`,
    );
    check(!g.deployedAt && !g.firstFeedbackAt && g.status === 'received', `API: ${COOP_UNIT} moved (${g.status})`);
    await toastsGone(p);
    await screenshot(p, SHOTS, 'tasks-detail');
    return `${me.user.displayName}: ${pts[0]!.replace(/^.*(按时完成)/, '$1')}, ${pts[1]!.replace(/^.*(按时完成)/, '$1')}`;
  });

  await steps.run(
    'four days pass: the server restarts on the same data dir with TAIHANG_CLOCK_OFFSET_MS=345600000; the old session has expired',
    async () => {
      // The user closes the browser tab; it keeps its cookie.
      await p.goto('about:blank');
      const before = srv.baseUrl;
      const secs = await srv.restart({ TAIHANG_CLOCK_OFFSET_MS: String(CLOCK_OFFSET_MS) }, 150_000);
      check(srv.output().includes(`Clock offset: ${CLOCK_OFFSET_MS} ms`), 'the restarted server did not report the clock offset');
      const health = await fetch(`${base()}/api/health`);
      check(health.ok, `/api/health answered ${health.status} after the restart`);
      // The browser's clock moves on as well, so what the page computes itself (a due point's lateness) agrees.
      await context.clock.install({ time: Date.now() + CLOCK_OFFSET_MS });
      const me = await p.request.get(`${base()}/api/auth/me`);
      check(me.status() === 401, `four days later zezhou's session still answers ${me.status()} (expected 401)`);
      current = null;
      const task = taskId ? await getJson<{ data: TaskDto }>(p, `${base()}/api/tasks/${taskId}`).catch(() => null) : null;
      check(!task, 'the task is readable without a session');
      return `${secs.toFixed(1)} s, ${base() === before ? 'same port' : `new port ${srv.port}`}`;
    },
    { critical: true, timeoutMs: 160_000 },
  );

  await steps.run('city signs in again: 督办看板 shows 高平市 overdue in red, 泽州县 not overdue; API agrees', async () => {
    await signIn('city');
    needTask();
    await openSubmenu(p, /督办事项/, /督办看板/, '/tasks/board', '督办看板');
    const board = await getJson<BoardDto>(p, `${base()}/api/tasks/board`);
    const gpItem = board.items.find((i) => i.taskId === taskId && i.unitName === COOP_UNIT);
    const zzItem = board.items.find((i) => i.taskId === taskId && i.unitName === COUNTY_UNIT);
    check(gpItem && zzItem, `the board API lacks the task's units: ${JSON.stringify(board.items.map((i) => [i.code, i.unitName]))}`);
    check(gpItem.state === 'overdue', `API: ${COOP_UNIT} is ${gpItem.state}, expected overdue`);
    const serverNow = Date.now() + CLOCK_OFFSET_MS;
    check(Date.parse(gpItem.deployDue) < serverNow && Date.parse(gpItem.feedbackDue) < serverNow, `API: ${COOP_UNIT}'s deploy/feedback due not passed`);
    check(zzItem.state !== 'overdue', `API: ${COUNTY_UNIT} is ${zzItem.state}, expected not overdue`);
    check(zzItem.deployedAt && zzItem.firstFeedbackAt && Date.parse(zzItem.resolveDue) > serverNow, `API: ${COUNTY_UNIT} ${JSON.stringify(zzItem)}`);
    const apiGp = board.units.find((u) => u.unitName === COOP_UNIT);
    const apiZz = board.units.find((u) => u.unitName === COUNTY_UNIT);
    check(apiGp && apiZz, 'the board API has no row for one of the units');

    // 已逾期 summary card in red
    const overdueCard = p.locator('.ant-card').filter({ has: p.locator('.ant-statistic-title').getByText('已逾期', { exact: true }) });
    const overdueValue = overdueCard.locator('.ant-statistic-content');
    await waitFor('the 已逾期 card to show the API total', async () =>
      (await overdueValue.textContent())?.replace(/[,\s]/g, '') === String(board.totals.overdue) ? true : undefined,
    );
    check(board.totals.overdue >= 1, `API overdue total ${board.totals.overdue}`);
    check(isRed(await cssOf(overdueValue, 'color')), `the 已逾期 number is ${await cssOf(overdueValue, 'color')}, not red`);

    // 按承办单位: 高平市 with a red overdue count ≥ 1; 泽州县 with the API's count, our item not among them
    const unitsCard = cardTitled(p, '按承办单位');
    const units = await readTable(p, { within: unitsCard, accept: (t) => t.rows.some((r) => r[0] === COOP_UNIT), what: `a ${COOP_UNIT} row` });
    const col = column(units, '已逾期');
    const gpRow = units.rows.find((r) => r[0] === COOP_UNIT) ?? [];
    const zzRow = units.rows.find((r) => r[0] === COUNTY_UNIT) ?? [];
    check(Number(gpRow[col]) >= 1 && Number(gpRow[col]) === apiGp.overdue, `${COOP_UNIT} overdue ${gpRow[col]}, API ${apiGp.overdue}`);
    check(Number(zzRow[col]) === apiZz.overdue, `${COUNTY_UNIT} overdue ${zzRow[col]}, API ${apiZz.overdue}`);
    const gpCell = unitsCard.locator('tr.ant-table-row').filter({ hasText: COOP_UNIT }).locator(':scope > td').nth(col).locator('.ant-typography');
    check(isRed(await cssOf(gpCell, 'color')), `${COOP_UNIT}'s overdue count is ${await cssOf(gpCell, 'color')}, not red`);
    if (apiZz.overdue === 0) {
      const zzCell = unitsCard.locator('tr.ant-table-row').filter({ hasText: COUNTY_UNIT }).locator(':scope > td').nth(col).locator('.ant-typography');
      check(!isRed(await cssOf(zzCell, 'color')), `${COUNTY_UNIT}'s overdue count 0 is shown in red`);
    }

    // Drill down: click the unit
    await unitsCard.getByText(COOP_UNIT, { exact: true }).click();
    await p.waitForURL((u) => u.searchParams.get('unit') === COOP_UNIT);
    const itemsCard = cardTitled(p, '督办明细');
    await itemsCard.locator('.ant-tag').filter({ hasText: COOP_UNIT }).waitFor();
    const items = await readTable(p, {
      within: itemsCard,
      accept: (t) => t.rows.length === board.items.filter((i) => i.unitName === COOP_UNIT).length && t.rows.every((r) => r.join(' ').includes(COOP_UNIT)),
      what: `the items of ${COOP_UNIT} only`,
    });
    const row = items.rows.find((r) => r.includes(code));
    check(row, `the drill-down lists no ${code}: ${items.rows.map((r) => r.join(' / ')).join('; ')}`);
    check(row.includes(TASK_TITLE), `the row of ${code} lacks the title: ${row.join(' / ')}`);
    const next = column(items, '下一时限');
    check((row[next] ?? '').startsWith(`当日研究部署${days?.deploy ?? ''}`), `下一时限 reads "${row[next]}", expected 当日研究部署 ${days?.deploy}`);
    const tr = itemsCard.locator('tr.ant-table-row').filter({ hasText: code });
    const due = tr.locator(':scope > td').nth(next).locator('.ant-typography').last();
    check(isRed(await cssOf(due, 'color')), `the overdue due date is ${await cssOf(due, 'color')}, not red`);
    const dot = tr.locator('.ant-badge-status-dot').first();
    check(isRed(await cssOf(dot, 'background-color')), `the state dot is ${await cssOf(dot, 'background-color')}, not red`);
    // The clicked row keeps antd's hover shade (a 0.2 s transition) for a moment after the pointer has
    // gone; wait for the cells to clear so the screenshot shows the selected row's own highlight.
    await p.mouse.move(0, 0);
    await waitFor('the board rows to lose their hover shade', async () =>
      (await unitsCard.locator('tr.ant-table-row > td').evaluateAll((tds) => tds.every((td) => getComputedStyle(td).backgroundColor === 'rgba(0, 0, 0, 0)')))
        ? true
        : undefined,
    );
    await screenshot(p, SHOTS, 'tasks-board-overdue');
    return `${COOP_UNIT} overdue ${gpRow[col]} (escalation ${gpItem.escalation}), ${COUNTY_UNIT} ${zzItem.state} with overdue ${zzRow[col]}; totals ${JSON.stringify(board.totals)}`;
  });

  await steps.run('the task opened from the board: 高平市 deploy and feedback 已逾期未完成, 泽州县 on time with its resolve due ahead', async () => {
    needTask();
    await cardTitled(p, '督办明细').locator('tr.ant-table-row').filter({ hasText: code }).getByRole('link', { name: code, exact: true }).click();
    await p.waitForURL((u) => u.pathname === `/tasks/${taskId}`);
    const d = days;
    check(d, 'the due days are unknown (the detail step failed)');
    const gp = await waitForDuePoints(
      assigneeCard(p, COOP_UNIT),
      `${COOP_UNIT}'s deploy and feedback to be overdue`,
      (x) => x[0]!.endsWith('已逾期未完成') && x[1]!.endsWith('已逾期未完成') && x[2]!.endsWith('待完成'),
    );
    await waitForDuePoints(
      assigneeCard(p, COUNTY_UNIT),
      `${COUNTY_UNIT} on time with the resolve due pending`,
      (x) => x[0]!.includes('按时完成') && x[1]!.includes('按时完成') && x[2]!.startsWith(`7日内落实解决${d.resolve}`) && x[2]!.endsWith('待完成'),
    );
    const border = await cssOf(assigneeCard(p, COOP_UNIT).first(), 'border-top-color');
    check(isRed(border) || /255, 163, 158/.test(border), `${COOP_UNIT}'s card border is ${border}, expected red`);
    await screenshot(p, SHOTS, 'tasks-detail-overdue');
    return gp.slice(0, 2).join(' | ');
  });

  let plan: PlanDto | null = null;
  let overview: PlanItemDto[] = [];
  await steps.run(`落实情况 lists the 27 items of ${PLAN_DOCUMENT} with their status colours, as the API`, async () => {
    const plans = await getJson<{ items: PlanDto[] }>(p, `${base()}/api/plans`);
    plan = plans.items.find((x) => x.document === PLAN_DOCUMENT) ?? null;
    check(plan, `no plan ${PLAN_DOCUMENT}: ${plans.items.map((x) => x.document).join(', ')}`);
    const pl: PlanDto = plan;
    await openSubmenu(p, /年度工作落实/, /落实情况/, '/plans', pl.title);
    overview = (await getJson<{ items: PlanItemDto[] }>(p, `${base()}/api/plans/${pl.id}`)).items;
    check(overview.length === 27, `the API lists ${overview.length} items, expected 27`);
    await p.getByText('共 27 项工作任务：').waitFor();
    const rows = p.locator('.ant-collapse tr.ant-table-row');
    await waitFor('27 item rows', async () => ((await rows.count()) === 27 ? true : undefined));
    const seen = await rows.evaluateAll((trs) =>
      trs.map((tr) => {
        const tds = [...tr.querySelectorAll(':scope > td')];
        const tag = tds[3]?.querySelector('.ant-tag');
        return {
          cells: tds.map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim()),
          color: tag ? getComputedStyle(tag).color : '',
          background: tag ? getComputedStyle(tag).backgroundColor : '',
        };
      }),
    );
    const numbers = seen.map((r) => Number(r.cells[0]));
    check(
      JSON.stringify([...numbers].sort((a, b) => a - b)) === JSON.stringify(Array.from({ length: 27 }, (_, i) => i + 1)),
      `rows numbered ${numbers.join(',')}`,
    );
    const colours = new Map<string, Set<string>>();
    for (const r of seen) {
      const api = overview.find((i) => i.number === Number(r.cells[0]));
      check(api, `row ${r.cells[0]} is not in the API`);
      check(r.cells[3] === PLAN_STATUS_ZH[api.status], `item ${api.number} shows "${r.cells[3]}", the API says ${api.status}`);
      check((r.cells[1] ?? '').includes(api.title), `item ${api.number} shows "${r.cells[1]}", expected ${api.title}`);
      const c = colours.get(api.status) ?? new Set<string>();
      c.add(`${r.color}/${r.background}`);
      colours.set(api.status, c);
      if (api.status === 'red') check(isRed(r.color), `item ${api.number}'s 未达标 tag is ${r.color}`);
    }
    for (const [s, c] of colours) check(c.size === 1, `status ${s} is drawn in ${c.size} different colours: ${[...c].join(', ')}`);
    const drawn = [...colours.values()].map((c) => [...c][0]);
    check(new Set(drawn).size === drawn.length, `two statuses share a colour: ${drawn.join(', ')}`);
    check(colours.size >= 2, `all 27 items have the same status (${[...colours.keys()].join(', ')}): nothing to tell apart`);
    await screenshot(p, SHOTS, 'plan-overview');
    const count = (s: string) => overview.filter((i) => i.status === s).length;
    return Object.entries(PLAN_STATUS_ZH)
      .map(([k, v]) => `${v} ${count(k)}`)
      .join(', ');
  });

  /** Opens item `n` from the 落实情况 list and returns its API detail. */
  const openItem = async (n: number): Promise<PlanItemDto> => {
    const pl = plan as PlanDto | null;
    check(pl && overview.length, 'the 落实情况 list did not load (the previous step failed)');
    const item = overview.find((i) => i.number === n);
    check(item, `no item ${n}`);
    if (!new URL(p.url()).pathname.startsWith('/plans') || /\/items\//.test(p.url())) {
      await p.getByRole('button', { name: '返回' }).first().click();
      await p.waitForURL((u) => u.pathname === '/plans');
    }
    await p
      .locator('.ant-collapse tr.ant-table-row')
      .getByRole('link', { name: String(n), exact: true })
      .click();
    await p.waitForURL((u) => u.pathname === `/plans/${pl.id}/items/${item.id}`);
    await p
      .getByRole('heading', { level: 4 })
      .filter({ hasText: `第 ${n} 条` })
      .waitFor();
    return (await getJson<{ item: PlanItemDto }>(p, `${base()}/api/plans/${pl.id}/items/${item.id}`)).item;
  };

  /** Checks an indicator card on an item page: value, count, and the first page of its shortfall table against the API. */
  const checkIndicator = async (ind: IndicatorDto | undefined, key: string): Promise<string> => {
    check(ind, `the item has no indicator ${key}`);
    const card = cardTitled(p, ind.name);
    await card.getByText(ind.target, { exact: true }).waitFor();
    await card.getByText(ind.display, { exact: true }).waitFor();
    check(ind.value !== null, `${ind.name} has no data (${ind.display})`);
    const shortfalls = ind.shortfalls ?? [];
    check(shortfalls.length === ind.shortfallCount, `${ind.name}: ${shortfalls.length} shortfalls listed, count ${ind.shortfallCount}`);
    check(shortfalls.length > 0, `${ind.name}: no enterprise falls short in the demo, the table is empty`);
    const table = await readTable(p, { within: card, accept: (t) => t.rows.length === Math.min(10, shortfalls.length), what: `${ind.name}'s shortfall table` });
    const shown = table.rows.map((r) => `${r[0]}|${r[1]}`);
    const expected = shortfalls.slice(0, 10).map((s) => `${s.name}|${s.detail}`);
    check(JSON.stringify(shown) === JSON.stringify(expected), `${ind.name}: the table shows ${shown.join('; ')}, the API ${expected.join('; ')}`);
    const links = await card.locator('tbody').getByRole('link').count();
    check(links === table.rows.length, `${ind.name}: ${links} of ${table.rows.length} shortfall rows link to the enterprise`);
    if (shortfalls.length > 10) {
      const pages = await card.locator('.ant-pagination-item').allTextContents();
      check(pages.at(-1) === String(Math.ceil(shortfalls.length / 10)), `${ind.name}: pagination [${pages.join(',')}] for ${shortfalls.length} rows`);
    }
    const edge = await cssOf(card, 'border-left-color');
    if (ind.status === 'red') check(isRed(edge), `${ind.name} is 未达标 but its card edge is ${edge}`);
    return `${ind.name} ${ind.display} (${ind.shortfallCount} short)`;
  };

  await steps.run('item 20: 标准化 (coal ≥ II) and 安责险 indicators with values and the enterprises that fall short, as the API', async () => {
    const item = await openItem(20);
    const coal = await checkIndicator(
      item.indicators.find((i) => i.key === 'standardizationCoal'),
      'standardizationCoal',
    );
    await cardTitled(p, '生产煤矿安全生产标准化达标').getByText('正常生产煤矿必须达到二级及以上标准', { exact: true }).waitFor();
    const insurance = await checkIndicator(
      item.indicators.find((i) => i.key === 'liabilityInsurance'),
      'liabilityInsurance',
    );
    await screenshot(p, SHOTS, 'plan-item-20');
    return `${coal}; ${insurance}`;
  });

  await steps.run('item 3: the 一张表 indicator lists the enterprises with no department or person, as the API', async () => {
    const item = await openItem(3);
    const ind = item.indicators.find((i) => i.key === 'supervisionTableComplete');
    const summary = await checkIndicator(ind, 'supervisionTableComplete');
    const noDept = (ind?.shortfalls ?? []).filter((s) => s.detail === '无监管部门').length;
    check(noDept > 0, 'no enterprise without a department among the shortfalls');
    return `${summary}, ${noDept} 无监管部门`;
  });

  await steps.run('落实情况 exports to Excel (UI button): one row per indicator of the 27 items', async () => {
    check(overview.length, 'the 落实情况 list did not load');
    await p.getByRole('button', { name: '返回' }).first().click();
    await p.waitForURL((u) => u.pathname === '/plans');
    await p.getByText('共 27 项工作任务：').waitFor();
    const [download] = await Promise.all([p.waitForEvent('download', { timeout: 30_000 }), p.getByRole('button', { name: /导出Excel/ }).click()]);
    const failure = await download.failure();
    check(!failure, `download failed: ${failure}`);
    check(/\.xlsx$/i.test(download.suggestedFilename()), `download is named ${download.suggestedFilename()}`);
    const file = path.join(downloads, 'plan.xlsx');
    await download.saveAs(file);
    const wb = await readWorkbook(file, (r) => r.includes('序号') && r.includes('工作任务'));
    const num = wb.headers.indexOf('序号');
    const ind = wb.headers.indexOf('指标');
    const status = wb.headers.indexOf('状态');
    check(ind >= 0 && status >= 0, `export header: ${wb.headers.join(' | ')}`);
    const expected = overview.reduce((s, i) => s + Math.max(1, i.indicators.length), 0);
    check(wb.rows.length === expected, `the export has ${wb.rows.length} rows, expected ${expected} (one per indicator)`);
    check(new Set(wb.rows.map((r) => r[num])).size === 27, `the export covers ${new Set(wb.rows.map((r) => r[num])).size} items, expected 27`);
    const bad = wb.rows.filter((r) => !Object.values(PLAN_STATUS_ZH).includes(r[status] ?? ''));
    check(
      bad.length === 0,
      `${bad.length} row(s) with an unknown status: ${bad
        .slice(0, 3)
        .map((r) => r.join(' / '))
        .join('; ')}`,
    );
    for (const i of overview.filter((x) => x.number === 20 || x.number === 3))
      for (const x of i.indicators) {
        const r = wb.rows.find((w) => w[num] === String(i.number) && w[ind] === x.name);
        check(r && r[status] === PLAN_STATUS_ZH[x.status], `item ${i.number} ${x.name}: exported ${r?.[status]}, API ${x.status}`);
      }
    if (current) await logout(p, current);
    current = null;
    return `${download.suggestedFilename()}, ${wb.rows.length} rows`;
  });
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
