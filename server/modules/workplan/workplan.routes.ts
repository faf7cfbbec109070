import { z } from 'zod';
import { ZPageOf } from '../../../common/contracts/page.js';
import { ZCreatePlan } from '../../../common/contracts/plans.js';
import { ZIssueTask, ZTaskResponse } from '../../../common/contracts/tasks.js';
import { ZCreatedId, ZPlan, ZPlanItemDetail, ZPlanOverview, ZRecordActivity, ZRegisterEntry, ZRegisterQuery } from '../../../common/contracts/workplan.js';
import { EXPORT_COLUMNS } from '../../../common/i18n/exports.js';
import type { Deps } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { exportFile, sendXlsx, workbookOf } from '../../kernel/files/excel.js';
import { type App, route } from '../../kernel/http/route.js';
import { getTaskQuery } from '../tasks/index.js';
import { createPlan } from './commands/create-plan.js';
import { importPlan } from './commands/import-plan.js';
import { issueItemTask } from './commands/issue-item-task.js';
import { recordActivity } from './commands/record-activity.js';
import { listPlansQuery, planItemDetail, planOverview, registersQuery } from './queries/plan-queries.js';
import { planTemplate } from './workplan.excel.js';

const COLUMNS = EXPORT_COLUMNS.workplan;

const ZPlanId = z.object({ id: z.string().uuid({ message: 'invalid_format' }) });
const ZItemId = z.object({ id: z.string().uuid({ message: 'invalid_format' }), itemId: z.string().uuid({ message: 'invalid_format' }) });
/** An indicator's state by name (the export shows names, not the colour codes). */
const STATUS_NAMES: Record<string, [string, string]> = {
  green: ['达标', 'Met'],
  yellow: ['接近', 'Close'],
  red: ['未达标', 'Not met'],
  grey: ['无数据', 'No data'],
};

export function workplanRoutes(app: App, deps: Deps): void {
  const tags = ['workplan'];

  route(app, deps, {
    method: 'GET',
    url: '/api/plans',
    access: 'workplan.read',
    summary: 'Work plans (the annual notices)',
    tags,
    response: z.object({ items: z.array(ZPlan) }),
    handler: (ctx) => listPlansQuery(ctx),
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/plans',
    access: 'workplan.manage',
    summary: 'Enter another year’s notice as a work plan',
    tags,
    body: ZCreatePlan,
    response: ZCreatedId,
    handler: (ctx, { body }) => createPlan(ctx, body),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/plans/import-template',
    access: 'workplan.manage',
    summary: 'Excel template for entering a notice',
    tags,
    raw: 'xlsx',
    handler: async (ctx, _i, { reply }) => sendXlsx(reply, exportFile(ctx, 'workPlanTemplate', ''), await planTemplate()),
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/plans/import',
    upload: 'The notice workbook (xlsx) filled in from GET /api/plans/import-template',
    access: 'workplan.manage',
    summary: 'Import a notice from the Excel template (multipart "file"); rejected files store nothing',
    tags,
    response: ZCreatedId,
    handler: async (ctx, _i, { req }) => {
      const file = await req.file().catch(() => undefined);
      if (!file) throw new AppError('VALIDATION', {}, [{ field: 'file', code: 'required' }]);
      return importPlan(ctx, await file.toBuffer(), deps.config.importLimits);
    },
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/plans/:id',
    access: 'workplan.read',
    summary: '落实情况: items with computed indicators and status colour (in the caller’s scope)',
    tags,
    params: ZPlanId,
    response: ZPlanOverview,
    handler: (ctx, { params }) => planOverview(ctx, params.id),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/plans/:id/items/:itemId',
    access: 'workplan.read',
    summary: 'One item: indicators with the units that fall short, and its 督办 tasks',
    tags,
    params: ZItemId,
    response: ZPlanItemDetail,
    handler: (ctx, { params }) => planItemDetail(ctx, params.id, params.itemId),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/plans/:id/export',
    access: 'workplan.read',
    summary: 'Excel of the 落实情况 as shown',
    tags,
    params: ZPlanId,
    query: z.object({ format: z.literal('xlsx').default('xlsx'), lang: z.string().optional() }),
    raw: 'xlsx',
    handler: async (ctx, { params }, { reply }) => {
      const o = await planOverview(ctx, params.id);
      const en = ctx.request.locale === 'en-US';
      const rows = o.items.flatMap((i) =>
        (i.indicators.length ? i.indicators : [null]).map((ind) => ({
          number: i.number,
          title: en ? i.titleEn : i.title,
          units: i.responsibleUnits.join('、'),
          ind,
          tasks: i.taskCount,
        })),
      );
      const buf = await workbookOf(
        en ? 'Implementation' : '落实情况',
        [
          { header: COLUMNS.no, width: 6, value: (r: (typeof rows)[number]) => r.number },
          { header: COLUMNS.item, width: 30, value: (r) => r.title },
          { header: COLUMNS.responsibleUnits, width: 30, value: (r) => r.units },
          { header: COLUMNS.indicator, width: 30, value: (r) => (r.ind ? (en ? r.ind.nameEn : r.ind.name) : '') },
          { header: COLUMNS.target, width: 24, value: (r) => r.ind?.target ?? '' },
          { header: COLUMNS.value, width: 22, value: (r) => r.ind?.display ?? '' },
          { header: COLUMNS.status, width: 10, value: (r) => (r.ind ? (STATUS_NAMES[r.ind.status]?.[en ? 1 : 0] ?? r.ind.status) : '') },
          { header: COLUMNS.fallingShort, width: 12, value: (r) => r.ind?.shortfallCount ?? '' },
          { header: COLUMNS.tasks, width: 10, value: (r) => r.tasks },
        ],
        rows,
        ctx.request.locale,
        `${o.plan.document} ${o.plan.title}`,
      );
      return sendXlsx(reply, exportFile(ctx, 'workPlan', String(o.plan.year)), buf);
    },
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/plans/:id/items/:itemId/tasks',
    access: 'task.issue',
    summary: 'Issue a 督办 task that carries out this item',
    tags,
    params: ZItemId,
    body: ZIssueTask,
    response: ZTaskResponse,
    handler: async (ctx, { params, body }) => getTaskQuery(ctx, (await issueItemTask(ctx, params.id, params.itemId, body)).id),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/registers',
    access: 'workplan.read',
    summary: 'Register entries of a kind and year (meetings, lectures, inspections, training, equipment, mining faces, four systems)',
    tags,
    query: ZRegisterQuery,
    response: ZPageOf(ZRegisterEntry),
    handler: (ctx, { query }) => registersQuery(ctx, query),
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/registers',
    access: 'register.write',
    summary: 'Record a register entry for one’s own unit (or an enterprise in scope)',
    tags,
    body: ZRecordActivity,
    response: ZCreatedId,
    handler: (ctx, { body }) => recordActivity(ctx, body),
  });
}
