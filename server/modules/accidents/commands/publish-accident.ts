import type { Ctx } from '../../../kernel/context.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { accidentPolicy } from '../accident.policy.js';
import { lockAccident, updateAccident } from '../accident.repository.js';

/** 及时向社会公布查处结果 (notice item 27): the closed case's handling result goes to the public page. */
export async function publishAccident(ctx: Ctx, id: string, input: { publicSummary: string }) {
  await loadFor(ctx, accidentPolicy, 'publish', (ex, scope) => lockAccident(ex, scope, id));
  const now = ctx.clock.now();
  await updateAccident(ctx.tx, id, { published: true, publishedAt: now, publicSummary: input.publicSummary, updatedAt: now });
  await ctx.audit.record({ action: 'accident.published', entityType: 'accident', entityId: id, after: input });
}
