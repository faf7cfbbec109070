import { z } from 'zod';
import {
  ENTERPRISE_STATUS_ACTIONS,
  ZBoundaryImportResult,
  ZCreateEnterprise,
  ZDepartmentPage,
  ZEnterpriseImportResult,
  ZEnterpriseListQuery,
  ZEnterprisePage,
  ZEnterpriseResponse,
  ZRegionList,
  ZSetAssignments,
  ZStatusAction,
  ZSupervisionPage,
  ZSupervisionQuery,
  ZUpdateEnterprise,
} from '../../../common/contracts/org.js';
import type { Deps } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { exportFile, sendXlsx } from '../../kernel/files/excel.js';
import { type App, route } from '../../kernel/http/route.js';
import { changeEnterpriseStatus } from './commands/change-enterprise-status.js';
import { createEnterprise } from './commands/create-enterprise.js';
import { importRegionBoundaries } from './commands/import-boundaries.js';
import { importEnterprises } from './commands/import-enterprises.js';
import { setAssignments } from './commands/set-assignments.js';
import { updateEnterpriseCommand } from './commands/update-enterprise.js';
import { importTemplate } from './org.excel.js';
import { exportEnterprises, exportSupervisionTable } from './org.export.js';
import { presentRegion } from './org.presenter.js';
import { listDepartments, listRegions } from './org.repository.js';
import { findEnterprisesQuery } from './queries/find-enterprises.js';
import { getEnterpriseQuery } from './queries/get-enterprise.js';
import { supervisionTableQuery } from './queries/supervision-table.js';

const ZId = z.object({ id: z.string().uuid({ message: 'invalid_format' }) });
const ZExportQuery = z.object({ format: z.literal('xlsx').default('xlsx') });

