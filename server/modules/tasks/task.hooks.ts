import { registerAttachmentOwner } from '../../kernel/files/files.js';
import { registerEnterpriseCopy } from '../../kernel/scope/enterprise-copies.js';
import { getTask } from './task.repository.js';
import { taskAssignee } from './task.schema.js';

/** What the tasks module registers with the kernel (its manifest's hooks, run once by server/modules.ts). */
export function registerTaskHooks(): void {
  // A task's attachments and its units' feedback evidence are read by whoever can open the task.
  registerAttachmentOwner('task', { permission: 'task.read', canRead: async (ex, scope, id) => (await getTask(ex, scope, id)) !== undefined });
  // An enterprise assignee keeps its enterprise's region path, which follows the enterprise.
  registerEnterpriseCopy({ table: taskAssignee, enterpriseId: taskAssignee.enterpriseId, regionPath: taskAssignee.regionPath });
}
