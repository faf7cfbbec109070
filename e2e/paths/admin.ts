/** 三权分立 in the UI, run on every run: the system administrator has no audit menu; the auditor reads the log and verifies the chain. */

import type { Page } from 'playwright-core';
import { check, column, readTable, type Steps, screenshot } from '../harness.js';
import { type E2EPath, SHOTS } from '../shared.js';
import { login, logout, type Me, openMenu } from '../ui.js';

async function admin(steps: Steps, p: Page, base: string): Promise<void> {
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
      // Issue 12: the page names the action (auth.login → 登录), never the raw code.
      table.rows.some((r) => r[action] === '登录') && !table.rows.some((r) => /^[a-z]+\.[a-zA-Z.]+$/.test(r[action] ?? '')),
      `no 登录 (or a raw action code) on the first page of the audit log: ${table.rows.map((r) => r[action]).join(', ')}`,
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
}

export const adminPath: E2EPath = { name: 'admin', always: true, run: (e) => admin(e.steps, e.page, e.server.baseUrl) };
