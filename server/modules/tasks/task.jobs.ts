import { formatBeijingDateTime } from '../../../common/format/beijing.js';
import { at, NOTICE_TERMS, notice, perLocale } from '../../../common/i18n/notifications.js';
import { systemActor } from '../../kernel/actor.js';
import { type Deps, inTransaction } from '../../kernel/context.js';
import { systemOnly } from '../../kernel/gate/gate.js';
import type { JobDefinition } from '../../kernel/jobs/jobs.js';
import { Scope } from '../../kernel/scope/scope.js';
import { userIdsOfUnit } from '../identity/index.js';
import { assigneesToSweep, insertEvent, updateAssignee } from './task.repository.js';
import { escalationLevel } from './task.workflow.js';

const BATCH = 500;
/** Reminders go out this long before a due point. */
const REMIND_BEFORE_MS = 24 * 3_600_000;
const LEVEL_NAMES = ['', '提醒', '预警', '通报'];
const STAGES = NOTICE_TERMS.taskStage;
type Stage = keyof typeof STAGES;

/**
 * The 13710 sweep: reminds before each due point, and raises an overdue assignee's escalation
 * (reminder → warning → 通报) as time passes, telling the unit and, from warning on, the issuer.
 */
export async function sweepTasks(deps: Deps): Promise<{ reminded: number; escalated: number }> {
  return inTransaction(deps, systemActor('tasks.sweep'), { id: null, ip: null, locale: 'zh-CN' }, async (ctx) => {
    const now = ctx.clock.now();
    systemOnly(ctx);
    const rows = await assigneesToSweep(ctx.tx, Scope.system(), new Date(now.getTime() + REMIND_BEFORE_MS), BATCH);
    let reminded = 0;
    let escalated = 0;
    for (const { a, t } of rows) {
      const stages = [
        { key: 'deploy', due: a.deployedAt ? null : a.deployDue },
        { key: 'feedback', due: a.firstFeedbackAt ? null : a.feedbackDue },
        { key: 'resolve', due: a.resolvedAt ? null : a.resolveDue },
      ].filter((s): s is { key: Stage; due: Date } => !!s.due);
      const worst = Math.max(0, ...stages.map((s) => escalationLevel(now.getTime() - s.due.getTime())));
      const unitUsers = await userIdsOfUnit(ctx.tx, { departmentId: a.departmentId, enterpriseId: a.enterpriseId });
      if (worst > a.escalation) {
        await updateAssignee(ctx.tx, a.id, { escalation: worst });
        const issuerUsers = worst >= 2 ? await userIdsOfUnit(ctx.tx, { departmentId: t.issuerDepartmentId }) : [];
        await ctx.notify.send({
          userIds: [...unitUsers, ...issuerUsers],
          kind: 'task.overdue',
          notice: notice('task.overdue', {
            level: NOTICE_TERMS.taskEscalation[worst as 1 | 2 | 3],
            title: t.title,
            unit: a.unitName,
            code: t.code,
            stages: perLocale((l) =>
              stages
                .map((s) =>
                  l === 'en-US' ? `${STAGES[s.key][l]} due by ${formatBeijingDateTime(s.due)}` : `${STAGES[s.key][l]}应于 ${formatBeijingDateTime(s.due)} 前`,
                )
                .join(l === 'en-US' ? ', ' : '，'),
            ),
          }),
          link: `/tasks/${t.id}`,
          entityType: 'task',
          entityId: t.id,
        });
        await insertEvent(ctx.tx, {
          taskId: t.id,
          assigneeId: a.id,
          action: `escalate${worst}`,
          fromStatus: a.status,
          toStatus: a.status,
          actorId: null,
          actorName: '系统（13710 督办）',
          at: now,
          comment: `逾期${LEVEL_NAMES[worst]}`,
        });
        await ctx.audit.record({ action: 'task.escalated', entityType: 'task', entityId: t.id, after: { assigneeId: a.id, level: worst } });
        escalated++;
        continue;
      }
      const upcoming = stages.find((s) => s.due > now && s.due.getTime() - now.getTime() <= REMIND_BEFORE_MS);
      const tag = upcoming && `${upcoming.key}@${upcoming.due.toISOString()}`;
      if (upcoming && a.remindedFor !== tag) {
        await updateAssignee(ctx.tx, a.id, { remindedFor: tag });
        await ctx.notify.send({
          userIds: unitUsers,
          kind: 'task.reminder',
          notice: notice('task.reminder', { title: t.title, stage: STAGES[upcoming.key], due: at(upcoming.due) }),
          link: `/tasks/${t.id}`,
          entityType: 'task',
          entityId: t.id,
        });
        reminded++;
      }
    }
    return { reminded, escalated };
  });
}

export function taskJobs(deps: () => Deps): JobDefinition[] {
  return [
    {
      name: 'tasks.sweep',
      cron: '*/10 * * * *',
      async handler() {
        await sweepTasks(deps());
      },
    },
  ];
}
