import type { ChainRecipient } from '../../../../common/contracts/accidents.js';
import type { Ctx } from '../../../kernel/context.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { chainLinkPolicy } from '../accident.policy.js';
import { updateReport } from '../accident.repository.js';
import { lockLink } from './_chain-link.js';

/** The receiving department confirms receipt: the read receipt the chain's deadline is measured by. */
export async function confirmReceipt(ctx: Ctx, accidentId: string, recipient: ChainRecipient) {
  const { link } = await loadFor(ctx, chainLinkPolicy, 'confirm', (ex, scope) => lockLink(ex, scope, accidentId, recipient));
  const now = ctx.clock.now();
  await updateReport(ctx.tx, link.id, { confirmedAt: now, confirmedBy: ctx.actor.displayName, ...(link.reportedAt ? {} : { reportedAt: now }) });
  await ctx.audit.record({ action: 'accident.receiptConfirmed', entityType: 'accident', entityId: accidentId, after: { recipient, late: now > link.due } });
}
