import type { TReportHazard } from '../../../../common/contracts/hazards.js';
import { notice } from '../../../../common/i18n/notifications.js';
import { toShanghaiDate } from '../../../../common/rules/calendar/working-days.js';
import type { Ctx } from '../../../kernel/context.js';
import { invalidField } from '../../../kernel/errors.js';
import { attachFiles } from '../../../kernel/files/files.js';
import { allowNew } from '../../../kernel/gate/gate.js';
import { userIdsOfUnit } from '../../identity/index.js';
import { findEnterprise } from '../../org/index.js';
import { hazardPolicy } from '../hazard.policy.js';
import { insertHazard, nextHazardCode } from '../hazard.repository.js';
import { findDuplicates } from '../queries/duplicates.js';
import { recordTransition } from './_effects.js';

/**
 * 隐患上报 from self-inspection, inspection, a worker, a grid worker, the public or an alarm. The
 * enterprise is told (it confirms and grades); near-identical open hazards are returned as hints.
 */
export async function reportHazard(ctx: Ctx, input: TReportHazard) {
  const e = await findEnterprise(ctx.tx, ctx.scope, input.enterpriseId);
  if (!e) throw invalidField('enterpriseId', 'enterprise');
  allowNew(ctx, hazardPolicy, 'report', {
    enterpriseId: e.id,
    status: 'reported',
    grade: null,
    source: input.source,
    plan: null,
    submittedBy: null,
    rectifierUserId: null,
  });
  const now = ctx.clock.now();
  const foundAt = input.foundAt ? new Date(input.foundAt) : now;
  if (foundAt.getTime() > now.getTime() + 5 * 60_000) throw invalidField('foundAt', 'too_big', { maximum: toShanghaiDate(now) });
  const duplicates = await findDuplicates(ctx, { enterpriseId: e.id, title: input.title, description: input.description, location: input.location });
  const row = await insertHazard(ctx.tx, {
    code: await nextHazardCode(ctx.tx, Number(toShanghaiDate(now).slice(0, 4))),
    enterpriseId: e.id,
    enterpriseName: e.name,
    regionPath: e.regionPath,
    industry: e.industry,
    groupId: e.groupId,
    title: input.title,
    description: input.description,
    location: input.location,
    lng: input.lng ?? null,
    lat: input.lat ?? null,
    source: input.source,
    sourceRef: input.sourceRef ?? null,
    category: input.category,
    foundAt,
    reportedBy: ctx.actor.id,
    reporterName: ctx.actor.displayName,
    suggestedGrade: input.suggestedGrade ?? null,
    status: 'reported',
    photos: input.photos,
    createdAt: now,
    updatedAt: now,
  });
  await attachFiles(ctx.tx, ctx.actor.id, { kind: 'hazard', id: row.id }, input.photos, 'photos');
  await recordTransition(ctx, row, { action: 'report', from: 'new', to: 'reported', comment: input.description, evidence: input.photos });
  if (ctx.actor.enterpriseId !== e.id) {
    await ctx.notify.send({
      userIds: await userIdsOfUnit(ctx.tx, { enterpriseId: e.id }),
      kind: 'hazard.reported',
      notice: notice('hazard.reported', {
        title: input.title,
        reporter: ctx.actor.unitName ?? ctx.actor.displayName,
        location: input.location,
        description: input.description.slice(0, 120),
      }),
      link: `/hazards/${row.id}`,
      entityType: 'hazard',
      entityId: row.id,
    });
  }
  await ctx.audit.record({ action: 'hazard.reported', entityType: 'hazard', entityId: row.id, after: { code: row.code, ...input } });
  return { hazard: row, duplicates };
}
