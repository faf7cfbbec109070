import { loadSecuritySettings } from './kernel/auth/security-settings.js';
import { purgeExpiredSessions } from './kernel/auth/session.js';
import { purgeThrottle } from './kernel/auth/throttle.js';
import type { Deps } from './kernel/context.js';
import type { JobDefinition } from './kernel/jobs/jobs.js';
import { deliverJob } from './kernel/notify/notify.js';
import { MODULES } from './modules.js';

/**
 * Every job of the process: the kernel's, then each module's (its manifest's `jobs`, in module order). `deps` is a getter because
 * the job runner is itself part of Deps.
 */
export function jobDefinitions(deps: () => Deps): JobDefinition[] {
  const run = <T>(fn: (ex: Deps['database']['db']) => Promise<T>) => fn(deps().database.db);
  return [
    deliverJob(run, () => deps().channels),
    {
      name: 'sessions.purge',
      cron: '*/15 * * * *',
      async handler() {
        const { database, clock } = deps();
        const settings = await loadSecuritySettings(database.db);
        await purgeExpiredSessions(database.db, clock.now(), settings);
        await purgeThrottle(database.db, clock.now(), settings);
      },
    },
    ...MODULES.flatMap((m) => m.jobs?.(deps) ?? []),
  ];
}
