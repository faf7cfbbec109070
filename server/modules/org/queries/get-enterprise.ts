import { addCalendarDays, toShanghaiDate } from '../../../../common/rules/calendar/working-days.js';
import type { Ctx } from '../../../kernel/context.js';
import { notFound } from '../../../kernel/errors.js';
import { Scope } from '../../../kernel/scope/scope.js';
import { enterpriseAbilities } from '../org.policy.js';
import { presentEnterpriseDetail, RegionNames } from '../org.presenter.js';
import { getEnterprise, listAssignments, listLicences, listRegions, listSubsidiaries, listTransitions } from '../org.repository.js';

/** Licences expiring within this many days are flagged so renewals are not missed. */
const EXPIRING_SOON_DAYS = 90;

/** An enterprise in the viewer's scope (404 otherwise) with its licences, assignments, subsidiaries, history and abilities. */
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
  return {
    data: presentEnterpriseDetail(e, { licences, assignments, subsidiaries, transitions, group, groupVisible: !!visibleGroup }, names, ctx.request.locale, {
      today,
      soon: addCalendarDays(today, EXPIRING_SOON_DAYS),
    }),
    abilities: enterpriseAbilities(ctx.actor, e),
  };
}
