import { defaultTask, WARNING_EVENTS } from '../../../../common/contracts/warnings.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError } from '../../../kernel/errors.js';
import { Scope } from '../../../kernel/scope/scope.js';
import { type CapAlert, levelOf, mainInfo, parseCap, parseCapTime, referencedIdentifiers } from '../cap/cap.js';
import { validateCap } from '../cap/cap-validate.js';
import { insertWarning, updateWarning, type WarningRow, warningByIdentifier } from '../warning.repository.js';
import { effectiveState } from '../warning.workflow.js';
import { matchArea, sendTargets } from './targeting.js';

export type ImportOutcome =
  | { status: 'created' | 'updated' | 'cancelled' | 'duplicate'; warning: WarningRow; targeted: number }
  | { status: 'ignored'; reason: string };

const reject = (reason: string, errors: string[] = [reason]) => new AppError('CAP_INVALID', { reason }, [], { errors });

/** Schema-validates and reads a CAP message; throws CAP_INVALID (400) with the reason, having stored nothing. */
export async function readCap(xml: string): Promise<CapAlert> {
  const v = await validateCap(xml);
  if (!v.valid) throw reject(v.errors[0] as string, v.errors);
  let a: CapAlert;
  try {
    a = parseCap(xml);
  } catch (e) {
    throw reject((e as Error).message);
  }
  if (!a.infos.length) throw reject('the message has no <info>');
  return a;
}

export function fieldsOf(a: CapAlert) {
  const info = mainInfo(a);
  if (!info) throw reject('the message has no <info>');
  const polygons = info.areas.flatMap((x) => x.polygons);
  const regionCodes = info.areas.flatMap((x) => x.geocodes.filter((g) => /2260/.test(g.valueName) && /^\d{6,12}$/.test(g.value)).map((g) => g.value));
  const sent = parseCapTime(a.sent) ?? new Date();
  const event = info.event;
  return {
    sender: a.sender,
    sent: a.sent,
    capStatus: a.status,
    capScope: a.scope,
    eventType: event,
    level: levelOf(info),
    severity: info.severity,
    urgency: info.urgency,
    certainty: info.certainty,
    headline: (info.headline ?? event).slice(0, 300),
    description: info.description ?? '',
    instruction: info.instruction ?? '',
    taskText: WARNING_EVENTS.some((e) => e.key === event) ? defaultTask(event) : defaultTask('其他'),
    issuerName: info.senderName ?? a.sender,
    effective: parseCapTime(info.effective) ?? sent,
    expires: parseCapTime(info.expires) ?? null,
    area: { areaDesc: info.areas.map((x) => x.areaDesc).join('；'), polygons, regionCodes },
  };
}

/**
 * 导入外部预警 (a weather bureau's CAP): invalid messages are rejected with the schema's reason and store
 * nothing; a message already stored (by identifier) is a no-op; Update/Cancel messages that reference a
 * stored warning change it; Alerts become new warnings targeted across the whole platform.
 */
export async function importCap(ctx: Ctx, xml: string, feedId: string | null = null): Promise<ImportOutcome> {
  const a = await readCap(xml);
  const system = Scope.system();
  const dup = await warningByIdentifier(ctx.tx, system, a.identifier);
  if (dup) return { status: 'duplicate', warning: dup, targeted: 0 };
  if (a.msgType === 'Ack' || a.msgType === 'Error') return { status: 'ignored', reason: `msgType ${a.msgType} carries no warning` };
  const f = fieldsOf(a);
  const now = ctx.clock.now();
  let earlier: WarningRow | undefined;
  for (const id of referencedIdentifiers(a.references)) earlier ??= await warningByIdentifier(ctx.tx, system, id);

  if (earlier && (a.msgType === 'Update' || a.msgType === 'Cancel')) {
    const patch = {
      ...f,
      identifier: a.identifier,
      identifiers: [...earlier.identifiers, a.identifier],
      msgType: a.msgType,
      references: a.references ?? null,
      rawXml: xml,
      updatedAt: now,
      ...(a.msgType === 'Cancel' ? { state: 'cancelled', cancelledAt: now } : {}),
    };
    if (!(await updateWarning(ctx.tx, earlier.id, earlier.version, patch))) throw new AppError('STALE_VERSION');
    const w = { ...earlier, ...patch, version: earlier.version + 1 };
    const targeted = a.msgType === 'Update' ? await sendTargets(ctx, w, (await matchArea(ctx, f.area, system)).matches) : 0;
    await ctx.audit.record({
      action: `warning.imported`,
      entityType: 'warning',
      entityId: w.id,
      after: { identifier: a.identifier, msgType: a.msgType, feedId },
    });
    return { status: a.msgType === 'Update' ? 'updated' : 'cancelled', warning: w, targeted };
  }

  const w = await insertWarning(ctx.tx, {
    ...f,
    identifier: a.identifier,
    identifiers: [a.identifier],
    msgType: a.msgType,
    references: a.references ?? null,
    state: a.msgType === 'Cancel' ? 'cancelled' : 'active',
    cancelledAt: a.msgType === 'Cancel' ? now : null,
    issuerDepartmentId: null,
    regionPath: null,
    source: 'imported',
    feedId,
    rawXml: xml,
    createdBy: ctx.actor.id,
    createdAt: now,
    updatedAt: now,
  });
  const targeted = effectiveState(w, now) === 'active' ? await sendTargets(ctx, w, (await matchArea(ctx, f.area, system)).matches) : 0;
  await ctx.audit.record({
    action: 'warning.imported',
    entityType: 'warning',
    entityId: w.id,
    after: { identifier: a.identifier, msgType: a.msgType, feedId, targeted },
  });
  return { status: 'created', warning: w, targeted };
}
