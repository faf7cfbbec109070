import { and, arrayContains, arrayOverlaps, asc, desc, eq, inArray, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { notification, setting } from '../../kernel/kernel.schema.js';
import { enterpriseScopeSql, isRegulatorScope, isTopGovernment, regionScopeSql, type Scope } from '../../kernel/scope/scope.js';
import { warning, warningFeed, warningTarget } from './warning.schema.js';

export type WarningRow = typeof warning.$inferSelect;
export type TargetRow = typeof warningTarget.$inferSelect;
export type FeedRow = typeof warningFeed.$inferSelect;

/**
 * The single scope gate of warnings: a regulator sees those anchored in its region subtree (issued there, or
 * imported by a unit there), every imported one (public alerts of other agencies), and any targeting an enterprise
 * it sees; an enterprise or group sees those targeting it.
 */
function visible(scope: Scope): SQL {
  const targets = sql`exists (select 1 from warning_target t where t.warning_id = ${warning.id} and ${enterpriseScopeSql(scope, {
    id: sql`t.enterprise_id`,
    regionPath: sql`t.region_path`,
    industry: sql`t.industry`,
    groupId: sql`t.group_id`,
  })})`;
  if (!isRegulatorScope(scope)) return targets;
  return sql`(${regionScopeSql(scope, warning.regionPath)} or ${warning.source} = 'imported' or ${targets})`;
}

export async function getWarning(ex: Executor, scope: Scope, id: string): Promise<WarningRow | undefined> {
  const [r] = await ex
    .select()
    .from(warning)
    .where(and(eq(warning.id, id), visible(scope)));
  return r;
}

/** Warnings in scope any of whose CAP identifiers is one of these (imports are idempotent by identifier; references). */
export function warningsByIdentifiers(ex: Executor, scope: Scope, identifiers: string[]): Promise<WarningRow[]> {
  if (!identifiers.length) return Promise.resolve([]);
  return ex
    .select()
    .from(warning)
    .where(and(arrayOverlaps(warning.identifiers, identifiers), visible(scope)))
    .limit(20);
}

/** Whether any stored warning, seen or not, ever carried this identifier (identifiers are unique platform-wide). */
export async function identifierTaken(ex: Executor, identifier: string): Promise<boolean> {
  const [r] = await ex
    .select({ id: warning.id })
    .from(warning)
    .where(arrayContains(warning.identifiers, [identifier]))
    .limit(1);
  return !!r;
}

/** A warning whose CAP message is public (the anonymous cap.xml endpoint). */
export async function publicWarning(ex: Executor, id: string): Promise<WarningRow | undefined> {
  const [r] = await ex
    .select()
    .from(warning)
    .where(and(eq(warning.id, id), eq(warning.capScope, 'Public')));
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
    sql`select max(substring(i from '_([0-9])$')::int) as n from warning w, unnest(w.identifiers) i where starts_with(i, ${prefix})`,
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

/** One target of a warning, if the scope sees that enterprise's row. */
export async function targetInScope(ex: Executor, scope: Scope, warningId: string, targetId: string): Promise<TargetRow | undefined> {
  const [r] = await ex
    .select()
    .from(warningTarget)
    .where(and(eq(warningTarget.id, targetId), eq(warningTarget.warningId, warningId), targetScope(scope)));
  return r;
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

// ---------------------------------------------------------------- feeds (each belongs to a unit)

/**
 * Feeds a regulator sees: those of units in its region subtree (so the units beside and above its own line read
 * theirs only when the subtree covers them); feeds recorded before units were (no region) only the top government.
 */
function feedVisible(scope: Scope): SQL {
  const own = regionScopeSql(scope, warningFeed.regionPath);
  return isTopGovernment(scope) ? (or(own, isNull(warningFeed.regionPath)) as SQL) : (and(isNotNull(warningFeed.regionPath), own) as SQL);
}

export function listFeeds(ex: Executor, scope: Scope): Promise<FeedRow[]> {
  return ex.select().from(warningFeed).where(feedVisible(scope)).orderBy(asc(warningFeed.createdAt));
}
export async function getFeed(ex: Executor, scope: Scope, id: string): Promise<FeedRow | undefined> {
  const [r] = await ex
    .select()
    .from(warningFeed)
    .where(and(eq(warningFeed.id, id), feedVisible(scope)));
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

// ---------------------------------------------------------------- settings

export async function readSetting(ex: Executor, key: string): Promise<unknown> {
  const [r] = await ex.select({ value: setting.value }).from(setting).where(eq(setting.key, key));
  return r?.value;
}
export async function writeSetting(ex: Executor, key: string, value: unknown): Promise<void> {
  await ex
    .insert(setting)
    .values({ key, value })
    .onConflictDoUpdate({ target: setting.key, set: { value, updatedAt: new Date() } });
}
