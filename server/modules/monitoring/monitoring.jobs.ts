import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { systemActor } from '../../kernel/actor.js';
import { type Deps, inTransaction } from '../../kernel/context.js';
import type { JobDefinition } from '../../kernel/jobs/jobs.js';
import { markStale } from './alarms-bridge.js';
import {
  computeRollups,
  createMonthPartition,
  deleteDefaultReadingsBefore,
  deleteRollupsBefore,
  dropPartition,
  readingPartitions,
  sensorsGoingStale,
  updateSensor,
} from './monitoring.repository.js';

/** Without its own staleSeconds a sensor is 断线 after 2 minutes (4 × the AQ 6201-2019 30 s polling cycle). */
export const DEFAULT_STALE_SECONDS = 120;
/** 5-minute statistics are kept ≥ 1 year (AQ 6201-2019 §8.3 of regulations.md); 400 days covers a year-on-year month. */
export const ROLLUP_RETENTION_DAYS = 400;
const MONTHS_AHEAD = 2;
const PARTITION_LOCK = 0x7461_6968; // 'taih'

const partitionName = (y: number, m: number) => `reading_y${y}m${String(m + 1).padStart(2, '0')}`;

/** Monthly partitions (UTC months) from `now`'s month to MONTHS_AHEAD months ahead; idempotent, one process at a time. */
export async function ensureReadingPartitions(ex: Executor, now: Date, ahead = MONTHS_AHEAD): Promise<string[]> {
  await ex.execute(sql`select pg_advisory_xact_lock(${PARTITION_LOCK})`);
  const existing = new Set(await readingPartitions(ex));
  const created: string[] = [];
  for (let i = 0; i <= ahead; i++) {
    const y = now.getUTCFullYear();
    const m = now.getUTCMonth() + i;
    const from = new Date(Date.UTC(y, m, 1));
    const to = new Date(Date.UTC(y, m + 1, 1));
    const name = partitionName(from.getUTCFullYear(), from.getUTCMonth());
    if (existing.has(name)) continue;
    await createMonthPartition(ex, name, from, to);
    created.push(name);
  }
  return created;
}

/** Drops monthly partitions that end before the retention horizon, and old rows in the default partition and the rollups. */
export async function applyRetention(ex: Executor, now: Date, retentionDays: number): Promise<string[]> {
  await ex.execute(sql`select pg_advisory_xact_lock(${PARTITION_LOCK})`);
  const horizon = new Date(now.getTime() - retentionDays * 86_400_000);
  const dropped: string[] = [];
  for (const name of await readingPartitions(ex)) {
    const m = /^reading_y(\d{4})m(\d{2})$/.exec(name);
    if (!m) continue;
    const end = new Date(Date.UTC(Number(m[1]), Number(m[2]), 1));
    if (end.getTime() <= horizon.getTime()) {
      await dropPartition(ex, name);
      dropped.push(name);
    }
  }
  await deleteDefaultReadingsBefore(ex, horizon);
  await deleteRollupsBefore(ex, new Date(now.getTime() - ROLLUP_RETENTION_DAYS * 86_400_000));
  return dropped;
}

/** Recomputes the 5-minute statistics of the last `minutes` (late readings are folded in on the next run). */
export function rollupRecent(ex: Executor, now: Date, minutes = 30): Promise<number> {
  const from = new Date(Math.floor((now.getTime() - minutes * 60_000) / 300_000) * 300_000);
  return computeRollups(ex, from, now);
}

const INFO = { id: null, ip: null, locale: 'zh-CN' as const };

/**
 * 断线 sweep: an in-service sensor with no reading for its staleSeconds (default 2 minutes) becomes
 * stale once and the alarm engine is told (markStale); the next new reading clears it (ingest).
 * Rows are locked with SKIP LOCKED so concurrent workers split the work.
 */
export async function sweepStale(deps: Deps): Promise<number> {
  return inTransaction(deps, systemActor('monitoring.stale'), INFO, async (ctx) => {
    const now = ctx.clock.now();
    const rows = await sensorsGoingStale(ctx.tx, now, DEFAULT_STALE_SECONDS, 1000);
    for (const s of rows) {
      await updateSensor(ctx.tx, s.id, { status: 'stale', staleSince: now });
      await markStale(ctx, { ...s, status: 'stale' }, s.lastTs);
    }
    return rows.length;
  });
}

export async function maintainReadings(deps: Deps): Promise<{ created: string[]; dropped: string[] }> {
  const { database, clock, config } = deps;
  return database.db.transaction(async (tx) => {
    const created = await ensureReadingPartitions(tx, clock.now());
    const dropped = await applyRetention(tx, clock.now(), config.readingRetentionDays);
    return { created, dropped };
  });
}

export function monitoringJobs(deps: () => Deps): JobDefinition[] {
  return [
    {
      name: 'monitoring.stale',
      cron: '* * * * *',
      async handler() {
        await sweepStale(deps());
      },
    },
    {
      name: 'monitoring.rollup',
      cron: '*/5 * * * *',
      async handler() {
        const { database, clock } = deps();
        await rollupRecent(database.db, clock.now());
      },
    },
    {
      name: 'monitoring.partitions',
      cron: '23 3 * * *',
      async handler() {
        await maintainReadings(deps());
      },
    },
  ];
}
