import { createHash, randomBytes } from 'node:crypto';
import { and, eq, inArray, lt, ne, or } from 'drizzle-orm';
import type { Locale } from '../../../common/i18n/api-messages.js';
import { isPermission, type Permission } from '../../../common/permissions.js';
import type { Executor } from '../../db/client.js';
import type { Actor, UnitResolver, UserKind } from '../actor.js';
import { AppError } from '../errors.js';
import { appUser, role, session, userRole } from '../kernel.schema.js';
import type { TSecuritySettings } from './security-settings.js';

export const SESSION_COOKIE = 'taihang_session';
/** Write last_seen_at at most this often: a busy user should not cost one UPDATE per request. */
const TOUCH_INTERVAL_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(ex: Executor, userId: string, now: Date, meta: { ip: string | null; userAgent: string | null }): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await ex.insert(session).values({
    tokenHash: hashToken(token),
    userId,
    createdAt: now,
    lastSeenAt: now,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return token;
}

export async function deleteSession(ex: Executor, token: string): Promise<void> {
  await ex.delete(session).where(eq(session.tokenHash, hashToken(token)));
}

/** Ends every session of a user, or every one but `keepToken` (the session that changed the password). */
export async function deleteUserSessions(ex: Executor, userId: string, keepToken?: string | null): Promise<void> {
  await ex.delete(session).where(keepToken ? and(eq(session.userId, userId), ne(session.tokenHash, hashToken(keepToken))) : eq(session.userId, userId));
}

/** Sessions past the idle or absolute limit; a sweep job removes them so the table stays small. */
export async function purgeExpiredSessions(ex: Executor, now: Date, s: TSecuritySettings): Promise<void> {
  await ex
    .delete(session)
    .where(
      or(
        lt(session.lastSeenAt, new Date(now.getTime() - s.idleTimeoutMinutes * 60_000)),
        lt(session.createdAt, new Date(now.getTime() - s.absoluteTimeoutHours * 3_600_000)),
      ),
    );
}

export async function loadPermissions(ex: Executor, userId: string): Promise<{ roles: string[]; permissions: Set<Permission> }> {
  const rows = await ex
    .select({ key: role.key, permissions: role.permissions })
    .from(userRole)
    .innerJoin(role, eq(role.key, userRole.roleKey))
    .where(eq(userRole.userId, userId));
  const permissions = new Set<Permission>();
  for (const r of rows) for (const p of r.permissions) if (isPermission(p)) permissions.add(p);
  return { roles: rows.map((r) => r.key), permissions };
}

export async function buildActor(ex: Executor, user: typeof appUser.$inferSelect, resolveUnit: UnitResolver): Promise<Actor> {
  const { roles, permissions } = await loadPermissions(ex, user.id);
  const unit = await resolveUnit(ex, { kind: user.kind as UserKind, departmentId: user.departmentId, enterpriseId: user.enterpriseId });
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    kind: user.kind as UserKind,
    locale: (user.locale === 'en-US' ? 'en-US' : 'zh-CN') as Locale,
    roles,
    permissions,
    departmentId: user.departmentId,
    enterpriseId: user.enterpriseId,
    unitName: unit.unitName,
    scope: unit.scope,
    mustChangePassword: user.mustChangePassword,
  };
}

/**
 * Resolves a token to its actor, enforcing the idle and absolute timeouts from the security policy.
 * Sessions live in the database so every web process accepts every session (architecture.md §5).
 */
export async function resolveSession(ex: Executor, token: string, now: Date, s: TSecuritySettings, resolveUnit: UnitResolver): Promise<Actor> {
  const tokenHash = hashToken(token);
  const [row] = await ex
    .select({ session, user: appUser })
    .from(session)
    .innerJoin(appUser, eq(appUser.id, session.userId))
    .where(eq(session.tokenHash, tokenHash));
  if (!row) throw new AppError('UNAUTHENTICATED');
  const idleLimit = row.session.lastSeenAt.getTime() + s.idleTimeoutMinutes * 60_000;
  const absoluteLimit = row.session.createdAt.getTime() + s.absoluteTimeoutHours * 3_600_000;
  if (now.getTime() > idleLimit || now.getTime() > absoluteLimit || row.user.disabled) {
    await ex.delete(session).where(eq(session.tokenHash, tokenHash));
    throw new AppError('SESSION_EXPIRED');
  }
  if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await ex.update(session).set({ lastSeenAt: now }).where(eq(session.tokenHash, tokenHash));
  }
  return buildActor(ex, row.user, resolveUnit);
}

export async function usersWithRoles(ex: Executor, userIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (!userIds.length) return map;
  const rows = await ex.select().from(userRole).where(inArray(userRole.userId, userIds));
  for (const r of rows) map.set(r.userId, [...(map.get(r.userId) ?? []), r.roleKey]);
  return map;
}
