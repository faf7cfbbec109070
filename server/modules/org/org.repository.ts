import { and, asc, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { TEnterpriseListQuery, TSupervisionQuery } from '../../../common/contracts/org.js';
import type { Executor } from '../../db/client.js';
import { refreshEnterpriseCopies } from '../../kernel/scope/enterprise-copies.js';
import { enterpriseScopeSql, type Scope } from '../../kernel/scope/scope.js';
import { department, enterprise, enterpriseTransition, licence, region, supervisionAssignment } from './org.schema.js';

/** The only SQL on the org tables (architecture.md §3). Every enterprise read takes a Scope. */

export type EnterpriseRow = typeof enterprise.$inferSelect;
export type RegionRow = typeof region.$inferSelect;
export type DepartmentRow = typeof department.$inferSelect;

/** Qualified on purpose: inside select lists drizzle renders bare column names, which a correlated subquery would resolve to its own table. */
const ENTERPRISE_ID = sql.raw('"enterprise"."id"');
const NO_DEPARTMENT = sql`not exists (select 1 from supervision_assignment sa where sa.enterprise_id = ${ENTERPRISE_ID})`;
const NO_PERSON = sql`exists (select 1 from supervision_assignment sa where sa.enterprise_id = ${ENTERPRISE_ID} and coalesce(sa.responsible_person, '') = '')`;

const scopeOf = (scope: Scope) =>
  enterpriseScopeSql(scope, { id: enterprise.id, regionPath: enterprise.regionPath, industry: enterprise.industry, groupId: enterprise.groupId });

// ---------- regions and departments (reference data, visible to every signed-in user) ----------

export function listRegions(ex: Executor): Promise<RegionRow[]> {
  return ex.select().from(region).orderBy(asc(region.path));
}

export async function getRegion(ex: Executor, code: string): Promise<RegionRow | undefined> {
  const [r] = await ex.select().from(region).where(eq(region.code, code));
  return r;
}

export function listDepartments(ex: Executor, filter: { regionCode?: string; ids?: string[] } = {}): Promise<DepartmentRow[]> {
  const where: SQL[] = [];
  if (filter.regionCode) where.push(eq(department.regionCode, filter.regionCode));
  if (filter.ids) where.push(filter.ids.length ? inArray(department.id, filter.ids) : sql`false`);
  return ex
    .select()
    .from(department)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(department.regionCode), asc(department.kind), asc(department.name));
}

export async function getDepartment(ex: Executor, id: string): Promise<DepartmentRow | undefined> {
  const [d] = await ex.select().from(department).where(eq(department.id, id));
  return d;
}

// ---------- enterprises ----------

const SORTS: Record<string, SQL | unknown> = {
  name: enterprise.name,
  uscc: enterprise.uscc,
  industry: enterprise.industry,
  supervisionClass: enterprise.supervisionClass,
  status: enterprise.status,
  employees: enterprise.employees,
  updatedAt: enterprise.updatedAt,
  regionCode: enterprise.regionPath,
};

function enterpriseFilters(scope: Scope, f: Partial<TSupervisionQuery>): SQL {
  const where: (SQL | undefined)[] = [scopeOf(scope)];
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(enterprise.name, like), ilike(enterprise.uscc, like), ilike(enterprise.principal, like)));
  }
  if (f.regionCode) where.push(sql`${enterprise.regionPath} like ${`%/${f.regionCode}/%`}`);
  if (f.industry) where.push(eq(enterprise.industry, f.industry));
  if (f.supervisionClass) where.push(eq(enterprise.supervisionClass, f.supervisionClass));
  if (f.status) where.push(eq(enterprise.status, f.status));
  if (f.groupId) where.push(or(eq(enterprise.groupId, f.groupId), eq(enterprise.id, f.groupId)));
  if (f.departmentId) {
    where.push(sql`exists (select 1 from supervision_assignment sa where sa.enterprise_id = ${ENTERPRISE_ID} and sa.department_id = ${f.departmentId})`);
  }
  if (f.gap === 'any') where.push(or(NO_DEPARTMENT, NO_PERSON));
  else if (f.gap === 'noDepartment') where.push(NO_DEPARTMENT);
  else if (f.gap === 'noPerson') where.push(NO_PERSON);
  return and(...where) as SQL;
}

