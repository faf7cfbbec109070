import { systemActor } from '../../kernel/actor.js';
import { type Deps, readContext } from '../../kernel/context.js';
import type { JobDefinition } from '../../kernel/jobs/jobs.js';
import { fetchFeedJob } from './commands/feeds.js';
import { dueFeeds } from './warning.repository.js';

export const FETCH_FEED_JOB = 'warnings.fetch-feed';

/** Sends one fetch job per URL feed whose polling interval has passed (bounded batch; idempotent by singleton key). */
export async function sweepFeeds(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const feeds = await dueFeeds(deps.database.db, now);
  const jobs = deps.jobs.in(deps.database.db);
  for (const f of feeds) await jobs.send(FETCH_FEED_JOB, { feedId: f.id }, { singletonKey: `${f.id}@${Math.floor(now.getTime() / 60_000)}` });
  return feeds.length;
}

export function warningJobs(deps: () => Deps): JobDefinition[] {
  return [
    {
      name: 'warnings.fetch-feeds',
      cron: '*/5 * * * *',
      async handler() {
        await sweepFeeds(deps());
      },
    },
    {
      name: FETCH_FEED_JOB,
      retryLimit: 0,
      async handler(data) {
        const d = deps();
        const ctx = readContext(d, systemActor('warnings.fetch-feed'), { id: null, ip: null, locale: 'zh-CN' });
        // The outcome (including a refused or failed fetch) is recorded on the feed itself.
        await fetchFeedJob(ctx, d, (data as { feedId: string }).feedId).catch(() => undefined);
      },
    },
  ];
}
