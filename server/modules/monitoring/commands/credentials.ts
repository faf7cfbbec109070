import type { Ctx } from '../../../kernel/context.js';
import { invalidField, notFound } from '../../../kernel/errors.js';
import { findEnterprise } from '../../org/index.js';
import { presentCredential } from '../monitoring.presenter.js';
import { credentialsOf, getCredential, insertCredential, revokeCredential } from '../monitoring.repository.js';
import { newCredentialSecret, sha256 } from './ingest.js';

/** A new ingestion credential for an enterprise; the full key `<keyId>.<secret>` is returned this once only. */
export async function createCredential(ctx: Ctx, input: { enterpriseId: string; label: string }) {
  const e = await findEnterprise(ctx.tx, ctx.scope, input.enterpriseId);
  if (!e) throw invalidField('enterpriseId', 'enterprise');
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

export async function listCredentials(ctx: Ctx, enterpriseId: string) {
  if (!(await findEnterprise(ctx.tx, ctx.scope, enterpriseId))) throw notFound();
  return { items: (await credentialsOf(ctx.tx, enterpriseId)).map(presentCredential) };
}

export async function revokeCredentialCommand(ctx: Ctx, enterpriseId: string, id: string) {
  if (!(await findEnterprise(ctx.tx, ctx.scope, enterpriseId))) throw notFound();
  const c = await getCredential(ctx.tx, enterpriseId, id);
  if (!c) throw notFound();
  if (!c.revokedAt) {
    await revokeCredential(ctx.tx, c.id, ctx.clock.now());
    await ctx.audit.record({ action: 'ingestCredential.revoked', entityType: 'ingest_credential', entityId: c.id, after: { keyId: c.keyId } });
  }
  return presentCredential({ ...c, revokedAt: c.revokedAt ?? ctx.clock.now() });
}
