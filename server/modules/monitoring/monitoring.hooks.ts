import { registerEnterpriseCopy } from '../../kernel/scope/enterprise-copies.js';
import { sensor } from './monitoring.schema.js';

/** What the monitoring module registers with the kernel (its manifest's hooks, run once by server/modules.ts). */
export function registerMonitoringHooks(): void {
  // A sensor's copies of its enterprise's scope anchors follow the enterprise: the new county sees it, the old does not.
  registerEnterpriseCopy({
    table: sensor,
    enterpriseId: sensor.enterpriseId,
    regionPath: sensor.regionPath,
    industry: sensor.industry,
    groupId: sensor.groupId,
  });
}
