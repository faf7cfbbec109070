import type { Actor } from '../../kernel/actor.js';
import { isTopGovernment } from '../../kernel/scope/scope.js';

/**
 * Who may do what with an enterprise's risk records: the enterprise records its own risk points and
 * major hazard installations (risk.manage); a unit with risk.manage and no enterprise of its own
 * (a custom regulator role) records for enterprises in its scope, which the repository has checked.
 */
export function canManage(actor: Actor, enterpriseId: string): boolean {
  if (!actor.permissions.has('risk.manage')) return false;
  return actor.enterpriseId ? actor.enterpriseId === enterpriseId : actor.kind !== 'platform';
}

export function riskPointAbilities(actor: Actor, p: { enterpriseId: string }) {
  const manage = canManage(actor, p.enterpriseId);
  return { edit: manage, review: manage };
}

export function majorHazardAbilities(actor: Actor, m: { enterpriseId: string }) {
  return { edit: canManage(actor, m.enterpriseId) };
}

export function tailingsPondAbilities(actor: Actor, p: { enterpriseId: string }) {
  return { edit: canManage(actor, p.enterpriseId) };
}

/** A report's receipt is recorded by the addressed department, once. */
export function reportAbilities(actor: Actor, recipients: { departmentId: string; readAt: Date | null }[]) {
  const mine = actor.departmentId ? recipients.find((r) => r.departmentId === actor.departmentId) : undefined;
  return { markRead: !!mine && !mine.readAt && actor.permissions.has('risk.read') };
}

/**
 * The risk bands and the 尾矿库等别 limits apply to every enterprise on the platform, so only the government at
 * the top of the region tree sets them (risk.configure); county bureaus see them read-only.
 */
export function canConfigureRiskRules(actor: Actor): boolean {
  return actor.permissions.has('risk.configure') && isTopGovernment(actor.scope);
}
