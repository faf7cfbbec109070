import { GB6441_TYPES } from '../../../common/gb6441.js';
import type { Locale } from '../../../common/i18n/api-messages.js';
import { GRADE_NAMES, type MajorHazardGrade } from '../../../common/rules/major-hazard-source.js';
import { RISK_LEVEL_NAMES, type RiskLevel } from '../../../common/rules/risk-assessment.js';
import { TAILINGS_GRADE_NAMES, TAILINGS_SAFETY, type TailingsGrade, type TailingsSafetyStatus } from '../../../common/rules/tailings-pond.js';
import { type Column, workbookOf } from '../../kernel/files/excel.js';
import type { presentMajorHazard, presentRiskPoint, presentTailingsPond } from './risk.presenter.js';

/** Excel of exactly the risk points / installations / ponds the list shows (same filters, same scope). */

type Point = ReturnType<typeof presentRiskPoint>;
type Installation = ReturnType<typeof presentMajorHazard>;
type Pond = ReturnType<typeof presentTailingsPond>;

const KIND: Record<string, [string, string]> = { area: ['区域', 'Area'], activity: ['作业活动', 'Activity'], equipment: ['设备设施', 'Equipment'] };
const CONTROL: Record<string, [string, string]> = {
  company: ['公司级', 'Company'],
  workshop: ['车间级', 'Workshop'],
  team: ['班组级', 'Team'],
  post: ['岗位级', 'Post'],
};
const MEASURE: Record<string, [string, string]> = {
  engineering: ['工程技术', 'Engineering'],
  management: ['管理', 'Management'],
  training: ['培训教育', 'Training'],
  ppe: ['个体防护', 'PPE'],
  emergency: ['应急处置', 'Emergency'],
};
const UNIT: Record<string, [string, string]> = { production: ['生产单元', 'Production unit'], storage: ['储存单元', 'Storage unit'] };

export function riskPointsWorkbook(rows: Point[], locale: Locale) {
  const en = locale === 'en-US';
  const pick = (m: Record<string, [string, string]>, k: string) => m[k]?.[en ? 1 : 0] ?? k;
  const columns: Column<Point>[] = [
    { header: ['编号', 'Code'], width: 12, value: (r) => r.code },
    { header: ['企业', 'Enterprise'], width: 28, value: (r) => r.enterpriseName },
    { header: ['风险点', 'Risk point'], width: 24, value: (r) => r.name },
    { header: ['类型', 'Kind'], width: 10, value: (r) => pick(KIND, r.kind) },
    { header: ['位置', 'Location'], width: 18, value: (r) => r.location ?? '' },
    { header: ['危险有害因素', 'Hazard factors'], width: 36, value: (r) => r.hazardFactors },
    {
      header: ['可能导致的事故类型（GB 6441）', 'Accident types (GB 6441)'],
      width: 24,
      value: (r) =>
        r.accidentTypes
          .map((c) => GB6441_TYPES.find((t) => t.code === c))
          .map((t) => (t ? (en ? t.en : t.zh) : ''))
          .join(en ? ', ' : '、'),
    },
    { header: ['评价方法', 'Method'], width: 10, value: (r) => (r.method === 'lec' ? 'LEC' : 'LS') },
    {
      header: ['评价取值', 'Factors'],
      width: 18,
      value: (r) =>
        (['L', 'E', 'C', 'S'] as const)
          .filter((k) => r.inputs[k] !== undefined)
          .map((k) => `${k}=${r.inputs[k]}`)
          .join(' '),
    },
    { header: ['D/R 值', 'D/R'], width: 8, value: (r) => r.score },
    { header: ['风险等级', 'Level'], width: 10, value: (r) => RISK_LEVEL_NAMES[r.level as RiskLevel]?.[en ? 'en' : 'zh'] ?? '' },
    { header: ['颜色', 'Colour'], width: 8, value: (r) => RISK_LEVEL_NAMES[r.level as RiskLevel]?.[en ? 'colorEn' : 'color'] ?? '' },
    { header: ['管控层级', 'Control level'], width: 10, value: (r) => pick(CONTROL, r.controlLevel) },
    {
      header: ['管控措施', 'Control measures'],
      width: 48,
      value: (r) =>
        Object.entries(r.measures)
          .filter(([, v]) => v.length)
          .map(([k, v]) => `【${pick(MEASURE, k)}】${v.join('；')}`)
          .join('\n'),
    },
    { header: ['责任人', 'Responsible'], width: 10, value: (r) => r.responsiblePerson },
    { header: ['联系电话', 'Phone'], width: 14, value: (r) => r.responsiblePhone ?? '' },
    { header: ['下次评审', 'Review due'], width: 12, value: (r) => r.reviewDue },
    { header: ['评审逾期', 'Review overdue'], width: 10, value: (r) => (r.reviewOverdue ? (en ? 'yes' : '是') : '') },
    { header: ['依据', 'Source'], width: 40, value: (r) => r.source },
  ];
  return workbookOf(en ? 'Risk points' : '风险点清单', columns, rows, locale, en ? 'Risk points (risk grading and control)' : '安全风险分级管控清单');
}

