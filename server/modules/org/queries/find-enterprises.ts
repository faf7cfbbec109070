import type { TEnterpriseListQuery } from '../../../../common/contracts/org.js';
import type { Ctx } from '../../../kernel/context.js';
import { presentEnterpriseSummary, RegionNames } from '../org.presenter.js';
import { findEnterprises, listRegions } from '../org.repository.js';

export async function findEnterprisesQuery(ctx: Ctx, query: TEnterpriseListQuery) {
  const [{ rows, total }, regions] = await Promise.all([findEnterprises(ctx.tx, ctx.scope, query), listRegions(ctx.tx)]);
  const names = new RegionNames(regions, ctx.request.locale);
  return { items: rows.map((r) => presentEnterpriseSummary(r, names)), total, page: query.page, pageSize: query.pageSize };
}
