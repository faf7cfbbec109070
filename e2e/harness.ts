/**
 * Plumbing for the browser e2e run (e2e/run.ts): the real server as a child process, a tiny named-step
 * runner, and a few waiting helpers for antd screens. No test framework: `tsx e2e/run.ts` is the whole
 * thing, so it runs the same on a laptop and in CI.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

// ---------- the server ----------

export interface Server {
  /** Where the server answers now (a restart keeps it when the port is still free). */
  baseUrl: string;
  port: number;
  dataDir: string;
  /** Everything the server printed (stdout and stderr, every start), for the failure report. */
  output: () => string;
  /**
   * Stops the server (SIGTERM) and starts it again on the same data dir and, if it is free, the same
   * port, with `extraEnv` on top of the first start's settings (e.g. TAIHANG_CLOCK_OFFSET_MS). When
   * the port was taken in between, it starts on a free port and `baseUrl`/`port` change. Returns the
   * seconds it took to answer again.
   */
  restart: (extraEnv: Record<string, string>, timeoutMs?: number) => Promise<number>;
  /** Stops the server and deletes the data dir. */
  stop: () => Promise<void>;
}

export interface ServerOptions {
  root: string;
  env: Record<string, string>;
  timeoutMs: number;
}

interface Child {
  port: Promise<number>;
  /** SIGTERM, SIGKILL after 10 s; resolves when the process has exited. */
  kill: () => Promise<void>;
}

/** Spawns `node --import tsx server/main.ts` and resolves `port` at its `running:` line. */
function spawnServer(root: string, env: Record<string, string>, timeoutMs: number, log: (s: string) => void): Child {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let exited: number | string | null = null;
  const exitPromise = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = code ?? signal ?? 'unknown';
      resolve();
    });
  });
  let out = '';
  const port = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not print "running: http://localhost:<port>/" within ${timeoutMs / 1000} s`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      const s = chunk.toString('utf8');
      out += s;
      log(s);
      const m = /running: http:\/\/localhost:(\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exitPromise.then(() => {
      clearTimeout(timer);
      const inUse = /already in use/.test(out) ? ' (port in use)' : '';
      reject(new Error(`the server exited (${exited})${inUse} before it was ready`));
    });
  });
  port.catch(() => undefined);
  const kill = async () => {
    if (exited === null) {
      child.kill('SIGTERM');
      const killTimer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exitPromise;
      clearTimeout(killTimer);
    }
  };
  return { port, kill };
}

/** Starts `node --import tsx server/main.ts` on a fresh data dir and waits for its `running:` line. */
export async function startServer(opts: ServerOptions): Promise<Server> {
  // The data dir sits inside its own temp dir, so the audit key dir beside it (<data dir>-audit) goes with it.
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'taihang-e2e-'));
  const dataDir = path.join(tempDir, 'data');
  let out = '';
  const log = (s: string) => {
    out += s;
  };
  const env = { ...opts.env, TAIHANG_DATA_DIR: dataDir };
  let child = spawnServer(opts.root, env, opts.timeoutMs, log);

  const server: Server = {
    baseUrl: '',
    port: 0,
    dataDir,
    output: () => out,
    stop: async () => {
      await child.kill();
      fs.rmSync(tempDir, { recursive: true, force: true, maxRetries: 3 });
    },
    restart: async (extraEnv, timeoutMs = opts.timeoutMs) => {
      const started = Date.now();
      await child.kill();
      const attempt = async (port: number) => {
        log(`\n--- restart on port ${port || 'any'} with ${JSON.stringify(extraEnv)} ---\n`);
        child = spawnServer(opts.root, { ...env, ...extraEnv, PORT: String(port) }, timeoutMs, log);
        return child.port;
      };
      let port: number;
      try {
        port = await attempt(server.port);
      } catch (err) {
        // Someone took the port while the server was down: any free port will do, the base URL follows.
        if (!/port in use/.test((err as Error).message)) throw withOutput(err, out);
        port = await attempt(0).catch((e: unknown) => {
          throw withOutput(e, out);
        });
      }
      server.port = port;
      server.baseUrl = `http://localhost:${port}`;
      return (Date.now() - started) / 1000;
    },
  };

  try {
    server.port = await child.port;
    server.baseUrl = `http://localhost:${server.port}`;
    return server;
  } catch (err) {
    await server.stop();
    throw withOutput(err, out);
  }
}

function withOutput(err: unknown, out: string): Error {
  const e = err instanceof Error ? err : new Error(String(err));
  e.message += `\n--- server output ---\n${out.trim() || '(none)'}`;
  return e;
}

// ---------- the step runner ----------

export interface StepOptions {
  /** When this step fails, the remaining steps cannot run meaningfully: they are reported as skipped. */
  critical?: boolean;
  timeoutMs?: number;
  /** Runs even after a critical failure (final checks over what was recorded). */
  always?: boolean;
}

interface Result {
  name: string;
  ok: boolean;
  skipped: boolean;
  ms: number;
  error?: string;
  detail?: string;
}

