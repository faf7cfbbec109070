import { defaultTask, WARNING_EVENTS } from '../../../../common/contracts/warnings.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError, type FieldError, invalid } from '../../../kernel/errors.js';
import { allowNew, systemOnly } from '../../../kernel/gate/gate.js';
import type { Scope } from '../../../kernel/scope/scope.js';
import { findDepartmentWithPath } from '../../org/index.js';
import { type CapAlert, CapEncodingError, decodeCap, dtdProblem, levelOf, mainInfo, parseCap, parseCapTime } from '../cap/cap.js';
import { validateCap } from '../cap/cap-validate.js';
import { DEFAULT_IMPORT_EXPIRY_HOURS, loadImportSettings } from '../import-settings.js';
import { matchArea } from '../queries/match-area.js';
import { onUnitLine, type UnitAnchor, warningUnitPolicy } from '../warning.policy.js';
import { type FeedRow, identifierTaken, insertWarning, updateWarning, type WarningRow, warningsByIdentifiers } from '../warning.repository.js';
import { effectiveState } from '../warning.workflow.js';
import { sendTargets } from './targeting.js';

export type ImportOutcome =
  | { status: 'created' | 'updated' | 'cancelled' | 'duplicate'; warning: WarningRow; targeted: number }
  | { status: 'ignored'; reason: 'ack' | 'cancelUnknown' };

const reject = (reason: string, errors: string[] = [reason]) => new AppError('CAP_INVALID', { reason }, [], { errors });

/**
 * Reads an imported CAP message: refuses a DTD (CAP has none; XXE and entity bombs come that way), validates it
 * against the OASIS schema and parses it; throws (400) with the reason, having stored nothing. Only a Cancel may
 * come without <info> (IPAWS sends them so): it names what it cancels by <references>.
 */
export async function readCap(xml: string): Promise<CapAlert> {
  if (dtdProblem(xml)) throw new AppError('CAP_DTD');
  const v = await validateCap(xml);
  if (!v.valid) throw reject(v.errors[0] as string, v.errors);
  let a: CapAlert;
  try {
    a = parseCap(xml);
  } catch (e) {
    throw reject((e as Error).message);
  }
  if (!a.infos.length && (a.msgType === 'Alert' || a.msgType === 'Update')) throw reject('the message has no <info>');
  const bad = restrictedFields(a);
  if (bad.length) throw invalid(bad);
  return a;
}

/**
 * CAP 1.2 §3.2.1: identifier and sender "MUST NOT include spaces, commas or restricted characters (< and &)";
 * references are space-separated "sender,identifier,sent" triples under the same rule. The schema types them as
 * plain strings, so an escaped `&lt;` passes it; `]]>` is refused too, as it ends a CDATA section wherever the
 * value is republished. Such a value would be matched, stored and re-published, so it is refused at the door.
 */
const RESTRICTED = /[\s,<&]|]]>/;
const TRIPLE_PART = /^[^\s,<&]+$/;
function restrictedFields(a: CapAlert): FieldError[] {
  const out: FieldError[] = [];
  for (const field of ['identifier', 'sender'] as const) if (RESTRICTED.test(a[field])) out.push({ field, code: 'cap.restricted' });
  const refs = a.references?.trim();
  if (refs) {
    const ok = refs.split(/\s+/).every((t) => {
      const p = t.split(',');
      return p.length === 3 && p.every((x) => TRIPLE_PART.test(x) && !x.includes(']]>'));
    });
    if (!ok) out.push({ field: 'references', code: 'cap.references' });
  }
  return out;
}

/** The stored fields of a message with an <info>; one without `expires` gets `effective + defaultExpiryHours`. */
export function fieldsOf(a: CapAlert, defaultExpiryHours = DEFAULT_IMPORT_EXPIRY_HOURS) {
  const info = mainInfo(a);
  if (!info) throw reject('the message has no <info>');
  const polygons = info.areas.flatMap((x) => x.polygons);
  const regionCodes = info.areas.flatMap((x) => x.geocodes.filter((g) => /2260/.test(g.valueName) && /^\d{6,12}$/.test(g.value)).map((g) => g.value));
  const sent = parseCapTime(a.sent) ?? new Date();
  const event = info.event;
  const effective = parseCapTime(info.effective) ?? sent;
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
    effective,
    expires: parseCapTime(info.expires) ?? new Date(effective.getTime() + defaultExpiryHours * 3600_000),
    area: { areaDesc: info.areas.map((x) => x.areaDesc).join('；'), polygons, regionCodes },
  };
}

/** `<references>` as sender,identifier,sent triples. */
function references(a: CapAlert): { sender: string; identifier: string }[] {
  return (a.references ?? '')
    .trim()
    .split(/\s+/)
    .map((t) => t.split(','))
    .filter((p) => p.length >= 2 && p[1])
    .map(([sender, identifier]) => ({ sender: sender as string, identifier: identifier as string }));
}

/** Where a message comes from: a user's upload (their unit), or a feed (its unit; run as the system by the fetcher). */
export type ImportFrom = { feed: FeedRow; scope: Scope } | null;

export interface ImportOptions {
  from?: ImportFrom;
}

