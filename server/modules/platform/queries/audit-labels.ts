import { inArray } from 'drizzle-orm';
import { type AuditLabelResolver, uuidIds } from '../../../kernel/audit/labels.js';
import { attachment, calendarDay, notification } from '../../../kernel/kernel.schema.js';

/**
 * How the audit page names the platform's own entities (their tables are the kernel's): a calendar day by its date
 * and festival, an upload by its file name, a notification by its title. Other modules register theirs
 * (kernel/audit/labels.ts).
 */
export const PLATFORM_AUDIT_LABELS: Record<string, AuditLabelResolver> = {
  calendar_day: async (ex, ids, locale) => {
    const dates = ids.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
    if (!dates.length) return new Map();
    const rows = await ex.select().from(calendarDay).where(inArray(calendarDay.date, dates));
    return new Map(rows.map((d) => [d.date, `${d.date} ${locale === 'en-US' ? d.nameEn : d.name}`]));
  },
  attachment: async (ex, ids) => {
    const rows = await ex
      .select({ id: attachment.id, filename: attachment.filename })
      .from(attachment)
      .where(inArray(attachment.id, uuidIds(ids)));
    return new Map(rows.map((a) => [a.id, a.filename]));
  },
  notification: async (ex, ids) => {
    const rows = await ex
      .select({ id: notification.id, title: notification.title })
      .from(notification)
      .where(inArray(notification.id, uuidIds(ids)));
    return new Map(rows.map((n) => [n.id, n.title]));
  },
};