export function majorHazardsWorkbook(rows: Installation[], locale: Locale) {
  const en = locale === 'en-US';
  const columns: Column<Installation>[] = [
    { header: ['编号', 'Code'], width: 12, value: (r) => r.code },
    { header: ['企业', 'Enterprise'], width: 28, value: (r) => r.enterpriseName },
    { header: ['单元名称', 'Unit'], width: 24, value: (r) => r.name },
    { header: ['单元类型', 'Unit kind'], width: 12, value: (r) => UNIT[r.unitKind]?.[en ? 1 : 0] ?? r.unitKind },
    { header: ['经度', 'Longitude'], width: 11, value: (r) => r.lng ?? '' },
    { header: ['纬度', 'Latitude'], width: 10, value: (r) => r.lat ?? '' },
    { header: ['危险化学品及数量（t）', 'Chemicals (t)'], width: 40, value: (r) => r.terms.map((t) => `${t.name} ${t.q}`).join(en ? ', ' : '、') },
    { header: ['500 m 内常住人口', 'People within 500 m'], width: 12, value: (r) => r.exposedPopulation },
    { header: ['S', 'S'], width: 8, value: (r) => r.S },
    { header: ['α', 'α'], width: 6, value: (r) => r.alpha },
    { header: ['R', 'R'], width: 8, value: (r) => r.R },
    { header: ['级别', 'Grade'], width: 8, value: (r) => (r.grade ? GRADE_NAMES[r.grade as MajorHazardGrade][en ? 'en' : 'zh'] : en ? 'not major' : '未构成') },
    { header: ['主要负责人', 'Principal'], width: 16, value: (r) => `${r.persons.principal.name} ${r.persons.principal.phone}` },
    { header: ['技术负责人', 'Technical'], width: 16, value: (r) => `${r.persons.technical.name} ${r.persons.technical.phone}` },
    { header: ['操作负责人', 'Operational'], width: 16, value: (r) => `${r.persons.operational.name} ${r.persons.operational.phone}` },
  ];
  return workbookOf(
    en ? 'Major hazards' : '重大危险源',
    columns,
    rows,
    locale,
    en ? 'Major hazard installations (GB 18218-2018)' : '危险化学品重大危险源清单（GB 18218-2018）',
  );
}

const DAM: Record<string, [string, string]> = {
  upstream: ['上游式', 'Upstream'],
  centerline: ['中线式', 'Centerline'],
  downstream: ['下游式', 'Downstream'],
  oneTime: ['一次性筑坝', 'One-time dam'],
};
const OPERATING: Record<string, [string, string]> = {
  operating: ['在用', 'In use'],
  idle: ['停用', 'Idle'],
  closed: ['闭库', 'Closed'],
  deregistered: ['销库', 'Deregistered'],
};

export function tailingsPondsWorkbook(rows: Pond[], locale: Locale) {
  const en = locale === 'en-US';
  const pick = (m: Record<string, [string, string]>, k: string | null) => (k ? (m[k]?.[en ? 1 : 0] ?? k) : '');
  const yes = (b: boolean) => (b ? (en ? 'yes' : '是') : '');
  const columns: Column<Pond>[] = [
    { header: ['编号', 'Code'], width: 10, value: (r) => r.code },
    { header: ['企业', 'Enterprise'], width: 28, value: (r) => r.enterpriseName },
    { header: ['尾矿库名称', 'Tailings pond'], width: 22, value: (r) => r.name },
    { header: ['等别', 'Class'], width: 8, value: (r) => TAILINGS_GRADE_NAMES[r.grade as TailingsGrade]?.[en ? 'en' : 'zh'] ?? '' },
    { header: ['提等', 'Raised'], width: 6, value: (r) => yes(r.gradeRaised) },
    { header: ['头顶库', 'Overhead'], width: 8, value: (r) => yes(r.overhead) },
    {
      header: ['安全度', 'Safety status'],
      width: 10,
      value: (r) => TAILINGS_SAFETY[r.safetyStatus as TailingsSafetyStatus]?.[en ? 'en' : 'zh'] ?? r.safetyStatus,
    },
    { header: ['运行状态', 'Operating status'], width: 10, value: (r) => pick(OPERATING, r.operatingStatus) },
    { header: ['筑坝方式', 'Dam construction'], width: 10, value: (r) => pick(DAM, r.damMethod) },
    { header: ['设计总坝高（m）', 'Design dam height (m)'], width: 10, value: (r) => r.designDamHeight },
    { header: ['现状坝高（m）', 'Current dam height (m)'], width: 10, value: (r) => r.currentDamHeight },
    { header: ['全库容（万m³）', 'Total capacity (10⁴ m³)'], width: 11, value: (r) => r.totalCapacity },
    { header: ['现状库容（万m³）', 'Current capacity (10⁴ m³)'], width: 11, value: (r) => r.currentCapacity },
    { header: ['下游人口', 'Downstream population'], width: 10, value: (r) => r.downstreamPopulation },
    { header: ['下游居民和设施', 'Downstream residents and facilities'], width: 30, value: (r) => r.downstreamFacilities ?? '' },
    { header: ['经度', 'Longitude'], width: 11, value: (r) => r.lng },
    { header: ['纬度', 'Latitude'], width: 10, value: (r) => r.lat },
    { header: ['位置', 'Location'], width: 20, value: (r) => r.location ?? '' },
    { header: ['责任人', 'Responsible'], width: 16, value: (r) => `${r.responsibleName} ${r.responsiblePhone}` },
    { header: ['安全生产许可证', 'Safety licence'], width: 26, value: (r) => r.licenceNumber ?? '' },
    { header: ['有效期至', 'Valid until'], width: 12, value: (r) => r.licenceExpiry ?? '' },
    { header: ['依据', 'Source'], width: 40, value: (r) => r.gradeSource },
  ];
  return workbookOf(en ? 'Tailings ponds' : '尾矿库', columns, rows, locale, en ? 'Tailings ponds' : '尾矿库清单');
}
