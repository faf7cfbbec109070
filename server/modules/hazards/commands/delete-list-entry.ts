import type { Ctx } from '../../../kernel/context.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { listEntryPolicy } from '../hazard.policy.js';
import { deleteListEntry, getListEntry } from '../hazard.repository.js';

export async function deleteListEntryCommand(ctx: Ctx, kind: string, id: string) {
  const row = await loadFor(ctx, listEntryPolicy, 'delete', (ex, scope) => getListEntry(ex, scope, kind, id));
  await deleteListEntry(ctx.tx, id);
  await ctx.audit.record({ action: `hazardList.${kind}.deleted`, entityType: 'hazard_list_entry', entityId: id, before: row });
}
