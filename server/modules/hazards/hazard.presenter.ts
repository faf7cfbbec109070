import type { z } from 'zod';
import type {
  HAZARD_CATEGORIES,
  HAZARD_SOURCES,
  LISTING_LEVELS,
  ZHazardDetail,
  ZHazardDuplicate,
  ZHazardListing,
  ZHazardOverview,
  ZHazardSummary,
  ZHazardTransition,
  ZHazardTransitionData,
  ZListEntryRow,
  ZListingRow,
  ZStatsBoardRow,
  ZStatsDraft,
  ZStatsFigures,
} from '../../../common/contracts/hazards.js';
import { toShanghaiDate } from '../../../common/rules/calendar/working-days.js';
import { findCriterion } from '../../../common/rules/major-hazard-criteria.js';
import type { HazardRow, ListEntryRow, ListingRow, OverviewCounts, overview, PeriodFigures, StatsReportRow, TransitionRow } from './hazard.repository.js';
import { type HazardGrade, type HazardStatus, RUNNING_STATUSES } from './hazard.workflow.js';

/**
 * Rows → the response contracts (common/contracts/hazards.ts). The text columns hold the workflow's values; they are
 * narrowed here, at the one place rows leave the module, and the contract re-checks them in tests.
 */
type Out<T extends z.ZodType> = z.input<T>;
const grade = (g: string | null) => g as HazardGrade | null;

/** Where a hazard stands against its deadline: the colour of its dot. */
export function deadlineState(h: Pick<HazardRow, 'status' | 'deadline'>, today: string): 'none' | 'onTrack' | 'overdue' | 'done' {
  if (h.status === 'closed' || h.status === 'rejected') return 'done';
  if (!h.deadline || !RUNNING_STATUSES.includes(h.status as HazardStatus)) return 'none';
  return h.deadline < today ? 'overdue' : 'onTrack';
}

/** The list row: a whitelist of fields (rows are never returned raw). */
export function presentHazardSummary(h: HazardRow, today: string, openListings = 0): Out<typeof ZHazardSummary> {
  return {
    id: h.id,
    code: h.code,
    enterpriseId: h.enterpriseId,
    enterpriseName: h.enterpriseName,
    industry: h.industry,
    title: h.title,
    location: h.location,
    source: h.source as (typeof HAZARD_SOURCES)[number],
    category: h.category as (typeof HAZARD_CATEGORIES)[number],
    grade: grade(h.grade),
    suggestedGrade: grade(h.suggestedGrade),
    status: h.status as HazardStatus,
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

export function presentListing(l: ListingRow): Out<typeof ZHazardListing> {
  return {
    id: l.id,
    departmentId: l.departmentId,
    departmentName: l.departmentName,
    level: l.level as (typeof LISTING_LEVELS)[number],
    documentNumber: l.documentNumber,
    supervisor: l.supervisor,
    supervisorPhone: l.supervisorPhone,
    deadline: l.deadline,
    requirements: l.requirements,
    status: l.status as 'open' | 'closed',
    listedAt: l.listedAt.toISOString(),
    listedBy: l.listedBy,
    closedAt: l.closedAt?.toISOString() ?? null,
    closedBy: l.closedBy,
    closingComment: l.closingComment,
  };
}

export function presentTransition(t: TransitionRow): Out<typeof ZHazardTransition> {
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
    data: t.data as Out<typeof ZHazardTransitionData> | null,
  };
}

export function presentHazard(
  h: HazardRow,
  today: string,
  extra: { listings: ListingRow[]; transitions: TransitionRow[]; receipts: Out<typeof ZHazardDetail>['receipts'] },
): Out<typeof ZHazardDetail> {
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
    plan: h.plan as Out<typeof ZHazardDetail>['plan'],
    majorReport: h.majorReport as Out<typeof ZHazardDetail>['majorReport'],
    dualReportedAt: h.dualReportedAt?.toISOString() ?? null,
    photos: h.photos,
    submittedAt: h.submittedAt?.toISOString() ?? null,
    verifiedAt: h.verifiedAt?.toISOString() ?? null,
    reviewDue: h.reviewDue,
    reviewOverdue: h.status === 'verified' && !!h.reviewDue && h.reviewDue < today,
    version: h.version,
    listings: extra.listings.map(presentListing),
    transitions: extra.transitions.map(presentTransition),
    receipts: extra.receipts,
  };
}

/** A 挂牌督办清单 row: the listing with the listed hazard's progress. */
export function presentListingRow(l: ListingRow, h: HazardRow, today: string): Out<typeof ZListingRow> {
  return {
    ...presentListing(l),
    overdue: l.status === 'open' && l.deadline < today,
    hazard: presentHazardSummary(h, today, l.status === 'open' ? 1 : 0),
  };
}

