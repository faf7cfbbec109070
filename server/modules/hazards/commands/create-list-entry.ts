import type { TListEntry } from '../../../../common/contracts/hazards.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError } from '../../../kernel/errors.js';
import { allowNew } from '../../../kernel/gate/gate.js';
import { findDepartmentWithPath } from '../../org/index.js';
import { listEntryPolicy } from '../hazard.policy.js';
import { insertListEntry, type ListEntryRow } from '../hazard.repository.js';
import { checkLinks } from './_list-entry.js';

export async function createListEntry(ctx: Ctx, kind: string, input: TListEntry): Promise<ListEntryRow> {
  if (!ctx.actor.departmentId) throw new AppError('FORBIDDEN');
  const dept = await findDepartmentWithPath(ctx.tx, ctx.actor.departmentId);
  if (!dept) throw new AppError('FORBIDDEN');
  allowNew(ctx, listEntryPolicy, 'create', { departmentId: dept.id });
  await checkLinks(ctx.tx, ctx.scope, input.hazardIds);
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
