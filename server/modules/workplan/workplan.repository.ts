import { and, asc, desc, eq, gte, isNotNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { regionScopeSql, type Scope } from '../../kernel/scope/scope.js';
import { enterpriseInScope } from '../org/index.js';
import { activityRecord, plan, planItem } from './workplan.schema.js';

/** The only SQL on plans and registers. Registers are region-anchored: a unit sees its own region's. */

export type PlanRow = typeof plan.$inferSelect;
export type PlanItemRow = typeof planItem.$inferSelect;
export type ActivityRow = typeof activityRecord.$inferSelect;

export async function findPlanByDocument(ex: Executor, document: string) {
  const [p] = await ex.select().from(plan).where(eq(plan.document, document));
  return p;
}

export async function insertPlan(ex: Executor, values: typeof plan.$inferInsert): Promise<PlanRow> {
  const [p] = await ex.insert(plan).values(values).returning();
  return p as PlanRow;
}

export async function insertPlanItems(ex: Executor, rows: (typeof planItem.$inferInsert)[]) {
  if (rows.length) await ex.insert(planItem).values(rows).onConflictDoNothing();
}

export function listPlans(ex: Executor) {
  return ex.select().from(plan).orderBy(desc(plan.year));
}

export async function getPlan(ex: Executor, id: string) {
  const [p] = await ex.select().from(plan).where(eq(plan.id, id));
  return p;
}

export function listPlanItems(ex: Executor, planId: string) {
  return ex.select().from(planItem).where(eq(planItem.planId, planId)).orderBy(asc(planItem.number));
}

export async function getPlanItem(ex: Executor, id: string) {
  const [i] = await ex.select().from(planItem).where(eq(planItem.id, id));
  return i;
}

export async function insertActivity(ex: Executor, values: typeof activityRecord.$inferInsert): Promise<ActivityRow> {
  const [r] = await ex.insert(activityRecord).values(values).returning();
  return r as ActivityRow;
}

/**
 * A register entry is region-anchored (a regulator sees its region's) and, for enterprise registers, also the
 * enterprise's own record (an enterprise or group sees its enterprises' entries, through org's enterprise scope).
 */
function activityWhere(scope: Scope, kind: string, from: string, to: string): SQL {
  const own = or(
    regionScopeSql(scope, activityRecord.regionPath),
    and(isNotNull(activityRecord.enterpriseId), enterpriseInScope(scope, activityRecord.enterpriseId)),
  );
  return and(own, eq(activityRecord.kind, kind), gte(activityRecord.date, from), lte(activityRecord.date, to)) as SQL;
}

export function activitiesBetween(ex: Executor, scope: Scope, kind: string, from: string, to: string) {
  return ex
    .select()
    .from(activityRecord)
    .where(activityWhere(scope, kind, from, to))
    .orderBy(asc(activityRecord.date));
}

export async function pageActivities(ex: Executor, scope: Scope, kind: string, from: string, to: string, page: number, pageSize: number) {
  const w = activityWhere(scope, kind, from, to);
  const rows = await ex
    .select()
    .from(activityRecord)
    .where(w)
    .orderBy(desc(activityRecord.date), asc(activityRecord.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [c] = await ex.select({ n: sql<number>`count(*)::int` }).from(activityRecord).where(w);
  return { rows, total: c?.n ?? 0 };
}
