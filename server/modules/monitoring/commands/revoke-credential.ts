import type { Ctx } from '../../../kernel/context.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { findEnterprise } from '../../org/index.js';
import { presentCredential } from '../monitoring.presenter.js';
import { getCredential, revokeCredential } from '../monitoring.repository.js';
import { credentialPolicy } from '../sensor.policy.js';

export async function revokeCredentialCommand(ctx: Ctx, enterpriseId: string, id: string) {
  const c = await loadFor(ctx, credentialPolicy, 'revoke', async (ex, scope) =>
    (await findEnterprise(ex, scope, enterpriseId)) ? getCredential(ex, enterpriseId, id) : undefined,
  );
  if (!c.revokedAt) {
    await revokeCredential(ctx.tx, c.id, ctx.clock.now());
    await ctx.audit.record({ action: 'ingestCredential.revoked', entityType: 'ingest_credential', entityId: c.id, after: { keyId: c.keyId } });
  }
  return presentCredential({ ...c, revokedAt: c.revokedAt ?? ctx.clock.now() });
}
