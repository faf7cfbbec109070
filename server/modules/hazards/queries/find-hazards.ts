import type { THazardListQuery } from '../../../../common/contracts/hazards.js';
import { toShanghaiDate } from '../../../../common/rules/calendar/working-days.js';
import type { Ctx } from '../../../kernel/context.js';
import { invalidField } from '../../../kernel/errors.js';
import { type Scope, scopeRegionPath } from '../../../kernel/scope/scope.js';
import { allRegions, findRegion } from '../../org/index.js';
import { presentHazardSummary, presentOverview } from '../hazard.presenter.js';
import { allHazards, findHazards, type HazardFilter, type HazardRow, listingsOf, overview } from '../hazard.repository.js';

/** Query string → repository filter; a region outside the caller's scope simply finds nothing. */
export async function filterOf(ctx: Ctx, q: Omit<THazardListQuery, 'page' | 'pageSize' | 'sort' | 'lang'>): Promise<HazardFilter> {
  const today = toShanghaiDate(ctx.clock.now());
  let regionPath: string | undefined;
  if (q.regionCode) {
    const r = await findRegion(ctx.tx, q.regionCode);
    if (!r) throw invalidField('regionCode', 'region');
    regionPath = r.path;
  }
  const endOfDay = (d: string) => new Date(new Date(`${d}T00:00:00+08:00`).getTime() + 86_400_000);
  return {
    q: q.q,
    status: q.status,
    grade: q.grade,
    source: q.source,
    enterpriseId: q.enterpriseId,
    industry: q.industry,
    regionPath,
    ...(q.overdue === 'true' ? { overdueOn: today } : q.overdue === 'false' ? { notOverdueOn: today } : {}),
    ...(q.listed ? { listed: q.listed === 'true' } : {}),
    from: q.from ? new Date(`${q.from}T00:00:00+08:00`) : undefined,
    to: q.to ? endOfDay(q.to) : undefined,
  };
}

async function present(ctx: Ctx, rows: HazardRow[]) {
  const today = toShanghaiDate(ctx.clock.now());
  const listings = await listingsOf(
    ctx.tx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentHazardSummary(r, today, listings.filter((l) => l.hazardId === r.id && l.status === 'open').length));
}

export async function findHazardsQuery(ctx: Ctx, q: THazardListQuery) {
  const { rows, total } = await findHazards(ctx.tx, ctx.scope, await filterOf(ctx, q), q.page, q.pageSize, q.sort);
  return { items: await present(ctx, rows), total, page: q.page, pageSize: q.pageSize };
}

/** Every row an export holds: exactly what the list shows with the same filters, bounded. */
export async function exportHazardsQuery(ctx: Ctx, q: THazardListQuery, limit = 50_000) {
  return present(ctx, await allHazards(ctx.tx, ctx.scope, await filterOf(ctx, q), limit, q.sort));
}

function basePath(scope: Scope, regionPath: string | undefined): string {
  if (regionPath) return regionPath;
  return scopeRegionPath(scope) ?? '';
}

/** The regulator's overview: totals, by status, by the next region level down, by industry. */
export async function hazardOverviewQuery(ctx: Ctx, q: Omit<THazardListQuery, 'page' | 'pageSize' | 'sort' | 'lang'>) {
  const f = await filterOf(ctx, q);
  const base = basePath(ctx.scope, f.regionPath);
  const depth = base.split('/').filter(Boolean).length;
  const r = await overview(ctx.tx, ctx.scope, f, toShanghaiDate(ctx.clock.now()), depth);
  const regions = new Map((await allRegions(ctx.tx)).map((x) => [x.code, x]));
  return presentOverview(r, regions);
}
