import { defaultTask, type TIssueWarning, WARNING_EVENTS } from '../../../../common/contracts/warnings.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError, type FieldError, invalid } from '../../../kernel/errors.js';
import { userIdsOfUnit } from '../../identity/index.js';
import { findDepartmentWithPath, findRegion, regionInScope } from '../../org/index.js';
import {
  basicTime,
  buildCap,
  type CapAlert,
  capIdentifier,
  capTime,
  GEOCODE_GB2260,
  issuerCode,
  LEVEL_PARAMETER,
  LEVEL_SEVERITY,
  LEVEL_ZH,
  referenceOf,
  type WarningLevel,
} from '../cap/cap.js';
import { validateCap } from '../cap/cap-validate.js';
import { getWarning, insertWarning, nextSequence, targetsOf, updateWarning, type WarningRow } from '../warning.repository.js';
import { effectiveState, nextWarningState, type WarningAction } from '../warning.workflow.js';
import { matchArea, sendTargets, type WarningArea } from './targeting.js';

/** The issuing unit: the actor's department, its GB/T 2260 region and the 14-digit issuer code. */
async function issuerOf(ctx: Ctx) {
  const d = ctx.actor.departmentId ? await findDepartmentWithPath(ctx.tx, ctx.actor.departmentId) : undefined;
  if (!d) throw new AppError('FORBIDDEN');
  return { ...d, code: issuerCode(d.regionCode) };
}

/** The next GB/T 35965.1 identifier of the unit at this second (N = 0–9). */
async function nextIdentifier(ctx: Ctx, issuer: string, at: Date): Promise<string> {
  const n = await nextSequence(ctx.tx, `${issuer}_${basicTime(at)}_`);
  if (n > 9) throw new AppError('CONFLICT', { reason: 'more than 10 warnings from one unit in one second' });
  return capIdentifier(issuer, at, n);
}

async function checkRegions(ctx: Ctx, codes: string[]) {
  const errors: FieldError[] = [];
  for (const [i, code] of codes.entries()) {
    const r = await findRegion(ctx.tx, code);
    if (!r || !regionInScope(ctx.scope, r.path)) errors.push({ field: `regionCodes.${i}`, code: 'region' });
  }
  if (errors.length) throw invalid(errors);
}

/** The CAP message of a warning row as Taihang writes it (zh-CN info, colour parameter, area). */
export function capOfRow(
  w: Pick<
    WarningRow,
    | 'identifier'
    | 'sender'
    | 'sent'
    | 'msgType'
    | 'capStatus'
    | 'capScope'
    | 'references'
    | 'eventType'
    | 'level'
    | 'severity'
    | 'urgency'
    | 'certainty'
    | 'effective'
    | 'expires'
    | 'issuerName'
    | 'headline'
    | 'description'
    | 'instruction'
    | 'area'
  >,
  note?: string,
): CapAlert {
  const area = w.area as WarningArea;
  const event = WARNING_EVENTS.find((e) => e.key === w.eventType);
  return {
    identifier: w.identifier,
    sender: w.sender,
    sent: w.sent,
    status: w.capStatus as CapAlert['status'],
    msgType: w.msgType as CapAlert['msgType'],
    scope: w.capScope as CapAlert['scope'],
    restriction: w.capScope === 'Restricted' ? '仅限安全生产监管部门和相关企业' : undefined,
    note,
    references: w.references ?? undefined,
    infos: [
      {
        language: 'zh-CN',
        category: [event?.category ?? 'Safety'],
        event: w.eventType,
        responseType: w.msgType === 'Cancel' ? ['AllClear'] : ['Prepare', 'Avoid'],
        urgency: w.urgency,
        severity: w.severity,
        certainty: w.certainty,
        eventCodes: [],
        effective: capTime(w.effective),
        expires: w.expires ? capTime(w.expires) : undefined,
        senderName: w.issuerName,
        headline: w.headline,
        description: w.description,
        instruction: w.instruction || undefined,
        parameters: w.level ? [{ valueName: LEVEL_PARAMETER, value: LEVEL_ZH[w.level as WarningLevel] }] : [],
        areas: [
          {
            areaDesc: area.areaDesc,
            polygons: area.polygons,
            circles: [],
            geocodes: area.regionCodes.map((value) => ({ valueName: GEOCODE_GB2260, value })),
          },
        ],
      },
    ],
  };
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
  await checkRegions(ctx, input.regionCodes);
  const issuer = await issuerOf(ctx);
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
  const { matches } = await matchArea(ctx, content.area, ctx.scope);
  const targeted = await sendTargets(ctx, w, matches);
  await ctx.audit.record({
    action: 'warning.issued',
    entityType: 'warning',
    entityId: w.id,
    after: { identifier, level: w.level, event: w.eventType, targeted },
  });
  return { warning: w, targeted };
}

async function loadForAction(ctx: Ctx, id: string, action: WarningAction) {
  const w = await getWarning(ctx.tx, ctx.scope, id);
  if (!w) throw new AppError('NOT_FOUND');
  const state = effectiveState(w, ctx.clock.now());
  if (!nextWarningState(state, action)) throw new AppError('INVALID_TRANSITION', { from: `warning.${state}`, action: `warning.${action}` });
  return w;
}

/** 更新预警: a CAP Update referencing every earlier message; newly covered enterprises get tasks, all targets are told. */
export async function updateWarningCommand(ctx: Ctx, id: string, input: TIssueWarning) {
  const w = await loadForAction(ctx, id, 'update');
  if (w.source !== 'issued') throw new AppError('INVALID_TRANSITION', { from: 'warning.active', action: 'warning.update' });
  await checkRegions(ctx, input.regionCodes);
  const issuer = await issuerOf(ctx);
  const now = ctx.clock.now();
  const identifier = await nextIdentifier(ctx, issuer.code, now);
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
  const { matches } = await matchArea(ctx, content.area, ctx.scope);
  const targeted = await sendTargets(ctx, updated, matches);
  await notifyTargets(ctx, updated, 'warning.updated', `预警更新：${updated.headline}`);
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
  const w = await loadForAction(ctx, id, 'cancel');
  const now = ctx.clock.now();
  let identifier: string;
  let sender = w.sender;
  if (w.source === 'issued') identifier = await nextIdentifier(ctx, (await issuerOf(ctx)).code, now);
  else {
    // An imported warning cancelled locally: the Cancel is ours, with our unit as sender.
    const issuer = await issuerOf(ctx);
    sender = issuer.code;
    identifier = await nextIdentifier(ctx, issuer.code, now);
  }
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
  await notifyTargets(ctx, cancelled, 'warning.cancelled', `预警解除：${w.headline}（${reason}）`);
  await ctx.audit.record({
    action: 'warning.cancelled',
    entityType: 'warning',
    entityId: w.id,
    before: { identifier: w.identifier },
    after: { identifier, reason },
  });
  return cancelled;
}

async function notifyTargets(ctx: Ctx, w: WarningRow, kind: string, title: string) {
  const targets = await targetsOf(ctx.tx, w.id, { kind: 'system' });
  const userIds: string[] = [];
  for (const t of targets) userIds.push(...(await userIdsOfUnit(ctx.tx, { enterpriseId: t.enterpriseId })));
  await ctx.notify.send({ userIds, kind, title, body: w.headline, link: `/warnings/${w.id}`, entityType: 'warning', entityId: w.id });
}
