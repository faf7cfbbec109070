import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../db/client.js';
import { checkpointAudit } from '../kernel/audit/anchor.js';
import { loginAs, makeUser } from '../test/factories.js';
import { getTestServer, TEST_DB_URL } from '../test/harness.js';

/** `taihang audit verify` as an operator runs it: beside a running PGlite server, then on the stopped data. */

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
});

function cli(args: string[], env: Record<string, string>, input = '') {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/index.ts', ...args], {
    env: { ...process.env, NODE_ENV: 'test', ...env },
    input,
    encoding: 'utf8',
    timeout: 90_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe.skipIf(!!TEST_DB_URL)('taihang audit verify', () => {
  it('verifies through the running server, then directly; a cut tail exits 1 and is named', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taihang-verify-'));
    const env = {
      TAIHANG_DATA_DIR: path.join(dir, 'data'),
      TAIHANG_AUDIT_KEY_FILE: path.join(dir, 'audit', 'audit.key'),
      PORT: '0',
      TAIHANG_MQTT_PORT: 'off',
      TAIHANG_DEMO_PASSWORD: 'Verify-Test-2021',
      TAIHANG_DEMO_FEED: 'off',
    };
    const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, NODE_ENV: 'test', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(server);
    let out = '';
    server.stdout?.on('data', (d) => {
      out += d;
    });
    server.stderr?.on('data', (d) => {
      out += d;
    });
    const exited = new Promise((r) => server.on('exit', r));
    const t0 = Date.now();
    while (!/running: http:\/\/localhost:(\d+)\//.test(out)) {
      if (server.exitCode !== null || Date.now() - t0 > 90_000) throw new Error(`server did not start: ${out}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const port = out.match(/running: http:\/\/localhost:(\d+)\//)?.[1] as string;
    expect(fs.statSync(env.TAIHANG_AUDIT_KEY_FILE).mode & 0o777).toBe(0o600);

    // The server holds the data directory: the direct check says how to go through the server instead.
    const locked = cli(['audit', 'verify'], env);
    expect(locked.code).toBe(2);
    expect(locked.out).toMatch(/--server http:\/\/127\.0\.0\.1:\d+ --user auditor/);
    const through = cli(['audit', 'verify', '--server', `http://127.0.0.1:${port}`, '--user', 'auditor'], env, 'Verify-Test-2021\n');
    expect(through.out).toMatch(/audit chain OK: \d+ rows/);
    expect(through.code).toBe(0);
    const wrong = cli(['audit', 'verify', '--server', `http://127.0.0.1:${port}`, '--user', 'auditor'], env, 'wrong\n');
    expect(wrong.code).toBe(2);

    server.kill('SIGTERM');
    await exited;
    // Shutdown anchored the head, so the stopped data verifies directly.
    const direct = cli(['audit', 'verify'], env);
    expect(direct.out).toMatch(/audit chain OK/);
    expect(direct.code).toBe(0);

    // An attacker with the database (not the key) cuts the tail and every note of the head in it.
    const db = await openPglite(env.TAIHANG_DATA_DIR);
    await db.query(`delete from audit_log where seq > (select max(seq) - 3 from audit_log)`);
    await db.query(`delete from setting where key like 'audit.%'`);
    await db.close();
    const cut = cli(['audit', 'verify'], env);
    expect(cut.code).toBe(1);
    expect(cut.out).toMatch(/tail_truncated: the chain ends at row \d+, but row \d+ was anchored/);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 240_000);
});

describe.skipIf(!TEST_DB_URL)('taihang audit verify on PostgreSQL', () => {
  it('connects directly beside a running server and exits 0 on the intact chain; without the key it cannot pass', async () => {
    const t = await getTestServer();
    try {
      // The server's key and anchor file, as an operator on its host would use them.
      const env = { DATABASE_URL: TEST_DB_URL as string, TAIHANG_AUDIT_KEY_FILE: t.deps.config.auditKeyFile };
      await loginAs(t.app, (await makeUser(t.database.db, 'platform', ['audit-admin'])).username);
      expect(await checkpointAudit(t.database.db, t.deps.auditKey, t.deps.config.auditAnchorFile, new Date())).toHaveProperty('appended');
      const r = cli(['audit', 'verify'], env);
      expect(r.out).toMatch(/audit chain OK: \d+ rows, last row \d+; HMAC-SHA256 from row \d+; anchor: 1 checkpoints/);
      expect(r.code).toBe(0);
      // Without the key there is nothing to check against: a setting error, not a clean bill.
      const noKey = cli(['audit', 'verify'], { ...env, TAIHANG_AUDIT_KEY_FILE: path.join(os.tmpdir(), 'taihang-no-such-key') });
      expect(noKey.code).toBe(2);
      expect(noKey.out).toMatch(/no audit key at/);
    } finally {
      await t.close();
    }
  }, 120_000);
});
