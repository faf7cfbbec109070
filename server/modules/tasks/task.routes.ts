import { z } from 'zod';
import { ZPageOf } from '../../../common/contracts/page.js';
import {
  ZDecideExtension,
  ZIssueTask,
  ZRequestExtension,
  ZTaskBoard,
  ZTaskListQuery,
  ZTaskResponse,
  ZTaskStats,
  ZTaskStatsQuery,
  ZTaskStep,
  ZTaskSummary,
} from '../../../common/contracts/tasks.js';
import { EXPORT_COLUMNS } from '../../../common/i18n/exports.js';
import type { Deps } from '../../kernel/context.js';
import { exportFile, sendXlsx, workbookOf } from '../../kernel/files/excel.js';
import { type App, route } from '../../kernel/http/route.js';
import { decideExtension } from './commands/decide-extension.js';
import { issueTask } from './commands/issue-task.js';
import { requestExtension } from './commands/request-extension.js';
import { assigneeStep } from './commands/step-assignee.js';
import { boardQuery, getTaskQuery, listTasksQuery } from './queries/task-queries.js';
import { taskStats } from './queries/task-stats.js';
import { ASSIGNEE_ACTIONS } from './task.workflow.js';

const COLUMNS = EXPORT_COLUMNS.tasks;

const ZId = z.object({ id: z.string().uuid({ message: 'invalid_format' }) });
const ZAssignee = z.object({ id: z.string().uuid({ message: 'invalid_format' }), assigneeId: z.string().uuid({ message: 'invalid_format' }) });
const ZDetail = ZTaskResponse;

export function taskRoutes(app: App, deps: Deps): void {
  const tags = ['tasks'];

  route(app, deps, {
    method: 'GET',
    url: '/api/tasks',
    access: 'task.read',
    summary: '督办 tasks in scope (issued by or assigned to the caller’s unit, or overseen by region)',
    tags,
    query: ZTaskListQuery,
    response: ZPageOf(ZTaskSummary),
    handler: (ctx, { query }) => listTasksQuery(ctx, query),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/tasks/board',
    access: 'task.read',
    summary: 'Supervision board: open, due soon, overdue and 通报 by unit',
    tags,
    response: ZTaskBoard,
    handler: (ctx) => boardQuery(ctx),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/tasks/stats',
    access: 'task.read',
    summary: 'On-time rates per unit for each 13710 stage in a period',
    tags,
    query: ZTaskStatsQuery,
    response: ZTaskStats,
    handler: (ctx, { query }) => taskStats(ctx, query),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/tasks/stats/export',
    access: 'task.export',
    summary: 'Excel of the on-time statistics',
    tags,
    query: ZTaskStatsQuery.extend({ format: z.literal('xlsx').default('xlsx') }),
    raw: 'xlsx',
    handler: async (ctx, { query }, { reply }) => {
      const s = await taskStats(ctx, query);
      const en = ctx.request.locale === 'en-US';
      const pct = (v: number | null) => (v === null ? '—' : `${v}%`);
      const buf = await workbookOf(
        en ? 'Task statistics' : '督办统计',
        [
          { header: COLUMNS.unit, width: 30, value: (r: (typeof s.units)[number]) => r.unitName },
          { header: COLUMNS.assigned, width: 10, value: (r) => r.assigned },
          { header: COLUMNS.closed, width: 10, value: (r) => r.closed },
          { header: COLUMNS.extended, width: 8, value: (r) => r.extended },
          { header: COLUMNS.deployOnTime, width: 14, value: (r) => pct(r.deployOnTimeRate) },
          { header: COLUMNS.feedbackOnTime, width: 14, value: (r) => pct(r.feedbackOnTimeRate) },
          { header: COLUMNS.n7DayResolveOnTime, width: 14, value: (r) => pct(r.resolve7OnTimeRate) },
          { header: COLUMNS.n1MonthResolveOnTime, width: 16, value: (r) => pct(r.resolveMonthOnTimeRate) },
        ],
        s.units,
        ctx.request.locale,
        `${en ? 'Task statistics' : '"13710" 督办统计'} ${query.from} – ${query.to}`,
      );
      return sendXlsx(reply, exportFile(ctx, 'taskStats', `${query.from}_${query.to}`), buf);
    },
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/tasks/:id',
    access: 'task.read',
    summary: 'Task with its assignees, their due dates, steps, extensions and abilities',
    tags,
    params: ZId,
    response: ZDetail,
    handler: (ctx, { params }) => getTaskQuery(ctx, params.id),
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/tasks',
    access: 'task.issue',
    summary: '交办: issue a task to a lead unit and cooperating units with 13710 due dates',
    tags,
    body: ZIssueTask,
    response: ZDetail,
    handler: async (ctx, { body }) => getTaskQuery(ctx, (await issueTask(ctx, body)).id),
  });

  for (const action of ASSIGNEE_ACTIONS) {
    route(app, deps, {
      method: 'POST',
      url: `/api/tasks/:id/assignees/:assigneeId/${action}`,
      access: action === 'accept' || action === 'return' ? 'task.issue' : 'task.handle',
      summary: { deploy: '签收部署', feedback: '反馈进展 (repeatable)', resolve: '办结', accept: '销号 (issuer)', return: '退回重办 (issuer)' }[action],
      tags,
      params: ZAssignee,
      body: ZTaskStep,
      response: ZDetail,
      handler: async (ctx, { params, body }) => {
        await assigneeStep(ctx, params.id, params.assigneeId, action, body);
        return getTaskQuery(ctx, params.id);
      },
    });
  }

  route(app, deps, {
    method: 'POST',
    url: '/api/tasks/:id/assignees/:assigneeId/request-extension',
    access: 'task.handle',
    summary: 'Ask the issuer for a later resolve date',
    tags,
    params: ZAssignee,
    body: ZRequestExtension,
    response: ZDetail,
    handler: async (ctx, { params, body }) => {
      await requestExtension(ctx, params.id, params.assigneeId, body);
      return getTaskQuery(ctx, params.id);
    },
  });

  for (const approve of [true, false]) {
    route(app, deps, {
      method: 'POST',
      url: `/api/tasks/:id/assignees/:assigneeId/${approve ? 'approve-extension' : 'refuse-extension'}`,
      access: 'task.issue',
      summary: approve ? 'Approve the pending extension' : 'Refuse the pending extension',
      tags,
      params: ZAssignee,
      body: ZDecideExtension,
      response: ZDetail,
      handler: async (ctx, { params, body }) => {
        await decideExtension(ctx, params.id, params.assigneeId, approve, body.comment);
        return getTaskQuery(ctx, params.id);
      },
    });
  }
}
