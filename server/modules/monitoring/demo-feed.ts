import type { Deps } from '../../kernel/context.js';
import type { JobDefinition } from '../../kernel/jobs/jobs.js';
import { Scope } from '../../kernel/scope/scope.js';
import { type IncomingReading, ingestWithKey } from './commands/ingest.js';
import { demoValue } from './demo-signal.js';
import { DEMO_MARKER_KEY, type DemoMarker, demoSignalOf } from './monitoring.demo.js';
import { readSetting, sensorsInScope } from './monitoring.repository.js';

/** The coal monitoring system's usual polling cycle (AQ 6201-2019: 30 s); the demo gateway reports at it. */
export const DEMO_FEED_CYCLE_MS = 30_000;
/** After a pause (a restart) the feed sends at most this much backlog; older gaps stay gaps, as with a real gateway. */
const CATCH_UP_MS = 10 * 60_000;
const FEED_KEY = 'demo-feed';

export async function loadDemoMarker(deps: Deps): Promise<DemoMarker | null> {
  const m = (await readSetting(deps.database.db, DEMO_MARKER_KEY)) as DemoMarker | undefined;
  return m && typeof m.seededAt === 'string' && Array.isArray(m.sensors) ? m : null;
}

/**
 * The live demo feed: for every demo sensor, the readings of each 30-second cycle since its last
 * reading (at most 10 minutes back) up to now, continuing the seeded curves (demo-signal.ts), sent
 * per enterprise through the same ingestion command as HTTP and MQTT (dedup by sensor and time, last
 * value, alarm engine, live 'reading' event). A batch counts as delivered only once its transaction
 * committed; a failed run throws (the job is retried) and the next run sends the gap again.
 */
export async function feedDemo(deps: Deps, marker: DemoMarker): Promise<{ accepted: number }> {
  const now = deps.clock.now().getTime();
  const seededAt = Date.parse(marker.seededAt);
  const rows = await sensorsInScope(deps.database.db, Scope.system(), { ids: marker.sensors.map((s) => s.id) });
  const batches = new Map<string, IncomingReading[]>();
  for (const s of rows) {
    const signal = demoSignalOf(s.code);
    if (!signal) continue;
    const from = Math.max(s.lastTs?.getTime() ?? 0, now - CATCH_UP_MS);
    const batch = batches.get(s.enterpriseId) ?? [];
    for (let t = Math.floor(from / DEMO_FEED_CYCLE_MS) * DEMO_FEED_CYCLE_MS + DEMO_FEED_CYCLE_MS; t <= now; t += DEMO_FEED_CYCLE_MS) {
      const value = demoValue(signal, t, seededAt);
      if (value !== null) batch.push({ sensorId: s.id, ts: new Date(t), value });
    }
    batches.set(s.enterpriseId, batch);
  }
  let accepted = 0;
  for (const [enterpriseId, readings] of batches) if (readings.length) accepted += (await ingestWithKey(deps, FEED_KEY, enterpriseId, readings)).accepted;
  return { accepted };
}

/**
 * The feed as a worker job (TAIHANG_DEMO_FEED, default on; idle without demo data): the cron runs each
 * minute and sends itself once more half a minute later, so readings keep the 30-second cycle.
 */
export function demoFeedJobs(deps: () => Deps): JobDefinition<{ half?: boolean }>[] {
  return [
    {
      name: 'monitoring.demoFeed',
      cron: '* * * * *',
      retryLimit: 1,
      async handler(data) {
        const d = deps();
        if (!d.config.demoFeed) return;
        const marker = await loadDemoMarker(d);
        if (!marker) return;
        await feedDemo(d, marker);
        if (!data.half) await d.jobs.raw.send('monitoring.demoFeed', { half: true }, { startAfter: DEMO_FEED_CYCLE_MS / 1000 });
      },
    },
  ];
}
