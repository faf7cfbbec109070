/** The org module's public surface (architecture.md §4.1). */
import type { Executor } from '../../db/client.js';
import type { Scope } from '../../kernel/scope/scope.js';
import { getDepartment, getEnterprise, getRegion, listDepartments, listRegions } from './org.repository.js';

export { changeEnterpriseStatus } from './commands/change-enterprise-status.js';
export { regionInScope } from './commands/enterprise-checks.js';
export { revokeStandardizationGrade } from './commands/revoke-standardization.js';
export { generateDemoPassword, seedDemoData } from './demo/seed.js';
export { RegionNames } from './org.presenter.js';
export { orgRoutes } from './org.routes.js';
export { unitResolver } from './unit-resolver.js';

export async function enterpriseVisible(ex: Executor, scope: Scope, id: string): Promise<boolean> {
  return !!(await getEnterprise(ex, scope, id));
}

/** Whether a unit a user is being attached to exists (groups must be group enterprises). */
export async function unitExists(ex: Executor, kind: string, id: string | null | undefined): Promise<boolean> {
  if (!id) return false;
  if (kind === 'department') return !!(await getDepartment(ex, id));
  const e = await getEnterprise(ex, { kind: 'system' }, id);
  return !!e && (kind !== 'group' || e.isGroup);
}

/** An enterprise as other modules need it (scoped: undefined when missing or out of scope). */
export async function findEnterprise(ex: Executor, scope: Scope, id: string) {
  const e = await getEnterprise(ex, scope, id);
  return (
    e && {
      id: e.id,
      name: e.name,
      regionCode: e.regionCode,
      regionPath: e.regionPath,
      industry: e.industry,
      groupId: e.groupId,
      status: e.status,
      standardizationGrade: e.standardizationGrade,
    }
  );
}

export const findRegion = getRegion;
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
