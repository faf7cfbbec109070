import type { TEnterpriseListQuery, TSupervisionQuery } from '../../../common/contracts/org.js';
import { EXPORT_COLUMNS } from '../../../common/i18n/exports.js';
import type { Ctx } from '../../kernel/context.js';
import { workbookOf } from '../../kernel/files/excel.js';
import { industryLabel, insuranceLabel, statusLabel } from './org.excel.js';
import { presentEnterpriseSummary, RegionNames } from './org.presenter.js';
import { allEnterprises, listRegions } from './org.repository.js';
import { EXPORT_LIMIT, SUPERVISION_TABLE_SOURCE, supervisionTableAll } from './queries/supervision-table.js';

const COLUMNS = EXPORT_COLUMNS.org;

type ListQuery = Omit<TEnterpriseListQuery, 'page' | 'pageSize'>;

/** The enterprise list as the user sees it: same scope, filters and order, every page. */
export async function exportEnterprises(ctx: Ctx, query: ListQuery): Promise<Buffer> {
  const locale = ctx.request.locale;
  const [rows, regions] = await Promise.all([allEnterprises(ctx.tx, ctx.scope, query, EXPORT_LIMIT), listRegions(ctx.tx)]);
  const names = new RegionNames(regions, locale);
  const items = rows.map((r) => presentEnterpriseSummary(r, names));
  await ctx.audit.record({ action: 'enterprise.exported', entityType: 'enterprise', after: { filters: query, rows: items.length } });
  return workbookOf(
    locale === 'en-US' ? 'Enterprises' : '企业名录',
    [
      { header: COLUMNS.name, width: 36, value: (r) => r.name },
      { header: COLUMNS.uscc, width: 22, value: (r) => r.uscc },
      { header: COLUMNS.county, width: 14, value: (r) => r.countyName },
      { header: COLUMNS.town, width: 14, value: (r) => r.regionName },
      { header: COLUMNS.industry, width: 14, value: (r) => industryLabel(r.industry, locale) },
      { header: COLUMNS.class, width: 10, value: (r) => r.supervisionClass },
      { header: COLUMNS.status, width: 12, value: (r) => statusLabel(r.status, locale) },
      { header: COLUMNS.principal, width: 12, value: (r) => r.principal },
      { header: COLUMNS.phone, width: 14, value: (r) => r.phone },
      { header: COLUMNS.employees, width: 10, value: (r) => r.employees },
      {
        header: COLUMNS.standardization,
        width: 12,
        value: (r) => (r.standardizationGrade ? (locale === 'en-US' ? `Grade ${r.standardizationGrade}` : `${'一二三'[r.standardizationGrade - 1]}级`) : ''),
      },
      { header: COLUMNS.insurance, width: 10, value: (r) => insuranceLabel(r.insuranceStatus, locale) },
    ],
    items,
    locale,
  );
}

export async function exportSupervisionTable(ctx: Ctx, query: Omit<TSupervisionQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  const locale = ctx.request.locale;
  const rows = await supervisionTableAll(ctx, { ...query, page: 1, pageSize: EXPORT_LIMIT });
  await ctx.audit.record({ action: 'supervision.exported', entityType: 'enterprise', after: { filters: query, rows: rows.length } });
  const gapText = (g: string) =>
    g === 'noDepartment' ? (locale === 'en-US' ? 'No department' : '无监管部门') : locale === 'en-US' ? 'No named official' : '未明确责任人';
  return workbookOf(
    locale === 'en-US' ? 'Supervision table' : '监管一张表',
    [
      { header: COLUMNS.enterprise, width: 36, value: (r) => r.name },
      { header: COLUMNS.uscc, width: 22, value: (r) => r.uscc },
      { header: COLUMNS.territoryCounty, width: 14, value: (r) => r.countyName },
      { header: COLUMNS.territoryTown, width: 14, value: (r) => r.regionName },
      { header: COLUMNS.industry, width: 14, value: (r) => industryLabel(r.industry, locale) },
      { header: COLUMNS.class, width: 10, value: (r) => r.supervisionClass },
      { header: COLUMNS.status, width: 12, value: (r) => statusLabel(r.status, locale) },
      {
        header: COLUMNS.departments,
        width: 40,
        value: (r) => r.assignments.map((a) => `${a.departmentName}${a.primary ? '' : locale === 'en-US' ? ' (co)' : '（协管）'}`).join('、'),
      },
      {
        header: COLUMNS.officials,
        width: 30,
        value: (r) => r.assignments.map((a) => (a.responsiblePerson ? `${a.responsiblePerson} ${a.responsiblePhone ?? ''}`.trim() : '—')).join('、'),
      },
      { header: COLUMNS.gaps, width: 20, value: (r) => r.gaps.map(gapText).join('、') },
    ],
    rows,
    locale,
    `${locale === 'en-US' ? 'Supervision table' : '监管“一张表”'} — ${SUPERVISION_TABLE_SOURCE}`,
  );
}
