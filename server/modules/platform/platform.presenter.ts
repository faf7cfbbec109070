import type { z } from 'zod';
import type { ZAttachmentMeta, ZAuditRow, ZNotification } from '../../../common/contracts/platform.js';
import type { Locale } from '../../../common/i18n/api-messages.js';
import type { AttachmentRow } from '../../kernel/files/files.js';
import type { PhotoMeta } from '../../kernel/files/photo-meta.js';
import type { auditLog, notification } from '../../kernel/kernel.schema.js';
import { notificationText } from '../../kernel/notify/notify.js';

/** Rows are never returned raw: each presenter lists what the contract sends. */

export function presentAuditRow(r: typeof auditLog.$inferSelect, entityLabel: string | null): z.input<typeof ZAuditRow> {
  return {
    seq: r.seq,
    at: r.at.toISOString(),
    actorName: r.actorName,
    unit: r.unit,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    entityLabel,
    before: r.before ?? null,
    after: r.after ?? null,
    requestId: r.requestId,
    ip: r.ip,
    hash: r.hash,
  };
}

/** A notification in the reader's language (rendered from its text key; stored text for older rows). */
export function presentNotification(n: typeof notification.$inferSelect, locale: Locale): z.input<typeof ZNotification> {
  return {
    id: n.id,
    kind: n.kind,
    ...notificationText(n, locale),
    link: n.link,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  };
}

export function presentAttachment(a: AttachmentRow): z.input<typeof ZAttachmentMeta> {
  return { id: a.id, sha256: a.sha256, size: a.size, mime: a.mime, filename: a.filename, meta: (a.meta as PhotoMeta | null) ?? null };
}
