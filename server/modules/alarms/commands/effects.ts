import type { Ctx } from '../../../kernel/context.js';
import { announce } from '../../../kernel/events/events.js';
import { attachFiles } from '../../../kernel/files/files.js';
import { userIdsOfUnit } from '../../identity/index.js';
import { supervisorsOf } from '../../org/index.js';
import { type AlarmRow, insertAlarmTransition } from '../alarm.repository.js';

export const alarmLink = (id: string) => `/alarms/${id}`;
export const SYSTEM_NAME = '系统（报警引擎）';

/**
 * Appends a transition row (architecture.md §4.7); `system` steps name the engine or the sweep, not the caller.
 * @gated-by begin (alarm-step.ts: loadFor) and the engine's systemOnly entry points
 */
export async function recordAlarmTransition(
  ctx: Ctx,
  a: Pick<AlarmRow, 'id'>,
  step: { action: string; from: string; to: string; comment: string; evidence?: string[]; data?: unknown; system?: string; at?: Date },
) {
  // The step's files now belong to the alarm: readable by whoever can open it (only the uploader's own files).
  await attachFiles(ctx.tx, ctx.actor.id, { kind: 'alarm', id: a.id }, step.evidence ?? [], 'evidence');
  await insertAlarmTransition(ctx.tx, {
    alarmId: a.id,
    action: step.action,
    fromStatus: step.from,
    toStatus: step.to,
    actorId: step.system ? null : ctx.actor.id,
    actorName: step.system ?? ctx.actor.displayName,
    actorUnit: step.system ? null : ctx.actor.unitName,
    at: step.at ?? ctx.clock.now(),
    comment: step.comment,
    evidence: step.evidence ?? [],
    data: step.data ?? null,
  });
}

/**
 * The enterprise's users, and those of its supervising departments and government units on its line.
 * @gated-by begin (alarm-step.ts: loadFor) and the engine's systemOnly entry points
 */
export async function alarmAudience(ctx: Ctx, enterpriseId: string) {
  const enterprise = await userIdsOfUnit(ctx.tx, { enterpriseId });
  const s = await supervisorsOf(ctx.tx, enterpriseId);
  const regulators: string[] = [];
  for (const d of [...s.industry, ...s.government]) regulators.push(...(await userIdsOfUnit(ctx.tx, { departmentId: d.id })));
  return { enterprise, regulators, government: s.government, industry: s.industry };
}

/**
 * Tells live pages (GET /api/events, type 'alarm') that alarms of an enterprise changed.
 * @gated-by begin (alarm-step.ts: loadFor) and the engine's systemOnly entry points
 */
export async function announceAlarm(ctx: Ctx, enterpriseId: string, alarmId: string, audience?: { enterprise: string[]; regulators: string[] }) {
  const a = audience ?? (await alarmAudience(ctx, enterpriseId));
  const userIds = [...new Set([...a.enterprise, ...a.regulators])];
  if (userIds.length) await announce(ctx.tx, { type: 'alarm', userIds, entityType: 'alarm', entityId: alarmId });
}
