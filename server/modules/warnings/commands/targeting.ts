import { defaultTask } from '../../../../common/contracts/warnings.js';
import type { Ctx } from '../../../kernel/context.js';
import type { Scope } from '../../../kernel/scope/scope.js';
import { userIdsOfUnit } from '../../identity/index.js';
import { enterpriseLocations, findRegion } from '../../org/index.js';
import { pointInRing, type Ring } from '../cap/cap.js';
import { insertTargets, updateTarget, type WarningRow } from '../warning.repository.js';

export interface WarningArea {
  areaDesc: string;
  polygons: Ring[];
  regionCodes: string[];
}

/**
 * The class an enterprise is picked for besides plain location: coal mines (`mine`), non-coal mines which
 * also stand for tailings ponds (`tailings`: ponds are not modelled separately), and hazardous-chemical
 * enterprises where GB 18218 major hazard installations are (`installation`: installations carry no
 * coordinates of their own, so the enterprise's location stands for them).
 */
export function classOf(industry: string): string | null {
  if (industry === 'coal') return 'mine';
  if (industry === 'nonCoalMine') return 'tailings';
  if (industry === 'hazchem') return 'installation';
  return null;
}

export type Located = Awaited<ReturnType<typeof enterpriseLocations>>[number];

/** Enterprises in the scope whose coordinates fall in a polygon or whose region lies under a region code. */
export async function matchArea(ctx: Ctx, area: WarningArea, scope: Scope) {
  const all = await enterpriseLocations(ctx.tx, scope);
  const prefixes: string[] = [];
  for (const code of area.regionCodes) {
    const r = await findRegion(ctx.tx, code);
    prefixes.push(r ? r.path : `/${code}`);
  }
  const matches: { e: Located; because: string[] }[] = [];
  for (const e of all) {
    const because: string[] = [];
    if (e.lng != null && e.lat != null && area.polygons.some((p) => pointInRing(e.lng as number, e.lat as number, p))) because.push('polygon');
    if (prefixes.some((p) => e.regionPath.startsWith(p) || e.regionCode.startsWith(p.replace(/^\//, '')))) because.push('region');
    if (!because.length) continue;
    const c = classOf(e.industry);
    if (c) because.push(c);
    matches.push({ e, because });
  }
  return { all, matches };
}

/** Writes a target per newly matched enterprise and tells its users (in-app inbox with read receipts). */
export async function sendTargets(ctx: Ctx, w: WarningRow, matches: { e: Located; because: string[] }[]) {
  const now = ctx.clock.now();
  const task = w.taskText || defaultTask(w.eventType);
  const rows = await insertTargets(
    ctx.tx,
    matches.map(({ e, because }) => ({
      warningId: w.id,
      enterpriseId: e.id,
      enterpriseName: e.name,
      regionPath: e.regionPath,
      industry: e.industry,
      groupId: e.groupId,
      matchedBecause: because,
      taskText: task,
      status: 'sent',
      sentAt: now,
    })),
  );
  for (const t of rows) {
    const ids = await ctx.notify.send({
      userIds: await userIdsOfUnit(ctx.tx, { enterpriseId: t.enterpriseId }),
      kind: 'warning.target',
      title: `预警任务：${w.headline}`,
      body: `${task}\n请落实后在预警页面签收并反馈。`,
      link: `/warnings/${w.id}`,
      entityType: 'warning',
      entityId: w.id,
    });
    if (ids.length) await updateTarget(ctx.tx, t.id, { notificationIds: ids }, 'sent');
  }
  return rows.length;
}
