import { z } from 'zod';
import {
  ZCreateMajorHazard,
  ZCreateRiskPoint,
  ZCreateTailingsPond,
  ZLecInput,
  ZLecResult,
  ZLsInput,
  ZLsResult,
  ZMajorHazardCalc,
  ZMajorHazardListQuery,
  ZMajorHazardPage,
  ZMajorHazardResponse,
  ZMajorHazardResult,
  ZReviewRiskPoint,
  ZRiskBands,
  ZRiskBandsSaved,
  ZRiskBandsView,
  ZRiskOverviewQuery,
  ZRiskPointListQuery,
  ZRiskPointPage,
  ZRiskPointResponse,
  ZRiskReportListQuery,
  ZRiskReportPage,
  ZRiskReportResponse,
  ZRiskRollup,
  ZRiskSummary,
  ZTailingsGradeCalc,
  ZTailingsGradeResult,
  ZTailingsGradeTable,
  ZTailingsGradeTableSaved,
  ZTailingsGradeTableView,
  ZTailingsPondListQuery,
  ZTailingsPondPage,
  ZTailingsPondResponse,
  ZUpdateMajorHazard,
  ZUpdateRiskPoint,
  ZUpdateTailingsPond,
} from '../../../common/contracts/risk.js';
import { assessLec, assessLs } from '../../../common/rules/risk-assessment.js';
import { tailingsGrade } from '../../../common/rules/tailings-pond.js';
import type { Deps } from '../../kernel/context.js';
import { exportFile, sendXlsx } from '../../kernel/files/excel.js';
import { type App, route } from '../../kernel/http/route.js';
import { computeMajorHazard } from './commands/_major-hazard.js';
import { createMajorHazard } from './commands/create-major-hazard.js';
import { createRiskPoint } from './commands/create-risk-point.js';
import { createTailingsPond } from './commands/create-tailings-pond.js';
import { readRiskReport } from './commands/read-risk-report.js';
import { reviewRiskPoint } from './commands/review-risk-point.js';
import { saveRiskBands } from './commands/save-risk-bands.js';
import { saveTailingsGradeTable } from './commands/save-tailings-grade-table.js';
import { updateMajorHazardCommand } from './commands/update-major-hazard.js';
import { updateRiskPointCommand } from './commands/update-risk-point.js';
import { updateTailingsPondCommand } from './commands/update-tailings-pond.js';
import { getMajorHazardQuery, listMajorHazardsQuery } from './queries/major-hazard-queries.js';
import { getReportQuery } from './queries/report-queries.js';
import { getRiskPointQuery, listReportsQuery, listRiskPointsQuery, riskRollupQuery, riskSummaryQuery } from './queries/risk-point-queries.js';
import { riskBandsInForce, riskBandsQuery, tailingsGradeTableInForce, tailingsGradeTableQuery } from './queries/rule-settings.js';
import { getTailingsPondQuery, listTailingsPondsQuery } from './queries/tailings-pond-queries.js';
import { majorHazardsWorkbook, riskPointsWorkbook, tailingsPondsWorkbook } from './risk.export.js';
import { loadRiskBands } from './risk-bands.js';
import { loadTailingsGradeTable } from './tailings-grade-table.js';

const ZId = z.object({ id: z.string().uuid({ message: 'invalid_format' }) });
const EXPORT_LIMIT = 10_000;

