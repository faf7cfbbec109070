import type { z } from 'zod';
import type { ZStatsBoard, ZStatsDraft, ZStatsFigures, ZStatsReportQuery } from '../../../../common/contracts/hazards.js';
import { toShanghaiDate } from '../../../../common/rules/calendar/working-days.js';
import { HAZARD_STATS_SOURCE, hazardStatsDue } from '../../../../common/rules/deadline-13710.js';
import type { Ctx } from '../../../kernel/context.js';
import { invalidField } from '../../../kernel/errors.js';
import { enterprisesForIndicators, findEnterprise } from '../../org/index.js';
import { presentFigures, presentStatsBoardRow, presentStatsDraft, storedFigures } from '../hazard.presenter.js';
import { periodFigures, statsReportOf, statsReportsFor } from '../hazard.repository.js';

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
export async function figuresOf(ctx: Ctx, enterpriseId: string, period: string): Promise<z.input<typeof ZStatsFigures>> {
  const { from, to } = periodRange(period);
  return presentFigures(await periodFigures(ctx.tx, enterpriseId, from, to));
}

export async function statsDraftQuery(ctx: Ctx, enterpriseId: string, period: string): Promise<z.input<typeof ZStatsDraft>> {
  const e = await findEnterprise(ctx.tx, ctx.scope, enterpriseId);
  if (!e) throw invalidField('enterpriseId', 'enterprise');
  const { due, source } = hazardStatsDue(period);
  const report = await statsReportOf(ctx.tx, e.id, period);
  const { to } = periodRange(period);
  const periodEnded = ctx.clock.now() >= to;
  const canSubmit = !report && ctx.actor.permissions.has('hazard.handle') && ctx.actor.enterpriseId === e.id && periodEnded;
  const figures = report ? storedFigures(report) : await figuresOf(ctx, e.id, period);
  return presentStatsDraft(e, { period, due, source, periodEnded, today: toShanghaiDate(ctx.clock.now()), canSubmit }, report, figures);
}

/** Every enterprise in scope with its statistics state for the period (a regulator's due-date board). */
export async function statsBoardQuery(ctx: Ctx, q: z.infer<typeof ZStatsReportQuery>): Promise<z.input<typeof ZStatsBoard>> {
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
  const rows = ents.map((e) => presentStatsBoardRow(e, reports.get(e.id), today, due));
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

/** The periods whose due date has passed most recently: the last quarter and the last year. */
export function lastDuePeriods(today: string): string[] {
  const y = Number(today.slice(0, 4));
  const candidates = [`${y - 1}`, `${y - 2}`, ...[1, 2, 3, 4].flatMap((q) => [`${y}Q${q}`, `${y - 1}Q${q}`])];
  const passed = candidates.filter((p) => hazardStatsDue(p).due < today).sort((a, b) => hazardStatsDue(b).due.localeCompare(hazardStatsDue(a).due));
  const lastQuarter = passed.find((p) => p.includes('Q'));
  const lastYear = passed.find((p) => !p.includes('Q'));
  return [lastQuarter, lastYear].filter((p): p is string => !!p);
}
