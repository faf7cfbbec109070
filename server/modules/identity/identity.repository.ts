import { and, asc, eq, ilike, inArray, isNotNull, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { appUser, role, userRole } from '../../kernel/kernel.schema.js';
import type { AdminDuty } from './account.policy.js';

/** SQL for accounts and roles. User lists are for platform administrators only (their scope is all accounts). */

export type UserRow = typeof appUser.$inferSelect;

export async function findUserByUsername(ex: Executor, username: string): Promise<UserRow | undefined> {
  const [u] = await ex.select().from(appUser).where(sql`lower(${appUser.username}) = ${username.toLowerCase()}`);
  return u;
}

export async function lockUser(ex: Executor, id: string): Promise<UserRow | undefined> {
  const [u] = await ex.select().from(appUser).where(eq(appUser.id, id)).for('update');
  return u;
}

export async function findUsers(ex: Executor, f: { q?: string; page: number; pageSize: number }) {
  const where: SQL | undefined = f.q ? or(ilike(appUser.username, `%${f.q}%`), ilike(appUser.displayName, `%${f.q}%`)) : undefined;
  const [rows, [c]] = await Promise.all([
    ex
      .select()
      .from(appUser)
      .where(where)
      .orderBy(asc(appUser.username))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    ex.select({ n: sql<number>`count(*)::int` }).from(appUser).where(where),
  ]);
  return { rows, total: c?.n ?? 0 };
}

export async function insertUser(ex: Executor, values: typeof appUser.$inferInsert): Promise<UserRow> {
  const [u] = await ex.insert(appUser).values(values).returning();
  return u as UserRow;
}

export async function updateUser(ex: Executor, id: string, values: Partial<typeof appUser.$inferInsert>): Promise<UserRow> {
  const [u] = await ex.update(appUser).set(values).where(eq(appUser.id, id)).returning();
  return u as UserRow;
}

export function listRoles(ex: Executor) {
  return ex.select().from(role).orderBy(asc(role.key));
}

export async function rolesOf(ex: Executor, userIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (!userIds.length) return map;
  for (const r of await ex.select().from(userRole).where(inArray(userRole.userId, userIds))) {
    map.set(r.userId, [...(map.get(r.userId) ?? []), r.roleKey]);
  }
  return map;
}

export async function setUserRoles(ex: Executor, userId: string, roles: string[]): Promise<void> {
  await ex.delete(userRole).where(eq(userRole.userId, userId));
  if (roles.length) await ex.insert(userRole).values(roles.map((roleKey) => ({ userId, roleKey })));
}

export async function upsertRole(ex: Executor, r: typeof role.$inferInsert): Promise<void> {
  await ex
    .insert(role)
    .values(r)
    .onConflictDoUpdate({ target: role.key, set: { name: r.name, nameEn: r.nameEn, permissions: r.permissions, adminDuty: r.adminDuty, builtin: r.builtin } });
}

/** Active accounts of a department or enterprise: the recipients of notices addressed to that unit. */
export async function userIdsOfUnit(ex: Executor, unit: { departmentId?: string | null; enterpriseId?: string | null }): Promise<string[]> {
  if (!unit.departmentId && !unit.enterpriseId) return [];
  const rows = await ex
    .select({ id: appUser.id })
    .from(appUser)
    .where(
      and(eq(appUser.disabled, false), unit.departmentId ? eq(appUser.departmentId, unit.departmentId) : eq(appUser.enterpriseId, unit.enterpriseId as string)),
    );
  return rows.map((r) => r.id);
}

/** The administrator duty (三权分立) each of these accounts holds, if any. */
export async function dutiesOf(ex: Executor, userIds: string[]): Promise<Map<string, AdminDuty>> {
  const map = new Map<string, AdminDuty>();
  if (!userIds.length) return map;
  const rows = await ex
    .select({ userId: userRole.userId, duty: role.adminDuty })
    .from(userRole)
    .innerJoin(role, eq(role.key, userRole.roleKey))
    .where(and(inArray(userRole.userId, userIds), isNotNull(role.adminDuty)));
  for (const r of rows) map.set(r.userId, r.duty as AdminDuty);
  return map;
}

/** Active accounts holding a duty: e.g. the security administrators told of every password reset. */
export async function activeUserIdsWithDuty(ex: Executor, duty: AdminDuty): Promise<string[]> {
  const rows = await ex
    .select({ id: appUser.id })
    .from(appUser)
    .innerJoin(userRole, eq(userRole.userId, appUser.id))
    .innerJoin(role, eq(role.key, userRole.roleKey))
    .where(and(eq(role.adminDuty, duty), eq(appUser.disabled, false)));
  return rows.map((r) => r.id);
}
