import { GB6441_TYPES } from '../../../common/gb6441.js';
import type { Locale } from '../../../common/i18n/api-messages.js';
import { EXPORT_COLUMNS } from '../../../common/i18n/exports.js';
import { GRADE_NAMES, type MajorHazardGrade } from '../../../common/rules/major-hazard-source.js';
import { RISK_LEVEL_NAMES, type RiskLevel } from '../../../common/rules/risk-assessment.js';
import { TAILINGS_GRADE_NAMES, TAILINGS_SAFETY, type TailingsGrade, type TailingsSafetyStatus } from '../../../common/rules/tailings-pond.js';
import { type Column, workbookOf } from '../../kernel/files/excel.js';
import type { presentMajorHazard, presentRiskPoint, presentTailingsPond } from './risk.presenter.js';

const COLUMNS = EXPORT_COLUMNS.risk;

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
    { header: COLUMNS.code, width: 12, value: (r) => r.code },
    { header: COLUMNS.enterprise, width: 28, value: (r) => r.enterpriseName },
    { header: COLUMNS.riskPoint, width: 24, value: (r) => r.name },
    { header: COLUMNS.kind, width: 10, value: (r) => pick(KIND, r.kind) },
    { header: COLUMNS.location, width: 18, value: (r) => r.location ?? '' },
    { header: COLUMNS.hazardFactors, width: 36, value: (r) => r.hazardFactors },
    {
      header: COLUMNS.accidentTypesGB6441,
      width: 24,
      value: (r) =>
        r.accidentTypes
          .map((c) => GB6441_TYPES.find((t) => t.code === c))
          .map((t) => (t ? (en ? t.en : t.zh) : ''))
          .join(en ? ', ' : '、'),
    },
    { header: COLUMNS.method, width: 10, value: (r) => (r.method === 'lec' ? 'LEC' : 'LS') },
    {
      header: COLUMNS.factors,
      width: 18,
      value: (r) =>
        (['L', 'E', 'C', 'S'] as const)
          .filter((k) => r.inputs[k] !== undefined)
          .map((k) => `${k}=${r.inputs[k]}`)
          .join(' '),
    },
    { header: COLUMNS.dR, width: 8, value: (r) => r.score },
    { header: COLUMNS.level, width: 10, value: (r) => RISK_LEVEL_NAMES[r.level as RiskLevel]?.[en ? 'en' : 'zh'] ?? '' },
    { header: COLUMNS.colour, width: 8, value: (r) => RISK_LEVEL_NAMES[r.level as RiskLevel]?.[en ? 'colorEn' : 'color'] ?? '' },
    { header: COLUMNS.controlLevel, width: 10, value: (r) => pick(CONTROL, r.controlLevel) },
    {
      header: COLUMNS.controlMeasures,
      width: 48,
      value: (r) =>
        Object.entries(r.measures)
          .filter(([, v]) => v.length)
          .map(([k, v]) => `【${pick(MEASURE, k)}】${v.join('；')}`)
          .join('\n'),
    },
    { header: COLUMNS.responsible, width: 10, value: (r) => r.responsiblePerson },
    { header: COLUMNS.phone, width: 14, value: (r) => r.responsiblePhone ?? '' },
    { header: COLUMNS.reviewDue, width: 12, value: (r) => r.reviewDue },
    { header: COLUMNS.reviewOverdue, width: 10, value: (r) => (r.reviewOverdue ? (en ? 'yes' : '是') : '') },
    { header: COLUMNS.source, width: 40, value: (r) => r.source },
  ];
  return workbookOf(en ? 'Risk points' : '风险点清单', columns, rows, locale, en ? 'Risk points (risk grading and control)' : '安全风险分级管控清单');
}

