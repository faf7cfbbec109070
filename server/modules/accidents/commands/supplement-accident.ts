import type { TSupplementAccident } from '../../../../common/contracts/accidents.js';
import { type AccidentGrade, gradeAccident } from '../../../../common/rules/accident-grade.js';
import { chainExtension, supplementDeadline } from '../../../../common/rules/accident-reporting.js';
import { toShanghaiDate } from '../../../../common/rules/calendar/working-days.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError } from '../../../kernel/errors.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { chainLinks, supplementKind } from '../accident.chain.js';
import { accidentPolicy } from '../accident.policy.js';
import { insertReports, insertRevision, lockAccident, updateAccident } from '../accident.repository.js';
import { createFatalActions, notifyChain } from './_chain-effects.js';

/**
 * 续报 (Art. 13): new casualty and loss totals within 30 days (7 for road traffic and fire). The accident
 * is regraded; when the grade rises, the chain gains the newly required levels and they are told.
 */
export async function supplementAccident(ctx: Ctx, id: string, input: TSupplementAccident) {
  const a = await loadFor(ctx, accidentPolicy, 'supplement', (ex, scope) => lockAccident(ex, scope, id));
  if (a.version !== input.version) throw new AppError('STALE_VERSION');
  const now = ctx.clock.now();
  const windowEnd = supplementDeadline(a.occurredAt, supplementKind(a));
  if (now.getTime() > windowEnd.getTime()) {
    throw new AppError('SUPPLEMENT_WINDOW_CLOSED', { until: toShanghaiDate(windowEnd) });
  }
  const g = gradeAccident(input);
  const totals = (x: typeof input | typeof a) => ({
    deaths: x.deaths,
    missing: x.missing,
    seriousInjuries: x.seriousInjuries,
    minorInjuries: x.minorInjuries,
    directLossYuan: x.directLossYuan,
  });
  const after = await updateAccident(ctx.tx, id, { ...totals(input), grade: g.grade, decidedBy: g.decidedBy, updatedAt: now });
  await insertRevision(ctx.tx, {
    accidentId: id,
    kind: 'supplement',
    at: now,
    actorId: ctx.actor.id,
    actorName: ctx.actor.displayName,
    ...totals(input),
    grade: g.grade,
    note: input.note,
  });
  const added = chainExtension(a.grade as AccidentGrade, g.grade);
  if (added.length) {
    const links = await chainLinks(ctx.tx, g.grade, a.occurredAt, a.regionPath);
    await insertReports(
      ctx.tx,
      links
        .filter((l) => added.includes(l.recipient as never))
        .map((l) => ({ accidentId: id, recipient: l.recipient, departmentId: l.departmentId, due: l.due })),
    );
  }
  await ctx.audit.record({
    action: 'accident.supplemented',
    entityType: 'accident',
    entityId: id,
    before: { ...totals(a), grade: a.grade },
    after: { ...input, grade: g.grade, chainAdded: added },
  });
  await notifyChain(ctx, after, ['county', 'city'], g.grade < a.grade ? 'accident.upgraded' : 'accident.supplement');
  await createFatalActions(ctx, after);
  return { gradeBefore: a.grade, gradeAfter: g.grade, chainAdded: added };
}
