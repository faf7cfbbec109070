import type { z } from 'zod';
import type { ZWarningListQuery, ZWarningSummary } from '../../../../common/contracts/warnings.js';
import type { Ctx } from '../../../kernel/context.js';
import { presentWarningSummary } from '../warning.presenter.js';
import { findWarnings, targetCounts } from '../warning.repository.js';
import { effectiveState } from '../warning.workflow.js';

export async function findWarningsQuery(
  ctx: Ctx,
  q: z.infer<typeof ZWarningListQuery>,
): Promise<{ items: z.input<typeof ZWarningSummary>[]; total: number; page: number; pageSize: number }> {
  const now = ctx.clock.now();
  const { items, total } = await findWarnings(
    ctx.tx,
    ctx.scope,
    { active: q.active === undefined ? undefined : q.active === 'true', level: q.level, event: q.event, source: q.source, q: q.q },
    now,
    q.page,
    q.pageSize,
  );
  const counts = await targetCounts(
    ctx.tx,
    ctx.scope,
    items.map((w) => w.id),
  );
  return { items: items.map((w) => presentWarningSummary(w, effectiveState(w, now), counts.get(w.id))), total, page: q.page, pageSize: q.pageSize };
}
