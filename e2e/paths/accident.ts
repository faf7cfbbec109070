/** The accident path (issue 5): 快报 by the enterprise, receipt and 上报 by the county, 续报, the city's receipt, statistics. */

import type { Locator, Page } from 'playwright-core';
import { check, readTable, type Steps, screenshot, waitFor } from '../harness.js';
import { COAL_MINE, COUNTY, COUNTY_UNIT, DATE_TIME, type E2EPath, SHOTS, toastsGone } from '../shared.js';
import {
  beijingMinute,
  clickForDialog,
  expectCall,
  fillFields,
  login,
  logout,
  type Me,
  opened,
  openSubmenu,
  selectOption,
  submitDialog,
  typeDate,
} from '../ui.js';

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

/**
 * Issue 5's golden path: an enterprise files a 快报, the county receives it and reports it upward,
 * a 续报 raises the grade and extends the chain, the city confirms, and the statistics count it.
 */
async function accident(steps: Steps, p: Page, base: string): Promise<void> {
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

export const accidentPath: E2EPath = { name: 'accident', run: (e) => accident(e.steps, e.page, e.server.baseUrl) };