/** A 制度措施清单 / 追责问责清单 entry; linked hazards the reader cannot see are left out. */
export function presentListEntry(
  r: ListEntryRow,
  hazards: { id: string; code: string; title: string }[],
  actorDepartmentId: string | null,
): Out<typeof ZListEntryRow> {
  return {
    id: r.id,
    kind: r.kind as Out<typeof ZListEntryRow>['kind'],
    departmentName: r.departmentName,
    title: r.title,
    content: r.content,
    unitName: r.unitName,
    person: r.person,
    documentNumber: r.documentNumber,
    date: r.date,
    hazards: r.hazardIds.map((id) => hazards.find((h) => h.id === id)).filter((h): h is { id: string; code: string; title: string } => !!h),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    editable: r.departmentId === actorDepartmentId,
  };
}

/** A near-identical open hazard, with its similarity score. */
export function presentDuplicate(
  h: Pick<HazardRow, 'id' | 'code' | 'title' | 'location' | 'status' | 'createdAt'>,
  score: number,
): Out<typeof ZHazardDuplicate> {
  return { id: h.id, code: h.code, title: h.title, location: h.location, status: h.status as HazardStatus, createdAt: h.createdAt.toISOString(), score };
}

/** The figures of an Art. 14 table with the closed rate (percent, one decimal). */
export function presentFigures(f: PeriodFigures): Out<typeof ZStatsFigures> {
  return { ...f, closedRate: f.found ? Math.round((1000 * (f.rectified ?? 0)) / f.found) / 10 : null };
}

/** A 双报告 notice and whether its reader has opened it. */
export function presentReceipt(r: { kind: string; displayName: string; sentAt: Date; readAt: Date | null }): Out<typeof ZHazardDetail>['receipts'][number] {
  return {
    to: r.kind.endsWith('regulator') ? 'regulator' : 'worker',
    displayName: r.displayName,
    sentAt: r.sentAt.toISOString(),
    readAt: r.readAt?.toISOString() ?? null,
  };
}

const closedRate = (m: { total: number; closed: number }) => (m.total ? Math.round((1000 * m.closed) / m.total) / 10 : null);

/** The regulator's overview; regions are named in both languages (the screen picks by locale). */
export function presentOverview(r: Awaited<ReturnType<typeof overview>>, regions: Map<string, { name: string; nameEn: string }>): Out<typeof ZHazardOverview> {
  const measures = ({ total, open, major, majorOpen, closed, overdue, unconfirmed }: OverviewCounts) => ({
    total,
    open,
    major,
    majorOpen,
    closed,
    overdue,
    unconfirmed,
    closedRate: closedRate({ total, closed }),
  });
  return {
    totals: { ...measures(r.totals), listedOpen: r.listedOpen },
    byStatus: Object.fromEntries(r.byStatus.map((s) => [s.key, s.n])) as Out<typeof ZHazardOverview>['byStatus'],
    byRegion: r.byRegion
      .filter((x) => x.key)
      .map((x) => ({ ...measures(x), regionCode: x.key, name: regions.get(x.key)?.name ?? x.key, nameEn: regions.get(x.key)?.nameEn ?? x.key })),
    byIndustry: r.byIndustry.map((x) => ({ ...measures(x), industry: x.key })),
  };
}

export type StatsState = Out<typeof ZStatsDraft>['state'];

/** Where an enterprise's table stands: submitted, or pending/overdue against its due date (Beijing civil dates). */
export function statsState(report: StatsReportRow | undefined, today: string, due: string): StatsState {
  return report ? 'submitted' : today > due ? 'overdue' : 'pending';
}

/** A row of the regulator's due-date board. */
export function presentStatsBoardRow(
  e: { id: string; name: string; regionCode: string; industry: string },
  r: StatsReportRow | undefined,
  today: string,
  due: string,
): Out<typeof ZStatsBoardRow> {
  return {
    enterpriseId: e.id,
    enterpriseName: e.name,
    regionCode: e.regionCode,
    industry: e.industry,
    due,
    state: statsState(r, today, due),
    submittedAt: r?.submittedAt.toISOString() ?? null,
    late: r ? toShanghaiDate(r.submittedAt) > due : null,
    principalName: r?.principalName ?? null,
  };
}

/** The figures a submitted table froze (written by the submit command as presentFigures made them). */
export function storedFigures(r: StatsReportRow): Out<typeof ZStatsFigures> {
  return r.figures as Out<typeof ZStatsFigures>;
}

/** One enterprise's table: the submitted one (figures frozen at submission) or the figures generated now. */
export function presentStatsDraft(
  e: { id: string; name: string },
  p: { period: string; due: string; source: string; periodEnded: boolean; today: string; canSubmit: boolean },
  report: StatsReportRow | undefined,
  figures: Out<typeof ZStatsFigures>,
): Out<typeof ZStatsDraft> {
  return {
    enterpriseId: e.id,
    enterpriseName: e.name,
    period: p.period,
    due: p.due,
    source: p.source,
    periodEnded: p.periodEnded,
    state: statsState(report, p.today, p.due),
    figures,
    report: report
      ? {
          analysis: report.analysis,
          principalName: report.principalName,
          submitterName: report.submitterName,
          submittedAt: report.submittedAt.toISOString(),
          late: toShanghaiDate(report.submittedAt) > p.due,
        }
      : null,
    canSubmit: p.canSubmit,
  };
}
