import type { EnterpriseStatusAction } from '../../../common/contracts/org.js';
import type { EnterpriseStatus } from '../../../common/industries.js';

/**
 * Enterprise status as a transition table (architecture.md §4.7). 停产整顿 (suspension for
 * rectification) is ordered under 安全生产法 (2021) Art. 65 / 111; a closed enterprise stays closed.
 */
export const ENTERPRISE_TRANSITIONS: Record<EnterpriseStatusAction, { from: EnterpriseStatus[]; to: EnterpriseStatus }> = {
  suspend: { from: ['operating'], to: 'suspended' },
  resume: { from: ['suspended'], to: 'operating' },
  close: { from: ['operating', 'suspended'], to: 'closed' },
};

export function nextEnterpriseStatus(from: EnterpriseStatus, action: EnterpriseStatusAction): EnterpriseStatus | null {
  const t = ENTERPRISE_TRANSITIONS[action];
  return t.from.includes(from) ? t.to : null;
}
