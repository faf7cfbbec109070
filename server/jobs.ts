import type { Database } from './db/client.js';
import { loadSecuritySettings } from './kernel/auth/security-settings.js';
import { purgeExpiredSessions } from './kernel/auth/session.js';
import type { Clock } from './kernel/clock.js';
import type { JobDefinition } from './kernel/jobs/jobs.js';
import { deliverJob, type NotificationChannel } from './kernel/notify/notify.js';

/** Every job of the process; modules add theirs here through their index.ts. */
export function jobDefinitions(database: Database, clock: Clock, channels: NotificationChannel[]): JobDefinition[] {
  const run = <T>(fn: (ex: Database['db']) => Promise<T>) => fn(database.db);
  return [
    deliverJob(run, channels),
    {
      name: 'sessions.purge',
      cron: '*/15 * * * *',
      async handler() {
        const db = database.db;
        await purgeExpiredSessions(db, clock.now(), await loadSecuritySettings(db));
      },
    },
  ];
}
