import type { z } from 'zod';
import type { TAuditChange, ZAttachmentMeta, ZAuditRow, ZNotification } from '../../../common/contracts/platform.js';
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
    changes: auditChanges(r.before ?? null, r.after ?? null),
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

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const asText = (v: unknown): string | null => (v === undefined || v === null ? null : typeof v === 'string' ? v : JSON.stringify(v, null, 2));

/** The snapshots field by field (sorted), or as one row when either is not an object. */
export function auditChanges(before: unknown, after: unknown): TAuditChange[] {
  if (before === null && after === null) return [];
  if (isRecord(before) || isRecord(after)) {
    const b = isRecord(before) ? before : {};
    const a = isRecord(after) ? after : {};
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
    // "changed" only where both snapshots exist: a creation or a removal changes nothing field by field.
    const both = isRecord(before) && isRecord(after);
    return keys.map((field) => ({
      field,
      before: asText(b[field]),
      after: asText(a[field]),
      changed: both && asText(b[field]) !== asText(a[field]),
    }));
  }
  return [
    {
      field: null,
      before: asText(before),
      after: asText(after),
      changed: before !== null && after !== null && asText(before) !== asText(after),
    },
  ];
}
