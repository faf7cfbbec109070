import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Permission } from '../../../common/permissions.js';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../actor.js';
import { AppError, type FieldError } from '../errors.js';
import { findForbiddenText } from '../http/input-guard.js';
import { attachment, blob } from '../kernel.schema.js';
import type { Scope } from '../scope/scope.js';
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

/**
 * Who may read an attachment is who may read the object it is attached to (issue 11 item 5). Each module that
 * attaches files registers, through its index, a reader check for its kind of object; the check answers with the
 * module's own scoped loader (the same one its detail route uses), so a file is never more visible than its object.
 * The kernel never imports modules: the registry is filled at start-up.
 */
export interface AttachmentOwner {
  /** The permission that reads this kind of object (its detail route's). */
  permission: Permission;
  /** Is the object inside the scope? The module's scoped loader answers (missing or out of scope: false). */
  canRead: (ex: Executor, scope: Scope, objectId: string) => Promise<boolean>;
}
const owners = new Map<string, AttachmentOwner>();

export function registerAttachmentOwner(kind: string, owner: AttachmentOwner): void {
  const known = owners.get(kind);
  if (known && known.canRead !== owner.canRead) throw new Error(`attachment owner kind "${kind}" registered twice`);
  owners.set(kind, owner);
}

/** Who reads: the actor's permissions and the scope its request runs in. */
export interface AttachmentReader {
  actor: Pick<Actor, 'id' | 'permissions'>;
  scope: Scope;
}

/** Can the reader open the object (permission, then scope), exactly as the object's own detail route decides? */
async function canReadObject(ex: Executor, r: AttachmentReader, kind: string, objectId: string): Promise<boolean> {
  const owner = owners.get(kind);
  return !!owner && r.actor.permissions.has(owner.permission) && owner.canRead(ex, r.scope, objectId);
}

/** The kinds of object attachments can belong to (for tests and the scope property). */
export function attachmentOwnerKinds(): string[] {
  return [...owners.keys()].sort();
}

export type AttachmentRow = typeof attachment.$inferSelect;

export async function storeAttachment(
  ex: Executor,
  file: { buffer: Buffer; filename: string },
  meta: { createdBy: string; now: Date; maxBytes: number },
): Promise<AttachmentRow> {
  if (file.buffer.length > meta.maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', { limit: `${Math.round(meta.maxBytes / 1048576)} MB` });
  if (file.buffer.length === 0) throw new AppError('VALIDATION', {}, [{ field: 'file', code: 'required' }]);
  // The multipart file name is input the request guard does not see (it is not in params, query or body).
  if (findForbiddenText(file.filename)) throw new AppError('VALIDATION', {}, [{ field: 'file', code: 'characters' }]);
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
      // By code points: cutting UTF-16 units could leave half a surrogate pair, which the database refuses.
      filename: Array.from(file.filename).slice(0, 200).join(''),
      createdBy: meta.createdBy,
      meta: await readPhotoMeta(file.buffer, mime),
      createdAt: meta.now,
    })
    .returning();
  return row as AttachmentRow;
}

/**
 * Attaches uploaded files to the object a command just created or changed. Only files the actor uploaded and
 * that belong to no object yet can be attached (or files already on this very object): naming someone else's
 * file id must not make it readable through one's own object. Call it inside the command's transaction, after
 * the command's gate.
 */
export async function attachFiles(ex: Executor, actorId: string, owner: { kind: string; id: string }, ids: readonly string[], field: string): Promise<void> {
  if (!owners.has(owner.kind)) throw new Error(`attachment owner kind "${owner.kind}" is not registered`);
  const unique = [...new Set(ids)];
  if (!unique.length) return;
  const rows = await ex.select().from(attachment).where(inArray(attachment.id, unique)).for('update');
  const byId = new Map(rows.map((r) => [r.id, r]));
  const errors: FieldError[] = [];
  for (const [i, id] of ids.entries()) {
    const a = byId.get(id);
    const ok = a && (a.ownerKind === null ? a.createdBy === actorId : a.ownerKind === owner.kind && a.ownerId === owner.id);
    if (!ok) errors.push({ field: `${field}.${i}`, code: 'attachment' });
  }
  if (errors.length) throw new AppError('VALIDATION', {}, errors);
  await ex
    .update(attachment)
    .set({ ownerKind: owner.kind, ownerId: owner.id })
    .where(and(inArray(attachment.id, unique), isNull(attachment.ownerKind)));
}

/** The rule in one place: whoever can read the owning object, or (not yet attached) the uploader alone. */
async function canReadAttachment(ex: Executor, r: AttachmentReader, a: AttachmentRow): Promise<boolean> {
  if (a.ownerKind === null || a.ownerId === null) return a.createdBy === r.actor.id;
  return canReadObject(ex, r, a.ownerKind, a.ownerId);
}

/** Reads an attachment the actor may read (see canReadAttachment); anything else is 404. */
export async function readAttachment(ex: Executor, r: AttachmentReader, id: string) {
  const [a] = await ex.select().from(attachment).where(eq(attachment.id, id));
  if (!a || !(await canReadAttachment(ex, r, a))) throw new AppError('NOT_FOUND');
  const [b] = await ex.select().from(blob).where(eq(blob.sha256, a.sha256));
  if (!b) throw new AppError('NOT_FOUND');
  return { attachment: a, data: b.data };
}

/** The attachments of one object, by the same rule: 404 when the actor cannot read the object. */
export async function attachmentsOf(ex: Executor, r: AttachmentReader, owner: { kind: string; id: string }): Promise<AttachmentRow[]> {
  if (!(await canReadObject(ex, r, owner.kind, owner.id))) throw new AppError('NOT_FOUND');
  return ex
    .select()
    .from(attachment)
    .where(and(eq(attachment.ownerKind, owner.kind), eq(attachment.ownerId, owner.id)))
    .orderBy(asc(attachment.createdAt), asc(attachment.id));
}
