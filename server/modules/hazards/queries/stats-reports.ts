import type { z } from 'zod';
import type { ZStatsReportQuery, ZSubmitStatsReport } from '../../../../common/contracts/hazards.js';
import { notice, periodName } from '../../../../common/i18n/notifications.js';
import { toShanghaiDate } from '../../../../common/rules/calendar/working-days.js';
import { HAZARD_STATS_SOURCE, hazardStatsDue } from '../../../../common/rules/deadline-13710.js';
import { systemActor } from '../../../kernel/actor.js';
import { type Ctx, type Deps, inTransaction } from '../../../kernel/context.js';
import { AppError, invalidField } from '../../../kernel/errors.js';
import { allowNew, systemOnly } from '../../../kernel/gate/gate.js';
import { Scope } from '../../../kernel/scope/scope.js';
import { userIdsOfUnit } from '../../identity/index.js';
import { departmentsInScope, enterprisesForIndicators, findEnterprise, unitResolver } from '../../org/index.js';
import { supervisorUsers } from '../commands/effects.js';
import { statsReportPolicy } from '../hazard.policy.js';
import { insertStatsReport, markStatsNotice, periodFigures, statsReportOf, statsReportsFor } from '../hazard.repository.js';

/** [start, end) of a period in Beijing time. */
export function periodRange(period: string): { from: Date; to: Date } {
  const year = Number(period.slice(0, 4));
  const q = period.length > 4 ? Number(period.slice(5)) : null;
  const startMonth = q ? (q - 1) * 3 + 1 : 1;
  const endYear = q && q < 4 ? year : year + 1;
  const endMonth = q && q < 4 ? q * 3 + 1 : 1;
  const d = (y: number, m: number) => new Date(`${y}-${String(m).padStart(2, '0')}-01T00:00:00+08:00`);
  return { from: d(year, startMonth), to: d(endYear, endMonth) };
}

/** The figures of an enterprise's Art. 14 statistics table, generated from the hazards it recorded. */
async function figuresOf(ctx: Ctx, enterpriseId: string, period: string) {
  const { from, to } = periodRange(period);
  const f = await periodFigures(ctx.tx, enterpriseId, from, to);
  const closedRate = f.found ? Math.round((1000 * (f.rectified ?? 0)) / f.found) / 10 : null;
  return { ...f, closedRate };
}

export async function statsDraftQuery(ctx: Ctx, enterpriseId: string, period: string) {
  const e = await findEnterprise(ctx.tx, ctx.scope, enterpriseId);
  if (!e) throw invalidField('enterpriseId', 'enterprise');
  const { due, source } = hazardStatsDue(period);
  const report = await statsReportOf(ctx.tx, e.id, period);
  const today = toShanghaiDate(ctx.clock.now());
  const { to } = periodRange(period);
  return {
    enterpriseId: e.id,
    enterpriseName: e.name,
    period,
    due,
    source,
    periodEnded: ctx.clock.now() >= to,
    state: report ? 'submitted' : today > due ? 'overdue' : 'pending',
    figures: report ? report.figures : await figuresOf(ctx, e.id, period),
    report: report && {
      analysis: report.analysis,
      principalName: report.principalName,
      submitterName: report.submitterName,
      submittedAt: report.submittedAt.toISOString(),
      late: toShanghaiDate(report.submittedAt) > due,
    },
    canSubmit: !report && ctx.actor.permissions.has('hazard.handle') && ctx.actor.enterpriseId === e.id && ctx.clock.now() >= to,
  };
}

