import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../db/client.js';
import { setting } from '../kernel.schema.js';

/**
 * Security policy, maintained by the security admin. Defaults follow GB/T 22239-2019 (等保 2.0)
 * §8.1.4.1 identity authentication: login-failure handling (lock after repeated failures), session
 * timeout, and password complexity with periodic change. The numbers are configuration.
 */
export const ZSecuritySettings = z.object({
  maxFailedAttempts: z.number().int().min(3).max(20),
  lockoutMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  idleTimeoutMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  absoluteTimeoutHours: z
    .number()
    .int()
    .min(1)
    .max(7 * 24),
  passwordMinLength: z.number().int().min(8).max(64),
  passwordClasses: z.number().int().min(2).max(4),
  passwordMaxAgeDays: z.number().int().min(0).max(3650),
});
export type TSecuritySettings = z.infer<typeof ZSecuritySettings>;

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
