import type { THazardStep } from '../../../../common/contracts/hazards.js';
import { type NoticeKey, notice } from '../../../../common/i18n/notifications.js';
import { toShanghaiDate } from '../../../../common/rules/calendar/working-days.js';
import { DEFAULT_HAZARD_DEADLINES, HAZARD_REVIEW_SOURCE, reviewDue } from '../../../../common/rules/hazard-deadlines.js';
import { loadCalendar } from '../../../kernel/calendar/calendar.js';
import type { Ctx } from '../../../kernel/context.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { userIdsOfUnit } from '../../identity/index.js';
import { hazardPolicy } from '../hazard.policy.js';
import { type HazardRow, lockHazard, updateHazard } from '../hazard.repository.js';
import type { HazardAction } from '../hazard.workflow.js';
import { hazardLink, recordTransition, supervisorUsers } from './_effects.js';
import { nextStatus } from './_step.js';

const today = (ctx: Ctx) => toShanghaiDate(ctx.clock.now());

/** The steps the enterprise hears of (the catalogue's hazard.step.* texts). */
const STEP_NOTICES = {
  reject: 'hazard.step.reject',
  submit: 'hazard.step.submit',
  verify: 'hazard.step.verify',
  return: 'hazard.step.return',
  close: 'hazard.step.close',
  reopen: 'hazard.step.reopen',
} as const satisfies Partial<Record<HazardAction, NoticeKey>>;

/** The other steps: reject, rectify, submit, verify, return, close (核销), reopen. */
export async function hazardStep(ctx: Ctx, id: string, action: Exclude<HazardAction, 'confirm'>, input: THazardStep & { fundsSpentYuan?: number }) {
  const h = await loadFor(ctx, hazardPolicy, action, (ex, scope) => lockHazard(ex, scope, id));
  const to = nextStatus(h, action);
  const now = ctx.clock.now();
  const changes: Partial<HazardRow> = { status: to, updatedAt: now };
  let review: string | null = null;
  if (action === 'submit') Object.assign(changes, { submittedBy: ctx.actor.id, submittedAt: now });
  if (action === 'verify') Object.assign(changes, { verifiedBy: ctx.actor.id, verifiedAt: now });
  if (action === 'verify' && to === 'verified') {
    const { calendar } = await loadCalendar(ctx.tx);
    review = reviewDue(today(ctx), calendar, DEFAULT_HAZARD_DEADLINES);
    changes.reviewDue = review;
  }
  if (to === 'closed') Object.assign(changes, { closedAt: now, escalation: 0 });
  if (action === 'return') Object.assign(changes, { reviewDue: null, verifiedAt: null, verifiedBy: null });
  if (action === 'reopen') Object.assign(changes, { closedAt: null, reviewDue: null, escalation: 0, remindedFor: null });
  await updateHazard(ctx.tx, h.id, changes);
  await recordTransition(ctx, h, {
    action,
    from: h.status,
    to,
    comment: input.comment,
    evidence: input.evidence,
    data:
      input.fundsSpentYuan !== undefined || review
        ? { fundsSpentYuan: input.fundsSpentYuan, reviewDue: review, reviewSource: review ? HAZARD_REVIEW_SOURCE : undefined }
        : null,
  });
  // Who hears of it: the enterprise of every step it did not take; the regulators of acceptance applications.
  const stepKey = action in STEP_NOTICES ? STEP_NOTICES[action as keyof typeof STEP_NOTICES] : undefined;
  if (stepKey) {
    const toRegulators = action === 'verify' && to === 'verified';
    const userIds = toRegulators
      ? (await supervisorUsers(ctx, h.enterpriseId, { governmentLevels: 1 })).userIds
      : (await userIdsOfUnit(ctx.tx, { enterpriseId: h.enterpriseId })).filter((u) => u !== ctx.actor.id);
    await ctx.notify.send({
      userIds,
      kind: `hazard.${action}`,
      notice: toRegulators
        ? notice('hazard.verifyRequested', {
            enterprise: h.enterpriseName,
            title: h.title,
            reviewDue: review ?? '—',
            source: HAZARD_REVIEW_SOURCE,
            comment: input.comment,
          })
        : notice(stepKey, { title: h.title, comment: input.comment }),
      link: hazardLink(h.id),
      entityType: 'hazard',
      entityId: h.id,
    });
  }
  await ctx.audit.record({ action: `hazard.${action}`, entityType: 'hazard', entityId: h.id, before: { status: h.status }, after: { status: to, ...input } });
}
