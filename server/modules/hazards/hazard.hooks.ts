import { registerAttachmentOwner } from '../../kernel/files/files.js';
import { registerEnterpriseCopy } from '../../kernel/scope/enterprise-copies.js';
import { getHazard } from './hazard.repository.js';
import { hazard } from './hazard.schema.js';

/** What the hazards module registers with the kernel (its manifest's hooks, run once by server/modules.ts). */
export function registerHazardHooks(): void {
  // A hazard's photos and its steps' evidence are read by whoever can open the hazard.
  registerAttachmentOwner('hazard', { permission: 'hazard.read', canRead: async (ex, scope, id) => (await getHazard(ex, scope, id)) !== undefined });
  // The enterprise's scope anchors copied onto each hazard follow the enterprise.
  registerEnterpriseCopy({
    table: hazard,
    enterpriseId: hazard.enterpriseId,
    regionPath: hazard.regionPath,
    industry: hazard.industry,
    groupId: hazard.groupId,
  });
}
