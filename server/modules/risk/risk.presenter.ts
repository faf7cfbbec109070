import type { Term } from '../../../common/rules/major-hazard-source.js';
import {
  TAILINGS_GRADE_NAMES,
  TAILINGS_SAFETY,
  TAILINGS_SAFETY_SOURCE,
  type TailingsGrade,
  type TailingsSafetyStatus,
} from '../../../common/rules/tailings-pond.js';
import type { MajorHazardRow, RecipientRow, RiskPointRow, RiskReportRow, TailingsPondReportRow, TailingsPondRow } from './risk.repository.js';

/** Field whitelists: rows are never returned raw. */

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function presentRiskPoint(p: RiskPointRow, enterpriseName: string, today: string) {
  return {
    id: p.id,
    enterpriseId: p.enterpriseId,
    enterpriseName,
    code: p.code,
    name: p.name,
    kind: p.kind,
    location: p.location,
    hazardFactors: p.hazardFactors,
    accidentTypes: p.accidentTypes,
    method: p.method,
    inputs: p.inputs as Record<string, number>,
    score: p.score,
    level: p.level,
    color: p.color,
    source: p.source,
    measures: p.measures as Record<string, string[]>,
    controlLevel: p.controlLevel,
    responsiblePerson: p.responsiblePerson,
    responsiblePhone: p.responsiblePhone,
    assessedAt: p.assessedAt.toISOString(),
    assessedBy: p.assessedBy,
    reviewDue: p.reviewDue,
    lastReviewedAt: iso(p.lastReviewedAt),
    reviewOverdue: p.reviewDue < today,
    version: p.version,
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function presentRecipient(r: RecipientRow) {
  return { departmentId: r.departmentId, departmentName: r.departmentName, readAt: iso(r.readAt), readByName: r.readByName };
}

export function presentReport(r: RiskReportRow, recipients: RecipientRow[]) {
  return {
    id: r.id,
    riskPointId: r.riskPointId,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName,
    title: r.title,
    content: r.content as Record<string, unknown>,
    reportedAt: r.reportedAt.toISOString(),
    recipients: recipients.filter((x) => x.reportId === r.id).map(presentRecipient),
  };
}

export function presentMajorHazard(m: MajorHazardRow, enterpriseName: string) {
  return {
    id: m.id,
    enterpriseId: m.enterpriseId,
    enterpriseName,
    code: m.code,
    name: m.name,
    unitKind: m.unitKind,
    location: m.location,
    lng: m.lng,
    lat: m.lat,
    exposedPopulation: m.exposedPopulation,
    substances: m.substances as { cas?: string; name?: string; category?: string; quantityTonnes: number }[],
    terms: m.terms as Term[],
    S: m.s,
    isMajor: m.isMajor,
    alpha: m.alpha,
    R: m.r,
    grade: m.grade,
    source: m.source,
    persons: {
      principal: { name: m.principalName, phone: m.principalPhone },
      technical: { name: m.technicalName, phone: m.technicalPhone },
      operational: { name: m.operationalName, phone: m.operationalPhone },
    },
    version: m.version,
    updatedAt: m.updatedAt.toISOString(),
  };
}

/**
 * A tailings pond: its class with the 依据, the 安全度 with what the rules require of it, and the licence
 * state as of `today` (expired, or due within 90 days: 安全生产许可证条例 Art. 9 has the renewal applied for
 * 3 months before expiry).
 */
export function presentTailingsPond(p: TailingsPondRow, enterpriseName: string, today: string) {
  const safety = TAILINGS_SAFETY[p.safetyStatus as TailingsSafetyStatus];
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + 90);
  const licenceState = !p.licenceExpiry
    ? null
    : p.licenceExpiry < today
      ? 'expired'
      : p.licenceExpiry <= soon.toISOString().slice(0, 10)
        ? 'expiring'
        : 'valid';
  return {
    id: p.id,
    enterpriseId: p.enterpriseId,
    enterpriseName,
    code: p.code,
    name: p.name,
    location: p.location,
    lng: p.lng,
    lat: p.lat,
    damMethod: p.damMethod,
    designDamHeight: p.designDamHeight,
    currentDamHeight: p.currentDamHeight,
    totalCapacity: p.totalCapacity,
    currentCapacity: p.currentCapacity,
    /** Current height or capacity above the design: 超设计 (a matter for the regulator, not a save error). */
    overDesign: p.currentDamHeight > p.designDamHeight || p.currentCapacity > p.totalCapacity,
    gradeRaised: p.gradeRaised,
    grade: p.grade,
    gradeName: TAILINGS_GRADE_NAMES[p.grade as TailingsGrade]?.zh ?? null,
    gradeSource: p.gradeSource,
    overhead: p.overhead,
    downstreamPopulation: p.downstreamPopulation,
    downstreamFacilities: p.downstreamFacilities,
    safetyStatus: p.safetyStatus,
    safetyMeaning: safety?.meaning ?? null,
    safetyAction: safety?.action ?? null,
    safetySource: TAILINGS_SAFETY_SOURCE,
    operatingStatus: p.operatingStatus,
    responsibleName: p.responsiblePerson,
    responsiblePhone: p.responsiblePhone,
    licenceNumber: p.licenceNumber,
    licenceExpiry: p.licenceExpiry,
    licenceState,
    version: p.version,
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** A notification's read receipt (kernel notify receiptsOf). */
export interface UserReceipt {
  displayName: string;
  departmentId: string | null;
  readAt: Date | null;
}

/**
 * A 安全度 report with a receipt per addressed department: the first of its users to read the notice
 * and when, and how many of its users were told and have read it.
 */
export function presentPondReport(r: TailingsPondReportRow, receipts: UserReceipt[]) {
  const departments = r.departments as { id: string; name: string }[];
  return {
    id: r.id,
    fromStatus: r.fromStatus,
    toStatus: r.toStatus,
    action: r.action,
    source: r.source,
    reportedAt: r.reportedAt.toISOString(),
    reportedByName: r.reportedByName,
    recipients: departments.map((d) => {
      const mine = receipts.filter((x) => x.departmentId === d.id);
      const read = mine.filter((x) => x.readAt).sort((a, b) => (a.readAt as Date).getTime() - (b.readAt as Date).getTime());
      return {
        departmentId: d.id,
        departmentName: d.name,
        readAt: iso(read[0]?.readAt),
        readByName: read[0]?.displayName ?? null,
        notified: mine.length,
        read: read.length,
      };
    }),
  };
}