export function orgRoutes(app: App, deps: Deps): void {
  const tags = ['registry'];

  route(app, deps, {
    method: 'GET',
    url: '/api/regions',
    access: 'region.read',
    summary: 'Region tree (GB/T 2260 and towns), flat with parent codes',
    tags,
    response: ZRegionList,
    handler: async (ctx) => ({ items: (await listRegions(ctx.tx)).map(presentRegion) }),
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/regions/boundaries',
    upload: 'A GeoJSON FeatureCollection, one (Multi)Polygon per GB/T 2260 region code',
    access: 'org.manage',
    summary: '导入行政区划边界: a GeoJSON FeatureCollection (multipart field "file"), one (Multi)Polygon per GB/T 2260 code; all or none',
    tags,
    query: z.object({
      source: z.string().trim().min(1).max(300),
      approximate: z.enum(['true', 'false']).default('false'),
    }),
    response: ZBoundaryImportResult,
    handler: async (ctx, { query }, { req }) => {
      const file = await req.file().catch(() => undefined);
      if (!file) throw new AppError('VALIDATION', {}, [{ field: 'file', code: 'required' }]);
      return importRegionBoundaries(ctx, await file.toBuffer(), { source: query.source, approximate: query.approximate === 'true' });
    },
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/departments',
    access: 'department.read',
    summary: 'Government units and industry departments',
    tags,
    query: z.object({
      regionCode: z
        .string()
        .regex(/^\d{6,12}$/, { message: 'region' })
        .optional(),
      lang: z.string().optional(),
    }),
    response: ZDepartmentPage,
    handler: async (ctx, { query }) => {
      const [rows, regions] = await Promise.all([listDepartments(ctx.tx, { regionCode: query.regionCode }), listRegions(ctx.tx)]);
      const names = new Map(regions.map((r) => [r.code, ctx.request.locale === 'en-US' ? r.nameEn : r.name]));
      const items = rows.map((d) => ({ ...d, regionName: names.get(d.regionCode) ?? d.regionCode }));
      return { items, total: items.length, page: 1, pageSize: items.length };
    },
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/enterprises',
    access: 'enterprise.read',
    summary: 'Enterprises in the caller’s scope, filtered, sorted and paged',
    tags,
    query: ZEnterpriseListQuery,
    response: ZEnterprisePage,
    handler: (ctx, { query }) => findEnterprisesQuery(ctx, query),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/enterprises/export',
    access: 'enterprise.export',
    summary: 'Excel of exactly the enterprises the list shows with the same filters',
    tags,
    query: ZEnterpriseListQuery.omit({ page: true, pageSize: true }).merge(ZExportQuery),
    raw: 'xlsx',
    handler: async (ctx, { query }, { reply }) => sendXlsx(reply, exportFile(ctx, 'enterprises'), await exportEnterprises(ctx, query)),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/enterprises/import-template',
    access: 'enterprise.import',
    summary: 'The Excel template for importing enterprises and supervision assignments',
    tags,
    raw: 'xlsx',
    handler: async (ctx, _i, { reply }) => sendXlsx(reply, exportFile(ctx, 'enterpriseTemplate', ''), await importTemplate()),
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/enterprises/import',
    upload: 'The enterprise workbook (xlsx) filled in from GET /api/enterprises/import-template',
    access: 'enterprise.import',
    summary: 'Import enterprises and assignments (multipart field "file"); all rows or none',
    tags,
    response: ZEnterpriseImportResult,
    handler: async (ctx, _i, { req }) => {
      const file = await req.file().catch(() => undefined);
      if (!file) throw new AppError('VALIDATION', {}, [{ field: 'file', code: 'required' }]);
      return importEnterprises(ctx, await file.toBuffer(), deps.config.importLimits);
    },
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/enterprises/:id',
    access: 'enterprise.read',
    summary: 'Enterprise detail with licences, assignments, subsidiaries, status history and abilities',
    tags,
    params: ZId,
    response: ZEnterpriseResponse,
    handler: (ctx, { params }) => getEnterpriseQuery(ctx, params.id),
  });

  route(app, deps, {
    method: 'POST',
    url: '/api/enterprises',
    access: 'enterprise.create',
    summary: 'Register an enterprise (USCC checked per GB 32100)',
    tags,
    body: ZCreateEnterprise,
    response: ZEnterpriseResponse,
    handler: async (ctx, { body }) => getEnterpriseQuery(ctx, (await createEnterprise(ctx, body)).id),
  });

  route(app, deps, {
    method: 'PATCH',
    url: '/api/enterprises/:id',
    access: 'enterprise.update',
    summary: 'Edit an enterprise; send the version you read (a stale version is 409)',
    tags,
    params: ZId,
    body: ZUpdateEnterprise,
    response: ZEnterpriseResponse,
    handler: async (ctx, { params, body }) => {
      await updateEnterpriseCommand(ctx, params.id, body);
      return getEnterpriseQuery(ctx, params.id);
    },
  });

  for (const action of ENTERPRISE_STATUS_ACTIONS) {
    route(app, deps, {
      method: 'POST',
      url: `/api/enterprises/:id/${action}`,
      access: 'enterprise.changeStatus',
      summary: { suspend: '责令停产整顿 (suspend)', resume: '恢复生产 (resume)', close: '关闭 (close)' }[action],
      tags,
      params: ZId,
      body: ZStatusAction,
      response: ZEnterpriseResponse,
      handler: async (ctx, { params, body }) => {
        await changeEnterpriseStatus(ctx, params.id, action, body);
        return getEnterpriseQuery(ctx, params.id);
      },
    });
  }

  route(app, deps, {
    method: 'PUT',
    url: '/api/enterprises/:id/assignments',
    access: 'supervision.assign',
    summary: 'Set the enterprise’s supervising departments and named officials (一张表 row)',
    tags,
    params: ZId,
    body: ZSetAssignments,
    response: ZEnterpriseResponse,
    handler: async (ctx, { params, body }) => {
      await setAssignments(ctx, params.id, body);
      return getEnterpriseQuery(ctx, params.id);
    },
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/supervision-table',
    access: 'supervision.read',
    summary: '监管一张表: enterprises with 属地, supervising departments and officials, gaps flagged',
    tags,
    query: ZSupervisionQuery,
    response: ZSupervisionPage,
    handler: (ctx, { query }) => supervisionTableQuery(ctx, query),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/supervision-table/export',
    access: 'supervision.export',
    summary: 'Excel of the 一张表 exactly as filtered',
    tags,
    query: ZSupervisionQuery.omit({ page: true, pageSize: true }).merge(ZExportQuery),
    raw: 'xlsx',
    handler: async (ctx, { query }, { reply }) => sendXlsx(reply, exportFile(ctx, 'supervisionTable'), await exportSupervisionTable(ctx, query)),
  });
}
