import type { Ctx } from '../../../kernel/context.js';
import { notFound } from '../../../kernel/errors.js';
import { findEnterprise } from '../../org/index.js';
import { presentCredential } from '../monitoring.presenter.js';
import { credentialsOf } from '../monitoring.repository.js';

/** An enterprise's ingestion credentials (never the secret); 404 when the enterprise is out of scope. */
export async function listCredentials(ctx: Ctx, enterpriseId: string) {
  if (!(await findEnterprise(ctx.tx, ctx.scope, enterpriseId))) throw notFound();
  return { items: (await credentialsOf(ctx.tx, enterpriseId)).map(presentCredential) };
}
