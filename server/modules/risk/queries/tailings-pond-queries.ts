import type { TTailingsPondListQuery } from '../../../../common/contracts/risk.js';
import { toShanghaiDate } from '../../../../common/rules/calendar/working-days.js';
import type { Ctx } from '../../../kernel/context.js';
import { notFound } from '../../../kernel/errors.js';
import { receiptsOf } from '../../../kernel/notify/notify.js';
import { POND_REPORT_ENTITY, POND_REPORT_KIND } from '../commands/_report-pond-safety.js';
import { tailingsPondAbilities } from '../risk.policy.js';
import { presentPondReport, presentTailingsPond } from '../risk.presenter.js';
import { findTailingsPonds, getTailingsPond, type TailingsPondFilter, tailingsPondReports } from '../risk.repository.js';

export function tailingsPondFilterOf(q: Omit<TTailingsPondListQuery, 'page' | 'pageSize'>): TailingsPondFilter {
  return {
    q: q.q,
    enterpriseId: q.enterpriseId,
    regionCode: q.regionCode,
    industry: q.industry,
    grade: q.grade ? Number(q.grade) : undefined,
    safetyStatus: q.safetyStatus,
    operatingStatus: q.operatingStatus,
    overhead: q.overhead === undefined ? undefined : q.overhead === 'true',
  };
}

export async function listTailingsPondsQuery(ctx: Ctx, q: TTailingsPondListQuery) {
  const { rows, total } = await findTailingsPonds(ctx.tx, ctx.scope, tailingsPondFilterOf(q), q.page, q.pageSize, q.sort);
  const today = toShanghaiDate(ctx.clock.now());
  return {
    items: rows.map((r) => presentTailingsPond(r.p, r.enterpriseName, today)),
    total,
    page: q.page,
    pageSize: q.pageSize,
    abilities: { create: ctx.actor.permissions.has('risk.manage') },
  };
}

/** A pond with its 安全度 reports (newest first) and their read receipts; 404 out of scope. */
export async function getTailingsPondQuery(ctx: Ctx, id: string) {
  const r = await getTailingsPond(ctx.tx, ctx.scope, id);
  if (!r) throw notFound();
  const reports = [];
  for (const x of await tailingsPondReports(ctx.tx, id))
    reports.push(presentPondReport(x, await receiptsOf(ctx.tx, POND_REPORT_ENTITY, x.id, [POND_REPORT_KIND])));
  return {
    data: { ...presentTailingsPond(r.p, r.enterpriseName, toShanghaiDate(ctx.clock.now())), reports },
    abilities: tailingsPondAbilities(ctx.actor, r.p),
  };
}
