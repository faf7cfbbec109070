import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_DB_URL } from './harness.js';

/** Whole-process behaviour: the data-dir lock on PGlite, and several processes on one PostgreSQL. */

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
});

interface Proc {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Runs the server (`node --import tsx server/main.ts`), or `command` instead. */
function start(
  args: string[],
  env: Record<string, string>,
  command: [string, string[]] = [process.execPath, ['--import', 'tsx', 'server/main.ts', ...args]],
): Proc {
  const child = spawn(command[0], command[1], {
    env: { ...process.env, NODE_ENV: 'test', TAIHANG_MQTT_PORT: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  return { child, output: () => out, exited: new Promise((r) => child.on('exit', (code) => r(code))) };
}

async function waitForOutput(p: Proc, re: RegExp, ms = 90_000): Promise<RegExpMatchArray> {
  const t0 = Date.now();
  for (;;) {
    const m = p.output().match(re);
    if (m) return m;
    if (p.child.exitCode !== null) throw new Error(`process exited: ${p.output()}`);
    if (Date.now() - t0 > ms) throw new Error(`timeout waiting for ${re}: ${p.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.skipIf(!!TEST_DB_URL)('PGlite data directory lock', () => {
  it('a second process on the same data dir exits with a clear message and the first keeps its data', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taihang-lock-'));
    const env = { TAIHANG_DATA_DIR: dir, PORT: '0', TAIHANG_DEMO_PASSWORD: 'Lock-Test-2021' };
    const first = start([], env);
    const [, port] = await waitForOutput(first, /running: http:\/\/localhost:(\d+)\//);
    const second = start([], env);
    expect(await second.exited).toBe(2);
    expect(second.output()).toContain(`is in use by Taihang process ${first.child.pid} (since`);
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'city', password: 'Lock-Test-2021' }),
    });
    expect(login.status).toBe(200);
    const list = await fetch(`http://127.0.0.1:${port}/api/enterprises?pageSize=1`, { headers: { authorization: `Bearer ${(await login.json()).token}` } });
    expect((await list.json()).total).toBeGreaterThan(300);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
  }, 120_000);
});

describe.skipIf(!!TEST_DB_URL)('PGlite after kill -9', () => {
  it('starts again at once on the data dir of a server killed with SIGKILL', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taihang-kill-'));
    const env = { TAIHANG_DATA_DIR: dir, PORT: '0', TAIHANG_DEMO: 'off' };
    const first = start([], env);
    await waitForOutput(first, /running: http:\/\/localhost:(\d+)\//);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'taihang.lock'), 'utf8')).pid).toBe(first.child.pid);
    first.child.kill('SIGKILL');
    await first.exited;
    // The lock still names the dead process: the next start takes it over instead of waiting it out.
    expect(fs.existsSync(path.join(dir, 'taihang.lock'))).toBe(true);
    const t0 = Date.now();
    const second = start([], env);
    const [, port] = await waitForOutput(second, /running: http:\/\/localhost:(\d+)\//);
    expect(second.output()).not.toMatch(/in use/);
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBeLessThan(500);
    console.log(`restarted after kill -9 in ${Date.now() - t0} ms`);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(fs.existsSync(path.join(dir, 'taihang.lock'))).toBe(false);
  }, 120_000);
});

describe.skipIf(!!TEST_DB_URL)('npm start', () => {
  it('a second start refuses before building and leaves the running build alone; SIGTERM to npm stops the server and frees the lock', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taihang-start-'));
    const env = { TAIHANG_DATA_DIR: dir, PORT: '0', TAIHANG_DEMO: 'off', TAIHANG_MQTT_PORT: 'off' };
    const npm = (label: string) => {
      const p = start([], env, ['npm', ['start']]);
      return Object.assign(p, { label });
    };
    const first = npm('first');
    const [, port] = await waitForOutput(first, /running: http:\/\/localhost:(\d+)\//, 150_000);
    const serverPid = JSON.parse(fs.readFileSync(path.join(dir, 'taihang.lock'), 'utf8')).pid as number;
    const page = async () => {
      const html = await (await fetch(`http://127.0.0.1:${port}/`)).text();
      const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
      expect(asset).toBeTruthy();
      expect((await fetch(`http://127.0.0.1:${port}${asset}`)).status).toBe(200);
      return html;
    };
    const before = await page();
    const builds = fs.readdirSync(path.resolve('dist/builds'));

    const second = npm('second');
    expect(await second.exited).toBe(2);
    expect(second.output()).toContain(`is in use by Taihang process ${serverPid} (since`);
    // Refused before building: no build directory of its own was made (a build writes its owner file first).
    expect(fs.readdirSync(path.resolve('dist/builds'))).toEqual(builds);
    expect(await page()).toBe(before);

    first.child.kill('SIGTERM'); // npm's own pid, as a service manager or `kill <pid>` would send it
    await first.exited;
    const alive = () => {
      try {
        process.kill(serverPid, 0);
        return true;
      } catch {
        return false;
      }
    };
    const deadline = Date.now() + 20_000;
    while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(alive()).toBe(false);
    expect(first.output()).not.toMatch(/lost the lock|Error/);
    expect(fs.existsSync(path.join(dir, 'taihang.lock'))).toBe(false);
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  }, 240_000);
});

describe.skipIf(!TEST_DB_URL)('several processes on one PostgreSQL (architecture.md §5)', () => {
  it('a session made on one web process is valid on the other, and each job runs exactly once across two workers', async () => {
    // A database of its own, so the demo seed and job counts are this test's alone.
    const url = new URL(TEST_DB_URL as string);
    const dbName = `taihang_mp_${process.pid}`;
    const admin = new pg.Client({ connectionString: TEST_DB_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${dbName}`);
    await admin.query(`create database ${dbName}`);
    url.pathname = `/${dbName}`;
    // The audit key and anchor file belong to this database: a fresh pair per run.
    const auditKey = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'taihang-mp-audit-')), 'audit.key');
    const env = { DATABASE_URL: url.toString(), TAIHANG_DEMO_PASSWORD: 'Multi-Proc-2021', PORT: '0', TAIHANG_AUDIT_KEY_FILE: auditKey };
    try {
      // The first web process migrates and seeds; the others start against the ready schema at once.
      const web1 = start(['--role', 'web'], env);
      const [, port1] = await waitForOutput(web1, /running: http:\/\/localhost:(\d+)\//);
      const web2 = start(['--role', 'web'], env);
      const w1 = start(['--role', 'worker'], env);
      const w2 = start(['--role', 'worker'], env);
      const [, port2] = await waitForOutput(web2, /running: http:\/\/localhost:(\d+)\//);
      await waitForOutput(w1, /worker process started/);
      await waitForOutput(w2, /worker process started/);

      const login = await fetch(`http://127.0.0.1:${port1}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'zezhou', password: 'Multi-Proc-2021' }),
      });
      const { token } = await login.json();
      const me = await fetch(`http://127.0.0.1:${port2}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(me.status).toBe(200);
      expect((await me.json()).user.username).toBe('zezhou');

      // 40 delivery jobs for 40 notifications; the logging channel prints each delivery once.
      const db = new pg.Client({ connectionString: url.toString() });
      await db.connect();
      const { rows: users } = await db.query(`select id from app_user where username = 'zezhou'`);
      const ids: string[] = [];
      for (let i = 0; i < 40; i++) {
        const { rows } = await db.query(`insert into notification (user_id, kind, title, body, created_at) values ($1, 'test', $2, 'x', now()) returning id`, [
          users[0].id,
          `job-${i}`,
        ]);
        ids.push(rows[0].id);
      }
      const boss = new PgBoss({ connectionString: url.toString(), schema: 'pgboss', supervise: false, schedule: false, migrate: false });
      await boss.start();
      for (const id of ids) await boss.send('notify.deliver', { ids: [id] });
      await boss.stop({ graceful: false, close: true });
      await db.end();

      const t0 = Date.now();
      const count = () => (w1.output() + w2.output()).match(/\[notify:log\]/g)?.length ?? 0;
      while (count() < 40 && Date.now() - t0 < 60_000) await new Promise((r) => setTimeout(r, 250));
      await new Promise((r) => setTimeout(r, 3000)); // any double run would show up here
      for (let i = 0; i < 40; i++) {
        const n = (w1.output() + w2.output()).split(`title="job-${i}"`).length - 1;
        expect(n, `job-${i}`).toBe(1);
      }
      for (const p of [web1, web2, w1, w2]) p.child.kill('SIGTERM');
      await Promise.all([web1, web2, w1, w2].map((p) => p.exited));
    } finally {
      await admin.query(`drop database if exists ${dbName} with (force)`).catch(() => {});
      await admin.end();
    }
  }, 180_000);
});
