import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { Scope, scopeCoversRegion } from '../../../kernel/scope/scope.js';
import {
  allEnterprises,
  type EnterpriseRow,
  getDepartment,
  getEnterprise,
  getRegion,
  listAssignments,
  listDepartments,
  listRegions,
} from '../org.repository.js';
import { regionBoundary as regionBoundaryTable } from '../org.schema.js';

/** What other modules read of the registry (through index.ts): enterprises, departments, regions and who supervises whom. */

export async function enterpriseVisible(ex: Executor, scope: Scope, id: string): Promise<boolean> {
  return !!(await getEnterprise(ex, scope, id));
}

/** Whether a unit a user is being attached to exists (groups must be group enterprises). */
export async function unitExists(ex: Executor, kind: string, id: string | null | undefined): Promise<boolean> {
  if (!id) return false;
  if (kind === 'department') return !!(await getDepartment(ex, id));
  // A reference check for the account being edited (the caller is the platform administrator, who sees no enterprises).
  const e = await getEnterprise(ex, Scope.system(), id);
  return !!e && (kind !== 'group' || e.isGroup);
}

/** What other modules copy of an enterprise: its name and the anchors of data scope. */
function anchors(e: EnterpriseRow) {
  return { id: e.id, name: e.name, regionCode: e.regionCode, regionPath: e.regionPath, industry: e.industry, groupId: e.groupId };
}

/** An enterprise as other modules need it (scoped: undefined when missing or out of scope). */
export async function findEnterprise(ex: Executor, scope: Scope, id: string) {
  const e = await getEnterprise(ex, scope, id);
  return e && { ...anchors(e), status: e.status, standardizationGrade: e.standardizationGrade };
}

/** A region by its code. */
export const findRegion = getRegion;
/** Every region (the tree, flat with parent codes). */
export const allRegions = listRegions;

/** The comprehensive (government) department of a region, e.g. the county 应急管理局 that receives 快报. */
export async function governmentDepartmentOf(ex: Executor, regionCode: string) {
  return (await listDepartments(ex, { regionCode })).find((d) => d.kind === 'government');
}

/** A department with its region path, for modules that address work to units. */
export async function findDepartmentWithPath(ex: Executor, id: string) {
  const d = await getDepartment(ex, id);
  if (!d) return undefined;
  const r = await getRegion(ex, d.regionCode);
  return r && { id: d.id, name: d.name, nameEn: d.nameEn, kind: d.kind, regionCode: d.regionCode, regionPath: r.path };
}

/**
 * Every enterprise in scope with what the work-plan indicators look at (class, grade, insurance and the
 * 一张表 gaps); bounded like an export.
 */
export async function enterprisesForIndicators(ex: Executor, scope: Scope) {
  const rows = await allEnterprises(ex, scope, {}, 50_000);
  const assignments = await listAssignments(
    ex,
    rows.map((r) => r.id),
  );
  const byEnterprise = new Map<string, typeof assignments>();
  for (const a of assignments) byEnterprise.set(a.enterpriseId, [...(byEnterprise.get(a.enterpriseId) ?? []), a]);
  return rows.map((e) => {
    const as = byEnterprise.get(e.id) ?? [];
    return {
      id: e.id,
      name: e.name,
      regionCode: e.regionCode,
      regionPath: e.regionPath,
      industry: e.industry,
      status: e.status,
      isGroup: e.isGroup,
      groupId: e.groupId,
      standardizationGrade: e.standardizationGrade,
      insuranceStatus: e.insuranceStatus,
      noDepartment: as.length === 0,
      noPerson: as.some((a) => !a.responsiblePerson),
    };
  });
}

/** Departments (government units and industry departments) whose region lies in the scope. */
export async function departmentsInScope(ex: Executor, scope: Scope) {
  const [depts, regions] = [await listDepartments(ex), await listRegions(ex)];
  const pathOf = new Map(regions.map((r) => [r.code, r.path]));
  return depts.map((d) => ({ ...d, regionPath: pathOf.get(d.regionCode) ?? '' })).filter((d) => scopeCoversRegion(scope, d.regionPath));
}

/**
 * Who supervises an enterprise (管行业必须管安全): every industry department on its region line whose
 * industries cover it (a county 能源局 and the city one both supervise a coal mine), any department
 * the 一张表 assigns to it, and the government units (应急管理局) on its region line, nearest first.
 * Used for 双报告 and escalation; the risk module's reports go to the same set.
 */
export async function supervisorsOf(ex: Executor, enterpriseId: string) {
  // Routing, not visibility: the supervisors of an enterprise the caller already holds, whoever the caller is.
  const e = await getEnterprise(ex, Scope.system(), enterpriseId);
  if (!e) return { industry: [], government: [] };
  const [depts, regions, assigned] = [await listDepartments(ex), await listRegions(ex), await listAssignments(ex, [enterpriseId])];
  const pathOf = new Map(regions.map((r) => [r.code, r.path]));
  const onLine = depts
    .map((d) => ({
      id: d.id,
      name: d.name,
      nameEn: d.nameEn,
      kind: d.kind,
      industries: d.industries,
      regionCode: d.regionCode,
      regionPath: pathOf.get(d.regionCode) ?? '',
    }))
    .filter((d) => d.regionPath && e.regionPath.startsWith(d.regionPath))
    .sort((a, b) => b.regionPath.length - a.regionPath.length);
  const covering = onLine.filter((d) => d.kind === 'industry' && d.industries.includes(e.industry));
  const assignedIds = new Set(assigned.map((a) => a.departmentId));
  const industry = [
    ...covering,
    ...depts.filter((d) => assignedIds.has(d.id) && !covering.some((n) => n.id === d.id)).map((d) => ({ ...d, regionPath: pathOf.get(d.regionCode) ?? '' })),
  ];
  return { industry, government: onLine.filter((d) => d.kind === 'government') };
}

/** Enterprises in scope with their coordinates (warning areas are intersected with them); bounded like an export. */
export async function enterpriseLocations(ex: Executor, scope: Scope) {
  const rows = await allEnterprises(ex, scope, {}, 50_000);
  return rows.filter((e) => e.status !== 'closed').map((e) => ({ ...anchors(e), lng: e.lng, lat: e.lat }));
}

/** A region's official boundary (GeoJSON lon/lat), or undefined when none was imported (docs/operations.md). */
export async function regionBoundary(ex: Executor, code: string) {
  const [b] = await ex.select().from(regionBoundaryTable).where(eq(regionBoundaryTable.code, code));
  return b;
}
