import type { Executor } from '../../db/client.js';
import { BUILTIN_ROLES } from '../../kernel/access/builtin-roles.js';
import { upsertRole } from './identity.repository.js';

/** Built-in roles are code: every start brings the table in line with the catalogue. */
export async function syncBuiltinRoles(ex: Executor): Promise<void> {
  for (const r of BUILTIN_ROLES) {
    await upsertRole(ex, { key: r.key, name: r.name, nameEn: r.nameEn, permissions: r.permissions, adminDuty: r.adminDuty, builtin: true });
  }
}
