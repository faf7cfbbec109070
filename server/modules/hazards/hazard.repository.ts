import { and, asc, desc, eq, gte, ilike, inArray, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { enterpriseScopeSql, regionPrefixSql, regionScopeSql, type Scope } from '../../kernel/scope/scope.js';
import { hazard, hazardCodeSeq, hazardListEntry, hazardListing, hazardStatsNotice, hazardStatsReport, hazardTransition } from './hazard.schema.js';

/** The only SQL on the hazard tables; every read takes a Scope. */

export type HazardRow = typeof hazard.$inferSelect;
export type ListingRow = typeof hazardListing.$inferSelect;
export type TransitionRow = typeof hazardTransition.$inferSelect;
export type ListEntryRow = typeof hazardListEntry.$inferSelect;
export type StatsReportRow = typeof hazardStatsReport.$inferSelect;

/** The enterprise scope on the hazard's own copies of the enterprise's anchors (no join). */
export function hazardScopeSql(scope: Scope): SQL {
  return enterpriseScopeSql(scope, { id: hazard.enterpriseId, regionPath: hazard.regionPath, industry: hazard.industry, groupId: hazard.groupId });
}

const HAZARD_ID = sql.raw('"hazard"."id"');
const RUNNING = sql`${hazard.status} in ('confirmed', 'rectifying')`;

export interface HazardFilter {
  q?: string;
  status?: string;
  grade?: string;
  source?: string;
  enterpriseId?: string;
  regionPath?: string;
  industry?: string;
  /** Overdue as of this Beijing civil date: the deadline has passed while rectification runs. */
  overdueOn?: string;
  notOverdueOn?: string;
  listed?: boolean;
  from?: Date;
  to?: Date;
  ids?: string[];
}

/** The scope and the list filters as one condition (the overview's reference test reads it too). */
export function hazardWhere(scope: Scope, f: HazardFilter): SQL {
  const w: (SQL | undefined)[] = [hazardScopeSql(scope)];
  if (f.q)
    w.push(or(ilike(hazard.title, `%${f.q}%`), ilike(hazard.code, `%${f.q}%`), ilike(hazard.enterpriseName, `%${f.q}%`), ilike(hazard.location, `%${f.q}%`)));
  if (f.status === 'open') w.push(sql`${hazard.status} not in ('closed', 'rejected')`);
  else if (f.status) w.push(eq(hazard.status, f.status));
  if (f.grade) w.push(eq(hazard.grade, f.grade));
  if (f.source) w.push(eq(hazard.source, f.source));
  if (f.enterpriseId) w.push(eq(hazard.enterpriseId, f.enterpriseId));
  if (f.regionPath) w.push(regionPrefixSql(hazard.regionPath, f.regionPath));
  if (f.industry) w.push(eq(hazard.industry, f.industry));
  if (f.overdueOn) w.push(and(RUNNING, lt(hazard.deadline, f.overdueOn)));
  if (f.notOverdueOn) w.push(sql`not (${RUNNING} and ${hazard.deadline} < ${f.notOverdueOn})`);
  if (f.listed !== undefined)
    w.push(sql`${f.listed ? sql`` : sql`not`} exists (select 1 from hazard_listing l where l.hazard_id = ${HAZARD_ID} and l.status = 'open')`);
  if (f.from) w.push(gte(hazard.createdAt, f.from));
  if (f.to) w.push(lt(hazard.createdAt, f.to));
  if (f.ids) w.push(inArray(hazard.id, f.ids.length ? f.ids : ['00000000-0000-0000-0000-000000000000']));
  return and(...w) as SQL;
}

const SORTS = { createdAt: hazard.createdAt, deadline: hazard.deadline, foundAt: hazard.foundAt, code: hazard.code } as const;

function orderOf(sort: string | undefined) {
  const [field, dir] = (sort ?? 'createdAt:desc').split(':') as [keyof typeof SORTS, 'asc' | 'desc'];
  const col = SORTS[field] ?? hazard.createdAt;
  // Only the deadline can be null; the other columns sort plainly so their indexes serve the page.
  const nulls = col === hazard.deadline ? sql` nulls last` : sql``;
  return [dir === 'asc' ? sql`${col} asc${nulls}` : sql`${col} desc${nulls}`, desc(hazard.id)];
}

export async function findHazards(ex: Executor, scope: Scope, f: HazardFilter, page: number, pageSize: number, sort?: string) {
  const w = hazardWhere(scope, f);
  const rows = await ex
    .select()
    .from(hazard)
    .where(w)
    .orderBy(...orderOf(sort))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [c] = await ex.select({ n: sql<number>`count(*)::int` }).from(hazard).where(w);
  return { rows, total: c?.n ?? 0 };
}

export function allHazards(ex: Executor, scope: Scope, f: HazardFilter, limit: number, sort?: string) {
  return ex
    .select()
    .from(hazard)
    .where(hazardWhere(scope, f))
    .orderBy(...orderOf(sort))
    .limit(limit);
}

export async function countHazards(ex: Executor, scope: Scope, f: HazardFilter): Promise<number> {
  const [c] = await ex.select({ n: sql<number>`count(*)::int` }).from(hazard).where(hazardWhere(scope, f));
  return c?.n ?? 0;
}

export async function getHazard(ex: Executor, scope: Scope, id: string): Promise<HazardRow | undefined> {
  const [row] = await ex
    .select()
    .from(hazard)
    .where(and(eq(hazard.id, id), hazardScopeSql(scope)));
  return row;
}

/** Reads and row-locks a hazard in scope for a write (concurrent steps wait instead of racing). */
export async function lockHazard(ex: Executor, scope: Scope, id: string): Promise<HazardRow | undefined> {
  const [row] = await ex
    .select()
    .from(hazard)
    .where(and(eq(hazard.id, id), hazardScopeSql(scope)))
    .for('update');
  return row;
}

/** Locks a whole id set; the caller compares the count to refuse a batch with anything out of scope. */
export function lockHazards(ex: Executor, scope: Scope, ids: string[]) {
  return ex
    .select()
    .from(hazard)
    .where(and(inArray(hazard.id, ids), hazardScopeSql(scope)))
    .orderBy(asc(hazard.id))
    .for('update');
}

export async function nextHazardCode(ex: Executor, year: number): Promise<string> {
  const [r] = await ex.select({ n: sql<string>`nextval(${sql.raw(`'${hazardCodeSeq.seqName}'`)})::text` }).from(sql`(select 1) as one`);
  return `YH${year}${String(r?.n ?? '0').padStart(7, '0')}`;
}

export async function insertHazard(ex: Executor, values: typeof hazard.$inferInsert): Promise<HazardRow> {
  const [row] = await ex.insert(hazard).values(values).returning();
  return row as HazardRow;
}

export async function updateHazard(ex: Executor, id: string, values: Partial<typeof hazard.$inferInsert>) {
  await ex
    .update(hazard)
    .set({ ...values, version: sql`${hazard.version} + 1` })
    .where(eq(hazard.id, id));
}

export async function insertTransition(ex: Executor, values: typeof hazardTransition.$inferInsert) {
  await ex.insert(hazardTransition).values(values);
}

export function transitionsOf(ex: Executor, hazardId: string) {
  return ex.select().from(hazardTransition).where(eq(hazardTransition.hazardId, hazardId)).orderBy(asc(hazardTransition.seq));
}

/** Open hazards of an enterprise, newest first, for the duplicate hint (bounded). */
export function openHazardsOf(ex: Executor, scope: Scope, enterpriseId: string, limit: number) {
  return ex
    .select({
      id: hazard.id,
      code: hazard.code,
      title: hazard.title,
      description: hazard.description,
      location: hazard.location,
      status: hazard.status,
      createdAt: hazard.createdAt,
    })
    .from(hazard)
    .where(and(eq(hazard.enterpriseId, enterpriseId), sql`${hazard.status} not in ('closed', 'rejected')`, hazardScopeSql(scope)))
    .orderBy(desc(hazard.createdAt))
    .limit(limit);
}

// ---- 挂牌督办 ----

export async function insertListing(ex: Executor, values: typeof hazardListing.$inferInsert): Promise<ListingRow> {
  const [row] = await ex.insert(hazardListing).values(values).returning();
  return row as ListingRow;
}

export function listingsOf(ex: Executor, hazardIds: string[]) {
  if (!hazardIds.length) return Promise.resolve([] as ListingRow[]);
  return ex.select().from(hazardListing).where(inArray(hazardListing.hazardId, hazardIds)).orderBy(asc(hazardListing.listedAt));
}

export async function openListingOf(ex: Executor, hazardId: string, departmentId: string): Promise<ListingRow | undefined> {
  const [row] = await ex
    .select()
    .from(hazardListing)
    .where(and(eq(hazardListing.hazardId, hazardId), eq(hazardListing.departmentId, departmentId), eq(hazardListing.status, 'open')))
    .for('update');
  return row;
}

export async function updateListing(ex: Executor, id: string, values: Partial<typeof hazardListing.$inferInsert>) {
  await ex.update(hazardListing).set(values).where(eq(hazardListing.id, id));
}

/** 挂牌督办清单: listings of hazards in scope, with the hazard's progress. */
export async function findListings(ex: Executor, scope: Scope, f: { status?: string; q?: string }, page: number, pageSize: number) {
  const w = and(
    hazardScopeSql(scope),
    f.status ? eq(hazardListing.status, f.status) : undefined,
    f.q ? or(ilike(hazard.title, `%${f.q}%`), ilike(hazard.enterpriseName, `%${f.q}%`), ilike(hazard.code, `%${f.q}%`)) : undefined,
  );
  const rows = await ex
    .select({ listing: hazardListing, hazard })
    .from(hazardListing)
    .innerJoin(hazard, eq(hazard.id, hazardListing.hazardId))
    .where(w)
    .orderBy(desc(hazardListing.listedAt))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [c] = await ex.select({ n: sql<number>`count(*)::int` }).from(hazardListing).innerJoin(hazard, eq(hazard.id, hazardListing.hazardId)).where(w);
  return { rows, total: c?.n ?? 0 };
}

// ---- deadlines ----

/**
 * Running hazards the sweep has work on: overdue and not yet at the top escalation level, or due by
 * `until` and not yet reminded of this deadline. Oldest deadline first, bounded.
 */
export function hazardsToSweep(ex: Executor, scope: Scope, today: string, until: string, limit: number) {
  return ex
    .select()
    .from(hazard)
    .where(
      and(
        hazardScopeSql(scope),
        RUNNING,
        lte(hazard.deadline, until),
        or(
          and(lt(hazard.deadline, today), lt(hazard.escalation, 3)),
          and(gte(hazard.deadline, today), sql`${hazard.remindedFor} is distinct from 'deadline@' || ${hazard.deadline}::text`),
        ),
      ),
    )
    .orderBy(asc(hazard.deadline), asc(hazard.id))
    .limit(limit);
}

/** Major hazards in scope awaiting the regulator's on-site review past its due date, not yet flagged. */
export function reviewsOverdue(ex: Executor, scope: Scope, today: string, limit: number) {
  return ex
    .select()
    .from(hazard)
    .where(
      and(
        hazardScopeSql(scope),
        eq(hazard.status, 'verified'),
        lt(hazard.reviewDue, today),
        or(isNull(hazard.remindedFor), sql`${hazard.remindedFor} not like 'review@%'`),
      ),
    )
    .orderBy(asc(hazard.reviewDue))
    .limit(limit);
}

// ---- overview ----

export interface OverviewCounts {
  total: number;
  open: number;
  major: number;
  majorOpen: number;
  closed: number;
  overdue: number;
  unconfirmed: number;
}

/** OverviewCounts over the groups of `overview` (its columns status, grade, overdue and n). */
const GROUP_MEASURES = sql.raw(`
  coalesce(sum(n), 0)::int as total,
  coalesce(sum(n) filter (where status not in ('closed', 'rejected')), 0)::int as open,
  coalesce(sum(n) filter (where grade = 'major'), 0)::int as major,
  coalesce(sum(n) filter (where grade = 'major' and status not in ('closed', 'rejected')), 0)::int as "majorOpen",
  coalesce(sum(n) filter (where status = 'closed'), 0)::int as closed,
  coalesce(sum(n) filter (where overdue), 0)::int as overdue,
  coalesce(sum(n) filter (where status = 'reported'), 0)::int as unconfirmed`);

/**
 * Counts by status and grade, overdue, listed; and the same by child region and by industry.
 * One pass over the scope: its hazards are grouped by (child region, industry, status, grade,
 * overdue), a few hundred groups, which GROUPING SETS then roll up into the totals and the three
 * breakdowns; reading the scope once per breakdown cost 3–4 times as much (bench/README.md).
 */
export async function overview(ex: Executor, scope: Scope, f: HazardFilter, today: string, childDepth: number) {
  const w = hazardWhere(scope, f);
  const grouped = await ex.execute(sql`
    with g as (
      select split_part(${hazard.regionPath}, '/', ${childDepth + 2}) as region, ${hazard.industry} as industry, ${hazard.status} as status,
        ${hazard.grade} as grade, coalesce(${RUNNING} and ${hazard.deadline} < ${today}, false) as overdue, count(*) as n
      from ${hazard} where ${w} group by 1, 2, 3, 4, 5
    )
    select grouping(region, industry, status) as rolled_up, region, industry, status, ${GROUP_MEASURES}
    from g group by grouping sets ((), (status), (region), (industry))
    order by 1 desc, region, total desc, industry`);
  const listed = await ex.execute(
    sql`select count(distinct l.hazard_id)::int as n from hazard_listing l join ${hazard} on ${hazard.id} = l.hazard_id where l.status = 'open' and ${w}`,
  );
  // rolled_up = grouping(region, industry, status): one bit for each column summed over.
  type Row = OverviewCounts & { rolled_up: number; region: string; industry: string; status: string };
  const rows = (grouped as unknown as { rows: Row[] }).rows.map(({ rolled_up, region, industry, status, ...counts }) => ({
    rolledUp: rolled_up,
    key: { region, industry, status },
    counts,
  }));
  const set = (rolledUp: number) => rows.filter((r) => r.rolledUp === rolledUp);
  return {
    totals: set(0b111)[0]?.counts ?? { total: 0, open: 0, major: 0, majorOpen: 0, closed: 0, overdue: 0, unconfirmed: 0 },
    byStatus: set(0b110).map((r) => ({ key: r.key.status, n: r.counts.total })),
    byRegion: set(0b011).map((r) => ({ key: r.key.region, ...r.counts })),
    byIndustry: set(0b101).map((r) => ({ key: r.key.industry, ...r.counts })),
    listedOpen: (listed as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0,
  };
}

// ---- statistics (Art. 14) ----

export interface PeriodFigures {
  found: number;
  majorFound: number;
  rectified: number;
  majorRectified: number;
  openAtEnd: number;
  majorOpenAtEnd: number;
  majorFundsYuan: number;
}

/** The figures of an enterprise's statistics table for [from, to) (instants) and its end date. */
export async function periodFigures(ex: Executor, enterpriseId: string, from: Date, to: Date) {
  const r = await ex.execute(sql`
    select
      count(*) filter (where ${hazard.createdAt} >= ${from.toISOString()}::timestamptz and ${hazard.createdAt} < ${to.toISOString()}::timestamptz and ${hazard.status} <> 'rejected')::int as found,
      count(*) filter (where ${hazard.createdAt} >= ${from.toISOString()}::timestamptz and ${hazard.createdAt} < ${to.toISOString()}::timestamptz and ${hazard.grade} = 'major')::int as "majorFound",
      count(*) filter (where ${hazard.closedAt} >= ${from.toISOString()}::timestamptz and ${hazard.closedAt} < ${to.toISOString()}::timestamptz)::int as rectified,
      count(*) filter (where ${hazard.closedAt} >= ${from.toISOString()}::timestamptz and ${hazard.closedAt} < ${to.toISOString()}::timestamptz and ${hazard.grade} = 'major')::int as "majorRectified",
      count(*) filter (where ${hazard.createdAt} < ${to.toISOString()}::timestamptz and ${hazard.status} <> 'rejected' and (${hazard.closedAt} is null or ${hazard.closedAt} >= ${to.toISOString()}::timestamptz))::int as "openAtEnd",
      count(*) filter (where ${hazard.createdAt} < ${to.toISOString()}::timestamptz and ${hazard.grade} = 'major' and ${hazard.status} <> 'rejected' and (${hazard.closedAt} is null or ${hazard.closedAt} >= ${to.toISOString()}::timestamptz))::int as "majorOpenAtEnd",
      coalesce(sum((${hazard.plan}->>'fundsYuan')::numeric) filter (where ${hazard.createdAt} < ${to.toISOString()}::timestamptz and ${hazard.grade} = 'major'), 0)::float8 as "majorFundsYuan"
    from ${hazard} where ${hazard.enterpriseId} = ${enterpriseId}`);
  return (r as unknown as { rows: PeriodFigures[] }).rows[0] as PeriodFigures;
}

export async function statsReportOf(ex: Executor, enterpriseId: string, period: string) {
  const [row] = await ex
    .select()
    .from(hazardStatsReport)
    .where(and(eq(hazardStatsReport.enterpriseId, enterpriseId), eq(hazardStatsReport.period, period)));
  return row;
}

export async function insertStatsReport(ex: Executor, values: typeof hazardStatsReport.$inferInsert) {
  const [row] = await ex.insert(hazardStatsReport).values(values).onConflictDoNothing().returning();
  return row;
}

export function statsReportsFor(ex: Executor, enterpriseIds: string[], period: string) {
  if (!enterpriseIds.length) return Promise.resolve([] as StatsReportRow[]);
  return ex
    .select()
    .from(hazardStatsReport)
    .where(and(inArray(hazardStatsReport.enterpriseId, enterpriseIds), eq(hazardStatsReport.period, period)));
}

/** Records that a regulator was told of a period's overdue statistics; false when it already was. */
export async function markStatsNotice(ex: Executor, period: string, departmentId: string, at: Date): Promise<boolean> {
  const r = await ex.insert(hazardStatsNotice).values({ period, departmentId, sentAt: at }).onConflictDoNothing().returning();
  return r.length > 0;
}

// ---- 制度措施清单 / 追责问责清单 ----

export async function findListEntries(ex: Executor, scope: Scope, kind: string, q: string | undefined, page: number, pageSize: number) {
  const w = and(
    eq(hazardListEntry.kind, kind),
    regionScopeSql(scope, hazardListEntry.regionPath),
    q ? or(ilike(hazardListEntry.title, `%${q}%`), ilike(hazardListEntry.unitName, `%${q}%`), ilike(hazardListEntry.content, `%${q}%`)) : undefined,
  );
  const rows = await ex
    .select()
    .from(hazardListEntry)
    .where(w)
    .orderBy(desc(hazardListEntry.date), desc(hazardListEntry.createdAt))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [c] = await ex.select({ n: sql<number>`count(*)::int` }).from(hazardListEntry).where(w);
  return { rows, total: c?.n ?? 0 };
}

export async function getListEntry(ex: Executor, scope: Scope, kind: string, id: string) {
  const [row] = await ex
    .select()
    .from(hazardListEntry)
    .where(and(eq(hazardListEntry.id, id), eq(hazardListEntry.kind, kind), regionScopeSql(scope, hazardListEntry.regionPath)));
  return row;
}

export async function insertListEntry(ex: Executor, values: typeof hazardListEntry.$inferInsert) {
  const [row] = await ex.insert(hazardListEntry).values(values).returning();
  return row as ListEntryRow;
}

export async function updateListEntry(ex: Executor, id: string, values: Partial<typeof hazardListEntry.$inferInsert>) {
  await ex.update(hazardListEntry).set(values).where(eq(hazardListEntry.id, id));
}

export async function deleteListEntry(ex: Executor, id: string) {
  await ex.delete(hazardListEntry).where(eq(hazardListEntry.id, id));
}

/** Hazards (in scope) by id, for the links of list entries. */
export function hazardsByIds(ex: Executor, scope: Scope, ids: string[]) {
  if (!ids.length) return Promise.resolve([] as { id: string; code: string; title: string }[]);
  return ex
    .select({ id: hazard.id, code: hazard.code, title: hazard.title })
    .from(hazard)
    .where(and(inArray(hazard.id, ids), hazardScopeSql(scope)));
}
