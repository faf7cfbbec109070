import { registerAttachmentOwner } from '../../kernel/files/files.js';
import { registerEnterpriseCopy } from '../../kernel/scope/enterprise-copies.js';
import { getAlarm } from './alarm.repository.js';
import { alarm } from './alarm.schema.js';

/** What the alarms module registers with the kernel (its manifest's hooks, run once by server/modules.ts). */
export function registerAlarmHooks(): void {
  // Disposal feedback evidence is read by whoever can open the alarm.
  registerAttachmentOwner('alarm', { permission: 'alarm.read', canRead: async (ex, scope, id) => (await getAlarm(ex, scope, id)) !== undefined });
  // The enterprise's scope anchors copied onto each alarm follow the enterprise.
  registerEnterpriseCopy({ table: alarm, enterpriseId: alarm.enterpriseId, regionPath: alarm.regionPath, industry: alarm.industry, groupId: alarm.groupId });
}
