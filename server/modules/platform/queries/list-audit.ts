import { and, desc, eq, gte, ilike, lte, type SQL, sql } from 'drizzle-orm';
import type { TAuditListQuery } from '../../../../common/contracts/platform.js';
import { auditEntityLabels } from '../../../kernel/audit/labels.js';
import type { Ctx } from '../../../kernel/context.js';
import { auditLog } from '../../../kernel/kernel.schema.js';
import { presentAuditRow } from '../platform.presenter.js';
import { PLATFORM_AUDIT_LABELS } from './audit-labels.js';

/** The audit log, newest first, filtered; each row with its entity's label (kernel/audit/labels.ts). */
export async function listAuditQuery(ctx: Ctx, query: TAuditListQuery) {
  const where: (SQL | undefined)[] = [];
  if (query.action) where.push(eq(auditLog.action, query.action));
  if (query.entityType) where.push(eq(auditLog.entityType, query.entityType));
  if (query.actor) where.push(ilike(auditLog.actorName, `%${query.actor}%`));
  if (query.q)
    where.push(sql`(${auditLog.entityId} = ${query.q} or ${auditLog.action} ilike ${`%${query.q}%`} or ${auditLog.actorName} ilike ${`%${query.q}%`})`);
  // Dates are Beijing calendar days.
  if (query.from) where.push(gte(auditLog.at, new Date(`${query.from}T00:00:00+08:00`)));
  if (query.to) where.push(lte(auditLog.at, new Date(`${query.to}T23:59:59.999+08:00`)));
  const w = where.length ? and(...where) : undefined;
  const [rows, [c]] = await Promise.all([
    ctx.tx
      .select()
      .from(auditLog)
      .where(w)
      .orderBy(desc(auditLog.seq))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    ctx.tx.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(w),
  ]);
  const labels = await auditEntityLabels(ctx.tx, rows, ctx.request.locale, PLATFORM_AUDIT_LABELS);
  return {
    items: rows.map((r, i) => presentAuditRow(r, labels[i] ?? null)),
    total: c?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
