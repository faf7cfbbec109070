import { toShanghaiDate } from '../../../../common/rules/calendar/working-days.js';
import type { Ctx } from '../../../kernel/context.js';
import { presentHazardSummary, presentListing } from '../hazard.presenter.js';
import { findListEntries, findListings, hazardsByIds, type ListEntryRow } from '../hazard.repository.js';

/** 挂牌督办清单: every listing in scope with the listed hazard's progress. */
export async function listingsQuery(ctx: Ctx, q: { status?: 'open' | 'closed'; q?: string; page: number; pageSize: number }) {
  const { rows, total } = await findListings(ctx.tx, ctx.scope, q, q.page, q.pageSize);
  const today = toShanghaiDate(ctx.clock.now());
  return {
    items: rows.map((r) => ({
      ...presentListing(r.listing),
      overdue: r.listing.status === 'open' && r.listing.deadline < today,
      hazard: presentHazardSummary(r.hazard, today, r.listing.status === 'open' ? 1 : 0),
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export function presentListEntry(r: ListEntryRow, hazards: { id: string; code: string; title: string }[], actorDepartmentId: string | null) {
  return {
    id: r.id,
    kind: r.kind,
    departmentName: r.departmentName,
    title: r.title,
    content: r.content,
    unitName: r.unitName,
    person: r.person,
    documentNumber: r.documentNumber,
    date: r.date,
    hazards: r.hazardIds.map((id) => hazards.find((h) => h.id === id)).filter((h): h is { id: string; code: string; title: string } => !!h),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    editable: r.departmentId === actorDepartmentId,
  };
}

/** 制度措施清单 / 追责问责清单 entries in scope (linked hazards the reader cannot see are left out). */
export async function listEntriesQuery(ctx: Ctx, kind: string, q: { q?: string; page: number; pageSize: number }) {
  const { rows, total } = await findListEntries(ctx.tx, ctx.scope, kind, q.q, q.page, q.pageSize);
  const hazards = await hazardsByIds(ctx.tx, ctx.scope, [...new Set(rows.flatMap((r) => r.hazardIds))]);
  return { items: rows.map((r) => presentListEntry(r, hazards, ctx.actor.departmentId)), total, page: q.page, pageSize: q.pageSize };
}
