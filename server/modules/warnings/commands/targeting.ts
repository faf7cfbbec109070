import { defaultTask, pondLabel, type TMatchedObject, targetTask } from '../../../../common/contracts/warnings.js';
import type { Ctx } from '../../../kernel/context.js';
import type { Scope } from '../../../kernel/scope/scope.js';
import { userIdsOfUnit } from '../../identity/index.js';
import { enterpriseLocations, findRegion } from '../../org/index.js';
import { installationsAndPonds } from '../../risk/index.js';
import { type AreaMatch, type MatchedObject, matchEnterprises } from '../area-match.js';
import type { Ring } from '../cap/cap.js';
import { insertTargets, refreshTarget, targetEnterpriseIds, updateTarget, type WarningRow } from '../warning.repository.js';

export interface WarningArea {
  areaDesc: string;
  polygons: Ring[];
  regionCodes: string[];
}

export type Located = Awaited<ReturnType<typeof enterpriseLocations>>[number];
export type Match = AreaMatch<Located>;

/** Region codes → path prefixes (an unknown code still matches enterprise codes under it). */
async function regionPrefixes(ctx: Ctx, codes: string[]): Promise<string[]> {
  const prefixes: string[] = [];
  for (const code of codes) {
    const r = await findRegion(ctx.tx, code);
    prefixes.push(r ? r.path : `/${code}`);
  }
  return prefixes;
}

/**
 * Enterprises in the scope reached by the area through their own point, their installations' and ponds'
 * points or their region (area-match.ts); `objects` are the installations and ponds in scope, for previews.
 */
export async function matchArea(ctx: Ctx, area: WarningArea, scope: Scope) {
  const all = await enterpriseLocations(ctx.tx, scope);
  const objects = await installationsAndPonds(ctx.tx, scope);
  const matches = matchEnterprises(all, objects, { polygons: area.polygons, regionPrefixes: await regionPrefixes(ctx, area.regionCodes) });
  return { all, objects, matches };
}

const KIND_ZH: Record<MatchedObject['kind'], string> = { site: '企业位置', mine: '矿区', installation: '重大危险源', tailings: '尾矿库' };

/** "尾矿库：润通尾矿库（头顶库）；重大危险源：罐区储存单元" (the enterprise's own point is left out). */
export function objectsText(objects: TMatchedObject[]): string {
  return objects
    .filter((o) => o.kind === 'installation' || o.kind === 'tailings')
    .map((o) => `${KIND_ZH[o.kind]}：${o.kind === 'tailings' ? pondLabel(o) : o.name}`)
    .join('；');
}

/**
 * Writes a target per newly matched enterprise and tells its users (in-app inbox with read receipts);
 * enterprises already targeted (an update) get their matched objects refreshed, and their task while unconfirmed.
 */
export async function sendTargets(ctx: Ctx, w: WarningRow, matches: Match[]) {
  const now = ctx.clock.now();
  const task = w.taskText || defaultTask(w.eventType);
  const existing = await targetEnterpriseIds(ctx.tx, w.id);
  for (const m of matches.filter((x) => existing.has(x.e.id)))
    await refreshTarget(ctx.tx, w.id, m.e.id, { matchedBecause: m.because, matchedObjects: m.objects, taskText: targetTask(w.eventType, task, m.objects) });
  const fresh = matches.filter((x) => !existing.has(x.e.id));
  const rows = await insertTargets(
    ctx.tx,
    fresh.map(({ e, because, objects }) => ({
      warningId: w.id,
      enterpriseId: e.id,
      enterpriseName: e.name,
      regionPath: e.regionPath,
      industry: e.industry,
      groupId: e.groupId,
      matchedBecause: because,
      matchedObjects: objects,
      taskText: targetTask(w.eventType, task, objects),
      status: 'sent',
      sentAt: now,
    })),
  );
  const byEnterprise = new Map(fresh.map((m) => [m.e.id, m]));
  for (const t of rows) {
    const which = objectsText(byEnterprise.get(t.enterpriseId)?.objects ?? []);
    const ids = await ctx.notify.send({
      userIds: await userIdsOfUnit(ctx.tx, { enterpriseId: t.enterpriseId }),
      kind: 'warning.target',
      title: `预警任务：${w.headline}`,
      body: `${which ? `涉及：${which}\n` : ''}${t.taskText}\n请落实后在预警页面签收并反馈。`,
      link: `/warnings/${w.id}`,
      entityType: 'warning',
      entityId: w.id,
    });
    if (ids.length) await updateTarget(ctx.tx, t.id, { notificationIds: ids }, 'sent');
  }
  return rows.length;
}
