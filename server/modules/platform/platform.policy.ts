import type { Actor } from '../../kernel/actor.js';
import { definePolicy, type Verdict } from '../../kernel/gate/gate.js';

/**
 * A notification is its addressee's alone: anyone else is told it does not exist (404, as for an object out of
 * scope), so ids of other people's notifications cannot be probed. `readAll` is asked with the inbox's owner.
 */
export const notificationPolicy = definePolicy<{ userId: string }, 'read' | 'readAll'>(
  'notification',
  ['read', 'readAll'],
  (actor: Actor, n): Verdict => (n.userId === actor.id ? null : 'NOT_FOUND'),
);

/**
 * The working-day calendar is reference data of the whole platform (statutory holidays and make-up workdays):
 * whoever holds `calendar.manage` sets or removes a day; no unit's scope is involved.
 */
export const calendarPolicy = definePolicy<{ date: string }, 'set' | 'remove'>(
  'calendar_day',
  ['set', 'remove'],
  (actor: Actor): Verdict => (actor.permissions.has('calendar.manage') ? null : 'FORBIDDEN'),
);

/**
 * Uploading a file: whoever holds `attachment.upload`. Who may read it afterwards is decided by the object it
 * is attached to (kernel/files registerAttachmentOwner), not here.
 */
export const attachmentPolicy = definePolicy<Record<string, never>, 'upload'>(
  'attachment',
  ['upload'],
  (actor: Actor): Verdict => (actor.permissions.has('attachment.upload') ? null : 'FORBIDDEN'),
);
