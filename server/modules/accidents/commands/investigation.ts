import type { z } from 'zod';
import type {
  ZAppraisal,
  ZExtendInvestigation,
  ZReplyInvestigation,
  ZStartInvestigation,
  ZSubmitInvestigationReport,
} from '../../../../common/contracts/accidents.js';
import type { AccidentGrade } from '../../../../common/rules/accident-grade.js';
import { investigatingLevel, investigationDeadline, replyDeadline } from '../../../../common/rules/accident-investigation.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError, notFound } from '../../../kernel/errors.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { accidentPolicy } from '../accident.policy.js';
import {
  type AccidentRow,
  getInvestigation,
  insertAccountability,
  insertInvestigation,
  lockAccident,
  updateAccident,
  updateInvestigation,
} from '../accident.repository.js';
import { type AccidentAction, type AccidentStatus, accidentTransition } from '../accident.workflow.js';

/** Loads the accident for a step: out of scope 404; the policy refuses an illegal step (409) or another government (403). */
async function step(ctx: Ctx, id: string, action: AccidentAction): Promise<{ a: AccidentRow; to: AccidentStatus }> {
  const a = await loadFor(ctx, accidentPolicy, action, (ex, scope) => lockAccident(ex, scope, id));
  return { a, to: accidentTransition(a.status as AccidentStatus, action) as AccidentStatus };
}

/** Art. 19: the level follows the grade; the 60-day clock runs from the accident (Art. 29). */
export async function startInvestigation(ctx: Ctx, id: string, input: z.infer<typeof ZStartInvestigation>) {
  const { a, to } = await step(ctx, id, 'startInvestigation');
  const level = investigatingLevel(a.grade as AccidentGrade, { casualties: a.deaths + a.missing + a.seriousInjuries + a.minorInjuries > 0 });
  const { due } = investigationDeadline({ occurredAt: a.occurredAt });
  await insertInvestigation(ctx.tx, { accidentId: id, level: level.level, leader: input.leader, members: input.members, startedAt: ctx.clock.now(), due });
  await updateAccident(ctx.tx, id, { status: to, updatedAt: ctx.clock.now() });
  await ctx.audit.record({ action: 'accident.investigationStarted', entityType: 'accident', entityId: id, after: { ...input, level: level.level, due } });
}

/** At most one extension of at most 60 days (Art. 29). */
export async function extendInvestigation(ctx: Ctx, id: string, input: z.infer<typeof ZExtendInvestigation>) {
  const { a } = await step(ctx, id, 'extendInvestigation');
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

/** Technical appraisal time does not count toward the deadline (Art. 29). */
export async function recordAppraisal(ctx: Ctx, id: string, input: z.infer<typeof ZAppraisal>) {
  const { a } = await step(ctx, id, 'recordAppraisal');
  const inv = await getInvestigation(ctx.tx, id);
  if (!inv) throw notFound();
  const appraisalDays = inv.appraisalDays + input.days;
  const { due } = investigationDeadline({ occurredAt: a.occurredAt, extensionDays: inv.extensionDays, appraisalDays });
  await updateInvestigation(ctx.tx, id, { appraisalDays, due });
  await ctx.audit.record({ action: 'accident.appraisalRecorded', entityType: 'accident', entityId: id, before: { due: inv.due }, after: { ...input, due } });
}

/** The report's contents (Art. 30); responsibility findings feed the 追责问责清单. The 批复 clock starts. */
export async function submitInvestigationReport(ctx: Ctx, id: string, input: z.infer<typeof ZSubmitInvestigationReport>) {
  const { a, to } = await step(ctx, id, 'submitReport');
  const now = ctx.clock.now();
  const { due } = replyDeadline({ grade: a.grade as AccidentGrade, reportReceivedAt: now });
  const { accountability, ...report } = input;
  await updateInvestigation(ctx.tx, id, { report, reportSubmittedAt: now, replyDue: due });
  await insertAccountability(
    ctx.tx,
    accountability.map((x) => ({ ...x, accidentId: id })),
  );
  await updateAccident(ctx.tx, id, { status: to, updatedAt: now });
  await ctx.audit.record({ action: 'accident.reportSubmitted', entityType: 'accident', entityId: id, after: { ...input, replyDue: due } });
}

/** 批复 (Art. 32) closes the case. */
export async function replyInvestigation(ctx: Ctx, id: string, input: z.infer<typeof ZReplyInvestigation>) {
  const { to } = await step(ctx, id, 'reply');
  const now = ctx.clock.now();
  await updateInvestigation(ctx.tx, id, { repliedAt: now, replyDocument: input.documentNumber });
  await updateAccident(ctx.tx, id, { status: to, updatedAt: now });
  await ctx.audit.record({ action: 'accident.replied', entityType: 'accident', entityId: id, after: input });
}

/** 及时向社会公布查处结果 (notice item 27): the closed case's handling result goes to the public page. */
export async function publishAccident(ctx: Ctx, id: string, input: { publicSummary: string }) {
  await step(ctx, id, 'publish');
  const now = ctx.clock.now();
  await updateAccident(ctx.tx, id, { published: true, publishedAt: now, publicSummary: input.publicSummary, updatedAt: now });
  await ctx.audit.record({ action: 'accident.published', entityType: 'accident', entityId: id, after: input });
}
