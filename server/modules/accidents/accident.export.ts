import type { TAccidentListQuery, TAccidentStatsQuery } from '../../../common/contracts/accidents.js';
import { GB6441_TYPES } from '../../../common/gb6441.js';
import { EXPORT_COLUMNS } from '../../../common/i18n/exports.js';
import { industryByKey } from '../../../common/industries.js';
import type { Ctx } from '../../kernel/context.js';
import { workbookOf } from '../../kernel/files/excel.js';
import { allRegions, RegionNames } from '../org/index.js';
import { presentAccidentSummary } from './accident.presenter.js';
import { findAccidents } from './accident.repository.js';
import { accidentStats } from './queries/accident-stats.js';

const COLUMNS = EXPORT_COLUMNS.accidents;

const EXPORT_LIMIT = 20_000;
const STATUS: Record<string, [string, string]> = {
  reported: ['已报告', 'Reported'],
  investigating: ['调查中', 'Investigating'],
  reportSubmitted: ['调查报告已提交', 'Report submitted'],
  closed: ['已结案', 'Closed'],
};

/** The accident list as filtered, every page. */
export async function exportAccidents(ctx: Ctx, query: Omit<TAccidentListQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  const en = ctx.request.locale === 'en-US';
  const { rows } = await findAccidents(ctx.tx, ctx.scope, { ...query, page: 1, pageSize: EXPORT_LIMIT });
  const names = new RegionNames(await allRegions(ctx.tx), ctx.request.locale);
  const items = rows.map((a) => presentAccidentSummary(a, names, ctx.request.locale));
  await ctx.audit.record({ action: 'accident.exported', entityType: 'accident', after: { filters: query, rows: items.length } });
  return workbookOf(
    en ? 'Accidents' : '事故',
    [
      { header: COLUMNS.occurred, width: 18, format: 'datetime', value: (r) => r.occurredAt },
      { header: COLUMNS.title, width: 30, value: (r) => r.title },
      { header: COLUMNS.county, width: 14, value: (r) => r.countyName },
      { header: COLUMNS.industry, width: 14, value: (r) => industryByKey(r.industry)?.[en ? 'en' : 'zh'] ?? r.industry },
      {
        header: COLUMNS.typeGB6441,
        width: 16,
        value: (r) => GB6441_TYPES.find((x) => x.code === r.accidentType)?.[en ? 'en' : 'zh'] ?? r.accidentType,
      },
      { header: COLUMNS.grade, width: 10, value: (r) => r.gradeName },
      { header: COLUMNS.deaths, width: 8, value: (r) => r.deaths },
      { header: COLUMNS.missing, width: 8, value: (r) => r.missing },
      { header: COLUMNS.seriousInjuries, width: 8, value: (r) => r.seriousInjuries },
      { header: COLUMNS.directLossCNY, width: 16, value: (r) => r.directLossYuan },
      { header: COLUMNS.status, width: 14, value: (r) => STATUS[r.status]?.[en ? 1 : 0] ?? r.status },
    ],
    items,
    ctx.request.locale,
  );
}

/** The statistics table as shown: current period, the year-earlier period and the change. */
export async function exportAccidentStats(ctx: Ctx, q: TAccidentStatsQuery): Promise<Buffer> {
  const en = ctx.request.locale === 'en-US';
  const s = await accidentStats(ctx, q);
  type Row = (typeof s.rows)[number];
  return workbookOf<Row>(
    en ? 'Accident statistics' : '事故统计',
    [
      { header: COLUMNS.group, width: 16, value: (r) => r.label },
      { header: COLUMNS.accidents, width: 8, value: (r) => r.current.accidents },
      { header: COLUMNS.deaths, width: 8, value: (r) => r.current.deaths },
      { header: COLUMNS.seriousInjuries, width: 8, value: (r) => r.current.seriousInjuries },
      { header: COLUMNS.directLossCNY, width: 16, value: (r) => r.current.directLossYuan },
      { header: COLUMNS.accidentsAYearEarlier, width: 12, value: (r) => r.previous.accidents },
      { header: COLUMNS.deathsAYearEarlier, width: 12, value: (r) => r.previous.deaths },
      { header: COLUMNS.accidentsYY, width: 10, value: (r) => r.current.accidents - r.previous.accidents },
      { header: COLUMNS.deathsYY, width: 10, value: (r) => r.current.deaths - r.previous.deaths },
    ],
    s.rows,
    ctx.request.locale,
    `${en ? 'Accident statistics' : '生产安全事故统计'} ${q.from} – ${q.to}`,
  );
}
