/** The org module's public surface (architecture.md §4.1): re-exports only. */
export { type BoundaryGeometry, ringIntersectsBoundary, ringWithinBoundary } from './boundary.js';
export { changeEnterpriseStatus } from './commands/change-enterprise-status.js';
export { regionInScope } from './commands/enterprise-checks.js';
export { revokeStandardizationGrade } from './commands/revoke-standardization.js';
export { generateDemoPassword, seedDemoData } from './demo/seed.js';
export { RegionNames } from './org.presenter.js';
export {
  enterpriseIndustrySql,
  enterpriseInScope,
  enterpriseMatches,
  enterpriseNameSql,
  enterpriseRegionSegmentSql,
} from './queries/enterprise-join.js';

export {
  allRegions,
  departmentsInScope,
  enterpriseLocations,
  enterprisesForIndicators,
  enterpriseVisible,
  findDepartmentWithPath,
  findEnterprise,
  findRegion,
  governmentDepartmentOf,
  regionBoundary,
  supervisorsOf,
  unitExists,
} from './queries/enterprise-refs.js';
export { unitResolver } from './unit-resolver.js';
