import type { Ctx } from '../../../kernel/context.js';
import { notFound } from '../../../kernel/errors.js';
import { reportAbilities } from '../risk.policy.js';
import { presentReport } from '../risk.presenter.js';
import { getReport, listRecipients } from '../risk.repository.js';

export async function getReportQuery(ctx: Ctx, id: string) {
  const r = await getReport(ctx.tx, ctx.scope, id);
  if (!r) throw notFound();
  const recipients = await listRecipients(ctx.tx, [id]);
  return {
    data: { ...presentReport(r, recipients), addressedToMe: recipients.some((x) => x.departmentId === ctx.actor.departmentId) },
    abilities: reportAbilities(ctx.actor, recipients),
  };
}
