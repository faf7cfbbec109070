import { z } from 'zod';
import {
  LIST_KINDS,
  ZAssignHazard,
  ZBulkHazards,
  ZBulkHazardsResult,
  ZCloseListing,
  ZConfirmHazard,
  ZDuplicateQuery,
  ZEscalateHazard,
  ZExtendHazard,
  ZHazardDuplicate,
  ZHazardListQuery,
  ZHazardOverview,
  ZHazardPlan,
  ZHazardResponse,
  ZHazardStep,
  ZHazardSummary,
  ZListEntry,
  ZListEntryRow,
  ZListHazard,
  ZListingRow,
  ZMajorHazardCatalogue,
  ZReportHazard,
  ZReportHazardResponse,
  ZStatsBoard,
  ZStatsDraft,
  ZStatsPeriod,
  ZStatsReportQuery,
  ZSubmitRectification,
  ZSubmitStatsReport,
} from '../../../common/contracts/hazards.js';
import { ZPageOf } from '../../../common/contracts/page.js';
import { MAJOR_HAZARD_CATALOGUES } from '../../../common/rules/major-hazard-criteria.js';
import type { Deps } from '../../kernel/context.js';
import { type App, route } from '../../kernel/http/route.js';
import { closeListing } from './commands/close-listing.js';
import { confirmHazard } from './commands/confirm-hazard.js';
import { createListEntry } from './commands/create-list-entry.js';
import { deleteListEntryCommand } from './commands/delete-list-entry.js';
import { fileHazardPlan } from './commands/file-hazard-plan.js';
import { listHazard } from './commands/list-hazard.js';
import { applyToHazards } from './commands/reassign-hazards.js';
import { reportHazard } from './commands/report-hazard.js';
import { hazardStep } from './commands/step-hazard.js';
import { submitStatsReport } from './commands/submit-stats-report.js';
import { updateListEntryCommand } from './commands/update-list-entry.js';
import { hazardExportRoutes } from './hazard-export.routes.js';
import { findDuplicates } from './queries/duplicates.js';
import { findHazardsQuery, hazardOverviewQuery } from './queries/find-hazards.js';
import { listEntriesQuery, listingsQuery } from './queries/four-lists.js';
import { getHazardQuery } from './queries/get-hazard.js';
import { statsBoardQuery, statsDraftQuery } from './queries/stats-reports.js';

const ZId = z.object({ id: z.string().uuid({ message: 'invalid_format' }) });
const ZDetail = ZHazardResponse;
const ZOk = z.object({ ok: z.literal(true) });
const ZKind = z.object({ kind: z.enum(LIST_KINDS) });
const ZKindId = ZKind.extend({ id: z.string().uuid({ message: 'invalid_format' }) });
const ZPaging = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  q: z.string().trim().max(100).optional(),
  lang: z.string().optional(),
});

