import { z } from 'zod';
import {
  CHAIN_RECIPIENTS,
  FATAL_ACTION_KEYS,
  ZAccidentGradeCalc,
  ZAccidentGradeResult,
  ZAccidentListQuery,
  ZAccidentPage,
  ZAccidentResponse,
  ZAccidentStats,
  ZAccidentStatsQuery,
  ZAppraisal,
  ZChainReport,
  ZCloseAction,
  ZExtendInvestigation,
  ZPublicAccidents,
  ZPublishAccident,
  ZReplyInvestigation,
  ZReportAccident,
  ZSpecialInspection,
  ZSpecialInspectionQuery,
  ZStartInvestigation,
  ZSubmitInvestigationReport,
  ZSupplementAccident,
} from '../../../common/contracts/accidents.js';
import { gradeAccident } from '../../../common/rules/accident-grade.js';
import type { Deps } from '../../kernel/context.js';
import { exportFile, sendXlsx } from '../../kernel/files/excel.js';
import { type App, route } from '../../kernel/http/route.js';
import { exportAccidentStats, exportAccidents } from './accident.export.js';
import { closeAction } from './commands/close-action.js';
import { confirmReceipt } from './commands/confirm-receipt.js';
import { extendInvestigation } from './commands/extend-investigation.js';
import { publishAccident } from './commands/publish-accident.js';
import { recordAppraisal } from './commands/record-appraisal.js';
import { replyInvestigation } from './commands/reply-investigation.js';
import { reportAccident } from './commands/report-accident.js';
import { reportToLevel } from './commands/report-to-level.js';
import { startInvestigation } from './commands/start-investigation.js';
import { submitInvestigationReport } from './commands/submit-investigation-report.js';
import { supplementAccident } from './commands/supplement-accident.js';
import { accidentStats, specialInspectionSelection } from './queries/accident-stats.js';
import { findAccidentsQuery, publicAccidentsQuery } from './queries/find-accidents.js';
import { getAccidentQuery } from './queries/get-accident.js';

const ZId = z.object({ id: z.string().uuid({ message: 'invalid_format' }) });

