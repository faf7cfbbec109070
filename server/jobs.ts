import { loadSecuritySettings } from './kernel/auth/security-settings.js';
import { purgeExpiredSessions } from './kernel/auth/session.js';
import { purgeThrottle } from './kernel/auth/throttle.js';
import type { Deps } from './kernel/context.js';
import type { JobDefinition } from './kernel/jobs/jobs.js';
import { deliverJob } from './kernel/notify/notify.js';
import { accidentJobs } from './modules/accidents/index.js';
import { alarmJobs } from './modules/alarms/index.js';
import { hazardJobs } from './modules/hazards/index.js';
import { demoFeedJobs, monitoringJobs } from './modules/monitoring/index.js';
import { riskJobs } from './modules/risk/index.js';
import { taskJobs } from './modules/tasks/index.js';
import { warningJobs } from './modules/warnings/index.js';

/**
 * Every job of the process; modules add theirs through their index.ts. `deps` is a getter because
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
    ...accidentJobs(deps),
    ...taskJobs(deps),
    ...hazardJobs(deps),
    ...riskJobs(deps),
    ...monitoringJobs(deps),
    ...demoFeedJobs(deps),
    ...alarmJobs(deps),
    ...warningJobs(deps),
  ];
}
