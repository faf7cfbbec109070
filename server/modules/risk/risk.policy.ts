import type { Actor } from '../../kernel/actor.js';
import { definePolicy, type Verdict } from '../../kernel/gate/gate.js';
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

/**
 * An enterprise's risk records (risk points, major hazard installations, tailings ponds): created for the enterprise
 * (asked with its id), edited and reviewed by whoever may manage it (kernel/gate).
 */
export const riskRecordPolicy = definePolicy<{ enterpriseId: string }, 'create' | 'edit' | 'review'>(
  'risk_record',
  ['create', 'edit', 'review'],
  (actor: Actor, r): Verdict => (canManage(actor, r.enterpriseId) ? null : 'FORBIDDEN'),
);

const may = (actor: Actor, r: { enterpriseId: string }, action: 'create' | 'edit' | 'review') => riskRecordPolicy.check(actor, r, action) === null;

export function riskPointAbilities(actor: Actor, p: { enterpriseId: string }) {
  return { edit: may(actor, p, 'edit'), review: may(actor, p, 'review') };
}

export function majorHazardAbilities(actor: Actor, m: { enterpriseId: string }) {
  return { edit: may(actor, m, 'edit') };
}

export function tailingsPondAbilities(actor: Actor, p: { enterpriseId: string }) {
  return { edit: may(actor, p, 'edit') };
}

/** A 重大风险 report with the actor's own department's receipt row (if it is addressed at all). */
export interface ReportReceiptFacts {
  mine: { readAt: Date | null } | undefined;
}

/** A report's receipt is recorded by the addressed department (reading again changes nothing). */
export const riskReportPolicy = definePolicy<ReportReceiptFacts, 'markRead'>(
  'risk_report',
  ['markRead'],
  (actor: Actor, r): Verdict => (r.mine && actor.permissions.has('risk.read') ? null : 'FORBIDDEN'),
);

export function reportAbilities(actor: Actor, recipients: { departmentId: string; readAt: Date | null }[]) {
  const mine = actor.departmentId ? recipients.find((r) => r.departmentId === actor.departmentId) : undefined;
  return { markRead: riskReportPolicy.check(actor, { mine }, 'markRead') === null && !mine?.readAt };
}

/**
 * The risk bands and the 尾矿库等别 limits apply to every enterprise on the platform, so only the government at
 * the top of the region tree sets them (risk.configure); county bureaus see them read-only.
 */
export function canConfigureRiskRules(actor: Actor): boolean {
  return actor.permissions.has('risk.configure') && isTopGovernment(actor.scope);
}

/** The platform-wide rules (risk bands, 尾矿库等别 limits) as a policy: the commands load the rule in force through it. */
export const riskRulesPolicy = definePolicy<unknown, 'configure'>(
  'risk_rules',
  ['configure'],
  (actor: Actor): Verdict => (canConfigureRiskRules(actor) ? null : 'FORBIDDEN'),
);