function orderOf(sort: string | undefined): SQL[] {
  const [field, dir] = (sort ?? 'name:asc').split(':') as [string, string];
  const col = (SORTS[field] ?? enterprise.name) as SQL;
  return [dir === 'desc' ? desc(col) : asc(col), asc(enterprise.id)];
}

export async function findEnterprises(
  ex: Executor,
  scope: Scope,
  f: Partial<TSupervisionQuery> & Pick<TEnterpriseListQuery, 'page' | 'pageSize'>,
): Promise<{ rows: EnterpriseRow[]; total: number }> {
  const where = enterpriseFilters(scope, f);
  const [rows, [count]] = await Promise.all([
    ex
      .select()
      .from(enterprise)
      .where(where)
      .orderBy(...orderOf(f.sort))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    ex.select({ n: sql<number>`count(*)::int` }).from(enterprise).where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}

/** All matching rows for an export, in the list's order, bounded so one request cannot exhaust memory. */
export function allEnterprises(ex: Executor, scope: Scope, f: Partial<TSupervisionQuery>, limit: number): Promise<EnterpriseRow[]> {
  return ex
    .select()
    .from(enterprise)
    .where(enterpriseFilters(scope, f))
    .orderBy(...orderOf(f.sort))
    .limit(limit);
}

export async function countGaps(ex: Executor, scope: Scope, f: Partial<TSupervisionQuery>) {
  const base = enterpriseFilters(scope, { ...f, gap: undefined });
  const [r] = await ex
    .select({
      total: sql<number>`count(*)::int`,
      noDepartment: sql<number>`count(*) filter (where ${NO_DEPARTMENT})::int`,
      noPerson: sql<number>`count(*) filter (where ${NO_PERSON})::int`,
    })
    .from(enterprise)
    .where(base);
  return { total: r?.total ?? 0, noDepartment: r?.noDepartment ?? 0, noPerson: r?.noPerson ?? 0 };
}

export async function getEnterprise(ex: Executor, scope: Scope, id: string): Promise<EnterpriseRow | undefined> {
  const [row] = await ex
    .select()
    .from(enterprise)
    .where(and(eq(enterprise.id, id), scopeOf(scope)));
  return row;
}

/** Locks the row for a write; returns undefined when missing or out of scope. */
export async function lockEnterprise(ex: Executor, scope: Scope, id: string): Promise<EnterpriseRow | undefined> {
  const [row] = await ex
    .select()
    .from(enterprise)
    .where(and(eq(enterprise.id, id), scopeOf(scope)))
    .for('update');
  return row;
}

/** USCC → id for codes already registered anywhere (uniqueness is global; callers check scope themselves). */
export async function findEnterpriseIdsByUscc(ex: Executor, usccs: string[]): Promise<Map<string, string>> {
  if (!usccs.length) return new Map();
  const rows = await ex.select({ id: enterprise.id, uscc: enterprise.uscc }).from(enterprise).where(inArray(enterprise.uscc, usccs));
  return new Map(rows.map((r) => [r.uscc, r.id]));
}

export function listSubsidiaries(ex: Executor, scope: Scope, groupId: string) {
  return ex
    .select({ id: enterprise.id, name: enterprise.name, industry: enterprise.industry, status: enterprise.status, regionCode: enterprise.regionCode })
    .from(enterprise)
    .where(and(eq(enterprise.groupId, groupId), scopeOf(scope)))
    .orderBy(asc(enterprise.name));
}

export async function insertEnterprise(ex: Executor, values: typeof enterprise.$inferInsert): Promise<EnterpriseRow> {
  const [row] = await ex.insert(enterprise).values(values).returning();
  return row as EnterpriseRow;
}

/** Many new enterprises (an import), 500 to a statement; returned by USCC, which is unique. */
export async function insertEnterprises(ex: Executor, values: (typeof enterprise.$inferInsert)[]): Promise<Map<string, EnterpriseRow>> {
  const out = new Map<string, EnterpriseRow>();
  for (let i = 0; i < values.length; i += 500) {
    for (const row of await ex
      .insert(enterprise)
      .values(values.slice(i, i + 500))
      .returning())
      out.set(row.uscc, row as EnterpriseRow);
  }
  return out;
}

/** Every change of an enterprise goes through here, so the copies of its region, industry and group follow it. */
export async function updateEnterprise(ex: Executor, id: string, values: Partial<typeof enterprise.$inferInsert>): Promise<EnterpriseRow> {
  const [row] = await ex
    .update(enterprise)
    .set({ ...values, version: sql`${enterprise.version} + 1` })
    .where(eq(enterprise.id, id))
    .returning();
  if (row) await refreshEnterpriseCopies(ex, row);
  return row as EnterpriseRow;
}

// ---------- licences, assignments, transitions ----------

export function listLicences(ex: Executor, enterpriseIds: string[]) {
  if (!enterpriseIds.length) return Promise.resolve([]);
  return ex.select().from(licence).where(inArray(licence.enterpriseId, enterpriseIds)).orderBy(asc(licence.validTo));
}

export async function replaceLicences(ex: Executor, enterpriseId: string, rows: Omit<typeof licence.$inferInsert, 'enterpriseId'>[]) {
  await ex.delete(licence).where(eq(licence.enterpriseId, enterpriseId));
  if (rows.length) await ex.insert(licence).values(rows.map((r) => ({ ...r, enterpriseId })));
}

export interface AssignmentView {
  enterpriseId: string;
  departmentId: string;
  departmentName: string;
  departmentNameEn: string;
  responsiblePerson: string | null;
  responsiblePhone: string | null;
  primary: boolean;
}

export function listAssignments(ex: Executor, enterpriseIds: string[]): Promise<AssignmentView[]> {
  if (!enterpriseIds.length) return Promise.resolve([]);
  return ex
    .select({
      enterpriseId: supervisionAssignment.enterpriseId,
      departmentId: supervisionAssignment.departmentId,
      departmentName: department.name,
      departmentNameEn: department.nameEn,
      responsiblePerson: supervisionAssignment.responsiblePerson,
      responsiblePhone: supervisionAssignment.responsiblePhone,
      primary: supervisionAssignment.primary,
    })
    .from(supervisionAssignment)
    .innerJoin(department, eq(department.id, supervisionAssignment.departmentId))
    .where(inArray(supervisionAssignment.enterpriseId, enterpriseIds))
    .orderBy(desc(supervisionAssignment.primary), asc(department.name));
}

export async function replaceAssignments(
  ex: Executor,
  enterpriseId: string,
  rows: { departmentId: string; responsiblePerson: string | null; responsiblePhone: string | null; primary: boolean }[],
  now: Date,
) {
  await ex.delete(supervisionAssignment).where(eq(supervisionAssignment.enterpriseId, enterpriseId));
  if (rows.length) await ex.insert(supervisionAssignment).values(rows.map((r) => ({ ...r, enterpriseId, updatedAt: now })));
}

/** replaceAssignments for many enterprises at once (an import): one delete, one insert per 1,000 rows. */
export async function replaceAssignmentsOf(
  ex: Executor,
  byEnterprise: Map<string, { departmentId: string; responsiblePerson: string | null; responsiblePhone: string | null; primary: boolean }[]>,
  now: Date,
) {
  const ids = [...byEnterprise.keys()];
  if (!ids.length) return;
  for (let i = 0; i < ids.length; i += 1000) await ex.delete(supervisionAssignment).where(inArray(supervisionAssignment.enterpriseId, ids.slice(i, i + 1000)));
  const rows = [...byEnterprise].flatMap(([enterpriseId, rs]) => rs.map((r) => ({ ...r, enterpriseId, updatedAt: now })));
  for (let i = 0; i < rows.length; i += 1000) await ex.insert(supervisionAssignment).values(rows.slice(i, i + 1000));
}

export function listTransitions(ex: Executor, enterpriseId: string) {
  return ex.select().from(enterpriseTransition).where(eq(enterpriseTransition.enterpriseId, enterpriseId)).orderBy(desc(enterpriseTransition.at));
}

export async function insertTransition(ex: Executor, values: typeof enterpriseTransition.$inferInsert) {
  await ex.insert(enterpriseTransition).values(values);
}