/** Every enterprise in scope with its statistics state for the period (a regulator's due-date board). */
export async function statsBoardQuery(ctx: Ctx, q: z.infer<typeof ZStatsReportQuery>) {
  const { due } = hazardStatsDue(q.period);
  const today = toShanghaiDate(ctx.clock.now());
  const ents = (await enterprisesForIndicators(ctx.tx, ctx.scope)).filter(
    (e) => e.status !== 'closed' && !e.isGroup && (!q.enterpriseId || e.id === q.enterpriseId),
  );
  const reports = new Map(
    (
      await statsReportsFor(
        ctx.tx,
        ents.map((e) => e.id),
        q.period,
      )
    ).map((r) => [r.enterpriseId, r]),
  );
  const rows = ents.map((e) => {
    const r = reports.get(e.id);
    return {
      enterpriseId: e.id,
      enterpriseName: e.name,
      regionCode: e.regionCode,
      industry: e.industry,
      due,
      state: r ? 'submitted' : today > due ? 'overdue' : 'pending',
      submittedAt: r?.submittedAt.toISOString() ?? null,
      late: r ? toShanghaiDate(r.submittedAt) > due : null,
      principalName: r?.principalName ?? null,
    };
  });
  const summary = {
    total: rows.length,
    submitted: rows.filter((r) => r.state === 'submitted').length,
    overdue: rows.filter((r) => r.state === 'overdue').length,
    pending: rows.filter((r) => r.state === 'pending').length,
  };
  const filtered = q.state ? rows.filter((r) => r.state === q.state) : rows;
  filtered.sort((a, b) =>
    a.state === b.state ? a.enterpriseName.localeCompare(b.enterpriseName, 'zh-CN') : a.state === 'overdue' ? -1 : b.state === 'overdue' ? 1 : 0,
  );
  return {
    period: q.period,
    due,
    source: HAZARD_STATS_SOURCE,
    summary,
    items: filtered.slice((q.page - 1) * q.pageSize, q.page * q.pageSize),
    total: filtered.length,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Submits the table, signed by the principal; figures are frozen as generated at this moment. */
export async function submitStatsReport(ctx: Ctx, input: z.infer<typeof ZSubmitStatsReport>) {
  const e = await findEnterprise(ctx.tx, ctx.scope, input.enterpriseId);
  if (!e) throw invalidField('enterpriseId', 'enterprise');
  allowNew(ctx, statsReportPolicy, 'submit', { enterpriseId: e.id });
  const { to } = periodRange(input.period);
  if (ctx.clock.now() < to) throw new AppError('STATS_PERIOD_OPEN', { period: input.period });
  if (await statsReportOf(ctx.tx, e.id, input.period)) throw new AppError('STATS_ALREADY_SUBMITTED', { period: input.period });
  const { due } = hazardStatsDue(input.period);
  const figures = await figuresOf(ctx, e.id, input.period);
  const row = await insertStatsReport(ctx.tx, {
    enterpriseId: e.id,
    period: input.period,
    due,
    figures,
    analysis: input.analysis,
    principalName: input.principalName,
    submittedBy: ctx.actor.id,
    submitterName: ctx.actor.displayName,
    submittedAt: ctx.clock.now(),
  });
  if (!row) throw new AppError('STATS_ALREADY_SUBMITTED', { period: input.period });
  await ctx.notify.send({
    userIds: (await supervisorUsers(ctx, e.id, { governmentLevels: 1 })).userIds,
    kind: 'hazard.stats',
    notice: notice('hazard.stats', {
      enterprise: e.name,
      period: periodName(input.period),
      found: figures.found,
      majorFound: figures.majorFound,
      rectified: figures.rectified,
      principal: input.principalName,
    }),
    link: `/hazards/stats?period=${input.period}`,
    entityType: 'enterprise',
    entityId: e.id,
  });
  await ctx.audit.record({ action: 'hazard.statsSubmitted', entityType: 'enterprise', entityId: e.id, after: { ...input, figures } });
  return statsDraftQuery(ctx, e.id, input.period);
}

/** The periods whose due date has passed most recently: the last quarter and the last year. */
export function lastDuePeriods(today: string): string[] {
  const y = Number(today.slice(0, 4));
  const candidates = [`${y - 1}`, `${y - 2}`, ...[1, 2, 3, 4].flatMap((q) => [`${y}Q${q}`, `${y - 1}Q${q}`])];
  const passed = candidates.filter((p) => hazardStatsDue(p).due < today).sort((a, b) => hazardStatsDue(b).due.localeCompare(hazardStatsDue(a).due));
  const lastQuarter = passed.find((p) => p.includes('Q'));
  const lastYear = passed.find((p) => !p.includes('Q'));
  return [lastQuarter, lastYear].filter((p): p is string => !!p);
}

/**
 * Flags overdue statistics to the regulators: once per period, each government unit hears how many
 * enterprises in its region have not submitted.
 */
export async function flagOverdueStats(deps: Deps): Promise<{ notices: number }> {
  return inTransaction(deps, systemActor('hazards.stats'), { id: null, ip: null, locale: 'zh-CN' }, async (ctx) => {
    systemOnly(ctx);
    const today = toShanghaiDate(ctx.clock.now());
    let notices = 0;
    for (const period of lastDuePeriods(today)) {
      const govs = (await departmentsInScope(ctx.tx, Scope.system())).filter((d) => d.kind === 'government');
      for (const g of govs) {
        const board = await statsBoardQuery(
          // The board as that unit sees it: its scope as org resolves it for the unit's own users.
          { ...ctx, scope: (await unitResolver()(ctx.tx, { kind: 'government', departmentId: g.id, enterpriseId: null })).scope },
          { period, page: 1, pageSize: 1, state: 'overdue' },
        );
        if (!board.summary.overdue) continue;
        if (!(await markStatsNotice(ctx.tx, period, g.id, ctx.clock.now()))) continue;
        await ctx.notify.send({
          userIds: await userIdsOfUnit(ctx.tx, { departmentId: g.id }),
          kind: 'hazard.statsOverdue',
          notice: notice('hazard.statsOverdue', {
            overdue: board.summary.overdue,
            period: periodName(period),
            due: board.due,
            source: HAZARD_STATS_SOURCE,
            submitted: board.summary.submitted,
            total: board.summary.total,
          }),
          link: `/hazards/stats?period=${period}&state=overdue`,
        });
        notices++;
      }
    }
    return { notices };
  });
}
