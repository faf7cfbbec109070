import { randomInt, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Executor } from '../../db/client.js';
import { hashPassword } from '../../kernel/auth/password.js';
import { appUser, userRole } from '../../kernel/kernel.schema.js';

/** Accounts in one call (any kind, roles and unit; override any column with `over`), and signing in as one. */

export const TEST_PASSWORD = 'Test-Pass-2021!';
let cachedHash: Promise<string> | undefined;
const passwordHash = () => (cachedHash ??= hashPassword(TEST_PASSWORD));

export async function makeUser(
  ex: Executor,
  kind: 'platform' | 'government' | 'industry' | 'enterprise' | 'group',
  roles: string[],
  unit: { departmentId?: string; enterpriseId?: string } = {},
) {
  const username = `u${randomUUID().slice(0, 12)}`;
  const [u] = await ex
    .insert(appUser)
    .values({
      username,
      displayName: `测试用户 ${username}`,
      passwordHash: await passwordHash(),
      kind,
      departmentId: unit.departmentId ?? null,
      enterpriseId: unit.enterpriseId ?? null,
    })
    .returning();
  if (roles.length) await ex.insert(userRole).values(roles.map((roleKey) => ({ userId: (u as { id: string }).id, roleKey })));
  return u as typeof appUser.$inferSelect;
}

/** A fresh loopback client address: sign-in failures are throttled per address (kernel/auth/throttle.ts). */
export const testAddress = () => `127.${randomInt(256)}.${randomInt(256)}.${1 + randomInt(254)}`;

/**
 * Signs in through the API and returns headers that authenticate later calls. Each sign-in comes from its
 * own address, so failed sign-ins of another test (on the shared PostgreSQL too) never put it behind the captcha.
 */
export async function loginAs(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<Record<string, string>> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: testAddress() });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  return { authorization: `Bearer ${res.json().token}` };
}
