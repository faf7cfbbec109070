import { and, asc, desc, eq, gte, ilike, inArray, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { TAccidentListQuery } from '../../../common/contracts/accidents.js';
import type { Executor } from '../../db/client.js';
import { enterpriseScopeSql, type Scope } from '../../kernel/scope/scope.js';
import { accident, accidentAccountability, accidentAction, accidentInvestigation, accidentReport, accidentRevision } from './accident.schema.js';

/** The only SQL on the accident tables; every read takes a Scope. */

export type AccidentRow = typeof accident.$inferSelect;
export type ReportRow = typeof accidentReport.$inferSelect;
export type ActionRow = typeof accidentAction.$inferSelect;
export type InvestigationRow = typeof accidentInvestigation.$inferSelect;
export type RevisionRow = typeof accidentRevision.$inferSelect;
export type AccountabilityRow = typeof accidentAccountability.$inferSelect;

const scopeOf = (scope: Scope) =>
  enterpriseScopeSql(scope, { id: accident.enterpriseId, regionPath: accident.regionPath, industry: accident.industry, groupId: accident.groupId });

const dayStart = (d: string) => new Date(`${d}T00:00:00+08:00`);
const dayEnd = (d: string) => new Date(`${d}T23:59:59.999+08:00`);

function filters(scope: Scope, f: Partial<TAccidentListQuery>): SQL {
  const where: (SQL | undefined)[] = [scopeOf(scope)];
  if (f.q) where.push(or(ilike(accident.title, `%${f.q}%`), ilike(accident.place, `%${f.q}%`)));
  if (f.grade) where.push(eq(accident.grade, f.grade));
  if (f.industry) where.push(eq(accident.industry, f.industry));
  if (f.status) where.push(eq(accident.status, f.status));
  if (f.regionCode) where.push(sql`${accident.regionPath} like ${`%/${f.regionCode}/%`}`);
  if (f.from) where.push(gte(accident.occurredAt, dayStart(f.from)));
  if (f.to) where.push(lte(accident.occurredAt, dayEnd(f.to)));
  return and(...where) as SQL;
}

export async function findAccidents(ex: Executor, scope: Scope, f: TAccidentListQuery) {
  const where = filters(scope, f);
  const rows = await ex
    .select()
    .from(accident)
    .where(where)
    .orderBy(desc(accident.occurredAt), asc(accident.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [c] = await ex.select({ n: sql<number>`count(*)::int` }).from(accident).where(where);
  return { rows, total: c?.n ?? 0 };
}

export function accidentsBetween(ex: Executor, scope: Scope, from: string, to: string) {
  return ex.select().from(accident).where(filters(scope, { from, to })).orderBy(asc(accident.occurredAt));
}

export async function getAccident(ex: Executor, scope: Scope, id: string): Promise<AccidentRow | undefined> {
  const [row] = await ex
    .select()
    .from(accident)
    .where(and(eq(accident.id, id), scopeOf(scope)));
  return row;
}

export async function lockAccident(ex: Executor, scope: Scope, id: string): Promise<AccidentRow | undefined> {
  const [row] = await ex
    .select()
    .from(accident)
    .where(and(eq(accident.id, id), scopeOf(scope)))
    .for('update');
  return row;
}

export async function insertAccident(ex: Executor, values: typeof accident.$inferInsert): Promise<AccidentRow> {
  const [row] = await ex.insert(accident).values(values).returning();
  return row as AccidentRow;
}

export async function updateAccident(ex: Executor, id: string, values: Partial<typeof accident.$inferInsert>): Promise<AccidentRow> {
  const [row] = await ex
    .update(accident)
    .set({ ...values, version: sql`${accident.version} + 1` })
    .where(eq(accident.id, id))
    .returning();
  return row as AccidentRow;
}

export function publishedAccidents(ex: Executor, limit: number) {
  return ex.select().from(accident).where(eq(accident.published, true)).orderBy(desc(accident.publishedAt)).limit(limit);
}

// ---- revisions (快报/续报 figures) ----
export async function insertRevision(ex: Executor, values: typeof accidentRevision.$inferInsert) {
  await ex.insert(accidentRevision).values(values);
}
export function listRevisions(ex: Executor, accidentId: string) {
  return ex.select().from(accidentRevision).where(eq(accidentRevision.accidentId, accidentId)).orderBy(asc(accidentRevision.at));
}

// ---- reporting chain ----
/** Inserts chain links; an existing recipient is kept as it is (a regrade never resets a receipt). */
export async function insertReports(ex: Executor, rows: (typeof accidentReport.$inferInsert)[]) {
  if (rows.length) await ex.insert(accidentReport).values(rows).onConflictDoNothing();
}
export function listReports(ex: Executor, accidentId: string) {
  return ex.select().from(accidentReport).where(eq(accidentReport.accidentId, accidentId)).orderBy(asc(accidentReport.due), asc(accidentReport.recipient));
}
export async function lockReport(ex: Executor, accidentId: string, recipient: string): Promise<ReportRow | undefined> {
  const [r] = await ex
    .select()
    .from(accidentReport)
    .where(and(eq(accidentReport.accidentId, accidentId), eq(accidentReport.recipient, recipient)))
    .for('update');
  return r;
}
export async function updateReport(ex: Executor, id: string, values: Partial<typeof accidentReport.$inferInsert>) {
  await ex.update(accidentReport).set(values).where(eq(accidentReport.id, id));
}
/** The sweep (with the system's scope): links of accidents in scope past due, not yet received and not yet flagged (bounded batch). */
export function overdueReports(ex: Executor, scope: Scope, now: Date, limit: number) {
  const ofAccidentInScope = sql`exists (select 1 from ${accident} where ${accident.id} = ${accidentReport.accidentId} and ${scopeOf(scope)})`;
  return ex
    .select()
    .from(accidentReport)
    .where(and(lt(accidentReport.due, now), isNull(accidentReport.confirmedAt), isNull(accidentReport.lateFlaggedAt), ofAccidentInScope))
    .orderBy(asc(accidentReport.due))
    .limit(limit);
}

// ---- investigation ----
export async function getInvestigation(ex: Executor, accidentId: string): Promise<InvestigationRow | undefined> {
  const [row] = await ex.select().from(accidentInvestigation).where(eq(accidentInvestigation.accidentId, accidentId));
  return row;
}
export async function insertInvestigation(ex: Executor, values: typeof accidentInvestigation.$inferInsert) {
  await ex.insert(accidentInvestigation).values(values);
}
export async function updateInvestigation(ex: Executor, accidentId: string, values: Partial<typeof accidentInvestigation.$inferInsert>) {
  await ex.update(accidentInvestigation).set(values).where(eq(accidentInvestigation.accidentId, accidentId));
}
export async function insertAccountability(ex: Executor, rows: (typeof accidentAccountability.$inferInsert)[]) {
  if (rows.length) await ex.insert(accidentAccountability).values(rows);
}
export function listAccountability(ex: Executor, accidentIds: string[]) {
  if (!accidentIds.length) return Promise.resolve([]);
  return ex.select().from(accidentAccountability).where(inArray(accidentAccountability.accidentId, accidentIds));
}

// ---- fatal-accident actions ----
/** Created once per accident and key: a second 续报 with deaths adds nothing. */
export async function insertActions(ex: Executor, rows: (typeof accidentAction.$inferInsert)[]): Promise<number> {
  if (!rows.length) return 0;
  const inserted = await ex.insert(accidentAction).values(rows).onConflictDoNothing().returning({ id: accidentAction.id });
  return inserted.length;
}
export function listActions(ex: Executor, accidentId: string) {
  return ex.select().from(accidentAction).where(eq(accidentAction.accidentId, accidentId)).orderBy(asc(accidentAction.due), asc(accidentAction.key));
}
export async function lockAction(ex: Executor, accidentId: string, key: string): Promise<ActionRow | undefined> {
  const [r] = await ex
    .select()
    .from(accidentAction)
    .where(and(eq(accidentAction.accidentId, accidentId), eq(accidentAction.key, key)))
    .for('update');
  return r;
}
export async function updateAction(ex: Executor, id: string, values: Partial<typeof accidentAction.$inferInsert>) {
  await ex.update(accidentAction).set(values).where(eq(accidentAction.id, id));
}

/** Fatal-accident actions of accidents (in scope) that happened in a period, for the work-plan indicator. */
export function actionsOfPeriod(ex: Executor, scope: Scope, from: Date, to: Date) {
  return ex
    .select({ action: accidentAction, title: accident.title, accidentId: accident.id })
    .from(accidentAction)
    .innerJoin(accident, eq(accident.id, accidentAction.accidentId))
    .where(and(scopeOf(scope), gte(accident.occurredAt, from), lte(accident.occurredAt, to)));
}
