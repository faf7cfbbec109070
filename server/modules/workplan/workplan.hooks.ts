import { registerEnterpriseCopy } from '../../kernel/scope/enterprise-copies.js';
import { activityRecord } from './workplan.schema.js';

/** What the work-plan module registers with the kernel (its manifest's hooks, run once by server/modules.ts). */
export function registerWorkplanHooks(): void {
  // An enterprise's activity record keeps its region path, which follows the enterprise.
  registerEnterpriseCopy({ table: activityRecord, enterpriseId: activityRecord.enterpriseId, regionPath: activityRecord.regionPath });
}
