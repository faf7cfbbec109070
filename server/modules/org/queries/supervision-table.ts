import type { TSupervisionQuery } from '../../../../common/contracts/org.js';
import type { Ctx } from '../../../kernel/context.js';
import { presentSupervisionRow, RegionNames } from '../org.presenter.js';
import { allEnterprises, countGaps, type EnterpriseRow, findEnterprises, listAssignments, listRegions } from '../org.repository.js';

/**
 * 监管"一张表": each enterprise with its 属地, 行业 supervising department(s) and named officials,
 * flagged where the notice's requirement is not met (晋市政发〔2021〕1号 item 3).
 */
export const SUPERVISION_TABLE_SOURCE = '晋市政发〔2021〕1号 第3条：“将每一个生产经营单位的监管责任明确到相关行业部门及责任人员”';

async function presentRows(ctx: Ctx, rows: EnterpriseRow[]) {
  const [assignments, regions] = await Promise.all([
    listAssignments(
      ctx.tx,
      rows.map((r) => r.id),
    ),
    listRegions(ctx.tx),
  ]);
  const names = new RegionNames(regions, ctx.request.locale);
  const byEnterprise = new Map<string, typeof assignments>();
  for (const a of assignments) byEnterprise.set(a.enterpriseId, [...(byEnterprise.get(a.enterpriseId) ?? []), a]);
  return rows.map((e) => presentSupervisionRow(e, byEnterprise.get(e.id) ?? [], names, ctx.request.locale));
}

export async function supervisionTableQuery(ctx: Ctx, query: TSupervisionQuery) {
  const [{ rows, total }, summary] = await Promise.all([findEnterprises(ctx.tx, ctx.scope, query), countGaps(ctx.tx, ctx.scope, query)]);
  return { items: await presentRows(ctx, rows), total, page: query.page, pageSize: query.pageSize, summary, source: SUPERVISION_TABLE_SOURCE };
}

export const EXPORT_LIMIT = 50_000;

export async function supervisionTableAll(ctx: Ctx, query: TSupervisionQuery) {
  return presentRows(ctx, await allEnterprises(ctx.tx, ctx.scope, query, EXPORT_LIMIT));
}
