import type { TReportAccident } from '../../../../common/contracts/accidents.js';
import { gradeAccident } from '../../../../common/rules/accident-grade.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError, type FieldError } from '../../../kernel/errors.js';
import { allowNew } from '../../../kernel/gate/gate.js';
import { scopeCoversRegion } from '../../../kernel/scope/scope.js';
import { findEnterprise, findRegion } from '../../org/index.js';
import { chainLinks } from '../accident.chain.js';
import { accidentPolicy } from '../accident.policy.js';
import { insertAccident, insertReports, insertRevision } from '../accident.repository.js';
import { createFatalActions, notifyChain } from './_chain-effects.js';

/**
 * 快报 (Art. 9, 12): records the six contents, grades the accident, lays out the reporting chain with
 * its deadlines (the unit's report reaches the county now), and starts the fatal-accident actions.
 */
export async function reportAccident(ctx: Ctx, input: TReportAccident): Promise<{ id: string }> {
  const errors: FieldError[] = [];
  const now = ctx.clock.now();
  const occurredAt = new Date(input.occurredAt);
  if (occurredAt.getTime() > now.getTime()) errors.push({ field: 'occurredAt', code: 'invalid' });

  let place: { regionCode: string; regionPath: string; industry: string; enterpriseId: string | null; groupId: string | null } | undefined;
  if (input.enterpriseId) {
    const e = await findEnterprise(ctx.tx, ctx.scope, input.enterpriseId);
    if (!e) errors.push({ field: 'enterpriseId', code: 'enterprise' });
    else place = { regionCode: e.regionCode, regionPath: e.regionPath, industry: input.industry ?? e.industry, enterpriseId: e.id, groupId: e.groupId };
  } else {
    // Without a registered unit (e.g. a road accident) the reporter names the place; only regulators may.
    if (!input.regionCode) errors.push({ field: 'regionCode', code: 'required' });
    if (!input.industry) errors.push({ field: 'industry', code: 'required' });
    const r = input.regionCode ? await findRegion(ctx.tx, input.regionCode) : undefined;
    if (input.regionCode && (!r || !scopeCoversRegion(ctx.scope, r.path))) errors.push({ field: 'regionCode', code: 'region' });
    if (r && input.industry) place = { regionCode: r.code, regionPath: r.path, industry: input.industry, enterpriseId: null, groupId: null };
  }
  if (errors.length || !place) throw new AppError('VALIDATION', {}, errors);

  const g = gradeAccident(input);
  allowNew(ctx, accidentPolicy, 'file', { status: 'reported', published: false, grade: g.grade, ...place });
  const row = await insertAccident(ctx.tx, {
    ...place,
    accidentType: input.accidentType,
    title: input.title,
    occurredAt,
    reportedAt: now,
    place: input.place,
    lng: input.lng ?? null,
    lat: input.lat ?? null,
    unitOverview: input.unitOverview,
    scene: input.scene,
    narrative: input.narrative,
    deaths: input.deaths,
    missing: input.missing,
    seriousInjuries: input.seriousInjuries,
    minorInjuries: input.minorInjuries,
    directLossYuan: input.directLossYuan,
    measures: input.measures,
    other: input.other ?? null,
    grade: g.grade,
    decidedBy: g.decidedBy,
    status: 'reported',
    reporterId: ctx.actor.id,
    reporterName: ctx.actor.displayName,
    reporterUnit: ctx.actor.unitName,
    createdAt: now,
    updatedAt: now,
  });
  await insertRevision(ctx.tx, {
    accidentId: row.id,
    kind: 'initial',
    at: now,
    actorId: ctx.actor.id,
    actorName: ctx.actor.displayName,
    deaths: row.deaths,
    missing: row.missing,
    seriousInjuries: row.seriousInjuries,
    minorInjuries: row.minorInjuries,
    directLossYuan: row.directLossYuan,
    grade: row.grade,
    note: '快报',
  });
  const links = await chainLinks(ctx.tx, g.grade, occurredAt, place.regionPath);
  // Filing the 快报 in Taihang is the unit's report to the county (Art. 9).
  await insertReports(
    ctx.tx,
    links.map((l) => ({
      accidentId: row.id,
      recipient: l.recipient,
      departmentId: l.departmentId,
      due: l.due,
      ...(l.recipient === 'county' ? { reportedAt: now, reportedBy: ctx.actor.unitName ?? ctx.actor.displayName } : {}),
    })),
  );
  await ctx.audit.record({
    action: 'accident.reported',
    entityType: 'accident',
    entityId: row.id,
    after: { ...input, grade: g.grade, decidedBy: g.decidedBy },
  });
  await notifyChain(ctx, row, ['county'], 'accident.flash');
  await createFatalActions(ctx, row);
  return { id: row.id };
}
