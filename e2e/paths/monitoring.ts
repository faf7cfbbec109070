/**
 * Issue 6's browser paths: a methane reading over the power-off limit raises a red alarm on the live
 * page within a second, the coal mine acknowledges it, files its disposal feedback and, once a reading
 * falls below the restore value, sees it clear and closes it; the city issues a heavy-rain warning over
 * a polygon and the enterprises inside it (and only those) receive the 三查三避让 task, one confirms,
 * the city sees who has.
 */

import type { Page } from 'playwright-core';
import { check, type Steps, screenshot, waitFor } from '../harness.js';
import { type E2EPath, SHOTS, session } from '../shared.js';
import { cardTitled, clickForDialog, expectCall, formItem, getJson, openMenu, openSubmenu, submitDialog } from '../ui.js';

/** The demo mine's working-face methane sensor (T1): 报警 1.0, 断电 1.5, 复电 < 1.0 %CH4 (煤矿安全规程 Art. 498). */
const SENSOR = '15101工作面甲烷T1';
const SENSOR_CODE = '010102';
const NORMAL = 0.34;
const OVER_POWER_OFF = 1.62;
const BELOW_RESTORE = 0.62;
/** The bar: the alarm is on the live page within a second of the reading being sent. */
const LIVE_BUDGET_MS = 1_000;

interface AlarmDto {
  id: string;
  sensorName: string;
  type: string;
  severity: string;
  status: string;
  peakValue: number | null;
  limitValue: number | null;
  ackTs: string | null;
  ackBy: string | null;
  clearTs: string | null;
  classification: string | null;
  analysis: string | null;
  feedback: string | null;
}

