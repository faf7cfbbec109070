/**
 * Names of the files the platform exports (Excel downloads), zh-CN and en-US. The downloaded name
 * is `<name>-<Beijing date or period>.xlsx`, e.g. 隐患清单-2026-12-08.xlsx / hazard-list-2026-12-08.xlsx;
 * the en-US name is also the ASCII fallback of the Content-Disposition header, so it must stay ASCII.
 */
import type { Locale } from './api-messages.js';

export const EXPORT_FILES = {
  hazards: { 'zh-CN': '隐患清单', 'en-US': 'hazard-list' },
  hazardListings: { 'zh-CN': '挂牌督办清单', 'en-US': 'listed-hazards' },
  hazardMeasures: { 'zh-CN': '制度措施清单', 'en-US': 'measures-list' },
  hazardAccountability: { 'zh-CN': '追责问责清单', 'en-US': 'accountability-list' },
  accidents: { 'zh-CN': '事故清单', 'en-US': 'accident-list' },
  accidentStats: { 'zh-CN': '事故统计', 'en-US': 'accident-statistics' },
  alarms: { 'zh-CN': '报警记录', 'en-US': 'alarm-list' },
  alarmReport: { 'zh-CN': '报警月报', 'en-US': 'alarm-monthly-report' },
  taskStats: { 'zh-CN': '督办统计', 'en-US': 'task-statistics' },
  riskPoints: { 'zh-CN': '风险点清单', 'en-US': 'risk-points' },
  majorHazardSources: { 'zh-CN': '重大危险源清单', 'en-US': 'major-hazard-sources' },
  tailingsPonds: { 'zh-CN': '尾矿库清单', 'en-US': 'tailings-ponds' },
  enterprises: { 'zh-CN': '企业名录', 'en-US': 'enterprises' },
  enterpriseTemplate: { 'zh-CN': '企业导入模板', 'en-US': 'enterprise-import-template' },
  supervisionTable: { 'zh-CN': '监管一张表', 'en-US': 'supervision-table' },
  workPlan: { 'zh-CN': '年度工作要点', 'en-US': 'work-plan' },
  workPlanTemplate: { 'zh-CN': '年度工作要点导入模板', 'en-US': 'work-plan-import-template' },
} as const satisfies Record<string, Record<Locale, string>>;

export type ExportFileKey = keyof typeof EXPORT_FILES;

/** Yes/no cells and the "nothing" cell of every export. */
export const EXPORT_WORDS = {
  yes: { 'zh-CN': '是', 'en-US': 'Yes' },
  no: { 'zh-CN': '否', 'en-US': 'No' },
} as const satisfies Record<string, Record<Locale, string>>;
