import type { z } from 'zod';
import type {
  ZAccidentDetail,
  ZAccidentRevision,
  ZAccidentSummary,
  ZAccountability,
  ZChainLink,
  ZFatalAction,
  ZInvestigation,
  ZPublicAccident,
} from '../../../common/contracts/accidents.js';
import { ACCIDENT_GRADE_NAMES, type AccidentGrade } from '../../../common/rules/accident-grade.js';
import { FATAL_ACCIDENT_ACTIONS } from '../../../common/rules/accident-investigation.js';
import type { RegionNames } from '../org/index.js';
import type { AccidentRow, AccountabilityRow, ActionRow, InvestigationRow, ReportRow, RevisionRow } from './accident.repository.js';

/** Field whitelists typed by the contracts (common/contracts/accidents.ts): rows are never returned raw. */

type Out<T extends z.ZodType> = z.input<T>;
type Summary = Out<typeof ZAccidentSummary>;
type Locale = 'zh-CN' | 'en-US';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function presentAccidentSummary(a: AccidentRow, names: RegionNames, locale: Locale): Summary {
  const grade = a.grade as AccidentGrade;
  return {
    id: a.id,
    title: a.title,
    occurredAt: a.occurredAt.toISOString(),
    reportedAt: a.reportedAt.toISOString(),
    place: a.place,
    regionName: names.name(a.regionCode),
    countyName: names.county(a.regionCode),
    industry: a.industry,
    accidentType: a.accidentType,
    enterpriseId: a.enterpriseId,
    deaths: a.deaths,
    missing: a.missing,
    seriousInjuries: a.seriousInjuries,
    minorInjuries: a.minorInjuries,
    directLossYuan: a.directLossYuan,
    grade,
    gradeName: locale === 'en-US' ? ACCIDENT_GRADE_NAMES[grade].en : ACCIDENT_GRADE_NAMES[grade].zh,
    decidedBy: a.decidedBy as Summary['decidedBy'],
    status: a.status as Summary['status'],
    published: a.published,
  };
}

/** The accident's own fields beyond the summary (the caller adds chain, investigation, actions and sources). */
export function presentAccidentFields(a: AccidentRow, enterpriseName: string | null, supplementDeadline: Date) {
  return {
    enterpriseName,
    lng: a.lng,
    lat: a.lat,
    unitOverview: a.unitOverview,
    scene: a.scene,
    narrative: a.narrative,
    measures: a.measures,
    other: a.other,
    reporterName: a.reporterName,
    reporterUnit: a.reporterUnit,
    publicSummary: a.publicSummary,
    version: a.version,
    supplementDeadline: supplementDeadline.toISOString(),
  } satisfies Partial<Out<typeof ZAccidentDetail>>;
}

export function presentRevision(r: RevisionRow): Out<typeof ZAccidentRevision> {
  return {
    id: r.id,
    kind: r.kind as 'initial' | 'supplement',
    at: r.at.toISOString(),
    actorName: r.actorName,
    deaths: r.deaths,
    missing: r.missing,
    seriousInjuries: r.seriousInjuries,
    minorInjuries: r.minorInjuries,
    directLossYuan: r.directLossYuan,
    grade: r.grade as AccidentGrade,
    note: r.note,
    late: r.late,
  };
}

/** A chain link with the viewer's answers from the chain policy. */
export function presentChainLink(
  r: ReportRow,
  now: Date,
  may: { canConfirm: boolean; canReport: boolean; reportNeedsReason: boolean },
): Out<typeof ZChainLink> {
  return {
    recipient: r.recipient as Out<typeof ZChainLink>['recipient'],
    departmentId: r.departmentId,
    due: r.due.toISOString(),
    reportedAt: iso(r.reportedAt),
    reportedBy: r.reportedBy,
    confirmedAt: iso(r.confirmedAt),
    confirmedBy: r.confirmedBy,
    skipped: r.skipped,
    skipReason: r.skipReason,
    late: (r.confirmedAt ?? now).getTime() > r.due.getTime(),
    ...may,
  };
}

export function presentInvestigation(i: InvestigationRow, now: Date): Out<typeof ZInvestigation> {
  return {
    level: i.level as Out<typeof ZInvestigation>['level'],
    leader: i.leader,
    members: i.members,
    startedAt: i.startedAt.toISOString(),
    extensionDays: i.extensionDays,
    extensionReason: i.extensionReason,
    appraisalDays: i.appraisalDays,
    due: i.due.toISOString(),
    // What submitInvestigationReport stored: the Art. 30 contents without the findings.
    report: i.report as Out<typeof ZInvestigation>['report'],
    reportSubmittedAt: iso(i.reportSubmittedAt),
    replyDue: iso(i.replyDue),
    repliedAt: iso(i.repliedAt),
    replyDocument: i.replyDocument,
    overdue: !i.reportSubmittedAt && now > i.due,
  };
}

export function presentAccountability(x: AccountabilityRow): Out<typeof ZAccountability> {
  return { id: x.id, subject: x.subject, subjectKind: x.subjectKind as 'person' | 'unit', finding: x.finding, proposal: x.proposal };
}

export function presentFatalAction(x: ActionRow, now: Date, locale: Locale, canClose: boolean): Out<typeof ZFatalAction> {
  const key = x.key as Out<typeof ZFatalAction>['key'];
  return {
    key,
    name: FATAL_ACCIDENT_ACTIONS.find((f) => f.key === key)?.[locale === 'en-US' ? 'en' : 'zh'] ?? key,
    ownerDepartmentId: x.ownerDepartmentId,
    due: x.due.toISOString(),
    status: x.status as Out<typeof ZFatalAction>['status'],
    closedAt: iso(x.closedAt),
    closedBy: x.closedBy,
    comment: x.comment,
    evidence: x.evidence,
    overdue: x.status === 'open' && now > x.due,
    canClose,
  };
}

export function presentPublicAccident(a: AccidentRow, names: RegionNames): Out<typeof ZPublicAccident> {
  return {
    id: a.id,
    title: a.title,
    occurredAt: a.occurredAt.toISOString(),
    countyName: names.county(a.regionCode),
    grade: a.grade as AccidentGrade,
    deaths: a.deaths,
    publishedAt: iso(a.publishedAt),
    publicSummary: a.publicSummary,
  };
}
