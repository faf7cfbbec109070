import { eq } from 'drizzle-orm';
import { type TSecuritySettings, ZSecuritySettings } from '../../../common/contracts/identity.js';
import type { Executor } from '../../db/client.js';
import { setting } from '../kernel.schema.js';

/**
 * Security policy, maintained by the security admin. Defaults follow GB/T 22239-2019 (等保 2.0)
 * §8.1.4.1 identity authentication: login-failure handling (lock after repeated failures), session
 * timeout, and password complexity with periodic change. The numbers are configuration; the schema is
 * the identity contract's (the web's form checks the same bounds).
 */
export { type TSecuritySettings, ZSecuritySettings } from '../../../common/contracts/identity.js';

export const DEFAULT_SECURITY_SETTINGS: TSecuritySettings = {
  maxFailedAttempts: 5,
  lockoutMinutes: 15,
  idleTimeoutMinutes: 30,
  absoluteTimeoutHours: 12,
  passwordMinLength: 10,
  passwordClasses: 3,
  passwordMaxAgeDays: 90,
};

export const SECURITY_SETTINGS_SOURCE = 'GB/T 22239-2019《信息安全技术 网络安全等级保护基本要求》8.1.4.1 身份鉴别';

const KEY = 'security';

export async function loadSecuritySettings(ex: Executor): Promise<TSecuritySettings> {
  const [row] = await ex.select().from(setting).where(eq(setting.key, KEY));
  const parsed = ZSecuritySettings.partial().safeParse(row?.value ?? {});
  return { ...DEFAULT_SECURITY_SETTINGS, ...(parsed.success ? parsed.data : {}) };
}

export async function saveSecuritySettings(ex: Executor, value: TSecuritySettings): Promise<void> {
  await ex.insert(setting).values({ key: KEY, value }).onConflictDoUpdate({ target: setting.key, set: { value } });
}
