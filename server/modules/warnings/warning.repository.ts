import { and, arrayContains, asc, desc, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { notification } from '../../kernel/kernel.schema.js';
import { enterpriseScopeSql, type Scope } from '../../kernel/scope/scope.js';
import { warning, warningFeed, warningTarget } from './warning.schema.js';

export type WarningRow = typeof warning.$inferSelect;
export type TargetRow = typeof warningTarget.$inferSelect;
export type FeedRow = typeof warningFeed.$inferSelect;

/** The single scope gate of warnings: issued in the region subtree, imported, or targeting an enterprise in scope. */
function visible(scope: Scope): SQL {
  const targets = sql`exists (select 1 from warning_target t where t.warning_id = ${warning.id} and ${enterpriseScopeSql(scope, {
    id: sql`t.enterprise_id`,
    regionPath: sql`t.region_path`,
    industry: sql`t.industry`,
    groupId: sql`t.group_id`,
  })})`;
  switch (scope.kind) {
    case 'system':
      return sql`true`;
    case 'government':
    case 'industry':
      return sql`(${warning.regionPath} like ${`${scope.regionPath}%`} or ${warning.source} = 'imported' or ${targets})`;
    case 'enterprise':
    case 'group':
      return targets;
    default:
      return sql`false`;
  }
}

export async function getWarning(ex: Executor, scope: Scope, id: string): Promise<WarningRow | undefined> {
  const [r] = await ex
    .select()
    .from(warning)
    .where(and(eq(warning.id, id), visible(scope)));
  return r;
}

/** A warning any of whose CAP identifiers is this one (imports are idempotent by identifier). */
export async function warningByIdentifier(ex: Executor, scope: Scope, identifier: string): Promise<WarningRow | undefined> {
  const [r] = await ex
    .select()
    .from(warning)
    .where(and(arrayContains(warning.identifiers, [identifier]), visible(scope)));
  return r;
}

export interface WarningFilter {
  active?: boolean;
  level?: string;
  event?: string;
  source?: string;
  q?: string;
}

const activeSql = (now: Date) => sql`(${warning.state} = 'active' and (${warning.expires} is null or ${warning.expires} > ${now.toISOString()}))`;

function filters(scope: Scope, f: WarningFilter, now: Date): SQL | undefined {
  const w: SQL[] = [visible(scope)];
  if (f.active === true) w.push(activeSql(now));
  if (f.active === false) w.push(sql`not ${activeSql(now)}`);
  if (f.level) w.push(eq(warning.level, f.level));
  if (f.event) w.push(eq(warning.eventType, f.event));
  if (f.source) w.push(eq(warning.source, f.source));
  if (f.q) w.push(sql`(${warning.headline} ilike ${`%${f.q}%`} or ${warning.identifier} ilike ${`%${f.q}%`})`);
  return and(...w);
}

export async function findWarnings(ex: Executor, scope: Scope, f: WarningFilter, now: Date, page: number, pageSize: number) {
  const where = filters(scope, f, now);
  const items = await ex
    .select()
    .from(warning)
    .where(where)
    .orderBy(desc(warning.effective), desc(warning.createdAt))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [c] = await ex.select({ n: sql<number>`count(*)::int` }).from(warning).where(where);
  return { items, total: c?.n ?? 0 };
}

/** The public view (feed and CAP endpoints): active warnings whose CAP scope is Public. */
export function publicActiveWarnings(ex: Executor, now: Date, limit = 200): Promise<WarningRow[]> {
  return ex
    .select()
    .from(warning)
    .where(and(activeSql(now), eq(warning.capScope, 'Public'), eq(warning.capStatus, 'Actual')))
    .orderBy(desc(warning.effective))
    .limit(limit);
}

/** CAP messages this unit already used in one second (the N of the GB/T 35965.1 identifier): the highest N + 1. */
export async function nextSequence(ex: Executor, prefix: string): Promise<number> {
  const rows = await ex.execute<{ n: number | null }>(
    sql`select max(substring(i from '_([0-9])$')::int) as n from warning w, unnest(w.identifiers) i where i like ${`${prefix}%`}`,
  );
  const n = (rows as unknown as { rows: { n: number | null }[] }).rows?.[0]?.n ?? null;
  return n === null ? 0 : n + 1;
}

export async function insertWarning(ex: Executor, row: typeof warning.$inferInsert): Promise<WarningRow> {
  const [r] = await ex.insert(warning).values(row).returning();
  return r as WarningRow;
}

export async function updateWarning(ex: Executor, id: string, version: number, patch: Partial<typeof warning.$inferInsert>): Promise<boolean> {
  const r = await ex
    .update(warning)
    .set({ ...patch, version: version + 1 })
    .where(and(eq(warning.id, id), eq(warning.version, version)))
    .returning({ id: warning.id });
  return r.length === 1;
}

// ---------------------------------------------------------------- targets

export async function insertTargets(ex: Executor, rows: (typeof warningTarget.$inferInsert)[]): Promise<TargetRow[]> {
  if (!rows.length) return [];
  return ex.insert(warningTarget).values(rows).onConflictDoNothing().returning();
}

/** The enterprises a warning already targets (an update adds only the new ones). */
export async function targetEnterpriseIds(ex: Executor, warningId: string): Promise<Set<string>> {
  const rows = await ex.select({ id: warningTarget.enterpriseId }).from(warningTarget).where(eq(warningTarget.warningId, warningId));
  return new Set(rows.map((r) => r.id));
}

/** An update's new area: what the target matched through; the task changes only while it is unconfirmed. */
export async function refreshTarget(
  ex: Executor,
  warningId: string,
  enterpriseId: string,
  v: { matchedBecause: string[]; matchedObjects: unknown[]; taskText: string },
): Promise<void> {
  await ex
    .update(warningTarget)
    .set({
      matchedBecause: v.matchedBecause,
      matchedObjects: v.matchedObjects,
      taskText: sql`case when ${warningTarget.status} = 'sent' then ${v.taskText} else ${warningTarget.taskText} end`,
    })
    .where(and(eq(warningTarget.warningId, warningId), eq(warningTarget.enterpriseId, enterpriseId)));
}

/** Targets are enterprise rows: each viewer sees those of the enterprises in its scope. */
const targetScope = (scope: Scope) =>
  enterpriseScopeSql(scope, {
    id: warningTarget.enterpriseId,
    regionPath: warningTarget.regionPath,
    industry: warningTarget.industry,
    groupId: warningTarget.groupId,
  });

export function targetsOf(ex: Executor, warningId: string, scope: Scope): Promise<TargetRow[]> {
  return ex
    .select()
    .from(warningTarget)
    .where(and(eq(warningTarget.warningId, warningId), targetScope(scope)))
    .orderBy(asc(warningTarget.status), asc(warningTarget.enterpriseName));
}

export async function targetCounts(ex: Executor, scope: Scope, warningIds: string[]) {
  if (!warningIds.length) return new Map<string, { total: number; confirmed: number }>();
  const rows = await ex
    .select({
      warningId: warningTarget.warningId,
      total: sql<number>`count(*)::int`,
      confirmed: sql<number>`count(*) filter (where ${warningTarget.status} = 'confirmed')::int`,
    })
    .from(warningTarget)
    .where(and(inArray(warningTarget.warningId, warningIds), targetScope(scope)))
    .groupBy(warningTarget.warningId);
  return new Map(rows.map((r) => [r.warningId, { total: r.total, confirmed: r.confirmed }]));
}

export async function updateTarget(ex: Executor, id: string, patch: Partial<typeof warningTarget.$inferInsert>, expectStatus: string): Promise<boolean> {
  const r = await ex
    .update(warningTarget)
    .set(patch)
    .where(and(eq(warningTarget.id, id), eq(warningTarget.status, expectStatus)))
    .returning({ id: warningTarget.id });
  return r.length === 1;
}

/** Read receipts: which of the notifications were opened. */
export async function readNotificationIds(ex: Executor, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await ex
    .select({ id: notification.id })
    .from(notification)
    .where(and(inArray(notification.id, ids), isNotNull(notification.readAt)));
  return new Set(rows.map((r) => r.id));
}

// ---------------------------------------------------------------- feeds (platform-wide configuration)

export function listFeeds(ex: Executor): Promise<FeedRow[]> {
  return ex.select().from(warningFeed).orderBy(asc(warningFeed.createdAt));
}
export async function getFeed(ex: Executor, id: string): Promise<FeedRow | undefined> {
  const [r] = await ex.select().from(warningFeed).where(eq(warningFeed.id, id));
  return r;
}
export async function insertFeed(ex: Executor, row: typeof warningFeed.$inferInsert): Promise<FeedRow> {
  const [r] = await ex.insert(warningFeed).values(row).returning();
  return r as FeedRow;
}
export async function updateFeed(ex: Executor, id: string, patch: Partial<typeof warningFeed.$inferInsert>): Promise<FeedRow | undefined> {
  const [r] = await ex.update(warningFeed).set(patch).where(eq(warningFeed.id, id)).returning();
  return r;
}
export async function deleteFeed(ex: Executor, id: string): Promise<boolean> {
  return (await ex.delete(warningFeed).where(eq(warningFeed.id, id)).returning({ id: warningFeed.id })).length === 1;
}
/** URL feeds whose interval has passed. */
export function dueFeeds(ex: Executor, now: Date): Promise<FeedRow[]> {
  return ex
    .select()
    .from(warningFeed)
    .where(
      and(
        eq(warningFeed.enabled, true),
        eq(warningFeed.kind, 'url'),
        sql`(${warningFeed.lastFetchedAt} is null or ${warningFeed.lastFetchedAt} + make_interval(mins => ${warningFeed.intervalMinutes}) <= ${now.toISOString()})`,
      ),
    )
    .limit(100);
}
