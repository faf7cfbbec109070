import { defaultTask, pondLabel, type TMatchedObject, targetTask } from '../../../../common/contracts/warnings.js';
import type { Locale } from '../../../../common/i18n/api-messages.js';
import { type Localized, notice, perLocale } from '../../../../common/i18n/notifications.js';
import type { Ctx } from '../../../kernel/context.js';
import { userIdsOfUnit } from '../../identity/index.js';
import type { MatchedObject } from '../area-match.js';
import type { Match } from '../queries/match-area.js';
import { insertTargets, refreshTarget, targetEnterpriseIds, updateTarget, type WarningRow } from '../warning.repository.js';

const KIND_NAMES: Record<MatchedObject['kind'], Localized> = {
  site: { 'zh-CN': '企业位置', 'en-US': 'Site' },
  mine: { 'zh-CN': '矿区', 'en-US': 'Mine area' },
  installation: { 'zh-CN': '重大危险源', 'en-US': 'Major hazard source' },
  tailings: { 'zh-CN': '尾矿库', 'en-US': 'Tailings pond' },
};

/** "尾矿库：润通尾矿库（头顶库）；重大危险源：罐区储存单元" (the enterprise's own point is left out). */
export function objectsText(objects: TMatchedObject[], locale: Locale = 'zh-CN'): string {
  const en = locale === 'en-US';
  return objects
    .filter((o) => o.kind === 'installation' || o.kind === 'tailings')
    .map((o) => `${KIND_NAMES[o.kind][locale]}${en ? ': ' : '：'}${o.kind === 'tailings' ? pondLabel(o) : o.name}`)
    .join(en ? '; ' : '；');
}

/**
 * @gated-by issueWarning, updateWarningCommand, importCap (each has passed the gate for the warning it targets)
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
    const objects = byEnterprise.get(t.enterpriseId)?.objects ?? [];
    const ids = await ctx.notify.send({
      userIds: await userIdsOfUnit(ctx.tx, { enterpriseId: t.enterpriseId }),
      kind: 'warning.target',
      notice: notice('warning.target', {
        headline: w.headline,
        objects: perLocale((l) => {
          const which = objectsText(objects, l);
          return which ? (l === 'en-US' ? `Concerns: ${which}\n` : `涉及：${which}\n`) : '';
        }),
        task: t.taskText,
      }),
      link: `/warnings/${w.id}`,
      entityType: 'warning',
      entityId: w.id,
    });
    if (ids.length) await updateTarget(ctx.tx, t.id, { notificationIds: ids }, 'sent');
  }
  return rows.length;
}
