import { defaultTask, type TIssueWarning } from '../../../../common/contracts/warnings.js';
import { type Notice, notice } from '../../../../common/i18n/notifications.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError, type FieldError, invalid } from '../../../kernel/errors.js';
import { allowNew, loadFor } from '../../../kernel/gate/gate.js';
import { userIdsOfUnit } from '../../identity/index.js';
import { findDepartmentWithPath, findRegion, regionInScope } from '../../org/index.js';
import { basicTime, buildCap, capIdentifier, capTime, issuerCode, LEVEL_SEVERITY, LEVEL_ZH, referenceOf, type WarningLevel } from '../cap/cap.js';
import { validateCap } from '../cap/cap-validate.js';
import { checkJurisdiction } from '../queries/jurisdiction.js';
import { matchArea } from '../queries/match-area.js';
import { capOfRow } from '../warning.cap.js';
import { warningPolicy, warningUnitPolicy } from '../warning.policy.js';
import { insertWarning, nextSequence, targetEnterpriseIds, updateWarning, type WarningRow } from '../warning.repository.js';
import { type LoadedWarning, namedTransition, warningLoader } from '../warning.subject.js';
import { sendTargets } from './targeting.js';

/** The issuing unit: the actor's department, its GB/T 2260 region and the 14-digit issuer code; the gate asks the policy. */
async function issuerOf(ctx: Ctx) {
  const d = ctx.actor.departmentId ? await findDepartmentWithPath(ctx.tx, ctx.actor.departmentId) : undefined;
  allowNew(ctx, warningUnitPolicy, 'issue', { unitId: d?.id ?? null, regionPath: d?.regionPath ?? null });
  if (!d) throw new AppError('FORBIDDEN');
  return { ...d, code: issuerCode(d.regionCode) };
}

/** The next GB/T 35965.1 identifier of the unit at this second (N = 0–9). */
async function nextIdentifier(ctx: Ctx, issuer: string, at: Date): Promise<string> {
  const n = await nextSequence(ctx.tx, `${issuer}_${basicTime(at)}_`);
  if (n > 9) throw new AppError('CONFLICT', { reason: 'more than 10 warnings from one unit in one second' });
  return capIdentifier(issuer, at, n);
}

/**
 * The area must lie in the issuer's jurisdiction: region codes in its subtree, and each polygon intersecting the
 * issuing unit's region boundary, or, where none is imported, reaching a located point it supervises (jurisdiction.ts).
 * Returns the area's matches in the issuer's scope, for targeting.
 */
async function checkArea(ctx: Ctx, input: TIssueWarning, issuerRegionCode: string | null) {
  const errors: FieldError[] = [];
  for (const [i, code] of input.regionCodes.entries()) {
    const r = await findRegion(ctx.tx, code);
    if (!r || !regionInScope(ctx.scope, r.path)) errors.push({ field: `regionCodes.${i}`, code: 'region' });
  }
  const area = { areaDesc: input.areaDesc, polygons: input.polygons, regionCodes: input.regionCodes };
  const matched = await matchArea(ctx, area, ctx.scope);
  const j = await checkJurisdiction(ctx, issuerRegionCode, input.polygons, [...matched.all, ...matched.objects]);
  for (const i of j.outside)
    errors.push(
      j.rule === 'boundary'
        ? { field: `polygons.${i}`, code: 'area.outsideBoundary', params: { region: j.regionName } }
        : { field: `polygons.${i}`, code: 'area.outside', params: { km: j.km } },
    );
  if (errors.length) throw invalid(errors);
  return matched.matches;
}

/** Builds and schema-validates the CAP of a row; a failure here is our bug, never the user's input. */
async function emit(w: Parameters<typeof capOfRow>[0], note?: string): Promise<string> {
  const xml = buildCap(capOfRow(w, note));
  const v = await validateCap(xml);
  if (!v.valid) throw new Error(`emitted CAP does not validate: ${v.errors.join('; ')}`);
  return xml;
}

function contentOf(input: TIssueWarning, issuerName: string, now: Date) {
  const level = input.level as WarningLevel;
  return {
    eventType: input.eventType,
    level,
    severity: LEVEL_SEVERITY[level],
    urgency: 'Expected',
    certainty: 'Likely',
    headline: input.headline || `${issuerName}发布${input.eventType}${LEVEL_ZH[level]}预警`,
    description: input.description,
    instruction: input.instruction ?? '',
    taskText: input.taskText || defaultTask(input.eventType),
    effective: input.effective ? new Date(input.effective) : now,
    expires: new Date(input.expires),
    area: { areaDesc: input.areaDesc, polygons: input.polygons, regionCodes: input.regionCodes },
    capStatus: input.capStatus,
    capScope: input.capScope,
  };
}

