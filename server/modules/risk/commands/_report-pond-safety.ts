import { both, notice, perLocale } from '../../../../common/i18n/notifications.js';
import { TAILINGS_SAFETY, TAILINGS_SAFETY_SOURCE, type TailingsSafetyStatus } from '../../../../common/rules/tailings-pond.js';
import type { Executor } from '../../../db/client.js';
import type { Ctx } from '../../../kernel/context.js';
import type { Notifier } from '../../../kernel/notify/notify.js';
import { userIdsOfUnit } from '../../identity/index.js';
import { insertTailingsPondReport, type TailingsPondRow } from '../risk.repository.js';
import { supervisingDepartments } from './_report-major-risk.js';

export const POND_REPORT_KIND = 'risk.pondSafety';
export const POND_REPORT_ENTITY = 'tailings_pond_report';

/**
 * Files a 安全度 report: the pond's supervising departments (the county 应急管理局 and the covering
 * industry departments) are told in-app with the required action and its 依据; the report records whom
 * and when, and the notifications carry each user's read receipt. Also used by the demo seed.
 */
export async function fileTailingsPondReport(
  ex: Executor,
  notify: Pick<Notifier, 'send'>,
  p: TailingsPondRow,
  enterpriseName: string,
  from: TailingsSafetyStatus | null,
  by: { id: string | null; name: string },
  at: Date,
) {
  const to = p.safetyStatus as TailingsSafetyStatus;
  const departments = await supervisingDepartments(ex, p.enterpriseId);
  const { action } = TAILINGS_SAFETY[to];
  const report = await insertTailingsPondReport(ex, {
    pondId: p.id,
    enterpriseId: p.enterpriseId,
    fromStatus: from,
    toStatus: to,
    action,
    source: TAILINGS_SAFETY_SOURCE,
    departments,
    reportedAt: at,
    reportedById: by.id,
    reportedByName: by.name,
  });
  const change = perLocale((l) => {
    const name = (s: TailingsSafetyStatus) => (l === 'en-US' ? TAILINGS_SAFETY[s].en : TAILINGS_SAFETY[s].zh);
    if (from) return l === 'en-US' ? `: ${name(from)} → ${name(to)}` : `${name(from)} → ${name(to)}`;
    return l === 'en-US' ? ` registered as ${name(to)}` : `登记为${name(to)}`;
  });
  for (const d of departments) {
    await notify.send({
      userIds: await userIdsOfUnit(ex, { departmentId: d.id }),
      kind: POND_REPORT_KIND,
      notice: notice('tailings.report', {
        status: both(TAILINGS_SAFETY[to]),
        pond: p.name,
        enterprise: enterpriseName,
        change,
        action,
        source: TAILINGS_SAFETY_SOURCE,
        by: by.name,
      }),
      link: `/tailings-ponds/${p.id}`,
      entityType: POND_REPORT_ENTITY,
      entityId: report.id,
    });
  }
  return { report, departments };
}

/**
 * 尾矿库安全度报告 of a save (see pondSafetyReportable), audited.
 * @gated-by createTailingsPond updateTailingsPondCommand
 */
export async function reportPondSafety(ctx: Ctx, p: TailingsPondRow, enterpriseName: string, from: TailingsSafetyStatus | null) {
  const { report, departments } = await fileTailingsPondReport(
    ctx.tx,
    ctx.notify,
    p,
    enterpriseName,
    from,
    { id: ctx.actor.id, name: ctx.actor.displayName },
    ctx.clock.now(),
  );
  await ctx.audit.record({
    action: 'risk.tailingsPondReported',
    entityType: 'tailings_pond',
    entityId: p.id,
    after: { reportId: report.id, from, to: p.safetyStatus, departments: departments.map((d) => d.name) },
  });
  return report;
}
