import type { TIssueTask } from '../../../../common/contracts/tasks.js';
import type { Ctx } from '../../../kernel/context.js';
import { notFound } from '../../../kernel/errors.js';
import { issueTask } from '../../tasks/index.js';
import { getPlan, getPlanItem } from '../workplan.repository.js';

/**
 * Issues a 督办 task that carries out one item of the plan: its source is the notice item, named by document and number
 * unless the issuer names another reference. The task policy's gate runs in issueTask.
 * @gated-by issueTask
 */
export async function issueItemTask(ctx: Ctx, planId: string, itemId: string, body: TIssueTask): Promise<{ id: string }> {
  const plan = await getPlan(ctx.tx, planId);
  const item = await getPlanItem(ctx.tx, itemId);
  if (!plan || !item || item.planId !== plan.id) throw notFound();
  return issueTask(ctx, { ...body, source: 'noticeItem', sourceRef: body.sourceRef ?? `${plan.document} 第${item.number}条` }, { planItemId: item.id });
}
