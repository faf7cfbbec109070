import type { z } from 'zod';
import {
  MEASURE_CATEGORIES,
  type ZColourCounts,
  type ZMajorHazard,
  type ZPondReport,
  type ZReceipt,
  type ZRiskPoint,
  type ZRiskReport,
  type ZRiskReportContent,
  type ZRiskReportRow,
  type ZRiskReview,
  type ZTailingsPond,
} from '../../../common/contracts/risk.js';
import {
  TAILINGS_GRADE_NAMES,
  TAILINGS_SAFETY,
  TAILINGS_SAFETY_SOURCE,
  type TailingsGrade,
  type TailingsSafetyStatus,
} from '../../../common/rules/tailings-pond.js';
import type {
  ColourCounts,
  MajorHazardRow,
  RecipientRow,
  RiskPointReviewRow,
  RiskPointRow,
  RiskReportRow,
  TailingsPondReportRow,
  TailingsPondRow,
} from './risk.repository.js';

/** Field whitelists typed by the contracts (common/contracts/risk.ts): rows are never returned raw. */

type Out<T extends z.ZodType> = z.input<T>;
type RiskPointView = Out<typeof ZRiskPoint>;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** Every measure category present, whatever an older row kept. */
function measuresOf(stored: unknown): RiskPointView['measures'] {
  const m = (stored ?? {}) as Partial<Record<(typeof MEASURE_CATEGORIES)[number], string[]>>;
  return Object.fromEntries(MEASURE_CATEGORIES.map((c) => [c, m[c] ?? []])) as RiskPointView['measures'];
}

export function presentRiskPoint(p: RiskPointRow, enterpriseName: string, today: string): RiskPointView {
  return {
    id: p.id,
    enterpriseId: p.enterpriseId,
    enterpriseName,
    code: p.code,
    name: p.name,
    kind: p.kind as RiskPointView['kind'],
    location: p.location,
    hazardFactors: p.hazardFactors,
    accidentTypes: p.accidentTypes,
    method: p.method as RiskPointView['method'],
    inputs: p.inputs as RiskPointView['inputs'],
    score: p.score,
    level: p.level as RiskPointView['level'],
    color: p.color as RiskPointView['color'],
    source: p.source,
    measures: measuresOf(p.measures),
    controlLevel: p.controlLevel as RiskPointView['controlLevel'],
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

export function presentReview(v: RiskPointReviewRow): Out<typeof ZRiskReview> {
  return {
    id: v.id,
    at: v.at.toISOString(),
    actorName: v.actorName,
    comment: v.comment,
    fromLevel: v.fromLevel as RiskPointView['level'],
    toLevel: v.toLevel as RiskPointView['level'],
    score: v.score,
    nextReviewDue: v.nextReviewDue,
  };
}

export function presentRecipient(r: RecipientRow): Out<typeof ZReceipt> {
  return { departmentId: r.departmentId, departmentName: r.departmentName, readAt: iso(r.readAt), readByName: r.readByName };
}

export function presentReport(r: RiskReportRow, recipients: RecipientRow[]): Out<typeof ZRiskReport> {
  return {
    id: r.id,
    riskPointId: r.riskPointId,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName,
    title: r.title,
    // The snapshot written by reportValues (commands/_report-major-risk.ts).
    content: r.content as Out<typeof ZRiskReportContent>,
    reportedAt: r.reportedAt.toISOString(),
    recipients: recipients.filter((x) => x.reportId === r.id).map(presentRecipient),
  };
}

type MajorHazardView = Out<typeof ZMajorHazard>;

/** A report in the list: whether it is addressed to the viewer's department, and what the viewer may do. */
export function presentReportRow(
  r: RiskReportRow,
  recipients: RecipientRow[],
  departmentId: string | null,
  abilities: { markRead: boolean },
): Out<typeof ZRiskReportRow> {
  return { ...presentReport(r, recipients), addressedToMe: recipients.some((x) => x.departmentId === departmentId), abilities };
}

/** A roll-up row's counts (the grouping key is presented by the caller). */
export function presentRollupRow(c: ColourCounts): Out<typeof ZColourCounts> {
  return { total: c.total, red: c.red, orange: c.orange, yellow: c.yellow, blue: c.blue, overdue: c.overdue, enterprises: c.enterprises };
}

export function presentMajorHazard(m: MajorHazardRow, enterpriseName: string): MajorHazardView {
  return {
    id: m.id,
    enterpriseId: m.enterpriseId,
    enterpriseName,
    code: m.code,
    name: m.name,
    unitKind: m.unitKind as MajorHazardView['unitKind'],
    location: m.location,
    lng: m.lng,
    lat: m.lat,
    exposedPopulation: m.exposedPopulation,
    substances: m.substances as MajorHazardView['substances'],
    terms: m.terms as MajorHazardView['terms'],
    S: m.s,
    isMajor: m.isMajor,
    alpha: m.alpha,
    R: m.r,
    grade: m.grade as MajorHazardView['grade'],
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
type TailingsPondView = Out<typeof ZTailingsPond>;

export function presentTailingsPond(p: TailingsPondRow, enterpriseName: string, today: string): TailingsPondView {
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
    damMethod: p.damMethod as TailingsPondView['damMethod'],
    designDamHeight: p.designDamHeight,
    currentDamHeight: p.currentDamHeight,
    totalCapacity: p.totalCapacity,
    currentCapacity: p.currentCapacity,
    /** Current height or capacity above the design: 超设计 (a matter for the regulator, not a save error). */
    overDesign: p.currentDamHeight > p.designDamHeight || p.currentCapacity > p.totalCapacity,
    gradeRaised: p.gradeRaised,
    grade: p.grade as TailingsGrade,
    gradeName: TAILINGS_GRADE_NAMES[p.grade as TailingsGrade]?.zh ?? null,
    gradeSource: p.gradeSource,
    overhead: p.overhead,
    downstreamPopulation: p.downstreamPopulation,
    downstreamFacilities: p.downstreamFacilities,
    safetyStatus: p.safetyStatus as TailingsSafetyStatus,
    safetyMeaning: safety?.meaning ?? null,
    safetyAction: safety?.action ?? null,
    safetySource: TAILINGS_SAFETY_SOURCE,
    operatingStatus: p.operatingStatus as TailingsPondView['operatingStatus'],
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
export function presentPondReport(r: TailingsPondReportRow, receipts: UserReceipt[]): Out<typeof ZPondReport> {
  const departments = r.departments as { id: string; name: string }[];
  return {
    id: r.id,
    fromStatus: r.fromStatus as TailingsSafetyStatus | null,
    toStatus: r.toStatus as TailingsSafetyStatus,
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
