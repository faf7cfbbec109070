/** The heavy-rain warning path (issue 6): a warning issued over an area, its targets checked against an independent point-in-polygon, 签收 and feedback. */

import type { Page } from 'playwright-core';
import { check, type Steps, screenshot, waitFor } from '../harness.js';
import { CHEM_PLANT, COAL_MINE, type E2EPath, SHOTS, session } from '../shared.js';
import { cardTitled, clickForDialog, expectCall, formItem, getJson, opened, openSubmenu, submitDialog } from '../ui.js';

type Point = [number, number];

/** Ray casting; the e2e's own, so the server's targeting is checked against an independent answer. */
function inside([x, y]: Point, ring: Point[]): boolean {
  let hit = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Point;
    const [xj, yj] = ring[j] as Point;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

interface PreviewDto {
  count: number;
  /** Every located enterprise, installation and tailings pond in the issuer's scope. */
  points: { id: string; kind: 'enterprise' | 'installation' | 'tailings'; name: string; lng: number; lat: number }[];
}

interface TargetDto {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  status: string;
  matchedBecause: string[];
  matchedObjects: { kind: string; id: string; name: string; via: string }[];
  feedback: string | null;
}

interface WarningDto {
  id: string;
  headline: string;
  state: string;
  level: string;
  targets: TargetDto[];
  myTargetId?: string | null;
}

async function warning(steps: Steps, p: Page, base: string, shots: string): Promise<void> {
  const who = session(p, base);
  // A pentagon over northern 泽州县 and southern 高平市: the demo coal mine (巴公镇) and chemical plant (米山镇) lie inside.
  const ring: Point[] = [
    [112.86, 35.6],
    [112.97, 35.61],
    [112.99, 35.72],
    [112.95, 35.79],
    [112.85, 35.7],
  ];
  const headline = `晋城市应急管理局发布暴雨橙色预警（e2e ${Date.now().toString(36)}）`;
  let warningId = '';
  let expected: string[] = [];
  let objectsInside: string[] = [];
  let reach = 0;
  const feedback = '已完成三查三避让：排查井口、工业场地排水沟及周边山体，撤离低洼处值守人员2名。';

  await steps.run('city opens 预警信息 → 发布预警, draws a polygon: the live reach equals the enterprises inside it', async () => {
    await who.signIn('city');
    await openSubmenu(p, /预警信息/, /发布预警/, '/warnings/new', '发布预警');
    await formItem(p, '预警内容')
      .locator('textarea')
      .fill('受强降雨云团影响，预计未来12小时泽州县北部、高平市南部累计降雨量将达80毫米以上，局地伴有雷电大风。');
    await formItem(p, '区域描述').locator('input').fill('泽州县北部、高平市南部');
    // The page asks for a preview on every (debounced) change; this one is the polygon's.
    const preview = p.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith('/api/warnings/preview') && (r.request().postData() ?? '').includes(`${ring[0]?.[0]}`),
    );
    await formItem(p, '坐标（每行“经度,纬度”）')
      .locator('textarea')
      .fill(ring.map(([x, y]) => `${x},${y}`).join('\n'));
    // The preview lists every located enterprise, installation and pond in the issuer's scope; the e2e decides which are inside.
    const res = await preview;
    check(res.ok(), `POST /api/warnings/preview answered ${res.status()}`);
    const pv = (await res.json()) as PreviewDto;
    expected = pv.points.filter((e) => e.kind === 'enterprise' && inside([e.lng, e.lat], ring)).map((e) => e.name);
    objectsInside = pv.points.filter((o) => o.kind !== 'enterprise' && inside([o.lng, o.lat], ring)).map((o) => o.id);
    check(expected.includes(COAL_MINE) && expected.includes(CHEM_PLANT), `the polygon misses the demo mine or plant: ${expected.join(', ')}`);
    const reachStat = p.locator('.ant-statistic').filter({ hasText: '覆盖企业' }).locator('.ant-statistic-content');
    await waitFor(
      `覆盖企业 to read ${pv.count} (at least the ${expected.length} enterprises inside)`,
      async () => {
        const n = Number(((await reachStat.textContent()) ?? '').replace(/\D/g, ''));
        return n === pv.count ? n : undefined;
      },
      10_000,
    );
    reach = pv.count;
    check(pv.count >= expected.length, `the preview reaches ${pv.count}, fewer than the ${expected.length} enterprises inside`);
    await formItem(p, '标题').locator('input').fill(headline);
    await screenshot(p, shots, 'warning-1-issue-form');
    return `${expected.length} enterprises and ${objectsInside.length} installations/ponds inside, reach ${reach}`;
  });

  await steps.run('city issues it (发布并下发任务): the detail lists the tasked enterprises, every one inside the polygon, each 待签收', async () => {
    check(expected.length, 'nothing to issue (an earlier step failed)');
    const res = await expectCall(p, 'POST', /^\/api\/warnings$/, () => p.getByRole('button', { name: /发布并下发任务/ }).click());
    warningId = ((await res.json()) as { data: WarningDto }).data.id;
    await p.waitForURL((u) => u.pathname === `/warnings/${warningId}`);
    const w = (await getJson<{ data: WarningDto }>(p, `${base}/api/warnings/${warningId}`)).data;
    const names = w.targets.map((t) => t.enterpriseName);
    check(w.targets.length === reach, `${w.targets.length} tasked, the preview said ${reach}`);
    // An enterprise whose own point is outside is tasked only for an installation or tailings pond of its own inside.
    const strays = w.targets.filter((t) => !expected.includes(t.enterpriseName) && !t.matchedObjects.some((o) => objectsInside.includes(o.id)));
    check(strays.length === 0, `tasked but nothing of it inside the polygon: ${strays.map((t) => `${t.enterpriseName} [${t.matchedBecause}]`).join(', ')}`);
    const missed = expected.filter((n) => !names.includes(n));
    check(missed.length === 0, `inside the polygon but not tasked: ${missed.join(', ')}`);
    const tasked = new Set(w.targets.flatMap((t) => t.matchedObjects.map((o) => o.id)));
    const missedObjects = objectsInside.filter((id) => !tasked.has(id));
    check(missedObjects.length === 0, `${missedObjects.length} installation(s)/pond(s) inside the polygon reached no one`);
    check(
      w.targets.every((t) => t.status === 'sent'),
      'a target is not 待签收',
    );
    // The table pages by 20; the first page's rows are among the targets.
    const table = cardTitled(p, '预警任务接收企业');
    const firstRow = table.locator('tr.ant-table-row').first();
    await firstRow.waitFor();
    const shown = (await table.locator('tr.ant-table-row').allTextContents()).length;
    check(shown === Math.min(20, w.targets.length), `the table shows ${shown} rows of ${w.targets.length}`);
    await screenshot(p, shots, 'warning-2-issued-targets');
    return `${w.targets.length} tasked`;
  });

  await steps.run('ent-chem opens the task from the bell (预警任务), 签收并反馈 with what was checked', async () => {
    check(warningId, 'no warning was issued (an earlier step failed)');
    await who.signIn('ent-chem');
    await p
      .locator('header')
      .getByRole('button', { name: /条未读消息/ })
      .click();
    await p.waitForURL((u) => u.pathname === '/notifications');
    await expectCall(p, 'POST', /^\/api\/notifications\/[0-9a-f-]{36}\/read$/, () => p.getByText(`预警任务：${headline}`, { exact: true }).click());
    await p.waitForURL((u) => u.pathname === `/warnings/${warningId}`);
    const dialog = await clickForDialog(p, p.getByRole('button', { name: /签收并反馈/ }), '签收并反馈');
    await formItem(dialog, '落实情况反馈').locator('textarea').fill(feedback);
    check((await formItem(dialog, '落实情况反馈').locator('textarea').inputValue()) === feedback, '落实情况反馈 lost its text');
    await submitDialog(p, dialog, /^(确\s*定|OK|签收并反馈)$/, /\/confirm$/);
    await p.getByText('已签收', { exact: true }).first().waitFor();
    const w = (await getJson<{ data: WarningDto }>(p, `${base}/api/warnings/${warningId}`)).data;
    check(w.targets.length === 1 && w.targets[0]?.enterpriseName === CHEM_PLANT, `ent-chem sees ${w.targets.length} target(s)`);
    check(w.targets[0]?.status === 'confirmed', `its target is ${w.targets[0]?.status}`);
  });

  await steps.run('city sees who has confirmed: filtering 签收 by 已签收 leaves 华晟化工 with its feedback; 已签收 1/N', async () => {
    check(warningId, 'no warning was issued (an earlier step failed)');
    await who.signIn('city');
    await p.goto(`${base}/warnings/${warningId}`);
    const table = cardTitled(p, '预警任务接收企业');
    await table.locator('tr.ant-table-row').first().waitFor();
    await table.locator('th').filter({ hasText: '签收' }).locator('.ant-table-filter-trigger').click();
    const popup = await opened(
      p
        .locator('.ant-dropdown')
        .filter({ visible: true })
        .filter({ has: p.locator('.ant-table-filter-dropdown') }),
      'the 签收 filter',
    );
    const option = popup.locator('.ant-dropdown-menu-item').filter({ hasText: '已签收' });
    await option.click();
    await option.locator('.ant-checkbox-checked').waitFor({ timeout: 5_000 });
    await popup.getByRole('button', { name: /^(确\s*定|OK)$/ }).click();
    await popup.waitFor({ state: 'hidden' });
    await waitFor('one row after the filter', async () => ((await table.locator('tr.ant-table-row').count()) === 1 ? true : undefined), 5_000);
    const row = table.locator('tr.ant-table-row').filter({ hasText: CHEM_PLANT });
    await row.getByText('已签收').waitFor();
    await row.getByText(feedback.slice(0, 10)).waitFor();
    const w = (await getJson<{ data: WarningDto }>(p, `${base}/api/warnings/${warningId}`)).data;
    const confirmed = w.targets.filter((t) => t.status === 'confirmed').map((t) => t.enterpriseName);
    check(confirmed.length === 1 && confirmed[0] === CHEM_PLANT, `confirmed: ${confirmed.join(', ')}`);
    await p.getByText(`已签收 1/${w.targets.length}`).first().waitFor();
    await screenshot(p, shots, 'warning-3-confirmations');
  });
}

export const warningPath: E2EPath = { name: 'warning', run: (e) => warning(e.steps, e.page, e.server.baseUrl, SHOTS) };
