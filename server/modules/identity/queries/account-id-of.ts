import type { Ctx } from '../../../kernel/context.js';
import { notFound } from '../../../kernel/errors.js';
import { systemOnly } from '../../../kernel/gate/gate.js';
import { findUserByUsername } from '../identity.repository.js';

/** The id of an account by its username, for the host operator's command line only. */
export async function accountIdOf(ctx: Ctx, username: string): Promise<string> {
  systemOnly(ctx);
  const u = await findUserByUsername(ctx.tx, username);
  if (!u) throw notFound();
  return u.id;
}
