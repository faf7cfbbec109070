import type { z } from 'zod';
import type { LIST_KINDS, ZHazardListQuery } from '../../../common/contracts/hazards.js';
import { EXPORT_COLUMNS } from '../../../common/i18n/exports.js';
import { industryByKey } from '../../../common/industries.js';
import type { Ctx } from '../../kernel/context.js';
import { workbookOf } from '../../kernel/files/excel.js';
import { exportHazardsQuery } from './queries/find-hazards.js';
import { listEntriesQuery, listingsQuery } from './queries/four-lists.js';

const COLUMNS = EXPORT_COLUMNS.hazards;

const STATUS: Record<string, [string, string]> = {
  reported: ['待确认', 'Reported'],
  confirmed: ['待整改', 'Confirmed'],
  rectifying: ['整改中', 'Rectifying'],
  submitted: ['待验收', 'Awaiting verification'],
  verified: ['待核销', 'Awaiting review'],
  closed: ['已销号', 'Closed'],
  rejected: ['已驳回', 'Rejected'],
};
const GRADE: Record<string, [string, string]> = { general: ['一般', 'General'], major: ['重大', 'Major'] };
const SOURCE: Record<string, [string, string]> = {
  selfInspection: ['企业自查', 'Self-inspection'],
  inspection: ['监管检查', 'Inspection'],
  worker: ['职工报告', 'Worker'],
  grid: ['网格员', 'Grid worker'],
  public: ['群众举报', 'Public'],
  alarm: ['监测报警', 'Alarm'],
};
const pick = (m: Record<string, [string, string]>, k: string | null, en: boolean) => (k ? (m[k]?.[en ? 1 : 0] ?? k) : '—');

/** The 三年行动 四个清单 as Excel: exactly the rows the caller sees with the active filters. */

/** 问题隐患清单: the hazard list with the list's filters and order. */
export async function hazardsWorkbook(ctx: Ctx, query: z.infer<typeof ZHazardListQuery>): Promise<Buffer> {
  const rows = await exportHazardsQuery(ctx, query);
  const en = ctx.request.locale === 'en-US';
  type R = (typeof rows)[number];
  return workbookOf(
    en ? 'Hazards' : '问题隐患清单',
    [
      { header: COLUMNS.code, width: 16, value: (r: R) => r.code },
      { header: COLUMNS.enterprise, width: 30, value: (r) => r.enterpriseName },
      { header: COLUMNS.industry, width: 12, value: (r) => (en ? industryByKey(r.industry)?.en : industryByKey(r.industry)?.zh) ?? r.industry },
      { header: COLUMNS.hazard, width: 36, value: (r) => r.title },
      { header: COLUMNS.location, width: 20, value: (r) => r.location },
      { header: COLUMNS.source, width: 10, value: (r) => pick(SOURCE, r.source, en) },
      { header: COLUMNS.grade, width: 8, value: (r) => pick(GRADE, r.grade, en) },
      { header: COLUMNS.status, width: 12, value: (r) => pick(STATUS, r.status, en) },
      { header: COLUMNS.rectifier, width: 12, value: (r) => r.rectifierName ?? '—' },
      { header: COLUMNS.deadline, width: 12, format: 'date', value: (r) => r.deadline ?? '—' },
      { header: COLUMNS.overdue, width: 8, value: (r) => (r.deadlineState === 'overdue' ? (en ? 'Yes' : '是') : '') },
      { header: COLUMNS.listed, width: 10, value: (r) => (r.listed ? (en ? 'Yes' : '是') : '') },
      { header: COLUMNS.reported, width: 18, format: 'datetime', value: (r) => r.createdAt },
    ],
    rows,
    ctx.request.locale,
    en ? 'Hazard list (三年行动 问题隐患清单)' : '安全生产专项整治三年行动 问题隐患清单',
  );
}

/** 挂牌督办清单. */
export async function listingsWorkbook(ctx: Ctx, query: { status?: 'open' | 'closed'; q?: string }): Promise<Buffer> {
  const { items } = await listingsQuery(ctx, { ...query, page: 1, pageSize: 50_000 });
  const en = ctx.request.locale === 'en-US';
  type R = (typeof items)[number];
  return workbookOf(
    en ? 'Listed hazards' : '挂牌督办清单',
    [
      { header: COLUMNS.document, width: 18, value: (r: R) => r.documentNumber ?? '—' },
      { header: COLUMNS.department, width: 22, value: (r) => r.departmentName },
      { header: COLUMNS.enterprise, width: 30, value: (r) => r.hazard.enterpriseName },
      { header: COLUMNS.majorHazard, width: 36, value: (r) => `${r.hazard.code} ${r.hazard.title}` },
      { header: COLUMNS.supervisor, width: 12, value: (r) => r.supervisor },
      { header: COLUMNS.listingDeadline, width: 12, format: 'date', value: (r) => r.deadline },
      { header: COLUMNS.progress, width: 14, value: (r) => pick(STATUS, r.hazard.status, en) },
      { header: COLUMNS.listing, width: 10, value: (r) => (r.status === 'open' ? (en ? 'Open' : '督办中') : en ? 'Closed' : '已摘牌') },
      { header: COLUMNS.listedOn, width: 12, format: 'date', value: (r) => r.listedAt },
      { header: COLUMNS.closedOn, width: 12, format: 'date', value: (r) => r.closedAt ?? '—' },
    ],
    items,
    ctx.request.locale,
    en ? 'Hazards listed for supervision (挂牌督办清单)' : '安全生产专项整治三年行动 挂牌督办清单',
  );
}

/** 制度措施清单 or 追责问责清单. */
export async function listEntriesWorkbook(ctx: Ctx, kind: (typeof LIST_KINDS)[number], query: { q?: string }): Promise<Buffer> {
  const { items } = await listEntriesQuery(ctx, kind, { q: query.q, page: 1, pageSize: 50_000 });
  const en = ctx.request.locale === 'en-US';
  const measure = kind === 'measure';
  const name = measure ? (en ? 'Measures (制度措施清单)' : '制度措施清单') : en ? 'Accountability (追责问责清单)' : '追责问责清单';
  type R = (typeof items)[number];
  return workbookOf(
    measure ? (en ? 'Measures' : '制度措施清单') : en ? 'Accountability' : '追责问责清单',
    [
      { header: COLUMNS.date, width: 12, format: 'date', value: (r: R) => r.date },
      { header: COLUMNS.documentNumber, width: 18, value: (r) => r.documentNumber ?? '—' },
      { header: measure ? COLUMNS.measure : COLUMNS.matter, width: 30, value: (r) => r.title },
      { header: COLUMNS.content, width: 50, value: (r) => r.content },
      { header: measure ? COLUMNS.responsibleUnit : COLUMNS.unitHeldAccountable, width: 22, value: (r) => r.unitName },
      { header: measure ? COLUMNS.responsiblePerson : COLUMNS.personHeldAccountable, width: 14, value: (r) => r.person ?? '—' },
      { header: COLUMNS.hazards, width: 30, value: (r) => r.hazards.map((h) => h.code).join('、') || '—' },
      { header: COLUMNS.recordedBy, width: 20, value: (r) => r.departmentName },
    ],
    items,
    ctx.request.locale,
    en ? name : `安全生产专项整治三年行动 ${name}`,
  );
}
