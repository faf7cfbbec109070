import { addCalendarDays, toShanghaiDate } from '../../../../common/rules/calendar/working-days.js';
import type { Ctx } from '../../../kernel/context.js';
import { notFound } from '../../../kernel/errors.js';
import { Scope } from '../../../kernel/scope/scope.js';
import { enterpriseAbilities } from '../org.policy.js';
import { presentAssignment, presentEnterpriseSummary, RegionNames } from '../org.presenter.js';
import { getEnterprise, listAssignments, listLicences, listRegions, listSubsidiaries, listTransitions } from '../org.repository.js';

/** Licences expiring within this many days are flagged so renewals are not missed. */
const EXPIRING_SOON_DAYS = 90;

export async function getEnterpriseQuery(ctx: Ctx, id: string) {
  const e = await getEnterprise(ctx.tx, ctx.scope, id);
  if (!e) throw notFound();
  const [regions, licences, assignments, subsidiaries, transitions, group, visibleGroup] = await Promise.all([
    listRegions(ctx.tx),
    listLicences(ctx.tx, [e.id]),
    listAssignments(ctx.tx, [e.id]),
    e.isGroup ? listSubsidiaries(ctx.tx, ctx.scope, e.id) : Promise.resolve([]),
    listTransitions(ctx.tx, e.id),
    // A subsidiary shows its group's name even when the group itself is outside the viewer's scope.
    e.groupId ? getEnterprise(ctx.tx, Scope.system(), e.groupId) : Promise.resolve(undefined),
    e.groupId ? getEnterprise(ctx.tx, ctx.scope, e.groupId) : Promise.resolve(undefined),
  ]);
  const names = new RegionNames(regions, ctx.request.locale);
  const today = toShanghaiDate(ctx.clock.now());
  const soon = addCalendarDays(today, EXPIRING_SOON_DAYS);
  return {
    data: {
      ...presentEnterpriseSummary(e, names),
      address: e.address,
      lng: e.lng,
      lat: e.lat,
      legalRepresentative: e.legalRepresentative,
      safetyManager: e.safetyManager,
      groupName: group?.name ?? null,
      groupVisible: !!visibleGroup,
      standardizationExpiry: e.standardizationExpiry,
      insuranceExpiry: e.insuranceExpiry,
      insurer: e.insurer,
      version: e.version,
      createdAt: e.createdAt.toISOString(),
      licences: licences.map((l) => ({
        id: l.id,
        kind: l.kind,
        number: l.number,
        issuedBy: l.issuedBy,
        validFrom: l.validFrom,
        validTo: l.validTo,
        expired: l.validTo < today,
        expiringSoon: l.validTo >= today && l.validTo <= soon,
      })),
      assignments: assignments.map((a) => presentAssignment(a, ctx.request.locale)),
      subsidiaries: subsidiaries.map((s) => ({ id: s.id, name: s.name, industry: s.industry, status: s.status, regionName: names.name(s.regionCode) })),
      transitions: transitions.map((t) => ({
        action: t.action,
        fromStatus: t.fromStatus,
        toStatus: t.toStatus,
        actorName: t.actorName,
        at: t.at.toISOString(),
        comment: t.comment,
        documentNumber: t.documentNumber,
      })),
    },
    abilities: enterpriseAbilities(ctx.actor, e),
  };
}
