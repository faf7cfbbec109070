import { ACCIDENT_GRADE_NAMES, ACCIDENT_GRADE_SOURCE, type AccidentGrade } from '../../../../common/rules/accident-grade.js';
import { ACCIDENT_INVESTIGATION_SOURCE, FATAL_ACCIDENT_ACTIONS, FATAL_ACCIDENT_SOURCE } from '../../../../common/rules/accident-investigation.js';
import { ACCIDENT_REPORTING_SOURCE, supplementDeadline } from '../../../../common/rules/accident-reporting.js';
import type { Ctx } from '../../../kernel/context.js';
import { notFound } from '../../../kernel/errors.js';
import { allRegions, findEnterprise, RegionNames } from '../../org/index.js';
import { accidentAbilities, chainLinkPolicy, fatalActionPolicy, reportRole } from '../accident.policy.js';
import { type AccidentRow, getAccident, getInvestigation, listAccountability, listActions, listReports, listRevisions } from '../accident.repository.js';
import { supplementKind } from '../commands/supplement-accident.js';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function presentAccidentSummary(a: AccidentRow, names: RegionNames, locale: 'zh-CN' | 'en-US') {
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
    decidedBy: a.decidedBy,
    status: a.status,
    published: a.published,
  };
}

export async function getAccidentQuery(ctx: Ctx, id: string) {
  const a = await getAccident(ctx.tx, ctx.scope, id);
  if (!a) throw notFound();
  const [regions, revisions, reports, investigation, accountability, actions, enterprise] = [
    await allRegions(ctx.tx),
    await listRevisions(ctx.tx, id),
    await listReports(ctx.tx, id),
    await getInvestigation(ctx.tx, id),
    await listAccountability(ctx.tx, [id]),
    await listActions(ctx.tx, id),
    a.enterpriseId ? await findEnterprise(ctx.tx, ctx.scope, a.enterpriseId) : undefined,
  ];
  const locale = ctx.request.locale;
  const names = new RegionNames(regions, locale);
  const now = ctx.clock.now();
  return {
    data: {
      ...presentAccidentSummary(a, names, locale),
      enterpriseName: enterprise?.name ?? null,
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
      supplementDeadline: supplementDeadline(a.occurredAt, supplementKind(a)).toISOString(),
      revisions: revisions.map((r) => ({ ...r, at: r.at.toISOString() })),
      chain: reports.map((r) => ({
        recipient: r.recipient,
        departmentId: r.departmentId,
        due: r.due.toISOString(),
        reportedAt: iso(r.reportedAt),
        reportedBy: r.reportedBy,
        confirmedAt: iso(r.confirmedAt),
        confirmedBy: r.confirmedBy,
        skipped: r.skipped,
        skipReason: r.skipReason,
        late: (r.confirmedAt ?? now).getTime() > r.due.getTime(),
        canConfirm: chainLinkPolicy.check(ctx.actor, { accident: a, link: r }, 'confirm') === null,
        canReport: chainLinkPolicy.check(ctx.actor, { accident: a, link: r }, 'report') === null,
        reportNeedsReason: !r.reportedAt && reportRole(ctx.actor, a, r.recipient) === 'skip',
      })),
      investigation: investigation
        ? {
            ...investigation,
            startedAt: investigation.startedAt.toISOString(),
            due: investigation.due.toISOString(),
            reportSubmittedAt: iso(investigation.reportSubmittedAt),
            replyDue: iso(investigation.replyDue),
            repliedAt: iso(investigation.repliedAt),
            overdue: !investigation.reportSubmittedAt && now > investigation.due,
          }
        : null,
      accountability: accountability.map(({ accidentId: _a, ...x }) => x),
      actions: actions.map((x) => ({
        key: x.key,
        name: FATAL_ACCIDENT_ACTIONS.find((f) => f.key === x.key)?.[locale === 'en-US' ? 'en' : 'zh'] ?? x.key,
        ownerDepartmentId: x.ownerDepartmentId,
        due: x.due.toISOString(),
        status: x.status,
        closedAt: iso(x.closedAt),
        closedBy: x.closedBy,
        comment: x.comment,
        evidence: x.evidence,
        overdue: x.status === 'open' && now > x.due,
        canClose: fatalActionPolicy.check(ctx.actor, { accident: a, action: x }, 'complete') === null,
      })),
      sources: {
        grade: ACCIDENT_GRADE_SOURCE,
        reporting: ACCIDENT_REPORTING_SOURCE,
        investigation: ACCIDENT_INVESTIGATION_SOURCE,
        fatal: FATAL_ACCIDENT_SOURCE,
      },
    },
    abilities: accidentAbilities(ctx.actor, a),
  };
}
