import type { TEnterpriseListQuery, TSupervisionQuery } from '../../../common/contracts/org.js';
import type { Ctx } from '../../kernel/context.js';
import { workbookOf } from '../../kernel/files/excel.js';
import { industryLabel, insuranceLabel, statusLabel } from './org.excel.js';
import { presentEnterpriseSummary, RegionNames } from './org.presenter.js';
import { allEnterprises, listRegions } from './org.repository.js';
import { EXPORT_LIMIT, SUPERVISION_TABLE_SOURCE, supervisionTableAll } from './queries/supervision-table.js';

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
      { header: ['企业名称', 'Name'], width: 36, value: (r) => r.name },
      { header: ['统一社会信用代码', 'USCC'], width: 22, value: (r) => r.uscc },
      { header: ['县（市、区）', 'County'], width: 14, value: (r) => r.countyName },
      { header: ['乡镇（街道）', 'Town'], width: 14, value: (r) => r.regionName },
      { header: ['行业', 'Industry'], width: 14, value: (r) => industryLabel(r.industry, locale) },
      { header: ['分类分级', 'Class'], width: 10, value: (r) => r.supervisionClass },
      { header: ['状态', 'Status'], width: 12, value: (r) => statusLabel(r.status, locale) },
      { header: ['主要负责人', 'Principal'], width: 12, value: (r) => r.principal },
      { header: ['联系电话', 'Phone'], width: 14, value: (r) => r.phone },
      { header: ['从业人数', 'Employees'], width: 10, value: (r) => r.employees },
      {
        header: ['标准化等级', 'Standardization'],
        width: 12,
        value: (r) => (r.standardizationGrade ? (locale === 'en-US' ? `Grade ${r.standardizationGrade}` : `${'一二三'[r.standardizationGrade - 1]}级`) : ''),
      },
      { header: ['安责险', 'Insurance'], width: 10, value: (r) => insuranceLabel(r.insuranceStatus, locale) },
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
      { header: ['企业名称', 'Enterprise'], width: 36, value: (r) => r.name },
      { header: ['统一社会信用代码', 'USCC'], width: 22, value: (r) => r.uscc },
      { header: ['属地（县）', 'County'], width: 14, value: (r) => r.countyName },
      { header: ['属地（乡镇）', 'Town'], width: 14, value: (r) => r.regionName },
      { header: ['行业', 'Industry'], width: 14, value: (r) => industryLabel(r.industry, locale) },
      { header: ['分类分级', 'Class'], width: 10, value: (r) => r.supervisionClass },
      { header: ['状态', 'Status'], width: 12, value: (r) => statusLabel(r.status, locale) },
      {
        header: ['监管部门', 'Departments'],
        width: 40,
        value: (r) => r.assignments.map((a) => `${a.departmentName}${a.primary ? '' : locale === 'en-US' ? ' (co)' : '（协管）'}`).join('、'),
      },
      {
        header: ['监管责任人', 'Officials'],
        width: 30,
        value: (r) => r.assignments.map((a) => (a.responsiblePerson ? `${a.responsiblePerson} ${a.responsiblePhone ?? ''}`.trim() : '—')).join('、'),
      },
      { header: ['问题', 'Gaps'], width: 20, value: (r) => r.gaps.map(gapText).join('、') },
    ],
    rows,
    locale,
    `${locale === 'en-US' ? 'Supervision table' : '监管“一张表”'} — ${SUPERVISION_TABLE_SOURCE}`,
  );
}
