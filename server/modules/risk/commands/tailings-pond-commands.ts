import { pondSafetyReportable, type TCreateTailingsPond, type TUpdateTailingsPond } from '../../../../common/contracts/risk.js';
import { type TailingsSafetyStatus, tailingsGrade } from '../../../../common/rules/tailings-pond.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError } from '../../../kernel/errors.js';
import { allowNew, loadFor } from '../../../kernel/gate/gate.js';
import { findEnterprise } from '../../org/index.js';
import { riskRecordPolicy } from '../risk.policy.js';
import { insertTailingsPond, lockTailingsPond, nextCode, type TailingsPondRow, updateTailingsPond } from '../risk.repository.js';
import { loadTailingsGradeTable } from '../tailings-grade-table.js';
import { reportPondSafety } from './report-pond-safety.js';
import { targetEnterprise } from './risk-point-commands.js';

/** 等别 from the design total capacity and dam height with the limits in force (common/rules/tailings-pond.ts). */
async function gradeOf(ctx: Ctx, p: { totalCapacity: number; designDamHeight: number; gradeRaised: boolean }) {
  const { table } = await loadTailingsGradeTable(ctx.tx);
  return tailingsGrade({ totalCapacity: p.totalCapacity, damHeight: p.designDamHeight, raise: p.gradeRaised }, table);
}

/** 尾矿库登记: an enterprise records its own pond (a regulator with risk.manage for one in scope); a 病/险/危库 is reported. */
export async function createTailingsPond(ctx: Ctx, input: TCreateTailingsPond): Promise<{ id: string }> {
  const e = await targetEnterprise(ctx.tx, ctx.scope, ctx.actor, input.enterpriseId);
  allowNew(ctx, riskRecordPolicy, 'create', { enterpriseId: e.id });
  const gradeRaised = input.gradeRaised ?? false;
  const g = await gradeOf(ctx, { ...input, gradeRaised });
  const now = ctx.clock.now();
  const row = await insertTailingsPond(ctx.tx, {
    enterpriseId: e.id,
    code: `WKK-${String(await nextCode(ctx.tx, 'tailings_pond', e.id)).padStart(3, '0')}`,
    name: input.name,
    location: input.location ?? null,
    lng: input.lng,
    lat: input.lat,
    damMethod: input.damMethod ?? null,
    designDamHeight: input.designDamHeight,
    currentDamHeight: input.currentDamHeight,
    totalCapacity: input.totalCapacity,
    currentCapacity: input.currentCapacity,
    gradeRaised,
    grade: g.grade,
    gradeSource: g.source,
    overhead: input.overhead,
    downstreamPopulation: input.downstreamPopulation,
    downstreamFacilities: input.downstreamFacilities ?? null,
    safetyStatus: input.safetyStatus,
    operatingStatus: input.operatingStatus,
    responsiblePerson: input.responsibleName,
    responsiblePhone: input.responsiblePhone,
    licenceNumber: input.licenceNumber ?? null,
    licenceExpiry: input.licenceExpiry ?? null,
    createdBy: ctx.actor.id,
    createdAt: now,
    updatedAt: now,
  });
  await ctx.audit.record({
    action: 'risk.tailingsPondCreated',
    entityType: 'tailings_pond',
    entityId: row.id,
    after: { ...input, grade: g.grade },
  });
  if (pondSafetyReportable(null, input.safetyStatus)) await reportPondSafety(ctx, row, e.name, null);
  return { id: row.id };
}

/** Edit with the version read; the class is recomputed from the values after the edit; a reportable 安全度 change is reported. */
export async function updateTailingsPondCommand(ctx: Ctx, id: string, input: TUpdateTailingsPond): Promise<void> {
  const p = await loadFor(ctx, riskRecordPolicy, 'edit', (ex, scope) => lockTailingsPond(ex, scope, id));
  if (input.version !== p.version) throw new AppError('STALE_VERSION');
  const { version: _v, responsibleName, ...fields } = input;
  const next = {
    totalCapacity: input.totalCapacity ?? p.totalCapacity,
    designDamHeight: input.designDamHeight ?? p.designDamHeight,
    gradeRaised: input.gradeRaised ?? p.gradeRaised,
  };
  const g = await gradeOf(ctx, next);
  const values: Partial<TailingsPondRow> = {
    ...fields,
    ...(responsibleName !== undefined ? { responsiblePerson: responsibleName } : {}),
    grade: g.grade,
    gradeSource: g.source,
    updatedAt: ctx.clock.now(),
  };
  await updateTailingsPond(ctx.tx, id, values);
  await ctx.audit.record({
    action: 'risk.tailingsPondUpdated',
    entityType: 'tailings_pond',
    entityId: id,
    before: { grade: p.grade, safetyStatus: p.safetyStatus, operatingStatus: p.operatingStatus, overhead: p.overhead, version: p.version },
    after: { ...input, grade: g.grade },
  });
  const from = p.safetyStatus as TailingsSafetyStatus;
  if (input.safetyStatus && pondSafetyReportable(from, input.safetyStatus)) {
    const [after, e] = [await lockTailingsPond(ctx.tx, ctx.scope, id), await findEnterprise(ctx.tx, ctx.scope, p.enterpriseId)];
    if (after && e) await reportPondSafety(ctx, after, e.name, from);
  }
}
