import { GB6441_TYPES } from '../../../common/gb6441.js';
import type { Locale } from '../../../common/i18n/api-messages.js';
import { GRADE_NAMES, type MajorHazardGrade } from '../../../common/rules/major-hazard-source.js';
import { RISK_LEVEL_NAMES, type RiskLevel } from '../../../common/rules/risk-assessment.js';
import { type Column, workbookOf } from '../../kernel/files/excel.js';
import type { presentMajorHazard, presentRiskPoint } from './risk.presenter.js';

/** Excel of exactly the risk points / installations the list shows (same filters, same scope). */

type Point = ReturnType<typeof presentRiskPoint>;
type Installation = ReturnType<typeof presentMajorHazard>;

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
        ['L', 'E', 'C', 'S']
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
