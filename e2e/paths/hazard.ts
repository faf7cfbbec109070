/** The hazard path (issue 3): a major hazard reported from a phone, 双报告, 挂牌督办, plan, rectification, verification, review, close-out. */
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { check, column, readTable, type Steps, screenshot, waitFor } from '../harness.js';
import { CHEM_PLANT, DATE_TIME, type E2EPath, plusDays, SHOTS, toastsGone } from '../shared.js';
import {
  beijingDay,
  beijingMinute,
  cardTitled,
  clickForDialog,
  expectCall,
  fillFields,
  formItem,
  getJson,
  login,
  logout,
  type Me,
  openSubmenu,
  selectOption,
  submitDialog,
  typeDate,
} from '../ui.js';

const GAOPING_UNIT = '高平市应急管理局';
const WORKER = '职工 王师傅';
const HAZARD_TITLE = '2号液氯储罐紧急切断阀旁路常开';
const PLAN_FIRST = '重大事故隐患须先制定治理方案（六要素）才能开始整改';
/** Where the photo says it was taken: 35°47′52.8″N 112°55′30″E (高平市), as EXIF rationals. */
const PHOTO_GPS = {
  lat: [
    [35, 1],
    [47, 1],
    [528, 10],
  ] as [number, number][],
  lng: [
    [112, 1],
    [55, 1],
    [300, 10],
  ] as [number, number][],
  latDeg: 35.798,
  lngDeg: 112.925,
};

interface HazardDto {
  id: string;
  code: string;
  status: string;
  grade: string | null;
  title: string;
  foundAt: string;
  lat: number | null;
  lng: number | null;
  photos: string[];
  deadline: string | null;
  criterion: { catalogue: string; code: string } | null;
  plan: { goals: string; deadline: string } | null;
  dualReportedAt: string | null;
  reviewDue: string | null;
  listings: { departmentName: string; status: string; supervisor: string; deadline: string; closedAt: string | null }[];
  receipts: { to: 'regulator' | 'worker'; displayName: string; readAt: string | null }[];
  transitions: { action: string; evidence: string[] }[];
}

/**
 * Puts an EXIF block (APP1) with DateTimeOriginal and a GPS position into a JPEG, right after its SOI
 * marker: what a phone camera writes. The TIFF layout is the one of jpegWithExif() in
 * server/modules/hazards/hazard.routes.test.ts; `takenAt` is 'YYYY:MM:DD HH:mm:ss' (camera clock).
 */
function withExif(jpeg: Buffer, takenAt: string, lat: [number, number][], lng: [number, number][]): Buffer {
  check(jpeg[0] === 0xff && jpeg[1] === 0xd8, 'not a JPEG (no SOI marker)');
  const le = (n: number, size: number) => {
    const b = Buffer.alloc(size);
    size === 2 ? b.writeUInt16LE(n) : b.writeUInt32LE(n);
    return b;
  };
  // TIFF header (little endian), IFD0 at 8 with the Exif and GPS pointers, then the Exif IFD, the GPS IFD and the values.
  const ifd0Off = 8;
  const exifOff = ifd0Off + 2 + 2 * 12 + 4;
  const gpsOff = exifOff + 2 + 1 * 12 + 4;
  const dataOff = gpsOff + 2 + 4 * 12 + 4;
  const date = Buffer.from(`${takenAt}\0`, 'latin1');
  const rational = (vals: [number, number][]) => Buffer.concat(vals.flatMap(([n, d]) => [le(n, 4), le(d, 4)]));
  const entry = (tag: number, type: number, count: number, value: Buffer) => Buffer.concat([le(tag, 2), le(type, 2), le(count, 4), value]);
  const inline = (s: string) => Buffer.concat([Buffer.from(s, 'latin1'), Buffer.alloc(4 - s.length)]);
  const tiff = Buffer.concat([
    Buffer.from('II'),
    le(42, 2),
    le(ifd0Off, 4),
    le(2, 2),
    entry(0x8769, 4, 1, le(exifOff, 4)),
    entry(0x8825, 4, 1, le(gpsOff, 4)),
    le(0, 4),
    le(1, 2),
    entry(0x9003, 2, date.length, le(dataOff, 4)),
    le(0, 4),
    le(4, 2),
    entry(0x0001, 2, 2, inline('N')),
    entry(0x0002, 5, 3, le(dataOff + date.length, 4)),
    entry(0x0003, 2, 2, inline('E')),
    entry(0x0004, 5, 3, le(dataOff + date.length + 24, 4)),
    le(0, 4),
    date,
    rational(lat),
    rational(lng),
  ]);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);
  return Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]);
}