export function accidentRoutes(app: App, deps: Deps): void {
  const tags = ['accidents'];

  route(app, deps, {
    method: 'POST',
    url: '/api/calculators/accident-grade',
    access: 'authenticated',
    summary: 'Accident grade per 国务院令第493号 Art. 3: grade, the deciding criterion and its source',
    tags: ['calculators'],
    body: ZAccidentGradeCalc,
    response: ZAccidentGradeResult,
    handler: async (_ctx, { body }) => gradeAccident(body),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/accidents',
    access: 'accident.read',
    summary: 'Accidents in scope, newest first',
    tags,
    query: ZAccidentListQuery,
    response: ZAccidentPage,
    handler: (ctx, { query }) => findAccidentsQuery(ctx, query),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/accidents/stats',
    access: 'accident.read',
    summary: 'Statistics by grade, industry, county or month with the year-earlier period',
    tags,
    query: ZAccidentStatsQuery,
    response: ZAccidentStats,
    handler: (ctx, { query }) => accidentStats(ctx, query),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/accidents/export',
    access: 'accident.export',
    summary: 'Excel of the accident list with the same filters',
    tags,
    query: ZAccidentListQuery.omit({ page: true, pageSize: true }).extend({ format: z.literal('xlsx').default('xlsx') }),
    raw: 'xlsx',
    handler: async (ctx, { query }, { reply }) => sendXlsx(reply, exportFile(ctx, 'accidents'), await exportAccidents(ctx, query)),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/accidents/stats/export',
    access: 'accident.export',
    summary: 'Excel of the statistics table (with the year-earlier period)',
    tags,
    query: ZAccidentStatsQuery.extend({ format: z.literal('xlsx').default('xlsx') }),
    raw: 'xlsx',
    handler: async (ctx, { query }, { reply }) =>
      sendXlsx(reply, exportFile(ctx, 'accidentStats', `${query.from}_${query.to}`), await exportAccidentStats(ctx, query)),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/accidents/special-inspection',
    access: 'accident.read',
    summary: 'Notice item 26: counties with a 较大 or worse accident in the period',
    tags,
    query: ZSpecialInspectionQuery,
    response: ZSpecialInspection,
    handler: (ctx, { query }) => specialInspectionSelection(ctx, query),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/public/accidents',
    access: 'public',
    summary: 'Published handling results of closed accident investigations (public portal)',
    tags,
    response: ZPublicAccidents,
    handler: (ctx) => publicAccidentsQuery(ctx),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/accidents/:id',
    access: 'accident.read',
    summary: 'Accident with figure history, reporting chain, investigation and fatal-accident actions',
    tags,
    params: ZId,
    response: ZAccidentResponse,
    handler: (ctx, { params }) => getAccidentQuery(ctx, params.id),
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/accidents',
    access: 'accident.report',
    summary: '快报: the six contents of Art. 12; graded and put on the reporting chain',
    tags,
    body: ZReportAccident,
    response: ZAccidentResponse,
    handler: async (ctx, { body }) => getAccidentQuery(ctx, (await reportAccident(ctx, body)).id),
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/accidents/:id/supplement',
    access: 'accident.report',
    summary: '续报: new totals within 30 days (7 for road traffic and fire); regrades and extends the chain',
    tags,
    params: ZId,
    body: ZSupplementAccident,
    response: ZAccidentResponse,
    handler: async (ctx, { params, body }) => {
      await supplementAccident(ctx, params.id, body);
      return getAccidentQuery(ctx, params.id);
    },
  });

  const ZRecipient = z.object({ id: z.string().uuid({ message: 'invalid_format' }), recipient: z.enum(CHAIN_RECIPIENTS) });
  route(app, deps, {
    method: 'POST',
    url: '/api/accidents/:id/chain/:recipient/report',
    access: 'accident.manage',
    summary: 'Record the report to a level or parallel body (越级上报 needs skipReason)',
    tags,
    params: ZRecipient,
    body: ZChainReport,
    response: ZAccidentResponse,
    handler: async (ctx, { params, body }) => {
      await reportToLevel(ctx, params.id, params.recipient, body);
      return getAccidentQuery(ctx, params.id);
    },
  });
  route(app, deps, {
    method: 'POST',
    url: '/api/accidents/:id/chain/:recipient/confirm',
    access: 'accident.manage',
    summary: 'The receiving department confirms receipt',
    tags,
    params: ZRecipient,
    response: ZAccidentResponse,
    handler: async (ctx, { params }) => {
      await confirmReceipt(ctx, params.id, params.recipient);
      return getAccidentQuery(ctx, params.id);
    },
  });

  const steps = [
    ['start-investigation', ZStartInvestigation, startInvestigation, 'Form the investigation team (level by grade, Art. 19)'],
    ['extend-investigation', ZExtendInvestigation, extendInvestigation, 'One extension of at most 60 days (Art. 29)'],
    ['record-appraisal', ZAppraisal, recordAppraisal, 'Technical appraisal days, not counted (Art. 29)'],
    ['submit-report', ZSubmitInvestigationReport, submitInvestigationReport, 'Investigation report and responsibility findings (Art. 30)'],
    ['reply', ZReplyInvestigation, replyInvestigation, '批复 (Art. 32): closes the case'],
    ['publish', ZPublishAccident, publishAccident, 'Publish the handling result (notice item 27)'],
  ] as const;
  for (const [name, body, command, summary] of steps) {
    route(app, deps, {
      method: 'POST',
      url: `/api/accidents/:id/${name}`,
      access: name === 'publish' ? 'accident.publish' : 'accident.manage',
      summary,
      tags,
      params: ZId,
      body,
      response: ZAccidentResponse,
      handler: async (ctx, { params, body: input }) => {
        await (command as (c: typeof ctx, id: string, i: unknown) => Promise<void>)(ctx, params.id, input);
        return getAccidentQuery(ctx, params.id);
      },
    });
  }

  const ZActionParams = z.object({
    id: z.string().uuid({ message: 'invalid_format' }),
    key: z.enum(FATAL_ACTION_KEYS),
  });
  for (const [name, outcome] of [
    ['complete', 'done'],
    ['set-aside', 'setAside'],
  ] as const) {
    route(app, deps, {
      method: 'POST',
      url: `/api/accidents/:id/actions/:key/${name}`,
      access: 'accident.manage',
      summary: outcome === 'done' ? 'Complete a fatal-accident action with evidence' : 'Set a fatal-accident action aside with a recorded reason',
      tags,
      params: ZActionParams,
      body: ZCloseAction,
      response: ZAccidentResponse,
      handler: async (ctx, { params, body }) => {
        await closeAction(ctx, params.id, params.key, outcome, body);
        return getAccidentQuery(ctx, params.id);
      },
    });
  }
}
