import type { Ctx } from '../../../kernel/context.js';
import { announce } from '../../../kernel/events/events.js';
import { attachFiles } from '../../../kernel/files/files.js';
import { userIdsOfUnit } from '../../identity/index.js';
import { supervisorsOf } from '../../org/index.js';
import { type HazardRow, insertTransition } from '../hazard.repository.js';

/**
 * Appends a transition row (architecture.md §4.7) and tells live pages the hazard changed.
 * @gated-by reportHazard confirmHazard hazardStep fileHazardPlan listHazard closeListing applyToHazards
 */
export async function recordTransition(
  ctx: Ctx,
  h: Pick<HazardRow, 'id' | 'enterpriseId'>,
  step: { action: string; from: string; to: string; comment: string; evidence?: string[]; data?: unknown },
) {
  // The step's files now belong to the hazard: readable by whoever can open it (only the uploader's own files).
  await attachFiles(ctx.tx, ctx.actor.id, { kind: 'hazard', id: h.id }, step.evidence ?? [], 'evidence');
  await insertTransition(ctx.tx, {
    hazardId: h.id,
    action: step.action,
    fromStatus: step.from,
    toStatus: step.to,
    actorId: ctx.actor.id,
    actorName: ctx.actor.displayName,
    actorUnit: ctx.actor.unitName,
    at: ctx.clock.now(),
    comment: step.comment,
    evidence: step.evidence ?? [],
    data: step.data ?? null,
  });
  await announce(ctx.tx, { type: 'hazard', userIds: await userIdsOfUnit(ctx.tx, { enterpriseId: h.enterpriseId }), entityType: 'hazard', entityId: h.id });
}

/**
 * Users of the supervising industry departments, and of the government units on the enterprise's line (nearest first).
 * A read for addressing notifications, after the caller's gate.
 * @gated-by confirmHazard hazardStep fileHazardPlan notifyEscalation sweepHazards
 */
export async function supervisorUsers(ctx: Ctx, enterpriseId: string, opts: { governmentLevels: number }) {
  const s = await supervisorsOf(ctx.tx, enterpriseId);
  // A government unit may also be assigned in the 一张表: count each department once.
  const departments = [...s.industry, ...s.government.slice(0, opts.governmentLevels)].filter((d, i, all) => all.findIndex((x) => x.id === d.id) === i);
  const userIds: string[] = [];
  for (const d of departments) userIds.push(...(await userIdsOfUnit(ctx.tx, { departmentId: d.id })));
  return { departments: departments.map((d) => ({ id: d.id, name: d.name })), userIds, government: s.government };
}

export const hazardLink = (id: string) => `/hazards/${id}`;
