/** The 督办 and work-plan path (issue 4): a 13710 task to two counties, four days later (server restart) the board, then the notice's indicators and export. */
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { check, column, readTable, type Server, type Steps, screenshot, waitFor } from '../harness.js';
import { COUNTY_UNIT, DAY_MS, type E2EPath, plusDays, readWorkbook, SHOTS, toastsGone } from '../shared.js';
import {
  beijingDay,
  cardTitled,
  clickForDialog,
  expectCall,
  fillFields,
  getJson,
  login,
  logout,
  type Me,
  openSubmenu,
  selectOption,
  submitDialog,
} from '../ui.js';

const TASK_TITLE = '开展汛前安全隐患排查';
const COOP_UNIT = '高平市应急管理局';
const PLAN_DOCUMENT = '晋市政发〔2021〕1号';
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
async function task(steps: Steps, p: Page, srv: Server, context: BrowserContext, downloads: string): Promise<void> {
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

export const taskPath: E2EPath = { name: 'task', run: (e) => task(e.steps, e.page, e.server, e.context, e.downloads) };
