import type { z } from 'zod';
import type { ZAssignment, ZEnterpriseDetail, ZEnterpriseSummary, ZRegion, ZSupervisionRow } from '../../../common/contracts/org.js';
import type { Locale } from '../../../common/i18n/api-messages.js';
import type { AssignmentView, EnterpriseRow, RegionRow } from './org.repository.js';

/** A region as the contract lists it (its materialized path stays on the server). */
export function presentRegion(r: RegionRow): z.input<typeof ZRegion> {
  return { code: r.code, name: r.name, nameEn: r.nameEn, level: r.level, parentCode: r.parentCode };
}

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

export function presentAssignment(a: AssignmentView, locale: Locale): z.input<typeof ZAssignment> {
  return {
    departmentId: a.departmentId,
    departmentName: locale === 'en-US' ? a.departmentNameEn : a.departmentName,
    responsiblePerson: a.responsiblePerson,
    responsiblePhone: a.responsiblePhone,
    primary: a.primary,
  };
}

/** The list whitelist: rows are never returned raw. */
export function presentEnterpriseSummary(e: EnterpriseRow, regions: RegionNames): z.input<typeof ZEnterpriseSummary> {
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

interface DetailFacts {
  licences: { id: string; kind: string; number: string; issuedBy: string; validFrom: string; validTo: string }[];
  assignments: AssignmentView[];
  subsidiaries: Pick<EnterpriseRow, 'id' | 'name' | 'industry' | 'status' | 'regionCode'>[];
  transitions: {
    action: string;
    fromStatus: string;
    toStatus: string;
    actorName: string;
    at: Date;
    comment: string;
    documentNumber: string | null;
  }[];
  /** The group, read regardless of scope: a subsidiary shows its group's name even when the group is out of the viewer's scope. */
  group: Pick<EnterpriseRow, 'name'> | undefined;
  groupVisible: boolean;
}

/** The detail page: every field, licences flagged expired or expiring before `soon` (civil dates in Beijing). */
export function presentEnterpriseDetail(
  e: EnterpriseRow,
  f: DetailFacts,
  names: RegionNames,
  locale: Locale,
  dates: { today: string; soon: string },
): z.input<typeof ZEnterpriseDetail> {
  return {
    ...presentEnterpriseSummary(e, names),
    address: e.address,
    lng: e.lng,
    lat: e.lat,
    legalRepresentative: e.legalRepresentative,
    safetyManager: e.safetyManager,
    groupName: f.group?.name ?? null,
    groupVisible: f.groupVisible,
    standardizationExpiry: e.standardizationExpiry,
    insuranceExpiry: e.insuranceExpiry,
    insurer: e.insurer,
    version: e.version,
    createdAt: e.createdAt.toISOString(),
    licences: f.licences.map((l) => ({
      id: l.id,
      kind: l.kind,
      number: l.number,
      issuedBy: l.issuedBy,
      validFrom: l.validFrom,
      validTo: l.validTo,
      expired: l.validTo < dates.today,
      expiringSoon: l.validTo >= dates.today && l.validTo <= dates.soon,
    })),
    assignments: f.assignments.map((a) => presentAssignment(a, locale)),
    subsidiaries: f.subsidiaries.map((s) => ({ id: s.id, name: s.name, industry: s.industry, status: s.status, regionName: names.name(s.regionCode) })),
    transitions: f.transitions.map((t) => ({
      action: t.action,
      fromStatus: t.fromStatus,
      toStatus: t.toStatus,
      actorName: t.actorName,
      at: t.at.toISOString(),
      comment: t.comment,
      documentNumber: t.documentNumber,
    })),
  };
}

/** A row of the 一张表: the enterprise, its supervising departments and officials, and the notice's gaps. */
export function presentSupervisionRow(e: EnterpriseRow, assignments: AssignmentView[], names: RegionNames, locale: Locale): z.input<typeof ZSupervisionRow> {
  const gaps: ('noDepartment' | 'noPerson')[] = [];
  if (!assignments.length) gaps.push('noDepartment');
  if (assignments.some((a) => !a.responsiblePerson)) gaps.push('noPerson');
  return {
    enterpriseId: e.id,
    uscc: e.uscc,
    name: e.name,
    regionName: names.name(e.regionCode),
    countyName: names.county(e.regionCode),
    industry: e.industry,
    supervisionClass: e.supervisionClass,
    status: e.status,
    assignments: assignments.map((a) => presentAssignment(a, locale)),
    gaps,
  };
}

/** What an audit row keeps of an enterprise: every business field, no derived ones. */
export function auditEnterprise(e: EnterpriseRow) {
  const { createdAt: _c, updatedAt: _u, regionPath: _p, ...rest } = e;
  return rest;
}
