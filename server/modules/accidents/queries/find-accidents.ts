import type { z } from 'zod';
import type { TAccidentListQuery, ZAccidentPage, ZPublicAccidents } from '../../../../common/contracts/accidents.js';
import type { Ctx } from '../../../kernel/context.js';
import { allRegions, RegionNames } from '../../org/index.js';
import { presentAccidentSummary, presentPublicAccident } from '../accident.presenter.js';
import { findAccidents, publishedAccidents } from '../accident.repository.js';

/** Accidents in scope, newest first, filtered and paged. */
export async function findAccidentsQuery(ctx: Ctx, query: TAccidentListQuery): Promise<z.input<typeof ZAccidentPage>> {
  const { rows, total } = await findAccidents(ctx.tx, ctx.scope, query);
  const names = new RegionNames(await allRegions(ctx.tx), ctx.request.locale);
  return { items: rows.map((a) => presentAccidentSummary(a, names, ctx.request.locale)), total, page: query.page, pageSize: query.pageSize };
}

/** The public portal: the latest 100 published handling results. */
export async function publicAccidentsQuery(ctx: Ctx): Promise<z.input<typeof ZPublicAccidents>> {
  const rows = await publishedAccidents(ctx.tx, 100);
  const names = new RegionNames(await allRegions(ctx.tx), ctx.request.locale);
  return { items: rows.map((a) => presentPublicAccident(a, names)) };
}
