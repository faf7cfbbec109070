import type { z } from 'zod';
import type { ZTaskStats } from '../../../../common/contracts/tasks.js';
import type { Ctx } from '../../../kernel/context.js';
import { presentStatsUnit } from '../task.presenter.js';
import { assigneesInPeriod } from '../task.repository.js';

/**
 * On-time rates per unit for each 13710 stage, for assessment (考核): deploy by its day, first feedback
 * within 3 days, resolution within 7 days (general) or 1 month (major, against the original due date,
 * so an approved extension is counted separately rather than hiding lateness).
 */
export async function taskStats(ctx: Ctx, q: { from: string; to: string }): Promise<z.input<typeof ZTaskStats>> {
  const rows = await assigneesInPeriod(ctx.tx, ctx.scope, new Date(`${q.from}T00:00:00+08:00`), new Date(`${q.to}T23:59:59.999+08:00`));
  const now = ctx.clock.now();
  const units = new Map<
    string,
    {
      unitName: string;
      assigned: number;
      deploy: [number, number];
      feedback: [number, number];
      resolve7: [number, number];
      resolveMonth: [number, number];
      extended: number;
      closed: number;
    }
  >();
  for (const { a, t } of rows) {
    const u = units.get(a.unitName) ?? {
      unitName: a.unitName,
      assigned: 0,
      deploy: [0, 0],
      feedback: [0, 0],
      resolve7: [0, 0],
      resolveMonth: [0, 0],
      extended: 0,
      closed: 0,
    };
    u.assigned++;
    // A stage counts once its due point has passed or it was done.
    const stage = (done: Date | null, due: Date, bucket: [number, number]) => {
      if (!done && due > now) return;
      bucket[1]++;
      if (done && done <= due) bucket[0]++;
    };
    stage(a.deployedAt, a.deployDue, u.deploy);
    stage(a.firstFeedbackAt, a.feedbackDue, u.feedback);
    stage(a.resolvedAt, a.originalResolveDue, t.complexity === 'major' ? u.resolveMonth : u.resolve7);
    if (a.resolveDue.getTime() !== a.originalResolveDue.getTime()) u.extended++;
    if (a.status === 'closed') u.closed++;
    units.set(a.unitName, u);
  }
  return {
    from: q.from,
    to: q.to,
    units: [...units.values()].map(presentStatsUnit),
  };
}
