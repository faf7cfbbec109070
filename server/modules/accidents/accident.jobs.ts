import { at, both, notice } from '../../../common/i18n/notifications.js';
import { PARALLEL_RECIPIENTS, REPORT_LEVEL_NAMES, type ReportLevel } from '../../../common/rules/accident-reporting.js';
import { systemActor } from '../../kernel/actor.js';
import { type Deps, inTransaction } from '../../kernel/context.js';
import { systemOnly } from '../../kernel/gate/gate.js';
import type { JobDefinition } from '../../kernel/jobs/jobs.js';
import { Scope } from '../../kernel/scope/scope.js';
import { userIdsOfUnit } from '../identity/index.js';
import { findDepartmentWithPath } from '../org/index.js';
import { getAccident, listReports, overdueReports, updateReport } from './accident.repository.js';

const BATCH = 200;

/**
 * Overdue sweep of the reporting chain (Art. 9–11): a link not confirmed by its due time is flagged
 * late once, and the county and city 应急管理局 of the place are told, so the gap escalates upward.
 */
export function accidentJobs(deps: () => Deps): JobDefinition[] {
  return [
    {
      name: 'accidents.sweep',
      cron: '*/5 * * * *',
      async handler() {
        await sweepAccidentChain(deps());
      },
    },
  ];
}

/** Who the late report was due to, by name: the Taihang department, else the level or outside body. */
async function recipientName(ctx: { tx: Parameters<typeof findDepartmentWithPath>[0] }, link: { recipient: string; departmentId: string | null }) {
  const dept = link.departmentId ? await findDepartmentWithPath(ctx.tx, link.departmentId) : undefined;
  if (dept) return both({ zh: dept.name, en: dept.nameEn || dept.name });
  const level = REPORT_LEVEL_NAMES[link.recipient as ReportLevel];
  const body = level ?? PARALLEL_RECIPIENTS.find((p) => p.key === link.recipient);
  return body ? both(body) : link.recipient;
}

export async function sweepAccidentChain(deps: Deps): Promise<number> {
  return inTransaction(deps, systemActor('accidents.sweep'), { id: null, ip: null, locale: 'zh-CN' }, async (ctx) => {
    systemOnly(ctx);
    const now = ctx.clock.now();
    const late = await overdueReports(ctx.tx, Scope.system(), now, BATCH);
    for (const link of late) {
      await updateReport(ctx.tx, link.id, { lateFlaggedAt: now });
      const a = await getAccident(ctx.tx, Scope.system(), link.accidentId);
      if (!a) continue;
      const depts = (await listReports(ctx.tx, a.id))
        .filter((l) => (l.recipient === 'county' || l.recipient === 'city') && l.departmentId)
        .map((l) => l.departmentId as string);
      const userIds = (await Promise.all(depts.map((d) => userIdsOfUnit(ctx.tx, { departmentId: d })))).flat();
      await ctx.notify.send({
        userIds,
        kind: 'accident.late',
        notice: notice('accident.late', { title: a.title, recipient: await recipientName(ctx, link), due: at(link.due) }),
        link: `/accidents/${a.id}`,
        entityType: 'accident',
        entityId: a.id,
      });
      await ctx.audit.record({ action: 'accident.chainLate', entityType: 'accident', entityId: a.id, after: { recipient: link.recipient, due: link.due } });
    }
    return late.length;
  });
}
