import { type SQL, sql } from 'drizzle-orm';

/**
 * Data scope (product.md §2), decided in one place. Every repository read takes a Scope; there is no
 * unscoped overload, and jobs pass `Scope.system()` visibly. Out of scope is 404, never 403.
 */
export type Scope =
  | { kind: 'system' }
  /** Platform administrators (三权分立): reference data and accounts, but no enterprise records. */
  | { kind: 'platform' }
  | { kind: 'government'; regionPath: string }
  | { kind: 'industry'; regionPath: string; departmentId: string; industries: string[] }
  | { kind: 'enterprise'; enterpriseId: string }
  | { kind: 'group'; groupId: string }
  | { kind: 'none' };

export const Scope = {
  system: (): Scope => ({ kind: 'system' }),
  none: (): Scope => ({ kind: 'none' }),
};

/**
 * The government at the top of the region tree (the city's bureau): the one unit that sets platform-wide
 * rules (risk bands, 尾矿库等别 limits, alarm disposal limits), which bind every county below it.
 */
export function isTopGovernment(scope: Scope): boolean {
  return scope.kind === 'government' && scope.regionPath.split('/').filter(Boolean).length === 1;
}

/** Columns an enterprise-anchored table exposes to the scope filter. */
export interface EnterpriseScopeColumns {
  id: SQL | unknown;
  regionPath: SQL | unknown;
  industry: SQL | unknown;
  groupId: SQL | unknown;
}

/**
 * The WHERE condition that limits enterprise rows (alias `e`-style columns passed in) to the scope.
 * An industry department sees the enterprises of its industries in its region subtree, and any it
 * is explicitly assigned to in the 一张表 (e.g. a cross-industry assignment).
 */
export function enterpriseScopeSql(scope: Scope, e: EnterpriseScopeColumns): SQL {
  switch (scope.kind) {
    case 'system':
      return sql`true`;
    case 'government':
      return sql`${e.regionPath} like ${`${scope.regionPath}%`}`;
    case 'industry': {
      const industries = scope.industries.length ? scope.industries : ['-'];
      return sql`(${e.regionPath} like ${`${scope.regionPath}%`} and (${e.industry} in ${industries} or exists (select 1 from supervision_assignment sa where sa.enterprise_id = ${e.id} and sa.department_id = ${scope.departmentId})))`;
    }
    case 'enterprise':
      return sql`${e.id} = ${scope.enterpriseId}`;
    case 'group':
      return sql`(${e.id} = ${scope.groupId} or ${e.groupId} = ${scope.groupId})`;
    case 'platform':
    case 'none':
      return sql`false`;
  }
}

/** Region-anchored data (e.g. departments' own records): a government or industry user sees its subtree. */
export function regionScopeSql(scope: Scope, regionPath: SQL | unknown): SQL {
  switch (scope.kind) {
    case 'system':
    case 'platform':
      return sql`true`;
    case 'government':
    case 'industry':
      return sql`${regionPath} like ${`${scope.regionPath}%`}`;
    default:
      return sql`false`;
  }
}

/** A filter narrowing rows to a region subtree (`regionPath` as given by the user, ANDed with the scope). */
export function regionPrefixSql(regionPath: SQL | unknown, prefix: string): SQL {
  return sql`${regionPath} like ${`${prefix}%`}`;
}

/**
 * The region line a scope stands on: a government or industry unit's region path; '' for the system (the whole
 * tree); null for enterprises, groups, platform administrators and nobody.
 */
export function scopeRegionPath(scope: Scope): string | null {
  switch (scope.kind) {
    case 'system':
      return '';
    case 'government':
    case 'industry':
      return scope.regionPath;
    default:
      return null;
  }
}

/** PURE: is a record anchored at `regionPath` inside a unit's region subtree (its own region or below)? */
export function scopeCoversRegion(scope: Scope, regionPath: string | null | undefined): boolean {
  const mine = scopeRegionPath(scope);
  return mine !== null && regionPath != null && regionPath.startsWith(mine);
}

/** PURE: is the unit at `regionPath` on the scope's region line above or at the actor (a superior or its own)? */
export function scopeUnderRegion(scope: Scope, regionPath: string | null | undefined): boolean {
  const mine = scopeRegionPath(scope);
  return mine !== null && regionPath != null && mine.startsWith(regionPath);
}

/** PURE: the enterprise a scope is the enterprise's own (its users), else null. */
export function scopeEnterpriseId(scope: Scope): string | null {
  return scope.kind === 'enterprise' ? scope.enterpriseId : null;
}

/** PURE: the group whose subsidiaries a scope sees, else null. */
export function scopeGroupId(scope: Scope): string | null {
  return scope.kind === 'group' ? scope.groupId : null;
}

/** PURE: the department an industry scope belongs to, else null. */
export function scopeDepartmentId(scope: Scope): string | null {
  return scope.kind === 'industry' ? scope.departmentId : null;
}

/** PURE: a regulator's scope (government or industry unit); the system counts as one. */
export function isRegulatorScope(scope: Scope): boolean {
  return scope.kind === 'government' || scope.kind === 'industry' || scope.kind === 'system';
}

/** PURE: the system's own scope (jobs, the seeder, ingestion). */
export function isSystemScope(scope: Scope): boolean {
  return scope.kind === 'system';
}

/** PURE: a comprehensive government unit's scope (an 应急管理局), as opposed to an industry department's. */
export function isGovernmentScope(scope: Scope): boolean {
  return scope.kind === 'government';
}

/** The columns of a row that names one unit: a department (with its region path) or an enterprise. */
export interface UnitColumns {
  regionPath: SQL | unknown;
  departmentId: SQL | unknown;
  enterpriseId: SQL | unknown;
}

/**
 * Work passed between units (a 督办 task's issuer, the units it is addressed to): the row names one unit. A
 * government unit sees the units in its region subtree; an industry department sees its own department's rows
 * (not its industry's enterprises: being supervised is not being addressed); an enterprise or group sees the rows of
 * enterprises in its scope. `enterpriseInScope` is the enterprise scope condition on an enterprise id, which org
 * provides (a group's subsidiaries are known only from the enterprise table).
 */
export function unitScopeSql(scope: Scope, u: UnitColumns, enterpriseInScope: (scope: Scope, enterpriseIdCol: SQL | unknown) => SQL): SQL {
  switch (scope.kind) {
    case 'system':
      return sql`true`;
    case 'government':
      return regionPrefixSql(u.regionPath, scope.regionPath);
    case 'industry':
      return sql`${u.departmentId} = ${scope.departmentId}`;
    case 'enterprise':
    case 'group':
      return sql`(${u.enterpriseId} is not null and ${enterpriseInScope(scope, u.enterpriseId)})`;
    case 'platform':
    case 'none':
      return sql`false`;
  }
}
