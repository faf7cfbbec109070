import type { Ctx } from '../../../kernel/context.js';
import { presentChangeRequest } from '../monitoring.presenter.js';
import { type ChangeRequestFilter, findChangeRequests } from '../monitoring.repository.js';

/** 放宽/停用申请 in scope (the supervising department's queue; the enterprise's own with their status). */
export async function listChangeRequests(ctx: Ctx, q: ChangeRequestFilter & { page: number; pageSize: number }) {
  const { rows, total } = await findChangeRequests(ctx.tx, ctx.scope, q, q.page, q.pageSize);
  return { items: rows.map((r) => presentChangeRequest(r, ctx.actor)), total, page: q.page, pageSize: q.pageSize };
}
