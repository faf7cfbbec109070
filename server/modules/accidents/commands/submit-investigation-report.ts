import type { z } from 'zod';
import type { ZSubmitInvestigationReport } from '../../../../common/contracts/accidents.js';
import type { AccidentGrade } from '../../../../common/rules/accident-grade.js';
import { replyDeadline } from '../../../../common/rules/accident-investigation.js';
import type { Ctx } from '../../../kernel/context.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { accidentPolicy } from '../accident.policy.js';
import { insertAccountability, lockAccident, updateAccident, updateInvestigation } from '../accident.repository.js';
import { nextStatus } from './_investigation.js';

/** The report's contents (Art. 30); responsibility findings feed the 追责问责清单. The 批复 clock starts. */
export async function submitInvestigationReport(ctx: Ctx, id: string, input: z.infer<typeof ZSubmitInvestigationReport>) {
  const a = await loadFor(ctx, accidentPolicy, 'submitReport', (ex, scope) => lockAccident(ex, scope, id));
  const to = nextStatus(a, 'submitReport');
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
