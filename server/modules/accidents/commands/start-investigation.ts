import type { z } from 'zod';
import type { ZStartInvestigation } from '../../../../common/contracts/accidents.js';
import type { AccidentGrade } from '../../../../common/rules/accident-grade.js';
import { investigatingLevel, investigationDeadline } from '../../../../common/rules/accident-investigation.js';
import type { Ctx } from '../../../kernel/context.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { accidentPolicy } from '../accident.policy.js';
import { insertInvestigation, lockAccident, updateAccident } from '../accident.repository.js';
import { nextStatus } from './_investigation.js';

/** Art. 19: the level follows the grade; the 60-day clock runs from the accident (Art. 29). */
export async function startInvestigation(ctx: Ctx, id: string, input: z.infer<typeof ZStartInvestigation>) {
  const a = await loadFor(ctx, accidentPolicy, 'startInvestigation', (ex, scope) => lockAccident(ex, scope, id));
  const to = nextStatus(a, 'startInvestigation');
  const level = investigatingLevel(a.grade as AccidentGrade, { casualties: a.deaths + a.missing + a.seriousInjuries + a.minorInjuries > 0 });
  const { due } = investigationDeadline({ occurredAt: a.occurredAt });
  await insertInvestigation(ctx.tx, { accidentId: id, level: level.level, leader: input.leader, members: input.members, startedAt: ctx.clock.now(), due });
  await updateAccident(ctx.tx, id, { status: to, updatedAt: ctx.clock.now() });
  await ctx.audit.record({ action: 'accident.investigationStarted', entityType: 'accident', entityId: id, after: { ...input, level: level.level, due } });
}