/** 发布预警: a CAP Alert with a GB/T 35965.1 identifier; the area's enterprises get targeted tasks. */
export async function issueWarning(ctx: Ctx, input: TIssueWarning) {
  const issuer = await issuerOf(ctx);
  const matches = await checkArea(ctx, input, issuer.regionCode);
  const now = ctx.clock.now();
  const identifier = await nextIdentifier(ctx, issuer.code, now);
  const content = contentOf(input, issuer.name, now);
  const base = {
    identifier,
    identifiers: [identifier],
    msgType: 'Alert',
    sender: issuer.code,
    sent: capTime(now),
    state: 'active',
    issuerDepartmentId: issuer.id,
    issuerName: issuer.name,
    regionPath: issuer.regionPath,
    source: 'issued',
    references: null,
    ...content,
  };
  const w = await insertWarning(ctx.tx, { ...base, rawXml: await emit(base), createdBy: ctx.actor.id, createdAt: now, updatedAt: now });
  const targeted = await sendTargets(ctx, w, matches);
  await ctx.audit.record({
    action: 'warning.issued',
    entityType: 'warning',
    entityId: w.id,
    after: { identifier, level: w.level, event: w.eventType, targeted },
  });
  return { warning: w, targeted };
}

/**
 * Loads a warning for an action through the gate: out of scope 404, off the issuing unit's line 403, not in a
 * state that allows it 409.
 */
async function loadWarningFor(ctx: Ctx, id: string, action: 'update' | 'cancel') {
  let seen: LoadedWarning | undefined;
  const load = warningLoader(ctx.clock.now(), id);
  try {
    return await loadFor(ctx, warningPolicy, action, async (ex, scope) => (seen = await load(ex, scope)));
  } catch (e) {
    throw namedTransition(e, action, seen);
  }
}

/** 更新预警: a CAP Update referencing every earlier message; newly covered enterprises get tasks, all targets are told. */
export async function updateWarningCommand(ctx: Ctx, id: string, input: TIssueWarning) {
  const { row: w } = await loadWarningFor(ctx, id, 'update');
  // The area is held against the issuing unit's region, whoever on its line sends the Update.
  const unit = w.issuerDepartmentId ? await findDepartmentWithPath(ctx.tx, w.issuerDepartmentId) : undefined;
  const matches = await checkArea(ctx, input, unit?.regionCode ?? null);
  const now = ctx.clock.now();
  // The Update is the issuing unit's message (sender and identifier), whoever on its line sends it.
  const identifier = await nextIdentifier(ctx, w.sender, now);
  const references = [w.references, referenceOf(w)].filter(Boolean).join(' ');
  const content = contentOf(input, w.issuerName, now);
  const next = { ...w, ...content, identifier, msgType: 'Update', sent: capTime(now), references };
  const patch = {
    ...content,
    identifier,
    identifiers: [...w.identifiers, identifier],
    msgType: 'Update',
    sent: next.sent,
    references,
    rawXml: await emit(next),
    updatedAt: now,
  };
  if (!(await updateWarning(ctx.tx, w.id, w.version, patch))) throw new AppError('STALE_VERSION');
  const updated = { ...w, ...patch, version: w.version + 1 };
  const targeted = await sendTargets(ctx, updated, matches);
  await notifyTargets(ctx, updated, notice('warning.updated', { headline: updated.headline }));
  await ctx.audit.record({
    action: 'warning.updated',
    entityType: 'warning',
    entityId: w.id,
    before: { identifier: w.identifier },
    after: { identifier, targeted },
  });
  return { warning: updated, targeted };
}

/** 解除预警: a CAP Cancel; the targets are told the warning is over. 409 when it is not active. */
export async function cancelWarning(ctx: Ctx, id: string, reason: string) {
  const { row: w } = await loadWarningFor(ctx, id, 'cancel');
  const now = ctx.clock.now();
  // An issued warning's Cancel is the issuing unit's message (a superior cancels in its name); an imported one
  // cancelled here is ours, with our unit as sender.
  const sender = w.source === 'issued' ? w.sender : (await issuerOf(ctx)).code;
  const identifier = await nextIdentifier(ctx, sender, now);
  const references = [w.references, referenceOf(w)].filter(Boolean).join(' ');
  const next = { ...w, identifier, sender, msgType: 'Cancel', sent: capTime(now), references };
  const patch = {
    identifier,
    identifiers: [...w.identifiers, identifier],
    msgType: 'Cancel',
    sent: next.sent,
    references,
    state: 'cancelled',
    cancelledAt: now,
    rawXml: await emit(next, reason),
    updatedAt: now,
  };
  if (!(await updateWarning(ctx.tx, w.id, w.version, patch))) throw new AppError('STALE_VERSION');
  const cancelled = { ...w, ...patch, version: w.version + 1 };
  await notifyTargets(ctx, cancelled, notice('warning.cancelled', { headline: w.headline, reason }));
  await ctx.audit.record({
    action: 'warning.cancelled',
    entityType: 'warning',
    entityId: w.id,
    before: { identifier: w.identifier },
    after: { identifier, reason },
  });
  return cancelled;
}

/** Tells every targeted enterprise (the warning's own targets, whoever of the line acts). @gated-by updateWarningCommand */
async function notifyTargets(ctx: Ctx, w: WarningRow, text: Notice) {
  const userIds: string[] = [];
  for (const enterpriseId of await targetEnterpriseIds(ctx.tx, w.id)) userIds.push(...(await userIdsOfUnit(ctx.tx, { enterpriseId })));
  await ctx.notify.send({ userIds, kind: text.key, notice: text, link: `/warnings/${w.id}`, entityType: 'warning', entityId: w.id });
}
