/**
 * The sign-in and registry path, run on every run (the other paths start from it): the login page in Chinese with the
 * bundled font, the county user's enterprise list and detail, 监管一张表 with its gap filter and Excel exports, the
 * language switch, sign-out.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { check, column, readTable, type Steps, screenshot } from '../harness.js';
import { COUNTY, COUNTY_UNIT, type E2EPath, readWorkbook, SHOTS, statisticOf, switchLanguage } from '../shared.js';
import { login, logout, type Me, openMenu } from '../ui.js';

async function org(steps: Steps, p: Page, base: string, downloads: string): Promise<void> {
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
}

export const orgPath: E2EPath = { name: 'org', always: true, run: (e) => org(e.steps, e.page, e.server.baseUrl, e.downloads) };
