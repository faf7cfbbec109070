import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { AppError } from '../errors.js';
import { attachment, blob } from '../kernel.schema.js';
import { readPhotoMeta } from './photo-meta.js';

/**
 * Attachments stored by content hash: the same photo uploaded twice is kept once. The type is decided
 * from the file's first bytes, not from the name or the client's header.
 */
const SIGNATURES: { mime: string; test: (b: Buffer) => boolean }[] = [
  { mime: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { mime: 'image/webp', test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  { mime: 'application/pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  // xlsx and docx are zip containers.
  { mime: 'application/zip', test: (b) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04 },
];

const ZIP_KINDS: Record<string, string> = {
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export function sniffMime(buf: Buffer, filename: string): string | null {
  const sig = SIGNATURES.find((s) => s.test(buf));
  if (!sig) return null;
  if (sig.mime !== 'application/zip') return sig.mime;
  const ext = filename.toLowerCase().match(/\.[a-z]+$/)?.[0] ?? '';
  return ZIP_KINDS[ext] ?? null;
}

export async function storeAttachment(
  ex: Executor,
  file: { buffer: Buffer; filename: string },
  meta: { createdBy: string; enterpriseId: string | null; regionPath: string | null; now: Date; maxBytes: number },
) {
  if (file.buffer.length > meta.maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', { limit: `${Math.round(meta.maxBytes / 1048576)} MB` });
  if (file.buffer.length === 0) throw new AppError('VALIDATION', {}, [{ field: 'file', code: 'required' }]);
  const mime = sniffMime(file.buffer, file.filename);
  if (!mime) throw new AppError('UNSUPPORTED_TYPE', { type: file.filename.split('.').pop() ?? '?' });
  const sha256 = createHash('sha256').update(file.buffer).digest('hex');
  await ex.insert(blob).values({ sha256, size: file.buffer.length, data: file.buffer }).onConflictDoNothing();
  const [row] = await ex
    .insert(attachment)
    .values({
      sha256,
      size: file.buffer.length,
      mime,
      filename: file.filename.slice(0, 200),
      createdBy: meta.createdBy,
      enterpriseId: meta.enterpriseId,
      regionPath: meta.regionPath,
      meta: await readPhotoMeta(file.buffer, mime),
      createdAt: meta.now,
    })
    .returning();
  return row as typeof attachment.$inferSelect;
}

/** Reads an attachment; `visible` decides (in the caller's module terms) whether the actor may see it. */
export async function readAttachment(ex: Executor, id: string, visible: (a: typeof attachment.$inferSelect) => Promise<boolean>) {
  const [a] = await ex.select().from(attachment).where(eq(attachment.id, id));
  if (!a || !(await visible(a))) throw new AppError('NOT_FOUND');
  const [b] = await ex.select().from(blob).where(eq(blob.sha256, a.sha256));
  if (!b) throw new AppError('NOT_FOUND');
  return { attachment: a, data: b.data };
}