/** The importing unit: the user's own, checked by the gate; or the feed's, for the system actor of the fetcher. */
async function importer(ctx: Ctx, from: ImportFrom): Promise<{ unit: UnitAnchor; scope: Scope; feedId: string | null }> {
  if (from) {
    systemOnly(ctx);
    return { unit: { unitId: from.feed.departmentId, regionPath: from.feed.regionPath }, scope: from.scope, feedId: from.feed.id };
  }
  const d = ctx.actor.departmentId ? await findDepartmentWithPath(ctx.tx, ctx.actor.departmentId) : undefined;
  const unit = { unitId: d?.id ?? null, regionPath: d?.regionPath ?? null };
  allowNew(ctx, warningUnitPolicy, 'import', unit);
  return { unit, scope: ctx.scope, feedId: null };
}

/**
 * The stored warning an Update or Cancel changes, or undefined when none of its references is one the importer
 * sees (the message is then stored as its own alert). A referenced warning it may not change is refused with
 * the reason: issued here (only its unit updates or cancels it, in the detail), of another sender (a CAP sender's
 * messages change only its own), imported through another feed, or by a unit off the importer's line.
 */
async function referencedWarning(ctx: Ctx, a: CapAlert, scope: Scope, feedId: string | null): Promise<WarningRow | undefined> {
  const refs = references(a);
  const found = await warningsByIdentifiers(
    ctx.tx,
    scope,
    refs.map((r) => r.identifier),
  );
  const earlier = found.find((w) => w.source === 'imported' && w.sender === a.sender) ?? found[0];
  if (!earlier) return undefined;
  const params = { identifier: earlier.identifier, sender: a.sender, msgType: a.msgType };
  if (earlier.source !== 'imported') throw new AppError('CAP_REFERENCE_ISSUED', params);
  const claimed = refs.filter((r) => earlier.identifiers.includes(r.identifier));
  if (earlier.sender !== a.sender || claimed.some((r) => r.sender !== a.sender)) throw new AppError('CAP_REFERENCE_SENDER', params);
  const owner = { unitId: earlier.issuerDepartmentId, regionPath: earlier.regionPath };
  if (feedId ? earlier.feedId !== feedId : !onUnitLine(ctx.actor, owner)) throw new AppError('CAP_REFERENCE_OWNER', params);
  return earlier;
}

/**
 * 导入外部预警 (a weather bureau's CAP), by a user of a unit or by a feed of a unit. Bytes in UTF-8, UTF-16 or
 * GB18030; invalid messages are rejected with the reason and store nothing; a message already stored (same sender and
 * identifier) is a no-op; an Update/Cancel changes the warning it references when that is one of the same sender
 * imported by the importer's line (or, from a feed, through that feed), is refused with the reason when it references
 * one it may not change, and otherwise is stored as its own alert. Alerts target the enterprises in the importing
 * unit's scope; the row belongs to that unit.
 */
export async function importCap(ctx: Ctx, bytes: Uint8Array | string, opts: ImportOptions = {}): Promise<ImportOutcome> {
  const { unit, scope, feedId } = await importer(ctx, opts.from ?? null);
  let xml: string;
  try {
    xml = typeof bytes === 'string' ? bytes : decodeCap(bytes);
  } catch (e) {
    if (e instanceof CapEncodingError) throw new AppError('CAP_ENCODING', { encoding: e.encoding });
    throw e;
  }
  const a = await readCap(xml);
  const same = (await warningsByIdentifiers(ctx.tx, scope, [a.identifier])).find((w) => w.sender === a.sender);
  if (same) return { status: 'duplicate', warning: same, targeted: 0 };
  if (await identifierTaken(ctx.tx, a.identifier)) throw new AppError('CAP_IDENTIFIER_TAKEN', { identifier: a.identifier });
  if (a.msgType === 'Ack' || a.msgType === 'Error') return { status: 'ignored', reason: 'ack' };
  const now = ctx.clock.now();
  const earlier = a.msgType === 'Update' || a.msgType === 'Cancel' ? await referencedWarning(ctx, a, scope, feedId) : undefined;
  const f = a.infos.length ? fieldsOf(a, (await loadImportSettings(ctx.tx)).defaultExpiryHours) : null;

  if (earlier) {
    const patch = {
      ...(f ?? {}),
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
    const targeted = a.msgType === 'Update' && f ? await sendTargets(ctx, w, (await matchArea(ctx, f.area, scope)).matches) : 0;
    await ctx.audit.record({
      action: 'warning.imported',
      entityType: 'warning',
      entityId: w.id,
      after: { identifier: a.identifier, msgType: a.msgType, feedId },
    });
    return { status: a.msgType === 'Update' ? 'updated' : 'cancelled', warning: w, targeted };
  }

  // A Cancel without <info> whose warning is not here carries nothing to store.
  if (!f) return { status: 'ignored', reason: 'cancelUnknown' };
  const w = await insertWarning(ctx.tx, {
    ...f,
    identifier: a.identifier,
    identifiers: [a.identifier],
    msgType: a.msgType,
    references: a.references ?? null,
    state: a.msgType === 'Cancel' ? 'cancelled' : 'active',
    cancelledAt: a.msgType === 'Cancel' ? now : null,
    issuerDepartmentId: unit.unitId,
    regionPath: unit.regionPath,
    source: 'imported',
    feedId,
    rawXml: xml,
    createdBy: ctx.actor.id,
    createdAt: now,
    updatedAt: now,
  });
  const targeted = effectiveState(w, now) === 'active' ? await sendTargets(ctx, w, (await matchArea(ctx, f.area, scope)).matches) : 0;
  await ctx.audit.record({
    action: 'warning.imported',
    entityType: 'warning',
    entityId: w.id,
    after: { identifier: a.identifier, msgType: a.msgType, feedId, targeted },
  });
  return { status: 'created', warning: w, targeted };
}