/** A real 640×480 picture (the browser's canvas, JPEG): a grey wall with a coloured valve, so thumbnails show something. */
async function drawJpeg(page: Page, valve: string): Promise<Buffer> {
  const b64 = await page.evaluate((colour) => {
    const c = document.createElement('canvas');
    c.width = 640;
    c.height = 480;
    const g = c.getContext('2d') as CanvasRenderingContext2D;
    g.fillStyle = '#9aa3ab';
    g.fillRect(0, 0, 640, 480);
    g.fillStyle = '#5c6670';
    g.fillRect(0, 200, 640, 60);
    g.fillStyle = colour;
    g.fillRect(250, 150, 140, 160);
    g.beginPath();
    g.arc(320, 120, 50, 0, Math.PI * 2);
    g.fill();
    return c.toDataURL('image/jpeg', 0.85).split(',')[1] ?? '';
  }, valve);
  return Buffer.from(b64, 'base64');
}

/** Uploads a file through an antd Upload inside `within` and waits for POST /api/attachments; returns its answer. */
async function uploadPhoto(
  page: Page,
  within: Locator,
  name: string,
  buffer: Buffer,
): Promise<{ id: string; meta: { takenAt?: string; lat?: number; lng?: number } | null }> {
  const res = await expectCall(page, 'POST', /^\/api\/attachments$/, () =>
    within.locator('input[type=file]').setInputFiles({ name, mimeType: 'image/jpeg', buffer }),
  );
  const body = (await res.json()) as { id: string; mime: string; meta: { takenAt?: string; lat?: number; lng?: number } | null };
  check(body.mime === 'image/jpeg', `the photo was stored as ${body.mime}`);
  // The picture card shows the thumbnail once antd has marked the upload done.
  await within.locator('.ant-upload-list-item-done').first().waitFor();
  return body;
}

/** The page is no wider than the phone's screen (nothing scrolls sideways). */
async function noSidewaysScroll(page: Page, what: string): Promise<string> {
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  check(scroll <= inner, `${what} is ${scroll} px wide on a ${inner} px phone screen (scrolls sideways)`);
  return `${scroll}/${inner} px`;
}

/** The hazard detail's header (title and its tags). */
async function waitForHeaderTags(page: Page, title: string, tags: string[]): Promise<string> {
  const heading = page.getByRole('heading', { level: 4 }).filter({ hasText: title });
  let last = '';
  try {
    return await waitFor(`the header to show ${tags.join(', ')}`, async () => {
      last = ((await heading.textContent()) ?? '').trim();
      return tags.every((t) => last.includes(t)) ? last : undefined;
    });
  } catch (err) {
    throw new Error(`${(err as Error).message}; the header reads "${last}"`);
  }
}

/**
 * Issue 3's golden path: an enterprise manager reports a major hazard with a photo from a phone,
 * confirms it by a chemical 判定标准 item (双报告 to the regulator and the workers, with receipts), a
 * worker reads the announcement, the county lists it (挂牌督办), the enterprise files the Art. 15 plan,
 * rectifies and hands it in, a second manager verifies, the county reviews on site, closes it out and
 * closes the listing.
 */
