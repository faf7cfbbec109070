import type { TBulkHazards } from '../../../../common/contracts/hazards.js';
import { notice } from '../../../../common/i18n/notifications.js';
import { toShanghaiDate } from '../../../../common/rules/calendar/working-days.js';
import type { HazardEscalation } from '../../../../common/rules/hazard-deadlines.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError, invalidField } from '../../../kernel/errors.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { userIdsOfUnit } from '../../identity/index.js';
import { hazardPolicy } from '../hazard.policy.js';
import { lockHazard, lockHazards, updateHazard } from '../hazard.repository.js';
import { hazardLink, recordTransition } from './_effects.js';
import { notifyEscalation } from './_escalation.js';

type Bulk = TBulkHazards;
type Action = Bulk['action'];

const ACTION_ZH: Record<Action, [string, string]> = { assign: ['指派', 'assigned'], extend: ['延期', 'extended'], escalate: ['升级督办', 'escalated'] };

/**
 * Assign (rectifier and deadline), extend (deadline) or escalate (to the next level's attention) one
 * hazard or many at once. The whole id set is checked first: anything missing or out of scope is 404,
 * anything the hazard policy refuses is its refusal for one hazard (403/409) or 409 naming the refused ones for many,
 * and then nothing changes. Each write then loads its hazard through the gate.
 */
export async function applyToHazards(ctx: Ctx, input: Bulk): Promise<{ updated: number }> {
  const ids = [...new Set(input.ids)];
  const rows = await lockHazards(ctx.tx, ctx.scope, ids);
  if (rows.length !== ids.length) throw new AppError('BULK_OUT_OF_SCOPE', { count: ids.length, missing: ids.length - rows.length });
  const refused = rows.filter((h) => hazardPolicy.check(ctx.actor, h, input.action) !== null);
  if (refused.length) {
    // One hazard: the gate gives the policy's own refusal.
    if (ids.length === 1) await loadFor(ctx, hazardPolicy, input.action, async () => refused[0]);
    throw new AppError('BULK_NOT_ALLOWED', {
      count: refused.length,
      action: ACTION_ZH[input.action][ctx.request.locale === 'en-US' ? 1 : 0],
      codes: refused
        .slice(0, 3)
        .map((h) => h.code)
        .join(', '),
    });
  }
  const today = toShanghaiDate(ctx.clock.now());
  const deadline = 'deadline' in input ? input.deadline : undefined;
  if (deadline && deadline < today) throw invalidField('deadline', 'too_small', { minimum: today });
  const now = ctx.clock.now();
  for (const { id } of rows) {
    const h = await loadFor(ctx, hazardPolicy, input.action, (ex, scope) => lockHazard(ex, scope, id));
    if (input.action === 'assign') {
      await updateHazard(ctx.tx, h.id, {
        rectifierName: input.rectifierName,
        rectifierUserId: input.rectifierUserId ?? null,
        ...(input.deadline ? { deadline: input.deadline } : {}),
        updatedAt: now,
      });
      if (input.rectifierUserId) {
        await ctx.notify.send({
          userIds: [input.rectifierUserId],
          kind: 'hazard.assigned',
          notice: notice('hazard.assigned', { title: h.title, deadline: input.deadline ?? h.deadline ?? '—', code: h.code }),
          link: hazardLink(h.id),
          entityType: 'hazard',
          entityId: h.id,
        });
      }
    } else if (input.action === 'extend') {
      // A new deadline starts the reminders and the escalation afresh.
      await updateHazard(ctx.tx, h.id, { deadline: input.deadline, escalation: 0, remindedFor: null, updatedAt: now });
      await ctx.notify.send({
        userIds: (await userIdsOfUnit(ctx.tx, { enterpriseId: h.enterpriseId })).filter((u) => u !== ctx.actor.id),
        kind: 'hazard.extended',
        notice: notice('hazard.extended', { title: h.title, deadline: input.deadline, previous: h.deadline ?? '—', comment: input.comment }),
        link: hazardLink(h.id),
        entityType: 'hazard',
        entityId: h.id,
      });
    } else {
      const level = Math.min(3, h.escalation + 1) as HazardEscalation;
      await updateHazard(ctx.tx, h.id, { escalation: level, updatedAt: now });
      await notifyEscalation(ctx, h, level, input.comment);
    }
    await recordTransition(ctx, h, {
      action: input.action,
      from: h.status,
      to: h.status,
      comment: input.comment ?? `${ACTION_ZH[input.action][0]}：${'rectifierName' in input ? input.rectifierName : ''}`,
      data: {
        ...('rectifierName' in input ? { rectifierName: input.rectifierName } : {}),
        ...(deadline ? { deadline, previousDeadline: h.deadline } : {}),
        ...(input.action === 'escalate' ? { escalation: Math.min(3, h.escalation + 1) } : {}),
        ...(ids.length > 1 ? { bulk: ids.length } : {}),
      },
    });
    await ctx.audit.record({
      action: `hazard.${input.action}`,
      entityType: 'hazard',
      entityId: h.id,
      before: { deadline: h.deadline, rectifierName: h.rectifierName, escalation: h.escalation },
      after: { ...input, ids: undefined, bulk: ids.length },
    });
  }
  return { updated: rows.length };
}
