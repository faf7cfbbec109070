import { toShanghaiDate } from '../../../../common/rules/calendar/working-days.js';
import type { Ctx } from '../../../kernel/context.js';
import { presentListEntry, presentListingRow } from '../hazard.presenter.js';
import { findListEntries, findListings, hazardsByIds } from '../hazard.repository.js';

/** 挂牌督办清单: every listing in scope with the listed hazard's progress. */
export async function listingsQuery(ctx: Ctx, q: { status?: 'open' | 'closed'; q?: string; page: number; pageSize: number }) {
  const { rows, total } = await findListings(ctx.tx, ctx.scope, q, q.page, q.pageSize);
  const today = toShanghaiDate(ctx.clock.now());
  return { items: rows.map((r) => presentListingRow(r.listing, r.hazard, today)), total, page: q.page, pageSize: q.pageSize };
}

/** 制度措施清单 / 追责问责清单 entries in scope (linked hazards the reader cannot see are left out). */
export async function listEntriesQuery(ctx: Ctx, kind: string, q: { q?: string; page: number; pageSize: number }) {
  const { rows, total } = await findListEntries(ctx.tx, ctx.scope, kind, q.q, q.page, q.pageSize);
  const hazards = await hazardsByIds(ctx.tx, ctx.scope, [...new Set(rows.flatMap((r) => r.hazardIds))]);
  return { items: rows.map((r) => presentListEntry(r, hazards, ctx.actor.departmentId)), total, page: q.page, pageSize: q.pageSize };
}
