import { readFileSync } from 'node:fs';
import { defaultTask, targetTask } from '../../../common/contracts/warnings.js';
import type { Executor } from '../../db/client.js';
import { Scope } from '../../kernel/scope/scope.js';
import { departmentsInScope, enterpriseLocations } from '../org/index.js';
import { installationsAndPonds } from '../risk/index.js';
import { matchEnterprises } from './area-match.js';
import { buildCap, capIdentifier, capTime, issuerCode, LEVEL_SEVERITY, parseCap, type Ring, referenceOf } from './cap/cap.js';
import { fieldsOf } from './commands/import-cap.js';
import { capOfRow } from './warning.cap.js';
import { insertTargets, insertWarning, updateWarning } from './warning.repository.js';

const H = 3600_000;

/**
 * Demo warnings for a fresh install (inside the demo transaction; no notifications are sent): an active
 * 暴雨橙色预警 of 晋城市应急管理局 (the area spans two counties) over the 巴公镇 (泽州县) / 米山镇 (高平市) area with its targets (the demo
 * coal mine has confirmed, the chemical plant has not; a non-coal mine whose plant lies just outside is
 * reached through its tailings pond, a 头顶库), a cancelled 大风蓝色预警, and one imported national-weather-service
 * message (the Seychelles sample, expired). Targets are matched as issuing matches them (area-match.ts).
 */
export async function seedWarningDemo(tx: Executor, now: Date): Promise<void> {
  const ents = await enterpriseLocations(tx, Scope.system());
  const coal = ents.find((e) => e.name === '山西泽州天泰煤业有限公司');
  const chem = ents.find((e) => e.name === '高平市华晟化工有限公司');
  const depts = await departmentsInScope(tx, Scope.system());
  const zezhou = depts.find((d) => d.key === 'zezhou-yjj');
  const city = depts.find((d) => d.key === 'city-yjj');
  if (!coal?.lng || !coal.lat || !chem?.lng || !chem.lat || !zezhou || !city) return;
  const pad = 0.03;
  const [w0, e0] = [Math.min(coal.lng, chem.lng) - pad, Math.max(coal.lng, chem.lng) + pad];
  const [s0, n0] = [Math.min(coal.lat, chem.lat) - pad, Math.max(coal.lat, chem.lat) + pad];
  const r6 = (n: number) => Math.round(n * 1e4) / 1e4;
  const ring: Ring = [
    [r6(w0), r6(s0)],
    [r6(e0), r6(s0)],
    [r6(e0), r6(n0)],
    [r6(w0), r6(n0)],
    [r6(w0), r6(s0)],
  ];
  const mk = async (unit: typeof city, at: Date, over: Record<string, unknown>) => {
    const issuer = issuerCode(unit.regionCode);
    const identifier = capIdentifier(issuer, at, 0);
    const base = {
      identifier,
      identifiers: [identifier],
      msgType: 'Alert',
      capStatus: 'Actual',
      capScope: 'Public',
      sender: issuer,
      sent: capTime(at),
      state: 'active',
      issuerDepartmentId: unit.id,
      issuerName: unit.name,
      regionPath: unit.regionPath,
      urgency: 'Expected',
      certainty: 'Likely',
      instruction: '',
      references: null as string | null,
      source: 'issued',
      effective: at,
      createdAt: at,
      updatedAt: at,
      ...over,
    } as unknown as Parameters<typeof capOfRow>[0] & Record<string, unknown>;
    return insertWarning(tx, { ...(base as unknown as Parameters<typeof insertWarning>[1]), rawXml: buildCap(capOfRow(base)) });
  };

  // An active heavy-rain warning, issued two hours ago, valid for a day.
  const at = new Date(now.getTime() - 2 * H);
  const rain = await mk(city, at, {
    eventType: '暴雨',
    level: 'orange',
    severity: LEVEL_SEVERITY.orange,
    headline: '晋城市应急管理局发布暴雨橙色预警（泽州县北部、高平市南部）',
    description: '受强降雨云团影响，预计未来12小时巴公镇、米山镇一带累计降雨量将达60～100毫米，局地伴有雷电和短时大风，山洪、滑坡、尾矿库漫坝风险高。',
    instruction: '危险区域人员及时转移，停止露天和井下受威胁区域作业。',
    taskText: defaultTask('暴雨'),
    expires: new Date(at.getTime() + 24 * H),
    area: { areaDesc: '泽州县巴公镇及高平市米山镇一带', polygons: [ring], regionCodes: [] },
  });
  const matches = matchEnterprises(ents, await installationsAndPonds(tx, Scope.system()), { polygons: [ring], regionPrefixes: [] });
  await insertTargets(
    tx,
    matches.map(({ e, because, objects }) => ({
      warningId: rain.id,
      enterpriseId: e.id,
      enterpriseName: e.name,
      regionPath: e.regionPath,
      industry: e.industry,
      groupId: e.groupId,
      matchedBecause: because,
      matchedObjects: objects,
      taskText: targetTask(rain.eventType, rain.taskText, objects),
      status: e.id === coal.id ? 'confirmed' : 'sent',
      sentAt: at,
      ...(e.id === coal.id
        ? {
            confirmerName: '天泰煤业安全科',
            confirmedAt: new Date(at.getTime() + 0.5 * H),
            feedback: '已完成三查三避让：排查井口、排水系统和矸石山边坡，低洼处人员已撤离，24小时值班已落实。',
          }
        : {}),
    })),
  );

  // A cancelled gale warning from last week.
  const galeAt = new Date(now.getTime() - 7 * 24 * H);
  const gale = await mk(zezhou, galeAt, {
    eventType: '大风',
    level: 'blue',
    severity: LEVEL_SEVERITY.blue,
    headline: '泽州县应急管理局发布大风蓝色预警',
    description: '预计24小时内泽州县北部有6级以上阵风。',
    taskText: defaultTask('大风'),
    expires: new Date(galeAt.getTime() + 24 * H),
    area: { areaDesc: '泽州县', polygons: [], regionCodes: [zezhou.regionCode] },
  });
  const cancelAt = new Date(galeAt.getTime() + 6 * H);
  const cancelId = capIdentifier(issuerCode(zezhou.regionCode), cancelAt, 0);
  const cancel = {
    ...gale,
    identifier: cancelId,
    msgType: 'Cancel',
    sent: capTime(cancelAt),
    references: referenceOf(gale),
  };
  await updateWarning(tx, gale.id, gale.version, {
    identifier: cancelId,
    identifiers: [gale.identifier, cancelId],
    msgType: 'Cancel',
    sent: cancel.sent,
    references: cancel.references,
    state: 'cancelled',
    cancelledAt: cancelAt,
    rawXml: buildCap(capOfRow(cancel, '风力减弱，解除预警')),
  });

  // One imported national-weather-service message (expired; it reaches no enterprise here).
  const xml = readFileSync(new URL('./cap/samples/sample-sc-no_signature.xml', import.meta.url), 'utf8');
  const a = parseCap(xml);
  await insertWarning(tx, {
    ...fieldsOf(a),
    identifier: a.identifier,
    identifiers: [a.identifier],
    msgType: a.msgType,
    references: a.references ?? null,
    state: 'active',
    issuerDepartmentId: null,
    regionPath: null,
    source: 'imported',
    feedId: null,
    rawXml: xml,
    createdAt: now,
    updatedAt: now,
  });
}