export function riskRoutes(app: App, deps: Deps): void {
  const tags = ['risk'];

  // ---- calculators (product.md §4; field names binding) ----
  route(app, deps, {
    method: 'POST',
    url: '/api/calculators/risk-lec',
    access: 'authenticated',
    summary: 'LEC: D = L×E×C → level 1 (重大) … 4 (低) with the configured bands',
    tags: ['calculators'],
    body: ZLecInput,
    response: ZLecResult,
    handler: async (ctx, { body }) => assessLec(body, (await loadRiskBands(ctx.tx)).bands),
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/calculators/risk-ls',
    access: 'authenticated',
    summary: 'LS risk matrix: R = L×S → level 1 (重大) … 4 (低) with the configured bands',
    tags: ['calculators'],
    body: ZLsInput,
    response: ZLsResult,
    handler: async (ctx, { body }) => assessLs(body, (await loadRiskBands(ctx.tx)).bands),
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/calculators/major-hazard-source',
    access: 'authenticated',
    summary: 'GB 18218-2018: identification S = Σq/Q and grade R = α·Σβq/Q',
    tags: ['calculators'],
    body: ZMajorHazardCalc,
    response: ZMajorHazardResult,
    handler: async (_ctx, { body }) => computeMajorHazard(body),
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/calculators/tailings-pond-grade',
    access: 'authenticated',
    summary: '尾矿库等别 from total capacity (万m³) and dam height (m), with the configured limits (GB 50863 / AQ 2006)',
    tags: ['calculators'],
    body: ZTailingsGradeCalc,
    response: ZTailingsGradeResult,
    handler: async (ctx, { body }) => tailingsGrade(body, (await loadTailingsGradeTable(ctx.tx)).table),
  });

  // ---- band configuration ----
  route(app, deps, {
    method: 'GET',
    url: '/api/risk-bands',
    access: 'risk.read',
    summary: 'LEC/LS band limits in force, the defaults, the factor value sets and the 依据',
    tags,
    response: ZRiskBandsView,
    handler: (ctx) => riskBandsQuery(ctx),
  });

  route(app, deps, {
    method: 'PUT',
    url: '/api/risk-bands',
    access: 'risk.configure',
    summary: 'Set the LEC/LS band limits for new assessments',
    tags,
    body: ZRiskBands,
    response: ZRiskBandsSaved,
    handler: async (ctx, { body }) => {
      await saveRiskBands(ctx, body);
      return riskBandsInForce(ctx);
    },
  });

  // ---- risk points ----
  route(app, deps, {
    method: 'GET',
    url: '/api/risk-points',
    access: 'risk.read',
    summary: 'Risk points in scope (filters: enterprise, region, industry, level/colour, control level, review overdue)',
    tags,
    query: ZRiskPointListQuery,
    response: ZRiskPointPage,
    handler: (ctx, { query }) => listRiskPointsQuery(ctx, query),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/risk-points/export',
    access: 'risk.export',
    summary: 'Excel of the risk points the list shows (same filters)',
    tags,
    query: ZRiskPointListQuery.extend({ format: z.literal('xlsx').default('xlsx') }),
    raw: 'xlsx',
    handler: async (ctx, { query }, { reply }) => {
      const { items } = await listRiskPointsQuery(ctx, { ...query, page: 1, pageSize: EXPORT_LIMIT });
      return sendXlsx(reply, exportFile(ctx, 'riskPoints'), await riskPointsWorkbook(items, ctx.request.locale));
    },
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/risk-points/summary',
    access: 'risk.read',
    summary: '四色分布: counts and risk points by colour (one enterprise, or the whole scope)',
    tags,
    query: ZRiskOverviewQuery,
    response: ZRiskSummary,
    handler: (ctx, { query }) => riskSummaryQuery(ctx, query.enterpriseId),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/risk-points/rollup',
    access: 'risk.read',
    summary: 'Counts per colour by region and by industry',
    tags,
    response: ZRiskRollup,
    handler: (ctx) => riskRollupQuery(ctx),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/risk-points/:id',
    access: 'risk.read',
    summary: 'A risk point with its reviews, reports and their read receipts',
    tags,
    params: ZId,
    response: ZRiskPointResponse,
    handler: (ctx, { params }) => getRiskPointQuery(ctx, params.id),
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/risk-points',
    access: 'risk.manage',
    summary: 'Record a risk point with its LEC or LS assessment (a 重大 result is reported to the supervising departments)',
    tags,
    body: ZCreateRiskPoint,
    response: ZRiskPointResponse,
    handler: async (ctx, { body }) => getRiskPointQuery(ctx, (await createRiskPoint(ctx, body)).id),
  });

  route(app, deps, {
    method: 'PATCH',
    url: '/api/risk-points/:id',
    access: 'risk.manage',
    summary: 'Edit a risk point (with its version); a new assessment that becomes 重大 is reported',
    tags,
    params: ZId,
    body: ZUpdateRiskPoint,
    response: ZRiskPointResponse,
    handler: async (ctx, { params, body }) => {
      await updateRiskPointCommand(ctx, params.id, body);
      return getRiskPointQuery(ctx, params.id);
    },
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/risk-points/:id/review',
    access: 'risk.manage',
    summary: '定期评审: record a review, optionally re-assess, and set the next review date',
    tags,
    params: ZId,
    body: ZReviewRiskPoint,
    response: ZRiskPointResponse,
    handler: async (ctx, { params, body }) => {
      await reviewRiskPoint(ctx, params.id, body);
      return getRiskPointQuery(ctx, params.id);
    },
  });

  // ---- 企业风险主动报告 ----
  route(app, deps, {
    method: 'GET',
    url: '/api/risk-reports',
    access: 'risk.read',
    summary: '重大风险 reports in scope with the addressed departments and their read receipts',
    tags,
    query: ZRiskReportListQuery,
    response: ZRiskReportPage,
    handler: (ctx, { query }) => listReportsQuery(ctx, query),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/risk-reports/:id',
    access: 'risk.read',
    summary: 'A report with its receipts',
    tags,
    params: ZId,
    response: ZRiskReportResponse,
    handler: (ctx, { params }) => getReportQuery(ctx, params.id),
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/risk-reports/:id/read',
    access: 'risk.read',
    summary: 'Record the read receipt of the caller’s department (addressees only; once)',
    tags,
    params: ZId,
    response: ZRiskReportResponse,
    handler: async (ctx, { params }) => {
      await readRiskReport(ctx, params.id);
      return getReportQuery(ctx, params.id);
    },
  });

  // ---- major hazard installations (GB 18218-2018) ----
  route(app, deps, {
    method: 'GET',
    url: '/api/major-hazard-sources',
    access: 'risk.read',
    summary: 'Major hazard installations in scope',
    tags,
    query: ZMajorHazardListQuery,
    response: ZMajorHazardPage,
    handler: (ctx, { query }) => listMajorHazardsQuery(ctx, query),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/major-hazard-sources/export',
    access: 'risk.export',
    summary: 'Excel of the installations the list shows (same filters)',
    tags,
    query: ZMajorHazardListQuery.extend({ format: z.literal('xlsx').default('xlsx') }),
    raw: 'xlsx',
    handler: async (ctx, { query }, { reply }) => {
      const { items } = await listMajorHazardsQuery(ctx, { ...query, page: 1, pageSize: EXPORT_LIMIT });
      return sendXlsx(reply, exportFile(ctx, 'majorHazardSources'), await majorHazardsWorkbook(items, ctx.request.locale));
    },
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/major-hazard-sources/:id',
    access: 'risk.read',
    summary: 'An installation with its chemicals, S, R, grade and 包保责任人',
    tags,
    params: ZId,
    response: ZMajorHazardResponse,
    handler: (ctx, { params }) => getMajorHazardQuery(ctx, params.id),
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/major-hazard-sources',
    access: 'risk.manage',
    summary: 'Record a production or storage unit with its chemicals; identification and grading are computed',
    tags,
    body: ZCreateMajorHazard,
    response: ZMajorHazardResponse,
    handler: async (ctx, { body }) => getMajorHazardQuery(ctx, (await createMajorHazard(ctx, body)).id),
  });

  route(app, deps, {
    method: 'PATCH',
    url: '/api/major-hazard-sources/:id',
    access: 'risk.manage',
    summary: 'Edit an installation (with its version); S, R and grade are recomputed',
    tags,
    params: ZId,
    body: ZUpdateMajorHazard,
    response: ZMajorHazardResponse,
    handler: async (ctx, { params, body }) => {
      await updateMajorHazardCommand(ctx, params.id, body);
      return getMajorHazardQuery(ctx, params.id);
    },
  });

  // ---- tailings ponds (尾矿库) ----
  route(app, deps, {
    method: 'GET',
    url: '/api/tailings-grade-table',
    access: 'risk.read',
    summary: '尾矿库等别 limits in force, the defaults (UNVERIFIED) and the 依据; 头顶库 and 安全度 definitions',
    tags,
    response: ZTailingsGradeTableView,
    handler: (ctx) => tailingsGradeTableQuery(ctx),
  });

  route(app, deps, {
    method: 'PUT',
    url: '/api/tailings-grade-table',
    access: 'risk.configure',
    summary: 'Set the 尾矿库等别 limits for ponds saved from now on',
    tags,
    body: ZTailingsGradeTable,
    response: ZTailingsGradeTableSaved,
    handler: async (ctx, { body }) => {
      await saveTailingsGradeTable(ctx, body);
      return tailingsGradeTableInForce(ctx);
    },
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/tailings-ponds',
    access: 'risk.read',
    summary: 'Tailings ponds in scope (filters: enterprise, region, industry, 等别, 安全度, operating status, 头顶库)',
    tags,
    query: ZTailingsPondListQuery,
    response: ZTailingsPondPage,
    handler: (ctx, { query }) => listTailingsPondsQuery(ctx, query),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/tailings-ponds/export',
    access: 'risk.export',
    summary: 'Excel of the ponds the list shows (same filters)',
    tags,
    query: ZTailingsPondListQuery.extend({ format: z.literal('xlsx').default('xlsx') }),
    raw: 'xlsx',
    handler: async (ctx, { query }, { reply }) => {
      const { items } = await listTailingsPondsQuery(ctx, { ...query, page: 1, pageSize: EXPORT_LIMIT });
      return sendXlsx(reply, exportFile(ctx, 'tailingsPonds'), await tailingsPondsWorkbook(items, ctx.request.locale));
    },
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/tailings-ponds/:id',
    access: 'risk.read',
    summary: 'A tailings pond with its 等别 and 依据, 安全度, 头顶库 and licence',
    tags,
    params: ZId,
    response: ZTailingsPondResponse,
    handler: (ctx, { params }) => getTailingsPondQuery(ctx, params.id),
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/tailings-ponds',
    access: 'risk.manage',
    summary: 'Record a tailings pond; its 等别 is computed from total capacity and design dam height',
    tags,
    body: ZCreateTailingsPond,
    response: ZTailingsPondResponse,
    handler: async (ctx, { body }) => getTailingsPondQuery(ctx, (await createTailingsPond(ctx, body)).id),
  });

  route(app, deps, {
    method: 'PATCH',
    url: '/api/tailings-ponds/:id',
    access: 'risk.manage',
    summary: 'Edit a tailings pond (with its version); the 等别 is recomputed',
    tags,
    params: ZId,
    body: ZUpdateTailingsPond,
    response: ZTailingsPondResponse,
    handler: async (ctx, { params, body }) => {
      await updateTailingsPondCommand(ctx, params.id, body);
      return getTailingsPondQuery(ctx, params.id);
    },
  });
}
