import type { z } from 'zod';
import type { ZAppraisal } from '../../../../common/contracts/accidents.js';
import { investigationDeadline } from '../../../../common/rules/accident-investigation.js';
import type { Ctx } from '../../../kernel/context.js';
import { notFound } from '../../../kernel/errors.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { accidentPolicy } from '../accident.policy.js';
import { getInvestigation, lockAccident, updateInvestigation } from '../accident.repository.js';

/** Technical appraisal time does not count toward the deadline (Art. 29). */
export async function recordAppraisal(ctx: Ctx, id: string, input: z.infer<typeof ZAppraisal>) {
  const a = await loadFor(ctx, accidentPolicy, 'recordAppraisal', (ex, scope) => lockAccident(ex, scope, id));
  const inv = await getInvestigation(ctx.tx, id);
  if (!inv) throw notFound();
  const appraisalDays = inv.appraisalDays + input.days;
  const { due } = investigationDeadline({ occurredAt: a.occurredAt, extensionDays: inv.extensionDays, appraisalDays });
  await updateInvestigation(ctx.tx, id, { appraisalDays, due });
  await ctx.audit.record({ action: 'accident.appraisalRecorded', entityType: 'accident', entityId: id, before: { due: inv.due }, after: { ...input, due } });
}
