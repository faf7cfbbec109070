import { z } from 'zod';
import { LIST_KINDS, ZHazardListQuery } from '../../../common/contracts/hazards.js';
import type { Deps } from '../../kernel/context.js';
import { exportFile, sendXlsx } from '../../kernel/files/excel.js';
import { type App, route } from '../../kernel/http/route.js';
import { hazardsWorkbook, listEntriesWorkbook, listingsWorkbook } from './hazard.export.js';

/** The 三年行动 四个清单 downloads; the workbooks are built in hazard.export.ts. */
export function hazardExportRoutes(app: App, deps: Deps): void {
  const tags = ['hazards'];

  route(app, deps, {
    method: 'GET',
    url: '/api/hazards/export',
    access: 'hazard.export',
    summary: '问题隐患清单 as Excel (same filters as the list)',
    tags,
    query: ZHazardListQuery.extend({ format: z.literal('xlsx').default('xlsx') }),
    raw: 'xlsx',
    handler: async (ctx, { query }, { reply }) => sendXlsx(reply, exportFile(ctx, 'hazards'), await hazardsWorkbook(ctx, query)),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/hazards/listings/export',
    access: 'hazard.export',
    summary: '挂牌督办清单 as Excel',
    tags,
    query: z.object({ status: z.enum(['open', 'closed']).optional(), q: z.string().trim().max(100).optional(), format: z.literal('xlsx').default('xlsx') }),
    raw: 'xlsx',
    handler: async (ctx, { query }, { reply }) => sendXlsx(reply, exportFile(ctx, 'hazardListings'), await listingsWorkbook(ctx, query)),
  });

  route(app, deps, {
    method: 'GET',
    url: '/api/hazards/lists/:kind/export',
    access: 'hazard.export',
    summary: '制度措施清单 or 追责问责清单 as Excel',
    tags,
    params: z.object({ kind: z.enum(LIST_KINDS) }),
    query: z.object({ q: z.string().trim().max(100).optional(), format: z.literal('xlsx').default('xlsx') }),
    raw: 'xlsx',
    handler: async (ctx, { params, query }, { reply }) =>
      sendXlsx(
        reply,
        exportFile(ctx, params.kind === 'measure' ? 'hazardMeasures' : 'hazardAccountability'),
        await listEntriesWorkbook(ctx, params.kind, query),
      ),
  });
}
