import type { TSecuritySettings } from '../../../../common/contracts/identity.js';
import { loadSecuritySettings, saveSecuritySettings } from '../../../kernel/auth/security-settings.js';
import type { Ctx } from '../../../kernel/context.js';
import { allowNew } from '../../../kernel/gate/gate.js';
import { securitySettingsPolicy } from '../account.policy.js';

/** The security administrator changes the security policy (lockout, timeouts, password rules); audited with before and after. */
export async function saveSecuritySettingsCommand(ctx: Ctx, settings: TSecuritySettings): Promise<void> {
  allowNew(ctx, securitySettingsPolicy, 'configure', {});
  const before = await loadSecuritySettings(ctx.tx);
  await saveSecuritySettings(ctx.tx, settings);
  await ctx.audit.record({ action: 'security.settingsChanged', entityType: 'setting', entityId: 'security', before, after: settings });
}
