import type { ChainRecipient } from '../../../../common/contracts/accidents.js';
import type { Ctx } from '../../../kernel/context.js';
import { invalid } from '../../../kernel/errors.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { LEVEL_ORDER, REPORTED_BY_LEVEL } from '../accident.chain.js';
import { chainLinkPolicy, reportRole } from '../accident.policy.js';
import { listReports, updateReport } from '../accident.repository.js';
import { notifyChain } from './_chain-effects.js';
import { lockLink } from './_chain-link.js';

/**
 * Records that the level below reported to `recipient` (Art. 10). Reporting a level whose lower level
 * has not been reported yet is 越级上报: allowed, with the reason recorded.
 */
export async function reportToLevel(ctx: Ctx, accidentId: string, recipient: ChainRecipient, input: { comment?: string; skipReason?: string }) {
  const { accident: a, link } = await loadFor(ctx, chainLinkPolicy, 'report', (ex, scope) => lockLink(ex, scope, accidentId, recipient));
  const role = reportRole(ctx.actor, a, recipient);
  const links = await listReports(ctx.tx, accidentId);
  const idx = LEVEL_ORDER.indexOf(recipient);
  const unreported = idx > 0 ? LEVEL_ORDER.slice(0, idx).filter((lv) => links.some((l) => l.recipient === lv && !l.reportedAt)) : [];
  // 越级上报: a lower level not yet reported, or the county reporting past the city.
  const skipped = role === 'skip' && !unreported.includes('city') ? ['city', ...unreported] : unreported;
  if (skipped.length && !input.skipReason) throw invalid([{ field: 'skipReason', code: 'required' }]);
  const now = ctx.clock.now();
  await updateReport(ctx.tx, link.id, {
    reportedAt: now,
    reportedBy: ctx.actor.unitName ?? ctx.actor.displayName,
    skipped: skipped.length > 0,
    skipReason: skipped.length ? (input.skipReason ?? null) : null,
    // Bodies outside Taihang cannot confirm here: the reporter's record is the receipt.
    ...(link.departmentId ? {} : { confirmedAt: now, confirmedBy: `${ctx.actor.displayName}（代为记录）` }),
  });
  await ctx.audit.record({
    action: 'accident.chainReported',
    entityType: 'accident',
    entityId: accidentId,
    after: { recipient, by: REPORTED_BY_LEVEL[recipient], late: now > link.due, skipped, skipReason: input.skipReason ?? null, comment: input.comment ?? null },
  });
  if (link.departmentId) await notifyChain(ctx, a, [recipient], 'accident.forwarded');
}
