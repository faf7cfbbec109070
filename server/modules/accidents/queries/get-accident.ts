import type { z } from 'zod';
import type { ZAccidentResponse } from '../../../../common/contracts/accidents.js';
import { ACCIDENT_GRADE_SOURCE } from '../../../../common/rules/accident-grade.js';
import { ACCIDENT_INVESTIGATION_SOURCE, FATAL_ACCIDENT_SOURCE } from '../../../../common/rules/accident-investigation.js';
import { ACCIDENT_REPORTING_SOURCE, supplementDeadline } from '../../../../common/rules/accident-reporting.js';
import type { Ctx } from '../../../kernel/context.js';
import { notFound } from '../../../kernel/errors.js';
import { allRegions, findEnterprise, RegionNames } from '../../org/index.js';
import { supplementKind } from '../accident.chain.js';
import { accidentAbilities, chainLinkPolicy, fatalActionPolicy, reportRole } from '../accident.policy.js';
import {
  presentAccidentFields,
  presentAccidentSummary,
  presentAccountability,
  presentChainLink,
  presentFatalAction,
  presentInvestigation,
  presentRevision,
} from '../accident.presenter.js';
import { getAccident, getInvestigation, listAccountability, listActions, listReports, listRevisions } from '../accident.repository.js';

/** An accident in scope with its figure history, reporting chain, investigation and fatal-accident actions (404 out of scope). */
export async function getAccidentQuery(ctx: Ctx, id: string): Promise<z.input<typeof ZAccidentResponse>> {
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
      ...presentAccidentFields(a, enterprise?.name ?? null, supplementDeadline(a.occurredAt, supplementKind(a))),
      revisions: revisions.map(presentRevision),
      chain: reports.map((r) =>
        presentChainLink(r, now, {
          canConfirm: chainLinkPolicy.check(ctx.actor, { accident: a, link: r }, 'confirm') === null,
          canReport: chainLinkPolicy.check(ctx.actor, { accident: a, link: r }, 'report') === null,
          reportNeedsReason: !r.reportedAt && reportRole(ctx.actor, a, r.recipient) === 'skip',
        }),
      ),
      investigation: investigation ? presentInvestigation(investigation, now) : null,
      accountability: accountability.map(presentAccountability),
      actions: actions.map((x) => presentFatalAction(x, now, locale, fatalActionPolicy.check(ctx.actor, { accident: a, action: x }, 'complete') === null)),
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
