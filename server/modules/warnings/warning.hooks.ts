import { registerEnterpriseCopy } from '../../kernel/scope/enterprise-copies.js';
import { warningTarget } from './warning.schema.js';

/** What the warnings module registers with the kernel (its manifest's hooks, run once by server/modules.ts). */
export function registerWarningHooks(): void {
  // A target's copies of its enterprise's scope anchors follow the enterprise.
  registerEnterpriseCopy({
    table: warningTarget,
    enterpriseId: warningTarget.enterpriseId,
    regionPath: warningTarget.regionPath,
    industry: warningTarget.industry,
    groupId: warningTarget.groupId,
  });
}
