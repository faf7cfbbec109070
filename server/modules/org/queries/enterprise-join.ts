import { type SQL, sql } from 'drizzle-orm';
import { enterpriseScopeSql, type Scope } from '../../../kernel/scope/scope.js';

/** The enterprise join, for modules whose rows belong to an enterprise: no other module writes SQL on org's tables. */

/** Aliased so the subqueries never shadow a caller's own alias (a caller's `e` stays its own). */
const ORG_E = { id: sql.raw('org_e.id'), regionPath: sql.raw('org_e.region_path'), industry: sql.raw('org_e.industry'), groupId: sql.raw('org_e.group_id') };

/** SQL: the enterprise whose id is in `enterpriseIdCol` lies in the scope (the kernel's enterpriseScopeSql on org's table). */
export function enterpriseInScope(scope: Scope, enterpriseIdCol: SQL | unknown): SQL {
  return sql`exists (select 1 from enterprise org_e where org_e.id = ${enterpriseIdCol} and ${enterpriseScopeSql(scope, ORG_E)})`;
}

/** SQL: the enterprise's name, for lists and exports of rows that belong to an enterprise. */
export function enterpriseNameSql(enterpriseIdCol: SQL | unknown): SQL<string> {
  return sql<string>`(select org_e.name from enterprise org_e where org_e.id = ${enterpriseIdCol})`;
}

/** SQL: the enterprise's industry (a grouping key for roll-ups). */
export function enterpriseIndustrySql(enterpriseIdCol: SQL | unknown): SQL<string> {
  return sql<string>`(select org_e.industry from enterprise org_e where org_e.id = ${enterpriseIdCol})`;
}

/** SQL: the code of the region at `segment` (1 = the city, 2 = a county, …) of the enterprise's region path (a roll-up key). */
export function enterpriseRegionSegmentSql(enterpriseIdCol: SQL | unknown, segment: number): SQL<string> {
  return sql<string>`(select split_part(org_e.region_path, '/', ${segment + 1}) from enterprise org_e where org_e.id = ${enterpriseIdCol})`;
}

/**
 * SQL: the user's filters on the owning enterprise: a region at any level (its path contains the code) and the
 * industry; undefined when neither is given.
 */
export function enterpriseMatches(enterpriseIdCol: SQL | unknown, f: { regionCode?: string; industry?: string }): SQL | undefined {
  const parts: SQL[] = [];
  if (f.regionCode) parts.push(sql`org_e.region_path like ${`%/${f.regionCode}/%`}`);
  if (f.industry) parts.push(sql`org_e.industry = ${f.industry}`);
  if (!parts.length) return undefined;
  return sql`exists (select 1 from enterprise org_e where org_e.id = ${enterpriseIdCol} and ${sql.join(parts, sql` and `)})`;
}
