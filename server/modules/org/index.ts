/** The org module's public surface (architecture.md §4.1). */
import type { Executor } from '../../db/client.js';
import type { Scope } from '../../kernel/scope/scope.js';
import { getDepartment, getEnterprise } from './org.repository.js';

export { generateDemoPassword, seedDemoData } from './demo/seed.js';
export { orgRoutes } from './org.routes.js';
export { unitResolver } from './unit-resolver.js';

export async function enterpriseVisible(ex: Executor, scope: Scope, id: string): Promise<boolean> {
  return !!(await getEnterprise(ex, scope, id));
}

/** Whether a unit a user is being attached to exists (groups must be group enterprises). */
export async function unitExists(ex: Executor, kind: string, id: string | null | undefined): Promise<boolean> {
  if (!id) return false;
  if (kind === 'department') return !!(await getDepartment(ex, id));
  const e = await getEnterprise(ex, { kind: 'system' }, id);
  return !!e && (kind !== 'group' || e.isGroup);
}
