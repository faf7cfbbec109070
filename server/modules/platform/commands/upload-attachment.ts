import type { Ctx } from '../../../kernel/context.js';
import { storeAttachment } from '../../../kernel/files/files.js';
import { allowNew } from '../../../kernel/gate/gate.js';
import { attachmentPolicy } from '../platform.policy.js';

/** Stores an uploaded file by content hash (type sniffed, size bounded) and audits it; attached to an object later. */
export async function uploadAttachment(ctx: Ctx, file: { buffer: Buffer; filename: string }, maxBytes: number) {
  allowNew(ctx, attachmentPolicy, 'upload', {});
  const a = await storeAttachment(ctx.tx, file, { createdBy: ctx.actor.id, now: ctx.clock.now(), maxBytes });
  await ctx.audit.record({
    action: 'attachment.uploaded',
    entityType: 'attachment',
    entityId: a.id,
    after: { sha256: a.sha256, size: a.size, mime: a.mime, filename: a.filename },
  });
  return a;
}
