import type { z } from 'zod';
import type { ZReplyInvestigation } from '../../../../common/contracts/accidents.js';
import type { Ctx } from '../../../kernel/context.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { accidentPolicy } from '../accident.policy.js';
import { lockAccident, updateAccident, updateInvestigation } from '../accident.repository.js';
import { nextStatus } from './_investigation.js';

/** 批复 (Art. 32) closes the case. */
export async function replyInvestigation(ctx: Ctx, id: string, input: z.infer<typeof ZReplyInvestigation>) {
  const to = nextStatus(await loadFor(ctx, accidentPolicy, 'reply', (ex, scope) => lockAccident(ex, scope, id)), 'reply');
  const now = ctx.clock.now();
  await updateInvestigation(ctx.tx, id, { repliedAt: now, replyDocument: input.documentNumber });
  await updateAccident(ctx.tx, id, { status: to, updatedAt: now });
  await ctx.audit.record({ action: 'accident.replied', entityType: 'accident', entityId: id, after: input });
}
