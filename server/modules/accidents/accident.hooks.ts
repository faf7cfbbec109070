import { registerAttachmentOwner } from '../../kernel/files/files.js';
import { registerEnterpriseCopy } from '../../kernel/scope/enterprise-copies.js';
import { getAccident } from './accident.repository.js';
import { accident } from './accident.schema.js';

/** What the accidents module registers with the kernel (its manifest's hooks, run once by server/modules.ts). */
export function registerAccidentHooks(): void {
  // The evidence of the fatal-accident actions is read by whoever can open the accident.
  registerAttachmentOwner('accident', { permission: 'accident.read', canRead: async (ex, scope, id) => (await getAccident(ex, scope, id)) !== undefined });
  // The enterprise's scope anchors copied onto an accident follow the enterprise (who supervises it now sees its record).
  registerEnterpriseCopy({
    table: accident,
    enterpriseId: accident.enterpriseId,
    regionPath: accident.regionPath,
    industry: accident.industry,
    groupId: accident.groupId,
  });
}