export class Steps {
  private readonly results: Result[] = [];
  private blockedBy: string | null = null;

  constructor(
    private readonly defaultTimeoutMs: number,
    private readonly onFailure?: (name: string) => Promise<void>,
  ) {}

  /** Runs one named step and prints `✓ name` (with the string it returns, if any) or `✗ name: error`. Returns whether it passed. */
  async run(name: string, fn: () => Promise<unknown>, opts: StepOptions = {}): Promise<boolean> {
    if (this.blockedBy && !opts.always) {
      this.record({ name, ok: false, skipped: true, ms: 0, error: `skipped, "${this.blockedBy}" failed` });
      return false;
    }
    const started = Date.now();
    const timeoutMs = opts.timeoutMs ?? this.defaultTimeoutMs;
    let timer: NodeJS.Timeout | undefined;
    try {
      const detail = await Promise.race([
        fn(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`step timed out after ${timeoutMs / 1000} s`)), timeoutMs);
        }),
      ]);
      this.record({ name, ok: true, skipped: false, ms: Date.now() - started, detail: typeof detail === 'string' && detail ? detail : undefined });
      return true;
    } catch (err) {
      this.record({ name, ok: false, skipped: false, ms: Date.now() - started, error: oneLine(err) });
      if (opts.critical) this.blockedBy = name;
      await this.onFailure?.(name).catch(() => undefined);
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Records a failure that happened outside a step (start-up, teardown). */
  fail(name: string, err: unknown): void {
    this.record({ name, ok: false, skipped: false, ms: 0, error: oneLine(err) });
  }

  get failed(): number {
    return this.results.filter((r) => !r.ok).length;
  }

  get passed(): number {
    return this.results.filter((r) => r.ok).length;
  }

  private record(r: Result) {
    this.results.push(r);
    if (r.ok) console.log(`✓ ${r.name}${r.detail ? ` — ${r.detail}` : ''} (${(r.ms / 1000).toFixed(1)} s)`);
    else console.log(`✗ ${r.name}: ${r.error}`);
  }
}

function oneLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  // Playwright errors carry a multi-line call log; the first lines say what went wrong.
  return msg
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 4)
    .join(' | ');
}

// ---------- assertions and waiting ----------

export function check(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}

/** Polls `probe` until it returns a non-undefined value. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000, intervalMs = 150): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? ` (${oneLine(last)})` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export interface TableState {
  headers: string[];
  rows: string[][];
  /** The number shown by the pagination's total text, if any. */
  total: number | null;
}

/**
 * Waits until the page's (first) antd table, or the first one inside `within`, has finished loading
 * (no spinner twice in a row) and reads its header texts, the visible rows' cell texts and the
 * pagination total.
 */
export async function readTable(
  page: Page,
  opts: { minRows?: number; timeoutMs?: number; accept?: (t: TableState) => boolean; what?: string; within?: Locator } = {},
): Promise<TableState> {
  const minRows = opts.minRows ?? 1;
  const wrapper = (opts.within ?? page).locator('.ant-table-wrapper').first();
  let settledOnce = false;
  return waitFor(
    opts.what ?? `the table to load (at least ${minRows} row(s))`,
    async () => {
      const spinning = await wrapper.locator('.ant-spin-spinning').count();
      if (spinning > 0) {
        settledOnce = false;
        return undefined;
      }
      if (!settledOnce) {
        settledOnce = true;
        return undefined;
      }
      // No named helper functions inside: tsx (esbuild keepNames) would wrap them in a __name() the page lacks.
      const state = await wrapper.evaluate((el) => ({
        headers: [...el.querySelectorAll('thead tr:last-child th')].map((n) => (n.textContent ?? '').replace(/\s+/g, ' ').trim()),
        rows: [...el.querySelectorAll('tbody tr.ant-table-row')].map((tr) =>
          [...tr.querySelectorAll(':scope > td')].map((n) => (n.textContent ?? '').replace(/\s+/g, ' ').trim()),
        ),
        totalText: el.querySelector('.ant-pagination-total-text')?.textContent ?? '',
      }));
      const m = /(\d[\d,]*)/.exec(state.totalText);
      const table: TableState = { headers: state.headers, rows: state.rows, total: m?.[1] ? Number(m[1].replace(/,/g, '')) : null };
      if (table.rows.length < minRows) return undefined;
      return !opts.accept || opts.accept(table) ? table : undefined;
    },
    opts.timeoutMs ?? 20_000,
  );
}

/** Index of the column whose header text matches. */
export function column(t: TableState, header: string | RegExp): number {
  const i = t.headers.findIndex((h) => (typeof header === 'string' ? h === header : header.test(h)));
  check(i >= 0, `no column ${header} in [${t.headers.join(' | ')}]`);
  return i;
}

export async function screenshot(page: Page, dir: string, name: string): Promise<void> {
  // From the top, with the pointer parked: a full-page shot keeps the current scroll position for the
  // sticky header and menu (they would show half-way down) and the hover highlight under the pointer.
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
  // Let fonts and the last layout settle; a screenshot of a half-loaded font is not a finding.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}