async function postReading(base: string, key: string, value: number): Promise<{ accepted: number; duplicates: number; unknown: number }> {
  const res = await fetch(`${base}/api/readings`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ readings: [{ code: SENSOR_CODE, ts: new Date().toISOString(), value }] }),
  });
  const body = (await res.json()) as { accepted: number; duplicates: number; unknown: number };
  check(res.ok, `POST /api/readings answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  check(body.accepted === 1, `the reading was not accepted: ${JSON.stringify(body)}`);
  return body;
}

async function monitoring(steps: Steps, p: Page, base: string, serverOutput: () => string, shots: string): Promise<void> {
  const who = session(p, base);
  let key = '';
  let alarmId = '';
  const tile = () => p.locator('a[href^="/monitoring/sensors/"]').filter({ hasText: SENSOR });
  const panel = () => cardTitled(p, '当前报警');
  const panelRow = (type: string) => panel().locator('tr.ant-table-row').filter({ hasText: SENSOR }).filter({ hasText: type });
  const alarmsOf = async (status: string) =>
    (await getJson<{ items: AlarmDto[] }>(p, `${base}/api/alarms?status=${status}&q=${encodeURIComponent(SENSOR)}&pageSize=50`)).items.filter(
      (a) => a.sensorName === SENSOR,
    );
  const fetchAlarm = async () => (await getJson<{ data: AlarmDto; abilities: Record<string, boolean> }>(p, `${base}/api/alarms/${alarmId}`)).data;
  const statusTag = (text: string) => p.getByRole('heading', { level: 4 }).locator('.ant-tag').getByText(text, { exact: true });

  await steps.run(
    `ent-coal opens 监测预警 → 实时监测; with the printed ingest key a normal reading (${NORMAL} %CH4) shows ${SENSOR} 正常, no active alarm`,
    async () => {
      key = /sensor ingest key \([^)]*\): (\S+)/.exec(serverOutput())?.[1] ?? '';
      check(key, 'the server did not print the demo ingest key');
      await who.signIn('ent-coal');
      await openSubmenu(p, /监测预警/, /实时监测/, '/monitoring', '实时监测');
      // The run has the demo feed off, so the seeded history is minutes old (断线) until the mine reports.
      await postReading(base, key, NORMAL);
      await tile().getByText('正常', { exact: true }).waitFor({ timeout: 5_000 });
      await panel().waitFor();
      check((await panelRow('').count()) === 0, `${SENSOR} is already in 当前报警`);
      check((await alarmsOf('active')).length === 0, `${SENSOR} already has an active alarm`);
    },
  );

  await steps.run(
    `a reading of ${OVER_POWER_OFF} %CH4 (over 断电 1.5) sent to POST /api/readings: the tile turns red (断电) and 当前报警 lists a red 断电 alarm within a second`,
    async () => {
      check(key, 'no ingest key (an earlier step failed)');
      // The page itself notes when the row appears (a MutationObserver), so the time measured is the app's,
      // not the test driver's polling, which lags on a busy machine. (Inline code only: see readTable.)
      await p.evaluate((sensor) => {
        const w = window as unknown as { alarmSeenAt?: number };
        w.alarmSeenAt = undefined;
        const observer = new MutationObserver(() => {
          const shown = [...document.querySelectorAll('.ant-card')].some(
            (card) =>
              (card.querySelector('.ant-card-head-title')?.textContent ?? '').includes('当前报警') &&
              [...card.querySelectorAll('tr.ant-table-row')].some((tr) => ['断电', '红色', sensor].every((x) => (tr.textContent ?? '').includes(x))),
          );
          if (shown && w.alarmSeenAt === undefined) {
            w.alarmSeenAt = Date.now();
            observer.disconnect();
          }
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      }, SENSOR);
      const sent = Date.now();
      await postReading(base, key, OVER_POWER_OFF);
      await panelRow('断电').filter({ hasText: '红色' }).waitFor({ timeout: 10_000 });
      const driverMs = Date.now() - sent;
      const seenAt = await p.evaluate(() => (window as unknown as { alarmSeenAt?: number }).alarmSeenAt);
      await tile().getByText('断电', { exact: true }).waitFor({ timeout: 2_000 });
      // The edge colour eases over (a CSS transition): wait for it to settle on red.
      const edge = tile().locator('.ant-card');
      await waitFor(
        'the tile’s edge to turn red',
        async () => {
          const colour = await edge.evaluate((el) => getComputedStyle(el).borderInlineStartColor);
          return /rgb\(2[0-9]{2}, [0-9]{1,2}, [0-9]{1,2}\)/.test(colour) ? colour : undefined;
        },
        3_000,
        100,
      );
      const [powerOff] = (await alarmsOf('active')).filter((a) => a.type === 'powerOff');
      check(powerOff, 'no active 断电 alarm in GET /api/alarms');
      check(powerOff.severity === 'red' && powerOff.status === 'ACTIVE_UNACK', `the alarm is ${powerOff.severity} ${powerOff.status}`);
      check(powerOff.peakValue === OVER_POWER_OFF && powerOff.limitValue === 1.5, `peak ${powerOff.peakValue}, limit ${powerOff.limitValue}`);
      alarmId = powerOff.id;
      await screenshot(p, shots, 'monitoring-1-live-red-alarm');
      // Checked last: the alarm is there either way, and the next steps work on it.
      check(seenAt, 'the page did not note when the alarm row appeared');
      const ms = seenAt - sent;
      check(ms <= LIVE_BUDGET_MS, `the alarm showed ${ms} ms after the reading was sent (over ${LIVE_BUDGET_MS} ms; the driver saw it after ${driverMs} ms)`);
      return `visible ${ms} ms after sending (the driver saw it after ${driverMs} ms)`;
    },
  );

  await steps.run('ent-coal opens it from 当前报警 and acknowledges it (确认): 报警已确认 with the time and who', async () => {
    check(alarmId, 'no alarm was raised (an earlier step failed)');
    await panelRow('断电').getByRole('link', { name: SENSOR }).click();
    await p.waitForURL((u) => u.pathname === `/alarms/${alarmId}`);
    await statusTag('报警未确认').waitFor();
    await expectCall(p, 'POST', /\/ack$/, () => p.getByRole('button', { name: /^确\s*认$/ }).click());
    await statusTag('报警已确认').waitFor();
    const a = await fetchAlarm();
    check(a.status === 'ACTIVE_ACK' && a.ackTs && a.ackBy, `after 确认 the alarm is ${a.status}, ackTs ${a.ackTs}, by ${a.ackBy}`);
    await p
      .getByText(a.ackBy as string)
      .first()
      .waitFor();
  });

  const analysis = '15101工作面割煤期间瓦斯涌出量增大，T1超限断电，经现场瓦检员复核为真实超限。';
  const done = '已停止割煤、撤出作业人员，加大配风量至1450 m³/min，瓦斯浓度回落至0.6%以下后恢复作业。';
  await steps.run('ent-coal files 处置反馈 (分析研判 / 核查反馈): 真实报警, shown in the disposal card', async () => {
    check(alarmId, 'no alarm was raised (an earlier step failed)');
    const dialog = await clickForDialog(p, p.getByRole('button', { name: '处置反馈', exact: true }), '处置反馈');
    // A button-style radio: its input is hidden, so its label takes the click; then the radio must be checked.
    await dialog.getByText('真实报警', { exact: true }).click();
    await waitFor(
      '真实报警 to be chosen',
      async () => ((await dialog.getByRole('radio', { name: '真实报警', exact: true }).isChecked()) ? true : undefined),
      5_000,
    );
    await formItem(dialog, '分析研判').locator('textarea').fill(analysis);
    await formItem(dialog, '核查反馈').locator('textarea').fill(done);
    check(await dialog.getByRole('radio', { name: '真实报警', exact: true }).isChecked(), '真实报警 is no longer chosen');
    check((await formItem(dialog, '分析研判').locator('textarea').inputValue()) === analysis, '分析研判 lost its text');
    check((await formItem(dialog, '核查反馈').locator('textarea').inputValue()) === done, '核查反馈 lost its text');
    await submitDialog(p, dialog, /^(确\s*定|OK)$/, /\/feedback$/);
    const card = cardTitled(p, '处置反馈（分析研判 / 核查反馈）');
    await card.getByText(analysis).waitFor();
    await card.getByText('真实报警', { exact: true }).waitFor();
    const a = await fetchAlarm();
    check(a.classification === 'real' && a.analysis === analysis && a.feedback === done, `the alarm holds ${a.classification} / ${a.analysis} / ${a.feedback}`);
  });

  await steps.run(
    `a reading of ${BELOW_RESTORE} %CH4 (below 复电 1.0) clears it: 已恢复待闭环 with 恢复时间; the tile is 正常 and 当前报警 drops it`,
    async () => {
      check(alarmId, 'no alarm was raised (an earlier step failed)');
      await postReading(base, key, BELOW_RESTORE);
      // The open detail follows the SSE 'alarm' event by itself.
      await statusTag('已恢复待闭环').waitFor({ timeout: 5_000 });
      const a = await fetchAlarm();
      check(a.status === 'CLEARED' && a.clearTs, `the alarm is ${a.status}, cleared at ${a.clearTs}`);
      await screenshot(p, shots, 'monitoring-2-alarm-cleared');
      await openMenu(p, /实时监测/, '/monitoring', '实时监测');
      await tile().getByText('正常', { exact: true }).waitFor();
      await waitFor(`${SENSOR} to leave 当前报警`, async () => ((await panelRow('').count()) === 0 ? true : undefined), 5_000);
      check((await alarmsOf('active')).length === 0, `${SENSOR} still has an active alarm in the API`);
    },
  );

  await steps.run('ent-coal closes it (闭环) from 报警处置: 已闭环, the history lists raise → 确认 → 处置反馈 → 恢复 → 闭环', async () => {
    check(alarmId, 'no alarm was raised (an earlier step failed)');
    await p.goto(`${base}/alarms/${alarmId}`);
    await statusTag('已恢复待闭环').waitFor();
    const dialog = await clickForDialog(p, p.getByRole('button', { name: /^闭\s*环$/ }), '闭环');
    await formItem(dialog, '说明').locator('textarea').fill('处置完毕，配风已调整，闭环。');
    check((await formItem(dialog, '说明').locator('textarea').inputValue()) === '处置完毕，配风已调整，闭环。', '说明 lost its text');
    await submitDialog(p, dialog, /^(确\s*定|OK)$/, /\/close$/);
    await statusTag('已闭环').waitFor();
    const history = cardTitled(p, '处置记录');
    const text = (await history.textContent()) ?? '';
    for (const s of ['确认', '处置反馈', '闭环']) check(text.includes(s), `the history lacks ${s}: ${text.slice(0, 300)}`);
    await screenshot(p, shots, 'monitoring-3-alarm-closed');
  });
}

export const monitoringPath: E2EPath = { name: 'monitoring', run: (e) => monitoring(e.steps, e.page, e.server.baseUrl, () => e.server.output(), SHOTS) };
