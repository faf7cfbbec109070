import type { TListEntry } from '../../../../common/contracts/hazards.js';
import type { Ctx } from '../../../kernel/context.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { listEntryPolicy } from '../hazard.policy.js';
import { getListEntry, updateListEntry } from '../hazard.repository.js';
import { checkLinks } from './_list-entry.js';

export async function updateListEntryCommand(ctx: Ctx, kind: string, id: string, input: TListEntry) {
  const row = await loadFor(ctx, listEntryPolicy, 'update', (ex, scope) => getListEntry(ex, scope, kind, id));
  await checkLinks(ctx.tx, ctx.scope, input.hazardIds);
  await updateListEntry(ctx.tx, id, { ...input, person: input.person ?? null, documentNumber: input.documentNumber ?? null, updatedAt: ctx.clock.now() });
  await ctx.audit.record({ action: `hazardList.${kind}.updated`, entityType: 'hazard_list_entry', entityId: id, before: row, after: input });
}