export function majorHazardsWorkbook(rows: Installation[], locale: Locale) {
  const en = locale === 'en-US';
  const columns: Column<Installation>[] = [
    { header: COLUMNS.code, width: 12, value: (r) => r.code },
    { header: COLUMNS.enterprise, width: 28, value: (r) => r.enterpriseName },
    { header: COLUMNS.unit, width: 24, value: (r) => r.name },
    { header: COLUMNS.unitKind, width: 12, value: (r) => UNIT[r.unitKind]?.[en ? 1 : 0] ?? r.unitKind },
    { header: COLUMNS.longitude, width: 11, value: (r) => r.lng ?? '' },
    { header: COLUMNS.latitude, width: 10, value: (r) => r.lat ?? '' },
    { header: COLUMNS.chemicalsT, width: 40, value: (r) => r.terms.map((t) => `${t.name} ${t.q}`).join(en ? ', ' : '、') },
    { header: COLUMNS.peopleWithin500M, width: 12, value: (r) => r.exposedPopulation },
    { header: COLUMNS.s, width: 8, value: (r) => r.S },
    { header: COLUMNS.col, width: 6, value: (r) => r.alpha },
    { header: COLUMNS.r, width: 8, value: (r) => r.R },
    { header: COLUMNS.grade, width: 8, value: (r) => (r.grade ? GRADE_NAMES[r.grade as MajorHazardGrade][en ? 'en' : 'zh'] : en ? 'not major' : '未构成') },
    { header: COLUMNS.principal, width: 16, value: (r) => `${r.persons.principal.name} ${r.persons.principal.phone}` },
    { header: COLUMNS.technical, width: 16, value: (r) => `${r.persons.technical.name} ${r.persons.technical.phone}` },
    { header: COLUMNS.operational, width: 16, value: (r) => `${r.persons.operational.name} ${r.persons.operational.phone}` },
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
    { header: COLUMNS.code, width: 10, value: (r) => r.code },
    { header: COLUMNS.enterprise, width: 28, value: (r) => r.enterpriseName },
    { header: COLUMNS.tailingsPond, width: 22, value: (r) => r.name },
    { header: COLUMNS.class, width: 8, value: (r) => TAILINGS_GRADE_NAMES[r.grade as TailingsGrade]?.[en ? 'en' : 'zh'] ?? '' },
    { header: COLUMNS.raised, width: 6, value: (r) => yes(r.gradeRaised) },
    { header: COLUMNS.overhead, width: 8, value: (r) => yes(r.overhead) },
    {
      header: COLUMNS.safetyStatus,
      width: 10,
      value: (r) => TAILINGS_SAFETY[r.safetyStatus as TailingsSafetyStatus]?.[en ? 'en' : 'zh'] ?? r.safetyStatus,
    },
    { header: COLUMNS.operatingStatus, width: 10, value: (r) => pick(OPERATING, r.operatingStatus) },
    { header: COLUMNS.damConstruction, width: 10, value: (r) => pick(DAM, r.damMethod) },
    { header: COLUMNS.designDamHeightM, width: 10, value: (r) => r.designDamHeight },
    { header: COLUMNS.currentDamHeightM, width: 10, value: (r) => r.currentDamHeight },
    { header: COLUMNS.totalCapacity, width: 11, value: (r) => r.totalCapacity },
    { header: COLUMNS.currentCapacity, width: 11, value: (r) => r.currentCapacity },
    { header: COLUMNS.downstreamPopulation, width: 10, value: (r) => r.downstreamPopulation },
    { header: COLUMNS.downstreamResidentsAndFacilities, width: 30, value: (r) => r.downstreamFacilities ?? '' },
    { header: COLUMNS.longitude, width: 11, value: (r) => r.lng },
    { header: COLUMNS.latitude, width: 10, value: (r) => r.lat },
    { header: COLUMNS.location, width: 20, value: (r) => r.location ?? '' },
    { header: COLUMNS.responsible, width: 16, value: (r) => `${r.responsibleName} ${r.responsiblePhone}` },
    { header: COLUMNS.safetyLicence, width: 26, value: (r) => r.licenceNumber ?? '' },
    { header: COLUMNS.validUntil, width: 12, value: (r) => r.licenceExpiry ?? '' },
    { header: COLUMNS.source, width: 40, value: (r) => r.gradeSource },
  ];
  return workbookOf(en ? 'Tailings ponds' : '尾矿库', columns, rows, locale, en ? 'Tailings ponds' : '尾矿库清单');
}
