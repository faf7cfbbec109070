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
 *
 * This file is the runner: it starts the server and the browser and runs the user paths of e2e/paths/ in the
 * order of PATHS below, each path one file; shared helpers are in harness.ts, ui.ts and shared.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { check, type Server, Steps, startServer } from './harness.js';
import { accidentPath } from './paths/accident.js';
import { adminPath } from './paths/admin.js';
import { hazardPath } from './paths/hazard.js';
import { monitoringPath } from './paths/monitoring.js';
import { orgPath } from './paths/org.js';
import { taskPath } from './paths/task.js';
import { warningPath } from './paths/warning.js';
import { type E2E, type E2EPath, root, SHOTS } from './shared.js';
import { PASSWORD } from './ui.js';

/**
 * The paths in the order they run. Each starts signed out and leaves the browser signed out; the data they create
 * stays (later paths may read it), and the task path runs last because it restarts the server four days ahead.
 */
const PATHS: readonly E2EPath[] = [orgPath, adminPath, accidentPath, hazardPath, monitoringPath, warningPath, taskPath];

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
    if (ok && server) await golden(steps);
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

  async function golden(steps: Steps): Promise<void> {
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

    const e2e: E2E = {
      steps,
      page: p,
      server: server as unknown as Server,
      context: context as unknown as BrowserContext,
      downloads,
      openPhone,
      focus: (pg) => {
        focused = pg;
      },
    };
    for (const userPath of PATHS) if (userPath.always || wanted(userPath.name)) await userPath.run(e2e);

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
