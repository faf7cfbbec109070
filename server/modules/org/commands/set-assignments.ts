import type { z } from 'zod';
import type { ZSetAssignments } from '../../../../common/contracts/org.js';
import type { Ctx } from '../../../kernel/context.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { enterprisePolicy } from '../org.policy.js';
import { listAssignments, lockEnterprise, replaceAssignments, updateEnterprise } from '../org.repository.js';
import { checkDepartments, throwIfAny } from './enterprise-checks.js';

/** Replaces an enterprise's row of the 一张表: its supervising departments and named officials. */
export async function setAssignments(ctx: Ctx, enterpriseId: string, input: z.infer<typeof ZSetAssignments>): Promise<void> {
  const e = await loadFor(ctx, enterprisePolicy, 'assign', (ex, scope) => lockEnterprise(ex, scope, enterpriseId));
  throwIfAny(
    await checkDepartments(
      ctx,
      e.regionPath,
      input.assignments.map((a) => a.departmentId),
    ),
  );
  const before = await listAssignments(ctx.tx, [enterpriseId]);
  const now = ctx.clock.now();
  const rows = input.assignments.map((a) => ({
    departmentId: a.departmentId,
    responsiblePerson: a.responsiblePerson,
    responsiblePhone: a.responsiblePhone ?? null,
    primary: a.primary,
  }));
  await replaceAssignments(ctx.tx, enterpriseId, rows, now);
  await updateEnterprise(ctx.tx, enterpriseId, { updatedAt: now });
  await ctx.audit.record({
    action: 'supervision.assigned',
    entityType: 'enterprise',
    entityId: enterpriseId,
    before: before.map(({ enterpriseId: _e, departmentNameEn: _n, ...a }) => a),
    after: rows,
  });
}
