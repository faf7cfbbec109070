import type { z } from 'zod';
import type { ZExtendInvestigation } from '../../../../common/contracts/accidents.js';
import { investigationDeadline } from '../../../../common/rules/accident-investigation.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError, notFound } from '../../../kernel/errors.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { accidentPolicy } from '../accident.policy.js';
import { getInvestigation, lockAccident, updateInvestigation } from '../accident.repository.js';

/** At most one extension of at most 60 days (Art. 29). */
export async function extendInvestigation(ctx: Ctx, id: string, input: z.infer<typeof ZExtendInvestigation>) {
  const a = await loadFor(ctx, accidentPolicy, 'extendInvestigation', (ex, scope) => lockAccident(ex, scope, id));
  const inv = await getInvestigation(ctx.tx, id);
  if (!inv) throw notFound();
  if (inv.extensionDays > 0) throw new AppError('CONFLICT', { reason: '调查期限只能延长一次（第二十九条）' });
  const { due } = investigationDeadline({ occurredAt: a.occurredAt, extensionDays: input.days, appraisalDays: inv.appraisalDays });
  await updateInvestigation(ctx.tx, id, { extensionDays: input.days, extensionReason: input.reason, due });
  await ctx.audit.record({
    action: 'accident.investigationExtended',
    entityType: 'accident',
    entityId: id,
    before: { due: inv.due },
    after: { ...input, due },
  });
}