export function hazardRoutes(app: App, deps: Deps): void {
  const tags = ['hazards'];

  route(app, deps, {
    method: 'GET',
    url: '/api/hazards',
    access: 'hazard.read',
    summary: '问题隐患清单: hazards in scope with filters',
    tags,
    query: ZHazardListQuery,
    response: ZPageOf(ZHazardSummary),
    handler: (ctx, { query }) => findHazardsQuery(ctx, query),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/hazards/overview',
    access: 'hazard.read',
    summary: 'Totals, by status, by the next region level and by industry (same filters as the list)',
    tags,
    query: ZHazardListQuery,
    response: ZHazardOverview,
    handler: (ctx, { query }) => hazardOverviewQuery(ctx, query),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/hazards/catalogues',
    access: 'hazard.read',
    summary: '重大事故隐患判定标准: the coal (15 categories) and chemical (20 items) catalogues with their sources',
    tags,
    response: z.object({ items: z.array(ZMajorHazardCatalogue) }),
    handler: async () => ({ items: MAJOR_HAZARD_CATALOGUES }),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/hazards/duplicates',
    access: 'hazard.report',
    summary: 'Open hazards of the enterprise that read almost the same (a hint while reporting)',
    tags,
    query: ZDuplicateQuery,
    response: z.object({ items: z.array(ZHazardDuplicate) }),
    handler: async (ctx, { query }) => ({ items: await findDuplicates(ctx, query) }),
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/hazards',
    access: 'hazard.report',
    summary: '上报隐患 with photos and location; returns the hazard and near-identical open hazards',
    tags,
    body: ZReportHazard,
    response: ZReportHazardResponse,
    handler: async (ctx, { body }) => {
      const r = await reportHazard(ctx, body);
      return { ...(await getHazardQuery(ctx, r.hazard.id)), duplicates: r.duplicates };
    },
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/hazards/bulk',
    access: 'hazard.read',
    summary: 'Assign, extend or escalate many hazards at once (all or nothing; the policy decides per hazard)',
    tags,
    body: ZBulkHazards,
    response: ZBulkHazardsResult,
    handler: (ctx, { body }) => applyToHazards(ctx, body),
  });

  // ---- the four lists (三年行动 四个清单) and statistics; static paths before /:id ----
  route(app, deps, {
    method: 'GET',
    url: '/api/hazards/listings',
    access: 'hazard.read',
    summary: '挂牌督办清单: listings in scope with each hazard’s progress',
    tags,
    query: ZPaging.extend({ status: z.enum(['open', 'closed']).optional() }),
    response: ZPageOf(ZListingRow),
    handler: (ctx, { query }) => listingsQuery(ctx, query),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/hazards/lists/:kind',
    access: 'hazard.read',
    summary: '制度措施清单 (measure) or 追责问责清单 (accountability)',
    tags,
    params: ZKind,
    query: ZPaging,
    response: ZPageOf(ZListEntryRow),
    handler: (ctx, { params, query }) => listEntriesQuery(ctx, params.kind, query),
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/hazards/lists/:kind',
    access: 'hazard.supervise',
    summary: 'Add an entry to the caller department’s list',
    tags,
    params: ZKind,
    body: ZListEntry,
    response: z.object({ id: z.string() }),
    handler: async (ctx, { params, body }) => ({ id: (await createListEntry(ctx, params.kind, body)).id }),
  });

  route(app, deps, {
    method: 'PATCH',
    url: '/api/hazards/lists/:kind/:id',
    access: 'hazard.supervise',
    summary: 'Edit an entry of the caller department’s list',
    tags,
    params: ZKindId,
    body: ZListEntry,
    response: ZOk,
    handler: async (ctx, { params, body }) => {
      await updateListEntryCommand(ctx, params.kind, params.id, body);
      return { ok: true as const };
    },
  });

  route(app, deps, {
    method: 'DELETE',
    url: '/api/hazards/lists/:kind/:id',
    access: 'hazard.supervise',
    summary: 'Remove an entry of the caller department’s list',
    tags,
    params: ZKindId,
    response: ZOk,
    handler: async (ctx, { params }) => {
      await deleteListEntryCommand(ctx, params.kind, params.id);
      return { ok: true as const };
    },
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/hazards/stats-reports',
    access: 'hazard.read',
    summary: 'Art. 14 statistics: every enterprise in scope with its state (submitted, pending, overdue) for a period',
    tags,
    query: ZStatsReportQuery,
    response: ZStatsBoard,
    handler: (ctx, { query }) => statsBoardQuery(ctx, query),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/hazards/stats-reports/draft',
    access: 'hazard.read',
    summary: 'One enterprise’s statistics table for a period: generated figures, or the submitted table',
    tags,
    query: z.object({ enterpriseId: z.string().uuid({ message: 'invalid_format' }), period: ZStatsPeriod, lang: z.string().optional() }),
    response: ZStatsDraft,
    handler: (ctx, { query }) => statsDraftQuery(ctx, query.enterpriseId, query.period),
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/hazards/stats-reports',
    access: 'hazard.handle',
    summary: 'Submit the statistics table, signed by the principal (after the period ends)',
    tags,
    body: ZSubmitStatsReport,
    response: ZStatsDraft,
    handler: (ctx, { body }) => submitStatsReport(ctx, body),
  });

  hazardExportRoutes(app, deps);

  // ---- one hazard ----
  route(app, deps, {
    method: 'GET',
    url: '/api/hazards/:id',
    access: 'hazard.read',
    summary: 'A hazard with its history, listings, 双报告 receipts and abilities',
    tags,
    params: ZId,
    response: ZDetail,
    handler: (ctx, { params }) => getHazardQuery(ctx, params.id),
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/hazards/:id/confirm',
    access: 'hazard.read',
    summary: '确认定级: grade (or pick a 判定标准 item), rectifier, deadline; a 重大 hazard is reported twice (双报告)',
    tags,
    params: ZId,
    body: ZConfirmHazard,
    response: ZDetail,
    handler: async (ctx, { params, body }) => {
      await confirmHazard(ctx, params.id, body);
      return getHazardQuery(ctx, params.id);
    },
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/hazards/:id/submit',
    access: 'hazard.handle',
    summary: '提交验收: what was done, with after-photos',
    tags,
    params: ZId,
    body: ZSubmitRectification,
    response: ZDetail,
    handler: async (ctx, { params, body }) => {
      await hazardStep(ctx, params.id, 'submit', body);
      return getHazardQuery(ctx, params.id);
    },
  });

  const STEPS = {
    reject: ['hazard.read', '驳回 (not a hazard, or a duplicate)'],
    rectify: ['hazard.handle', '开始整改 (a major hazard needs its plan first)'],
    verify: ['hazard.read', '验收 by someone other than the rectifier; a major hazard then awaits the regulator’s review'],
    return: ['hazard.read', '退回重改 (verification or on-site review failed)'],
    close: ['hazard.supervise', '现场审查通过，核销 (major hazards)'],
    reopen: ['hazard.read', '重新打开'],
  } as const;
  for (const [action, [access, summary]] of Object.entries(STEPS) as [keyof typeof STEPS, (typeof STEPS)[keyof typeof STEPS]][]) {
    route(app, deps, {
      method: 'POST',
      url: `/api/hazards/:id/${action}`,
      access,
      summary,
      tags,
      params: ZId,
      body: ZHazardStep,
      response: ZDetail,
      handler: async (ctx, { params, body }) => {
        await hazardStep(ctx, params.id, action, body);
        return getHazardQuery(ctx, params.id);
      },
    });
  }

  route(app, deps, {
    method: 'POST',
    url: '/api/hazards/:id/plan',
    access: 'hazard.handle',
    summary: 'File or revise the six-element rectification plan of a major hazard (Art. 15)',
    tags,
    params: ZId,
    body: ZHazardPlan,
    response: ZDetail,
    handler: async (ctx, { params, body }) => {
      await fileHazardPlan(ctx, params.id, body);
      return getHazardQuery(ctx, params.id);
    },
  });

  const SINGLE = { assign: ZAssignHazard, extend: ZExtendHazard, escalate: ZEscalateHazard } as const;
  for (const action of ['assign', 'extend', 'escalate'] as const) {
    route(app, deps, {
      method: 'POST',
      url: `/api/hazards/:id/${action}`,
      access: action === 'escalate' ? 'hazard.supervise' : 'hazard.read',
      summary: { assign: 'Name the rectifier (and deadline)', extend: 'Move the deadline, with the reason', escalate: 'Escalate to the next level' }[action],
      tags,
      params: ZId,
      body: SINGLE[action],
      response: ZDetail,
      handler: async (ctx, { params, body }) => {
        await applyToHazards(ctx, { ...(body as object), action, ids: [params.id] } as Parameters<typeof applyToHazards>[1]);
        return getHazardQuery(ctx, params.id);
      },
    });
  }

  route(app, deps, {
    method: 'POST',
    url: '/api/hazards/:id/list',
    access: 'hazard.supervise',
    summary: '挂牌督办: list a major hazard for supervised rectification',
    tags,
    params: ZId,
    body: ZListHazard,
    response: ZDetail,
    handler: async (ctx, { params, body }) => {
      await listHazard(ctx, params.id, body);
      return getHazardQuery(ctx, params.id);
    },
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/hazards/:id/unlist',
    access: 'hazard.supervise',
    summary: '摘牌: close the caller department’s listing once the hazard is closed out',
    tags,
    params: ZId,
    body: ZCloseListing,
    response: ZDetail,
    handler: async (ctx, { params, body }) => {
      await closeListing(ctx, params.id, body);
      return getHazardQuery(ctx, params.id);
    },
  });
}
