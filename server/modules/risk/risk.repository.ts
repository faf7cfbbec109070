import { and, asc, desc, eq, ilike, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { setting } from '../../kernel/kernel.schema.js';
import type { Scope } from '../../kernel/scope/scope.js';
import { enterpriseIndustrySql, enterpriseInScope, enterpriseMatches, enterpriseNameSql, enterpriseRegionSegmentSql } from '../org/index.js';
import { majorHazardSource, riskPoint, riskPointReview, riskReport, riskReportRecipient, tailingsPond, tailingsPondReport } from './risk.schema.js';

/** The only SQL on the risk tables; every read takes a Scope, applied through the owning enterprise. */

export type RiskPointRow = typeof riskPoint.$inferSelect;
export type MajorHazardRow = typeof majorHazardSource.$inferSelect;
export type RiskPointReviewRow = typeof riskPointReview.$inferSelect;
export type RiskReportRow = typeof riskReport.$inferSelect;
export type RecipientRow = typeof riskReportRecipient.$inferSelect;
export type TailingsPondRow = typeof tailingsPond.$inferSelect;
export type TailingsPondReportRow = typeof tailingsPondReport.$inferSelect;

/** The owning enterprise lies in the scope (a department sees only enterprises it supervises): org's enterprise join. */
const inScope = enterpriseInScope;
/** Region (any level) and industry filters through the owning enterprise. */
const enterpriseFilter = enterpriseMatches;
const enterpriseName = enterpriseNameSql;

// ---- settings ----

export async function readSetting(ex: Executor, key: string): Promise<unknown> {
  const [row] = await ex.select().from(setting).where(eq(setting.key, key));
  return row?.value;
}

export async function writeSetting(ex: Executor, key: string, value: unknown, at: Date): Promise<void> {
  await ex
    .insert(setting)
    .values({ key, value, updatedAt: at })
    .onConflictDoUpdate({ target: setting.key, set: { value, updatedAt: at } });
}

// ---- risk points ----

export interface RiskPointFilter {
  q?: string;
  enterpriseId?: string;
  regionCode?: string;
  industry?: string;
  level?: number;
  controlLevel?: string;
  /** Review due before this civil date (YYYY-MM-DD): overdue. */
  reviewDueBefore?: string;
}

function riskWhere(scope: Scope, f: RiskPointFilter): SQL {
  const w: (SQL | undefined)[] = [inScope(scope, riskPoint.enterpriseId)];
  if (f.q) w.push(or(ilike(riskPoint.name, `%${f.q}%`), ilike(riskPoint.code, `%${f.q}%`), ilike(riskPoint.hazardFactors, `%${f.q}%`)));
  if (f.enterpriseId) w.push(eq(riskPoint.enterpriseId, f.enterpriseId));
  if (f.level) w.push(eq(riskPoint.level, f.level));
  if (f.controlLevel) w.push(eq(riskPoint.controlLevel, f.controlLevel));
  if (f.reviewDueBefore) w.push(sql`${riskPoint.reviewDue} < ${f.reviewDueBefore}`);
  w.push(enterpriseFilter(riskPoint.enterpriseId, f));
  return and(...w) as SQL;
}

const RISK_SORTS: Record<string, SQL | unknown> = {
  level: riskPoint.level,
  score: riskPoint.score,
  reviewDue: riskPoint.reviewDue,
  name: riskPoint.name,
  code: riskPoint.code,
  updatedAt: riskPoint.updatedAt,
};

function orderOf(sort: string | undefined, sorts: Record<string, SQL | unknown>, fallback: SQL[]): SQL[] {
  if (!sort) return fallback;
  const [field, dir] = sort.split(':');
  const col = sorts[field ?? ''];
  if (!col) return fallback;
  return [dir === 'desc' ? desc(col as SQL) : asc(col as SQL), ...fallback];
}

export async function findRiskPoints(ex: Executor, scope: Scope, f: RiskPointFilter, page: number, pageSize: number, sort?: string) {
  const w = riskWhere(scope, f);
  const rows = await ex
    .select({ p: riskPoint, enterpriseName: enterpriseName(riskPoint.enterpriseId) })
    .from(riskPoint)
    .where(w)
    .orderBy(...orderOf(sort, RISK_SORTS, [asc(riskPoint.level), desc(riskPoint.score), asc(riskPoint.id)]))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [c] = await ex.select({ n: sql<number>`count(*)::int` }).from(riskPoint).where(w);
  return { rows, total: c?.n ?? 0 };
}

export async function getRiskPoint(ex: Executor, scope: Scope, id: string) {
  const [row] = await ex
    .select({ p: riskPoint, enterpriseName: enterpriseName(riskPoint.enterpriseId) })
    .from(riskPoint)
    .where(and(eq(riskPoint.id, id), inScope(scope, riskPoint.enterpriseId)));
  return row;
}

export async function lockRiskPoint(ex: Executor, scope: Scope, id: string): Promise<RiskPointRow | undefined> {
  const [row] = await ex
    .select()
    .from(riskPoint)
    .where(and(eq(riskPoint.id, id), inScope(scope, riskPoint.enterpriseId)))
    .for('update');
  return row;
}

export async function insertRiskPoint(ex: Executor, values: typeof riskPoint.$inferInsert): Promise<RiskPointRow> {
  const [row] = await ex.insert(riskPoint).values(values).returning();
  return row as RiskPointRow;
}

export async function updateRiskPoint(ex: Executor, id: string, values: Partial<typeof riskPoint.$inferInsert>) {
  await ex
    .update(riskPoint)
    .set({ ...values, version: sql`${riskPoint.version} + 1` })
    .where(eq(riskPoint.id, id));
}

/** Sweep bookkeeping: no version bump (an edit in flight is not made stale by a reminder). */
export async function markRiskPoint(ex: Executor, id: string, values: { remindedFor?: string; overdueFlaggedFor?: string }) {
  await ex.update(riskPoint).set(values).where(eq(riskPoint.id, id));
}

export async function nextCode(ex: Executor, table: 'risk_point' | 'major_hazard_source' | 'tailings_pond', enterpriseId: string): Promise<number> {
  const t = table === 'risk_point' ? riskPoint : table === 'major_hazard_source' ? majorHazardSource : tailingsPond;
  const [r] = await ex.select({ n: sql<number>`count(*)::int` }).from(t).where(eq(t.enterpriseId, enterpriseId));
  return (r?.n ?? 0) + 1;
}

export async function insertReview(ex: Executor, values: typeof riskPointReview.$inferInsert) {
  await ex.insert(riskPointReview).values(values);
}

export function listReviews(ex: Executor, riskPointId: string) {
  return ex.select().from(riskPointReview).where(eq(riskPointReview.riskPointId, riskPointId)).orderBy(asc(riskPointReview.at));
}

/** The sweep (the system's scope): risk points in scope whose review falls due by `horizon` (a civil date) and not yet handled for that date. */
export function riskPointsToSweep(ex: Executor, scope: Scope, horizon: string, today: string, limit: number) {
  return ex
    .select()
    .from(riskPoint)
    .where(
      and(
        inScope(scope, riskPoint.enterpriseId),
        lte(riskPoint.reviewDue, horizon),
        or(
          isNull(riskPoint.remindedFor),
          sql`${riskPoint.remindedFor} <> ${riskPoint.reviewDue}::text`,
          and(
            sql`${riskPoint.reviewDue} < ${today}`,
            or(isNull(riskPoint.overdueFlaggedFor), sql`${riskPoint.overdueFlaggedFor} <> ${riskPoint.reviewDue}::text`),
          ),
        ),
      ),
    )
    .orderBy(asc(riskPoint.reviewDue))
    .limit(limit);
}

export interface ColourCounts {
  total: number;
  red: number;
  orange: number;
  yellow: number;
  blue: number;
  overdue: number;
  enterprises: number;
}

const COUNTS = (today: string) => sql`count(*)::int as total,
  count(*) filter (where rp.level = 1)::int as red,
  count(*) filter (where rp.level = 2)::int as orange,
  count(*) filter (where rp.level = 3)::int as yellow,
  count(*) filter (where rp.level = 4)::int as blue,
  count(*) filter (where rp.review_due < ${today})::int as overdue`;

/** Four-colour counts of the risk points in scope (optionally one enterprise). */
export async function colourCounts(ex: Executor, scope: Scope, today: string, enterpriseId?: string): Promise<ColourCounts> {
  const res = await ex.execute(
    sql`select ${COUNTS(today)}, count(distinct rp.enterprise_id)::int as enterprises
        from risk_point rp
        where ${inScope(scope, sql`rp.enterprise_id`)} ${enterpriseId ? sql`and rp.enterprise_id = ${enterpriseId}` : sql``}`,
  );
  return (res.rows[0] as unknown as ColourCounts) ?? { total: 0, red: 0, orange: 0, yellow: 0, blue: 0, overdue: 0, enterprises: 0 };
}

/**
 * Roll-up of counts per colour by a grouping key: the region one level below `rootPath` (path
 * segment `depth`) or the industry; with the number of enterprises behind each row.
 */
export async function rollup(ex: Executor, scope: Scope, today: string, by: { regionSegment: number } | 'industry') {
  const key = by === 'industry' ? enterpriseIndustrySql(sql`rp.enterprise_id`) : enterpriseRegionSegmentSql(sql`rp.enterprise_id`, by.regionSegment);
  const res = await ex.execute(
    sql`select ${key} as key, ${COUNTS(today)}, count(distinct rp.enterprise_id)::int as enterprises
        from risk_point rp
        where ${inScope(scope, sql`rp.enterprise_id`)}
        group by 1 order by 1`,
  );
  return res.rows as unknown as (ColourCounts & { key: string })[];
}

/** Major hazard installations per grade in scope. */
export async function majorHazardCounts(ex: Executor, scope: Scope, enterpriseId?: string) {
  const res = await ex.execute(
    sql`select count(*) filter (where m.is_major)::int as major,
          count(*) filter (where m.grade = 1)::int as g1, count(*) filter (where m.grade = 2)::int as g2,
          count(*) filter (where m.grade = 3)::int as g3, count(*) filter (where m.grade = 4)::int as g4
        from major_hazard_source m
        where ${inScope(scope, sql`m.enterprise_id`)} ${enterpriseId ? sql`and m.enterprise_id = ${enterpriseId}` : sql``}`,
  );
  return res.rows[0] as unknown as { major: number; g1: number; g2: number; g3: number; g4: number };
}

// ---- reports ----

export async function insertReport(ex: Executor, values: typeof riskReport.$inferInsert): Promise<RiskReportRow> {
  const [row] = await ex.insert(riskReport).values(values).returning();
  return row as RiskReportRow;
}

export async function insertRecipients(ex: Executor, rows: (typeof riskReportRecipient.$inferInsert)[]) {
  if (rows.length) await ex.insert(riskReportRecipient).values(rows);
}

export interface ReportFilter {
  q?: string;
  enterpriseId?: string;
  riskPointId?: string;
  /** Only reports addressed to this department and not yet read by it. */
  unreadBy?: string;
}

function reportWhere(scope: Scope, f: ReportFilter): SQL {
  const w: (SQL | undefined)[] = [inScope(scope, riskReport.enterpriseId)];
  if (f.q) w.push(or(ilike(riskReport.title, `%${f.q}%`), ilike(riskReport.enterpriseName, `%${f.q}%`)));
  if (f.enterpriseId) w.push(eq(riskReport.enterpriseId, f.enterpriseId));
  if (f.riskPointId) w.push(eq(riskReport.riskPointId, f.riskPointId));
  if (f.unreadBy)
    w.push(
      sql`exists (select 1 from risk_report_recipient rr where rr.report_id = ${riskReport.id} and rr.department_id = ${f.unreadBy} and rr.read_at is null)`,
    );
  return and(...w) as SQL;
}

export async function findReports(ex: Executor, scope: Scope, f: ReportFilter, page: number, pageSize: number) {
  const w = reportWhere(scope, f);
  const rows = await ex
    .select()
    .from(riskReport)
    .where(w)
    .orderBy(desc(riskReport.reportedAt), asc(riskReport.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [c] = await ex.select({ n: sql<number>`count(*)::int` }).from(riskReport).where(w);
  return { rows, total: c?.n ?? 0 };
}

export async function getReport(ex: Executor, scope: Scope, id: string): Promise<RiskReportRow | undefined> {
  const [row] = await ex
    .select()
    .from(riskReport)
    .where(and(eq(riskReport.id, id), inScope(scope, riskReport.enterpriseId)));
  return row;
}

export function listRecipients(ex: Executor, reportIds: string[]) {
  if (!reportIds.length) return Promise.resolve([] as RecipientRow[]);
  return ex.select().from(riskReportRecipient).where(inArray(riskReportRecipient.reportId, reportIds)).orderBy(asc(riskReportRecipient.departmentName));
}

export async function lockRecipient(ex: Executor, reportId: string, departmentId: string): Promise<RecipientRow | undefined> {
  const [row] = await ex
    .select()
    .from(riskReportRecipient)
    .where(and(eq(riskReportRecipient.reportId, reportId), eq(riskReportRecipient.departmentId, departmentId)))
    .for('update');
  return row;
}

export async function updateRecipient(ex: Executor, id: string, values: Partial<typeof riskReportRecipient.$inferInsert>) {
  await ex.update(riskReportRecipient).set(values).where(eq(riskReportRecipient.id, id));
}

// ---- major hazard installations ----

export interface MajorHazardFilter {
  q?: string;
  enterpriseId?: string;
  regionCode?: string;
  industry?: string;
  grade?: number;
  unitKind?: string;
}

function mhWhere(scope: Scope, f: MajorHazardFilter): SQL {
  const w: (SQL | undefined)[] = [inScope(scope, majorHazardSource.enterpriseId)];
  if (f.q) w.push(or(ilike(majorHazardSource.name, `%${f.q}%`), ilike(majorHazardSource.code, `%${f.q}%`)));
  if (f.enterpriseId) w.push(eq(majorHazardSource.enterpriseId, f.enterpriseId));
  if (f.grade) w.push(eq(majorHazardSource.grade, f.grade));
  if (f.unitKind) w.push(eq(majorHazardSource.unitKind, f.unitKind));
  w.push(enterpriseFilter(majorHazardSource.enterpriseId, f));
  return and(...w) as SQL;
}

const MH_SORTS: Record<string, SQL | unknown> = { r: majorHazardSource.r, s: majorHazardSource.s, name: majorHazardSource.name, code: majorHazardSource.code };

export async function findMajorHazards(ex: Executor, scope: Scope, f: MajorHazardFilter, page: number, pageSize: number, sort?: string) {
  const w = mhWhere(scope, f);
  const rows = await ex
    .select({ m: majorHazardSource, enterpriseName: enterpriseName(majorHazardSource.enterpriseId) })
    .from(majorHazardSource)
    .where(w)
    .orderBy(...orderOf(sort, MH_SORTS, [sql`${majorHazardSource.grade} asc nulls last`, desc(majorHazardSource.r), asc(majorHazardSource.id)]))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [c] = await ex.select({ n: sql<number>`count(*)::int` }).from(majorHazardSource).where(w);
  return { rows, total: c?.n ?? 0 };
}

export async function getMajorHazard(ex: Executor, scope: Scope, id: string) {
  const [row] = await ex
    .select({ m: majorHazardSource, enterpriseName: enterpriseName(majorHazardSource.enterpriseId) })
    .from(majorHazardSource)
    .where(and(eq(majorHazardSource.id, id), inScope(scope, majorHazardSource.enterpriseId)));
  return row;
}

export async function lockMajorHazard(ex: Executor, scope: Scope, id: string): Promise<MajorHazardRow | undefined> {
  const [row] = await ex
    .select()
    .from(majorHazardSource)
    .where(and(eq(majorHazardSource.id, id), inScope(scope, majorHazardSource.enterpriseId)))
    .for('update');
  return row;
}

export async function insertMajorHazard(ex: Executor, values: typeof majorHazardSource.$inferInsert): Promise<MajorHazardRow> {
  const [row] = await ex.insert(majorHazardSource).values(values).returning();
  return row as MajorHazardRow;
}

export async function updateMajorHazard(ex: Executor, id: string, values: Partial<typeof majorHazardSource.$inferInsert>) {
  await ex
    .update(majorHazardSource)
    .set({ ...values, version: sql`${majorHazardSource.version} + 1` })
    .where(eq(majorHazardSource.id, id));
}

// ---- tailings ponds ----

export interface TailingsPondFilter {
  q?: string;
  enterpriseId?: string;
  regionCode?: string;
  industry?: string;
  grade?: number;
  safetyStatus?: string;
  operatingStatus?: string;
  overhead?: boolean;
}

function pondWhere(scope: Scope, f: TailingsPondFilter): SQL {
  const w: (SQL | undefined)[] = [inScope(scope, tailingsPond.enterpriseId)];
  if (f.q) w.push(or(ilike(tailingsPond.name, `%${f.q}%`), ilike(tailingsPond.code, `%${f.q}%`)));
  if (f.enterpriseId) w.push(eq(tailingsPond.enterpriseId, f.enterpriseId));
  if (f.grade) w.push(eq(tailingsPond.grade, f.grade));
  if (f.safetyStatus) w.push(eq(tailingsPond.safetyStatus, f.safetyStatus));
  if (f.operatingStatus) w.push(eq(tailingsPond.operatingStatus, f.operatingStatus));
  if (f.overhead !== undefined) w.push(eq(tailingsPond.overhead, f.overhead));
  w.push(enterpriseFilter(tailingsPond.enterpriseId, f));
  return and(...w) as SQL;
}

const POND_SORTS: Record<string, SQL | unknown> = {
  grade: tailingsPond.grade,
  name: tailingsPond.name,
  code: tailingsPond.code,
  totalCapacity: tailingsPond.totalCapacity,
  designDamHeight: tailingsPond.designDamHeight,
  licenceExpiry: tailingsPond.licenceExpiry,
};

/** Default order: the worst 安全度 first (危 → 险 → 病 → 正常), then 等别 (一等 first). */
const SAFETY_RANK = sql`case ${tailingsPond.safetyStatus} when 'critical' then 0 when 'dangerous' then 1 when 'defective' then 2 else 3 end`;

export async function findTailingsPonds(ex: Executor, scope: Scope, f: TailingsPondFilter, page: number, pageSize: number, sort?: string) {
  const w = pondWhere(scope, f);
  const rows = await ex
    .select({ p: tailingsPond, enterpriseName: enterpriseName(tailingsPond.enterpriseId) })
    .from(tailingsPond)
    .where(w)
    .orderBy(...orderOf(sort, POND_SORTS, [asc(SAFETY_RANK), asc(tailingsPond.grade), asc(tailingsPond.name), asc(tailingsPond.id)]))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [c] = await ex.select({ n: sql<number>`count(*)::int` }).from(tailingsPond).where(w);
  return { rows, total: c?.n ?? 0 };
}

export async function getTailingsPond(ex: Executor, scope: Scope, id: string) {
  const [row] = await ex
    .select({ p: tailingsPond, enterpriseName: enterpriseName(tailingsPond.enterpriseId) })
    .from(tailingsPond)
    .where(and(eq(tailingsPond.id, id), inScope(scope, tailingsPond.enterpriseId)));
  return row;
}

export async function lockTailingsPond(ex: Executor, scope: Scope, id: string): Promise<TailingsPondRow | undefined> {
  const [row] = await ex
    .select()
    .from(tailingsPond)
    .where(and(eq(tailingsPond.id, id), inScope(scope, tailingsPond.enterpriseId)))
    .for('update');
  return row;
}

export async function insertTailingsPond(ex: Executor, values: typeof tailingsPond.$inferInsert): Promise<TailingsPondRow> {
  const [row] = await ex.insert(tailingsPond).values(values).returning();
  return row as TailingsPondRow;
}

export async function updateTailingsPond(ex: Executor, id: string, values: Partial<typeof tailingsPond.$inferInsert>) {
  await ex
    .update(tailingsPond)
    .set({ ...values, version: sql`${tailingsPond.version} + 1` })
    .where(eq(tailingsPond.id, id));
}

export async function insertTailingsPondReport(ex: Executor, values: typeof tailingsPondReport.$inferInsert): Promise<TailingsPondReportRow> {
  const [row] = await ex.insert(tailingsPondReport).values(values).returning();
  return row as TailingsPondReportRow;
}

/** A pond's 安全度 reports, newest first (the pond itself has been scope-checked). */
export function tailingsPondReports(ex: Executor, pondId: string) {
  return ex
    .select()
    .from(tailingsPondReport)
    .where(eq(tailingsPondReport.pondId, pondId))
    .orderBy(desc(tailingsPondReport.reportedAt), desc(tailingsPondReport.id));
}

/** Pond counts in scope by 安全度 (and 头顶库), for the overview; 销库 ponds no longer exist. */
export async function tailingsPondCounts(ex: Executor, scope: Scope, enterpriseId?: string) {
  const res = await ex.execute(
    sql`select count(*)::int as total,
          count(*) filter (where p.safety_status = 'critical')::int as critical,
          count(*) filter (where p.safety_status = 'dangerous')::int as dangerous,
          count(*) filter (where p.safety_status = 'defective')::int as defective,
          count(*) filter (where p.overhead)::int as overhead
        from tailings_pond p
        where p.operating_status <> 'deregistered' and ${inScope(scope, sql`p.enterprise_id`)} ${enterpriseId ? sql`and p.enterprise_id = ${enterpriseId}` : sql``}`,
  );
  return res.rows[0] as unknown as { total: number; critical: number; dangerous: number; defective: number; overhead: number };
}

// ---- registered objects (installations and ponds) for other modules ----

export interface RegisteredObjectRow {
  kind: 'installation' | 'tailings';
  id: string;
  enterpriseId: string;
  code: string;
  name: string;
  lng: number | null;
  lat: number | null;
  overhead: boolean;
  grade: number | null;
}

/**
 * Every major hazard installation and tailings pond in scope (optionally of one enterprise or one id),
 * with its point; ponds that are 销库 (deregistered) no longer exist and are left out.
 */
export async function registeredObjects(ex: Executor, scope: Scope, f: { enterpriseId?: string; id?: string } = {}): Promise<RegisteredObjectRow[]> {
  const filters = (col: SQL, idCol: SQL) =>
    sql.join([inScope(scope, col), ...(f.enterpriseId ? [sql`${col} = ${f.enterpriseId}`] : []), ...(f.id ? [sql`${idCol} = ${f.id}`] : [])], sql` and `);
  const res = await ex.execute(
    sql`select 'installation' as kind, m.id, m.enterprise_id as "enterpriseId", m.code, m.name, m.lng, m.lat, false as overhead, m.grade
          from major_hazard_source m where ${filters(sql`m.enterprise_id`, sql`m.id`)}
        union all
        select 'tailings' as kind, p.id, p.enterprise_id, p.code, p.name, p.lng, p.lat, p.overhead, p.grade
          from tailings_pond p where p.operating_status <> 'deregistered' and ${filters(sql`p.enterprise_id`, sql`p.id`)}
        order by 1, 4`,
  );
  return res.rows as unknown as RegisteredObjectRow[];
}
