import type { Term } from '../../../common/rules/major-hazard-source.js';
import type { MajorHazardRow, RecipientRow, RiskPointRow, RiskReportRow } from './risk.repository.js';

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
