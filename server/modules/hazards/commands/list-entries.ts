import type { TListEntry } from '../../../../common/contracts/hazards.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError, invalidField } from '../../../kernel/errors.js';
import { allowNew, loadFor } from '../../../kernel/gate/gate.js';
import { findDepartmentWithPath } from '../../org/index.js';
import { listEntryPolicy } from '../hazard.policy.js';
import { deleteListEntry, getListEntry, hazardsByIds, insertListEntry, type ListEntryRow, updateListEntry } from '../hazard.repository.js';

/**
 * 三年行动 制度措施清单 and 追责问责清单: entries a department keeps, each linked to the hazards it
 * answers. The department owns its entries; others in scope read them.
 */
async function checkLinks(ctx: Ctx, ids: string[]) {
  const found = await hazardsByIds(ctx.tx, ctx.scope, ids);
  if (found.length !== new Set(ids).size) throw invalidField('hazardIds', 'invalid');
}

export async function createListEntry(ctx: Ctx, kind: string, input: TListEntry): Promise<ListEntryRow> {
  if (!ctx.actor.departmentId) throw new AppError('FORBIDDEN');
  const dept = await findDepartmentWithPath(ctx.tx, ctx.actor.departmentId);
  if (!dept) throw new AppError('FORBIDDEN');
  allowNew(ctx, listEntryPolicy, 'create', { departmentId: dept.id });
  await checkLinks(ctx, input.hazardIds);
  const now = ctx.clock.now();
  const row = await insertListEntry(ctx.tx, {
    kind,
    departmentId: dept.id,
    departmentName: dept.name,
    regionPath: dept.regionPath,
    ...input,
    person: input.person ?? null,
    documentNumber: input.documentNumber ?? null,
    createdBy: ctx.actor.id,
    createdAt: now,
    updatedAt: now,
  });
  await ctx.audit.record({ action: `hazardList.${kind}.created`, entityType: 'hazard_list_entry', entityId: row.id, after: input });
  return row;
}

export async function updateListEntryCommand(ctx: Ctx, kind: string, id: string, input: TListEntry) {
  const row = await loadFor(ctx, listEntryPolicy, 'update', (ex, scope) => getListEntry(ex, scope, kind, id));
  await checkLinks(ctx, input.hazardIds);
  await updateListEntry(ctx.tx, id, { ...input, person: input.person ?? null, documentNumber: input.documentNumber ?? null, updatedAt: ctx.clock.now() });
  await ctx.audit.record({ action: `hazardList.${kind}.updated`, entityType: 'hazard_list_entry', entityId: id, before: row, after: input });
}

export async function deleteListEntryCommand(ctx: Ctx, kind: string, id: string) {
  const row = await loadFor(ctx, listEntryPolicy, 'delete', (ex, scope) => getListEntry(ex, scope, kind, id));
  await deleteListEntry(ctx.tx, id);
  await ctx.audit.record({ action: `hazardList.${kind}.deleted`, entityType: 'hazard_list_entry', entityId: id, before: row });
}
