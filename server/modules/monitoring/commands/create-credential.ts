import type { Ctx } from '../../../kernel/context.js';
import { invalidField } from '../../../kernel/errors.js';
import { allowNew } from '../../../kernel/gate/gate.js';
import { findEnterprise } from '../../org/index.js';
import { presentCredential } from '../monitoring.presenter.js';
import { insertCredential } from '../monitoring.repository.js';
import { credentialPolicy } from '../sensor.policy.js';
import { newCredentialSecret, sha256 } from './ingest.js';

/** A new ingestion credential for an enterprise; the full key `<keyId>.<secret>` is returned this once only. */
export async function createCredential(ctx: Ctx, input: { enterpriseId: string; label: string }) {
  const e = await findEnterprise(ctx.tx, ctx.scope, input.enterpriseId);
  if (!e) throw invalidField('enterpriseId', 'enterprise');
  allowNew(ctx, credentialPolicy, 'create', { enterpriseId: e.id });
  const { keyId, secret } = newCredentialSecret();
  const row = await insertCredential(ctx.tx, {
    enterpriseId: e.id,
    keyId,
    secretHash: sha256(secret),
    label: input.label,
    createdBy: ctx.actor.displayName,
    createdAt: ctx.clock.now(),
  });
  await ctx.audit.record({
    action: 'ingestCredential.created',
    entityType: 'ingest_credential',
    entityId: row.id,
    after: { enterpriseId: e.id, keyId, label: input.label },
  });
  return { ...presentCredential(row), key: `${keyId}.${secret}` };
}
