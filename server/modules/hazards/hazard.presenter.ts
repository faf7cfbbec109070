import { findCriterion } from '../../../common/rules/major-hazard-criteria.js';
import type { HazardRow, ListingRow, TransitionRow } from './hazard.repository.js';
import { type HazardStatus, RUNNING_STATUSES } from './hazard.workflow.js';

/** Where a hazard stands against its deadline: the colour of its dot. */
export function deadlineState(h: Pick<HazardRow, 'status' | 'deadline'>, today: string): 'none' | 'onTrack' | 'overdue' | 'done' {
  if (h.status === 'closed' || h.status === 'rejected') return 'done';
  if (!h.deadline || !RUNNING_STATUSES.includes(h.status as HazardStatus)) return 'none';
  return h.deadline < today ? 'overdue' : 'onTrack';
}

/** The list row: a whitelist of fields (rows are never returned raw). */
export function presentHazardSummary(h: HazardRow, today: string, openListings = 0) {
  return {
    id: h.id,
    code: h.code,
    enterpriseId: h.enterpriseId,
    enterpriseName: h.enterpriseName,
    industry: h.industry,
    title: h.title,
    location: h.location,
    source: h.source,
    category: h.category,
    grade: h.grade,
    suggestedGrade: h.suggestedGrade,
    status: h.status,
    rectifierName: h.rectifierName,
    deadline: h.deadline,
    foundAt: h.foundAt.toISOString(),
    createdAt: h.createdAt.toISOString(),
    closedAt: h.closedAt?.toISOString() ?? null,
    escalation: h.escalation,
    deadlineState: deadlineState(h, today),
    listed: openListings > 0,
    hasPhoto: h.photos.length > 0,
  };
}

export function presentListing(l: ListingRow) {
  return {
    id: l.id,
    departmentId: l.departmentId,
    departmentName: l.departmentName,
    level: l.level,
    documentNumber: l.documentNumber,
    supervisor: l.supervisor,
    supervisorPhone: l.supervisorPhone,
    deadline: l.deadline,
    requirements: l.requirements,
    status: l.status,
    listedAt: l.listedAt.toISOString(),
    listedBy: l.listedBy,
    closedAt: l.closedAt?.toISOString() ?? null,
    closedBy: l.closedBy,
    closingComment: l.closingComment,
  };
}

export function presentTransition(t: TransitionRow) {
  return {
    id: t.id,
    action: t.action,
    fromStatus: t.fromStatus,
    toStatus: t.toStatus,
    actorName: t.actorName,
    actorUnit: t.actorUnit,
    at: t.at.toISOString(),
    comment: t.comment,
    evidence: t.evidence,
    data: t.data,
  };
}

export function presentHazard(h: HazardRow, today: string, extra: { listings: ListingRow[]; transitions: TransitionRow[] }) {
  const criterion = h.criterionCatalogue && h.criterionCode ? findCriterion(h.criterionCatalogue, h.criterionCode) : null;
  return {
    ...presentHazardSummary(h, today, extra.listings.filter((l) => l.status === 'open').length),
    description: h.description,
    lng: h.lng,
    lat: h.lat,
    sourceRef: h.sourceRef,
    reporterName: h.reporterName,
    criterion: criterion && {
      catalogue: criterion.catalogue.key,
      code: criterion.item.code,
      zh: criterion.item.zh,
      en: criterion.item.en,
      source: criterion.catalogue.source,
    },
    originalDeadline: h.originalDeadline,
    plan: h.plan,
    majorReport: h.majorReport,
    dualReportedAt: h.dualReportedAt?.toISOString() ?? null,
    photos: h.photos,
    submittedAt: h.submittedAt?.toISOString() ?? null,
    verifiedAt: h.verifiedAt?.toISOString() ?? null,
    reviewDue: h.reviewDue,
    reviewOverdue: h.status === 'verified' && !!h.reviewDue && h.reviewDue < today,
    version: h.version,
    listings: extra.listings.map(presentListing),
    transitions: extra.transitions.map(presentTransition),
  };
}
