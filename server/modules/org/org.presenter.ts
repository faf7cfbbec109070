import type { Locale } from '../../../common/i18n/api-messages.js';
import type { AssignmentView, EnterpriseRow, RegionRow } from './org.repository.js';

/** Region lookups for presenting rows: town name and its county-level division. */
export class RegionNames {
  private byCode: Map<string, RegionRow>;
  constructor(
    rows: RegionRow[],
    private readonly locale: Locale,
  ) {
    this.byCode = new Map(rows.map((r) => [r.code, r]));
  }
  name(code: string): string {
    const r = this.byCode.get(code);
    return r ? (this.locale === 'en-US' ? r.nameEn : r.name) : code;
  }
  /** The county-level division (县/市/区/开发区) a region belongs to, from its path. */
  county(code: string): string {
    const r = this.byCode.get(code);
    if (!r) return '';
    const parts = r.path.split('/').filter(Boolean);
    const countyCode = parts[1] ?? parts[0] ?? code;
    return this.name(countyCode);
  }
  get(code: string) {
    return this.byCode.get(code);
  }
}

export function presentAssignment(a: AssignmentView, locale: Locale) {
  return {
    departmentId: a.departmentId,
    departmentName: locale === 'en-US' ? a.departmentNameEn : a.departmentName,
    responsiblePerson: a.responsiblePerson,
    responsiblePhone: a.responsiblePhone,
    primary: a.primary,
  };
}

/** The list whitelist: rows are never returned raw. */
export function presentEnterpriseSummary(e: EnterpriseRow, regions: RegionNames) {
  return {
    id: e.id,
    uscc: e.uscc,
    name: e.name,
    regionCode: e.regionCode,
    regionName: regions.name(e.regionCode),
    countyName: regions.county(e.regionCode),
    industry: e.industry,
    supervisionClass: e.supervisionClass,
    status: e.status,
    principal: e.principal,
    phone: e.phone,
    employees: e.employees,
    isGroup: e.isGroup,
    groupId: e.groupId,
    standardizationGrade: e.standardizationGrade,
    insuranceStatus: e.insuranceStatus,
    updatedAt: e.updatedAt.toISOString(),
  };
}

/** What an audit row keeps of an enterprise: every business field, no derived ones. */
export function auditEnterprise(e: EnterpriseRow) {
  const { createdAt: _c, updatedAt: _u, regionPath: _p, ...rest } = e;
  return rest;
}
