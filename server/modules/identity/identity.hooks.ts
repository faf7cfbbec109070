import { inArray } from 'drizzle-orm';
import { registerAuditLabels, uuidIds } from '../../kernel/audit/labels.js';
import { appUser } from '../../kernel/kernel.schema.js';

/** What the identity module registers with the kernel (its manifest's hooks). */
export function registerIdentityHooks(): void {
  // The audit page names an account by its display name and login name (a sign-in's row is the account's).
  registerAuditLabels('user', async (ex, ids) => {
    const rows = await ex
      .select({ id: appUser.id, username: appUser.username, displayName: appUser.displayName })
      .from(appUser)
      .where(inArray(appUser.id, uuidIds(ids)));
    return new Map(rows.map((u) => [u.id, `${u.displayName}（${u.username}）`]));
  });
}