async function hazard(steps: Steps, p: Page, base: string, openPhone: () => Promise<Page>, focus: (pg: Page | null) => void): Promise<void> {
  const now = new Date();
  const today = beijingDay(now.getTime());
  // Twenty minutes ago, but never before today's midnight (Beijing time), as the camera's clock has it.
  const taken = beijingMinute(new Date(Math.max(now.getTime() - 20 * 60_000, new Date(`${today}T00:00:00+08:00`).getTime())));
  const deadline = plusDays(today, 30);
  const listingDeadline = plusDays(today, 25);
  const year = today.slice(0, 4);
  let current: Me | null = null;
  let phone: Page | null = null;
  let hazardId = '';
  let code = '';

  const signIn = async (username: string): Promise<Me> => {
    focus(null);
    if (current) await logout(p, current);
    current = null;
    if ((await p.request.get(`${base}/api/auth/me`)).ok()) await p.context().clearCookies();
    current = await login(p, base, username);
    return current;
  };
  const needHazard = () => {
    focus(null);
    check(hazardId && phone, 'no hazard was reported (an earlier step failed)');
  };
  const usePhone = (): Page => {
    check(phone, 'the phone was not opened');
    focus(phone);
    return phone;
  };
  const fetchHazard = async (pg: Page) => await getJson<{ data: HazardDto; abilities: Record<string, boolean> }>(pg, `${base}/api/hazards/${hazardId}`);
  const receiptRow = (pg: Page, who: string) => cardTitled(pg, '双报告与回执').locator('tr.ant-table-row').filter({ hasText: who });

  try {
    await steps.run('ent-chem on a phone (390×844) opens 上报隐患 from the menu drawer; a photo’s EXIF fills 发现时间, 经度 and 纬度', async () => {
      phone = await openPhone();
      const ph = usePhone();
      await login(ph, base, 'ent-chem');
      await ph.getByRole('button', { name: '菜单', exact: true }).click();
      // No side menu on a phone: the menu is a drawer, the only menu on the page.
      await ph.getByRole('menuitem', { name: /隐患排查治理/ }).waitFor();
      await openSubmenu(ph, /隐患排查治理/, /上报隐患/, '/hazards/new', '上报隐患');
      await ph.getByRole('menuitem', { name: /上报隐患/ }).waitFor({ state: 'hidden' });
      // An enterprise user reports for its own plant: the picker selects it by itself.
      await formItem(ph, '企业').getByText(CHEM_PLANT).first().waitFor();

      const photo = withExif(await drawJpeg(ph, '#d4380d'), `${taken.replace(/-/g, ':')}:00`, PHOTO_GPS.lat, PHOTO_GPS.lng);
      const up = await uploadPhoto(ph, formItem(ph, '现场照片'), `IMG_${taken.replace(/\D/g, '')}.jpg`, photo);
      check(
        up.meta?.lat === PHOTO_GPS.latDeg && up.meta?.lng === PHOTO_GPS.lngDeg && up.meta?.takenAt === `${taken.replace(' ', 'T')}:00+08:00`,
        `the server read ${JSON.stringify(up.meta)} from the photo`,
      );
      const foundAt = formItem(ph, '发现时间');
      await foundAt.getByText('已从照片读取拍摄时间和位置', { exact: true }).waitFor();
      const shown = await waitFor('发现时间 to fill from the photo', async () => {
        const v = await foundAt.locator('input').inputValue();
        return v ? v : undefined;
      });
      check(shown === `${taken}:00`, `发现时间 shows "${shown}", the photo was taken ${taken}:00`);
      const lng = Number(await formItem(ph, '经度').locator('input').inputValue());
      const lat = Number(await formItem(ph, '纬度').locator('input').inputValue());
      check(
        Math.abs(lng - PHOTO_GPS.lngDeg) < 1e-6 && Math.abs(lat - PHOTO_GPS.latDeg) < 1e-6,
        `经度/纬度 show ${lng}, ${lat}; the photo says ${PHOTO_GPS.lngDeg}, ${PHOTO_GPS.latDeg}`,
      );

      const form = ph.locator('form');
      await fillFields(form, [
        ['隐患名称', HAZARD_TITLE],
        ['隐患部位', '液氯罐区 V-102 储罐出口'],
        ['隐患描述', '巡检发现2号液氯储罐出口紧急切断阀旁路阀处于常开状态，切断阀形同虚设；罐区构成二级重大危险源。已安排专人现场监护。'],
      ]);
      await selectOption(ph, form.getByLabel('建议等级（由企业确认定级）', { exact: true }), '重大隐患');
      await ph.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await toastsGone(ph);
      const width = await noSidewaysScroll(ph, 'the 上报隐患 form');
      await screenshot(ph, SHOTS, 'hazard-new-phone');
      return `photo ${taken}, ${lng}, ${lat}; page ${width}`;
    });

    await steps.run('ent-chem submits (提交上报): the detail shows 待确认 with the photo, its time and position', async () => {
      const ph = usePhone();
      const res = await expectCall(ph, 'POST', /^\/api\/hazards$/, () => ph.getByRole('button', { name: '提交上报' }).click()).catch(async (err: Error) => {
        const fields = await ph.locator('.ant-form-item-has-error .ant-form-item-label label').allTextContents();
        throw new Error(fields.length ? `the form was not sent, fields in error: ${fields.join('; ')}` : err.message);
      });
      const created = ((await res.json()) as { data: HazardDto }).data;
      hazardId = created.id;
      code = created.code;
      await ph.waitForURL((u) => u.pathname === `/hazards/${hazardId}`);
      await waitForHeaderTags(ph, HAZARD_TITLE, ['待确认', '建议：重大隐患']);
      const what = cardTitled(ph, '隐患信息');
      await what.getByText(taken, { exact: true }).waitFor();
      await what.getByText(`${PHOTO_GPS.lngDeg.toFixed(6)}, ${PHOTO_GPS.latDeg.toFixed(6)}`, { exact: true }).waitFor();
      await what.locator(`img[src="/api/attachments/${created.photos[0]}"]`).waitFor();
      const h = (await fetchHazard(ph)).data;
      check(h.status === 'reported' && h.grade === null, `API: ${h.status}/${h.grade}, expected reported and ungraded`);
      check(h.photos.length === 1 && h.lat === PHOTO_GPS.latDeg && h.lng === PHOTO_GPS.lngDeg, `API: photos ${h.photos.length}, position ${h.lng}, ${h.lat}`);
      check(Date.parse(h.foundAt) === Date.parse(`${taken.replace(' ', 'T')}:00+08:00`), `API foundAt ${h.foundAt}, the photo says ${taken}`);
      return `${code}, ${await noSidewaysScroll(ph, 'the hazard detail')}`;
    });

    await steps.run(
      'ent-chem confirms it (确认定级) by chemical item 5 (罐区紧急切断): 重大, 双报告 with receipts for the regulator and the workers',
      async () => {
        needHazard();
        const ph = usePhone();
        const dialog = await clickForDialog(ph, ph.getByRole('button', { name: '确认定级' }), '确认定级');
        await selectOption(
          ph,
          dialog.getByLabel('重大隐患判定标准条目', { exact: true }),
          /^05\. 构成一级、二级重大危险源的危险化学品罐区未实现紧急切断功能/,
          '紧急切断',
        );
        // A 判定标准 item makes it 重大: the grade switch is locked and the 双报告 notice and Art. 14 fields appear.
        await waitFor('the grade switch to lock', async () => ((await dialog.getByRole('radio', { name: '一般隐患' }).isDisabled()) ? true : undefined));
        check(await dialog.getByRole('radio', { name: '重大隐患' }).isChecked(), 'the criterion did not set the grade to 重大隐患');
        await dialog.getByText('重大事故隐患确认后将立即报告负有监管职责的部门，并告知本单位从业人员（双报告）').waitFor();
        await formItem(dialog, '重大隐患判定标准条目')
          .getByText(/安监总管三〔2017〕121号/)
          .waitFor();
        await typeDate(ph, dialog.getByLabel('整改期限', { exact: true }), deadline);
        await fillFields(dialog, [
          ['整改责任人', '王建军'],
          ['隐患的现状及其产生原因', '紧急切断阀执行机构故障后改走旁路，旁路阀长期常开，原因是维修未及时、变更未审批。'],
          ['隐患的危害程度和整改难易程度分析', '一旦泄漏无法自动切断，可能导致液氯大量泄漏、人员中毒；需停用该罐、倒罐后更换执行机构，整改难度中等。'],
          ['说明', '经安全管理部现场核实，属重大事故隐患，立即倒罐停用。'],
        ]);
        check((await dialog.getByLabel('整改期限', { exact: true }).inputValue()) === deadline, 'the 整改期限 lost its value');
        await submitDialog(ph, dialog, /^确\s*定$/, new RegExp(`^/api/hazards/${hazardId}/confirm$`));
        await waitForHeaderTags(ph, HAZARD_TITLE, ['待整改', '重大隐患']);
        await cardTitled(ph, '重大隐患判定与报告')
          .getByText(/构成一级、二级重大危险源的危险化学品罐区未实现紧急切断功能/)
          .waitFor();
        const receipts = cardTitled(ph, '双报告与回执');
        await receipts.getByText(/^已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 报告监管部门并告知从业人员$/).waitFor();
        const regulator = receiptRow(ph, GAOPING_UNIT).filter({ hasText: '监管部门' });
        const worker = receiptRow(ph, WORKER).filter({ hasText: '本单位从业人员' });
        await regulator.first().waitFor();
        check(/未读/.test((await worker.textContent()) ?? ''), `the worker's receipt reads "${await worker.textContent()}", expected 未读`);
        const h = (await fetchHazard(ph)).data;
        check(
          h.grade === 'major' && h.criterion?.code === 'H05' && h.dualReportedAt,
          `API: grade ${h.grade}, criterion ${h.criterion?.code}, 双报告 ${h.dualReportedAt}`,
        );
        check(h.deadline === deadline, `API deadline ${h.deadline}, typed ${deadline}`);
        const kinds = { regulator: h.receipts.filter((r) => r.to === 'regulator').length, worker: h.receipts.filter((r) => r.to === 'worker').length };
        check(kinds.regulator > 0 && kinds.worker > 0, `API receipts: ${JSON.stringify(kinds)}`);
        await toastsGone(ph);
        const width = await noSidewaysScroll(ph, 'the confirmed hazard detail');
        await screenshot(ph, SHOTS, 'hazard-detail-phone');
        return `receipts: ${kinds.regulator} regulator, ${kinds.worker} worker; page ${width}`;
      },
    );

    await steps.run('worker-chem opens the 双报告 announcement from the bell: the receipt shows when the worker read it', async () => {
      needHazard();
      await signIn('worker-chem');
      await p
        .locator('header')
        .getByRole('button', { name: /条未读消息/ })
        .click();
      await p.waitForURL((u) => u.pathname === '/notifications');
      const item = p.getByText(`重大事故隐患告知：${HAZARD_TITLE}`, { exact: true });
      await expectCall(p, 'POST', /^\/api\/notifications\/[0-9a-f-]{36}\/read$/, () => item.click());
      await p.waitForURL((u) => u.pathname === `/hazards/${hazardId}`);
      const row = receiptRow(p, WORKER).filter({ hasText: '本单位从业人员' });
      const read = await waitFor('the worker’s read time', async () => {
        const m = DATE_TIME.exec((await row.textContent()) ?? '');
        return m?.[0];
      });
      // The worker reads; the enterprise's buttons are not theirs.
      check((await p.getByRole('button', { name: /确认定级|制定治理方案/ }).count()) === 0, 'a worker is offered an enterprise step');
      const h = (await fetchHazard(p)).data;
      const r = h.receipts.find((x) => x.to === 'worker' && x.displayName.endsWith(WORKER));
      check(r?.readAt, `API: the worker's receipt is ${JSON.stringify(r)}`);
      return `read ${read}`;
    });

    await steps.run('gaoping finds it in 隐患清单 and lists it (挂牌督办) with supervisor, deadline and requirements', async () => {
      needHazard();
      await signIn('gaoping');
      await openSubmenu(p, /隐患排查治理/, /隐患清单/, '/hazards', '隐患清单');
      const search = p.getByPlaceholder('编号、隐患、企业或部位');
      await search.fill(code);
      await search.press('Enter');
      await p.waitForURL((u) => u.searchParams.get('q') === code);
      await readTable(p, { accept: (t) => t.total === 1 && t.rows.length === 1, what: `the list filtered to ${code}` });
      await p.locator('.ant-table-row').getByRole('link', { name: code, exact: true }).click();
      await p.waitForURL((u) => u.pathname === `/hazards/${hazardId}`);
      await waitForHeaderTags(p, HAZARD_TITLE, ['待整改', '重大隐患']);
      const dialog = await clickForDialog(p, p.getByRole('button', { name: '挂牌督办' }), '挂牌督办');
      const doc = `高应急督〔${year}〕12号`;
      await typeDate(p, dialog.getByLabel('督办期限', { exact: true }), listingDeadline);
      await fillFields(dialog, [
        ['督办文号', doc],
        ['督办责任人', '李卫东'],
        ['联系电话', '0356-5221234'],
        ['督办要求', '立即停用2号液氯储罐并倒罐，制定治理方案报局备案，整改完成后申请现场审查核销。'],
      ]);
      check((await dialog.getByLabel('督办期限', { exact: true }).inputValue()) === listingDeadline, 'the 督办期限 lost its value');
      await submitDialog(p, dialog, /^确\s*定$/, new RegExp(`^/api/hazards/${hazardId}/list$`));
      await waitForHeaderTags(p, HAZARD_TITLE, ['待整改', '重大隐患', '挂牌督办']);
      const card = cardTitled(p, '挂牌督办');
      for (const text of [GAOPING_UNIT, '督办中', doc, '李卫东 0356-5221234', listingDeadline]) await card.getByText(text).first().waitFor();
      await card.getByText(/立即停用2号液氯储罐并倒罐/).waitFor();
      const h = (await fetchHazard(p)).data;
      const l = h.listings[0];
      check(
        h.listings.length === 1 && l?.status === 'open' && l.departmentName === GAOPING_UNIT && l.deadline === listingDeadline,
        `API listings ${JSON.stringify(h.listings)}`,
      );
      await toastsGone(p);
      await screenshot(p, SHOTS, 'hazard-detail-listed');
      return `${doc}, due ${listingDeadline}`;
    });

    await steps.run('ent-chem (phone): 开始整改 waits for the plan (warning shown, API 409); files the six-element plan (治理方案)', async () => {
      needHazard();
      const ph = usePhone();
      await ph.goto(`${base}/hazards/${hazardId}`);
      await waitForHeaderTags(ph, HAZARD_TITLE, ['待整改', '挂牌督办']);
      await ph.getByRole('alert').filter({ hasText: PLAN_FIRST }).waitFor();
      check((await ph.getByRole('button', { name: '开始整改' }).count()) === 0, '开始整改 is offered before the plan exists');
      await cardTitled(ph, '治理方案（六要素）').getByText('尚未制定治理方案').waitFor();
      const refused = await ph.request.post(`${base}/api/hazards/${hazardId}/rectify`, { data: { comment: '直接开始整改' } });
      const body = (await refused.json().catch(() => ({}))) as { error?: { code?: string } };
      check(
        refused.status() === 409 && body.error?.code === 'HAZARD_PLAN_REQUIRED',
        `POST rectify without a plan answered ${refused.status()} ${body.error?.code}`,
      );

      const dialog = await clickForDialog(ph, ph.getByRole('button', { name: '制定治理方案' }), '重大事故隐患治理方案');
      await fillFields(dialog, [
        ['治理的目标和任务', '恢复2号液氯储罐紧急切断功能，取消旁路常开，消除重大事故隐患。'],
        ['采取的方法和措施', '倒罐清空2号储罐；更换紧急切断阀执行机构并与SIS联锁测试；旁路阀加铅封，纳入变更管理。'],
        ['经费落实（元）', '180000'],
        ['物资落实', '气动执行机构1套、铅封20个已采购到位。'],
        ['负责治理的机构', '设备管理部'],
        ['负责治理的人员', '王建军（设备部部长）、刘涛（仪表班长）'],
        ['安全措施', '倒罐期间罐区设警戒区，停止装卸作业，配备正压式空气呼吸器，专人监护。'],
        ['应急预案', '执行《液氯泄漏现场处置方案》，应急物资前置到罐区，与园区消防站联动。'],
      ]);
      check((await dialog.getByLabel('治理的时限', { exact: true }).inputValue()) === deadline, 'the plan deadline does not start at the hazard’s deadline');
      await submitDialog(ph, dialog, /^确\s*定$/, new RegExp(`^/api/hazards/${hazardId}/plan$`));
      await cardTitled(ph, '治理方案（六要素）')
        .getByText(/恢复2号液氯储罐紧急切断功能/)
        .waitFor();
      await ph.getByRole('button', { name: '开始整改' }).waitFor();
      await ph.getByRole('button', { name: '修订治理方案' }).waitFor();
      check((await ph.getByRole('alert').filter({ hasText: PLAN_FIRST }).count()) === 0, 'the plan-first warning stays after the plan');
      const h = (await fetchHazard(ph)).data;
      check(h.plan?.deadline === deadline, `API plan ${JSON.stringify(h.plan)}`);
      return `plan due ${h.plan?.deadline}`;
    });

    await steps.run(
      'ent-chem (phone) starts rectification (开始整改), then hands it in (提交验收) with an after-photo; no 验收 for the rectifier',
      async () => {
        needHazard();
        const ph = usePhone();
        let dialog = await clickForDialog(ph, ph.getByRole('button', { name: '开始整改' }), '开始整改');
        await fillFields(dialog, [['说明', '已倒罐停用2号储罐，设备部开始更换执行机构。']]);
        await submitDialog(ph, dialog, /^开始整改$/, new RegExp(`^/api/hazards/${hazardId}/rectify$`));
        await waitForHeaderTags(ph, HAZARD_TITLE, ['整改中']);

        dialog = await clickForDialog(ph, ph.getByRole('button', { name: '提交验收' }), '提交验收');
        const after = await uploadPhoto(ph, formItem(dialog, '整改后照片'), 'after.jpg', await drawJpeg(ph, '#389e0d'));
        await fillFields(dialog, [
          ['整改情况（采取了哪些措施）', '已更换紧急切断阀执行机构，SIS联锁测试3次均在5秒内关闭；旁路阀关闭并加铅封。'],
          ['实际投入资金（元）', '165000'],
        ]);
        // The dialog as the phone shows it, its buttons in view (a viewport shot: the page behind is masked).
        await ph.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        await toastsGone(ph);
        await dialog.getByRole('button', { name: /^提交验收$/ }).scrollIntoViewIfNeeded();
        await noSidewaysScroll(ph, 'the 提交验收 dialog');
        await ph.screenshot({ path: path.join(SHOTS, 'hazard-submit-dialog-phone.png') });
        await submitDialog(ph, dialog, /^提交验收$/, new RegExp(`^/api/hazards/${hazardId}/submit$`));
        await waitForHeaderTags(ph, HAZARD_TITLE, ['待验收']);
        await cardTitled(ph, '处理过程').locator(`img[src="/api/attachments/${after.id}"]`).waitFor();
        // Who handed the work in does not verify it (验收 by someone else).
        check((await ph.getByRole('button', { name: /^验\s*收$/ }).count()) === 0, 'ent-chem, who handed the work in, is offered 验收');
        const { data: h, abilities } = await fetchHazard(ph);
        check(!abilities.verify, 'API: ent-chem may verify its own work');
        check(
          h.transitions.some((t) => t.action === 'submit' && t.evidence.includes(after.id)),
          'API: the submit step lacks the after-photo',
        );
        await toastsGone(ph);
        const width = await noSidewaysScroll(ph, 'the handed-in hazard detail');
        await screenshot(ph, SHOTS, 'hazard-detail-submitted-phone');
        return `after-photo ${after.id.slice(0, 8)}…, page ${width}`;
      },
    );

    await steps.run('ent-chem2 (the principal, not the rectifier) verifies (验收): 待审查核销, the regulator’s review due within 10 working days', async () => {
      needHazard();
      await signIn('ent-chem2');
      await p.goto(`${base}/hazards/${hazardId}`);
      await waitForHeaderTags(p, HAZARD_TITLE, ['待验收']);
      const dialog = await clickForDialog(p, p.getByRole('button', { name: /^验\s*收$/ }), '验收');
      await dialog.getByText(/监管部门应在10日内现场审查/).waitFor();
      await fillFields(dialog, [['说明', '现场验收：切断阀动作正常，旁路铅封完好，验收合格。']]);
      await submitDialog(p, dialog, /^验\s*收$/, new RegExp(`^/api/hazards/${hazardId}/verify$`));
      await waitForHeaderTags(p, HAZARD_TITLE, ['待审查核销']);
      const h = (await fetchHazard(p)).data;
      check(h.status === 'verified' && h.reviewDue, `API: ${h.status}, reviewDue ${h.reviewDue}`);
      const due = h.reviewDue;
      // 10 working days: two calendar weeks, three over a long holiday.
      check(due > today && due <= plusDays(today, 21), `reviewDue ${due} is not within 10 working days of ${today}`);
      await p
        .getByRole('alert')
        .filter({ hasText: `已申请验收核销：监管部门应于 ${due} 前完成现场审查` })
        .waitFor();
      return `review due ${due}`;
    });

    await steps.run('gaoping opens the 申请验收核销 notice, 现场审查核销 → 已销号, then 摘牌', async () => {
      needHazard();
      await signIn('gaoping');
      await p
        .locator('header')
        .getByRole('button', { name: /条未读消息/ })
        .click();
      await p.waitForURL((u) => u.pathname === '/notifications');
      await expectCall(p, 'POST', /^\/api\/notifications\/[0-9a-f-]{36}\/read$/, () =>
        p.getByText(`重大事故隐患治理完成，申请验收核销：${CHEM_PLANT} ${HAZARD_TITLE}`, { exact: true }).first().click(),
      );
      await p.waitForURL((u) => u.pathname === `/hazards/${hazardId}`);
      await waitForHeaderTags(p, HAZARD_TITLE, ['待审查核销', '挂牌督办']);
      let dialog = await clickForDialog(p, p.getByRole('button', { name: '现场审查核销' }), '审查核销');
      await dialog.getByText(/现场审查合格即核销并同意恢复生产/).waitFor();
      await fillFields(dialog, [['说明', '现场审查：紧急切断功能恢复，联锁测试合格，同意核销并恢复使用。']]);
      await submitDialog(p, dialog, /^审查核销$/, new RegExp(`^/api/hazards/${hazardId}/close$`));
      await waitForHeaderTags(p, HAZARD_TITLE, ['已销号']);

      dialog = await clickForDialog(p, p.getByRole('button', { name: /^摘\s*牌$/ }), '摘牌');
      await fillFields(dialog, [['说明', '隐患已核销，予以摘牌。']]);
      await submitDialog(p, dialog, /^摘\s*牌$/, new RegExp(`^/api/hazards/${hazardId}/unlist$`));
      const card = cardTitled(p, '挂牌督办');
      await card.getByText('已摘牌', { exact: true }).waitFor();
      await card.getByText('摘牌时间').waitFor();
      check((await p.getByRole('button', { name: /^摘\s*牌$/ }).count()) === 0, '摘牌 is still offered after closing the listing');
      const h = (await fetchHazard(p)).data;
      check(
        h.status === 'closed' && h.listings[0]?.status === 'closed' && h.listings[0].closedAt,
        `API: ${h.status}, listing ${JSON.stringify(h.listings[0])}`,
      );
      await toastsGone(p);
      await screenshot(p, SHOTS, 'hazard-detail-closed');
      return `closed, listing closed ${h.listings[0].closedAt}`;
    });

    await steps.run('四个清单 → 挂牌督办清单 shows the listing 已摘牌 with the hazard 已销号', async () => {
      needHazard();
      await openSubmenu(p, /隐患排查治理/, /四个清单/, '/hazards/lists', '四个清单');
      await p.getByRole('tab', { name: '挂牌督办清单' }).click();
      await p.waitForURL((u) => u.searchParams.get('tab') === 'listings');
      const search = p.getByPlaceholder('编号、隐患、企业或部位');
      await search.fill(HAZARD_TITLE);
      await search.press('Enter');
      await p.waitForURL((u) => u.searchParams.get('q') === HAZARD_TITLE);
      const table = await readTable(p, {
        accept: (t) => t.rows.length === 1 && t.rows[0]!.join(' ').includes(HAZARD_TITLE),
        what: `the listing of ${HAZARD_TITLE}`,
      });
      const row = table.rows[0] ?? [];
      const status = row[column(table, '挂牌状态')];
      const progress = row[column(table, '治理进度')];
      check(status === '已摘牌' && progress === '已销号', `the row reads 挂牌状态 ${status}, 治理进度 ${progress}`);
      check(row[column(table, '挂牌部门')] === GAOPING_UNIT, `挂牌部门 ${row[column(table, '挂牌部门')]}`);
      await screenshot(p, SHOTS, 'hazard-listings');
      if (current) await logout(p, current);
      current = null;
      return row.join(' | ');
    });
  } finally {
    focus(null);
    await (phone as Page | null)
      ?.context()
      .close()
      .catch(() => undefined);
  }
}

// ---------- 督办 and the notice as the work plan (issue 4) ----------

export const hazardPath: E2EPath = { name: 'hazard', run: (e) => hazard(e.steps, e.page, e.server.baseUrl, e.openPhone, e.focus) };
