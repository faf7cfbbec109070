import type { z } from 'zod';
import type { ZInstallationTrend, ZLive, ZReadingSeries, ZSensor, ZSensorDetail } from '../../../../common/contracts/sensors.js';
import { COAL_GAS_TABLE } from '../../../../common/rules/coal-gas-thresholds.js';
import { inServiceAt } from '../../../../common/rules/sensor-limits.js';
import type { Ctx } from '../../../kernel/context.js';
import { invalidField, notFound } from '../../../kernel/errors.js';
import { presentSensor, rulesBasis } from '../monitoring.presenter.js';
import { findSensors, getSensor, rawReadings, rollupReadings, type SensorFilter, type SensorRow, sensorsInScope } from '../monitoring.repository.js';

export async function findSensorsQuery(ctx: Ctx, q: SensorFilter & { page: number; pageSize: number }) {
  const { rows, total } = await findSensors(ctx.tx, ctx.scope, q, q.page, q.pageSize);
  return { items: rows.map((r) => presentSensor(r, ctx.clock.now())), total, page: q.page, pageSize: q.pageSize };
}

export async function getSensorQuery(ctx: Ctx, id: string): Promise<{ data: z.input<typeof ZSensorDetail> }> {
  const s = await getSensor(ctx.tx, ctx.scope, id);
  if (!s) throw notFound();
  return { data: { ...presentSensor(s, ctx.clock.now()), basis: rulesBasis(s) } };
}

/** The CH4 location table for the registry form (key, names, limits, 依据). */
export const coalLocations = () => ({ items: [...COAL_GAS_TABLE] });

const RAW_LIMIT = 20_000;
/** Raw readings up to 6 hours (plus a margin for the client's clock); 5-minute statistics beyond. */
const AUTO_RAW_MS = 6 * 3_600_000 + 10 * 60_000;

type Resolution = 'raw' | 'rollup' | 'auto';
interface RangeQuery {
  from?: string | undefined;
  to?: string | undefined;
  resolution: Resolution;
}

/** The chart window (default: the last hour up to now), bounded to the rollups' 400 days; raw or 5-minute statistics. */
function chartWindow(ctx: Ctx, q: RangeQuery) {
  const to = q.to ? new Date(q.to) : ctx.clock.now();
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - 3_600_000);
  if (from >= to) throw invalidField('from', 'dateOrder');
  if (to.getTime() - from.getTime() > 400 * 86_400_000)
    throw invalidField('from', 'too_small', { minimum: new Date(to.getTime() - 400 * 86_400_000).toISOString() });
  const raw = q.resolution === 'raw' || (q.resolution === 'auto' && to.getTime() - from.getTime() <= AUTO_RAW_MS);
  return { from, to, raw };
}

/** One sensor's points in the window: raw readings, or 5-minute statistics with the newest readings appended raw. */
async function seriesOf(ctx: Ctx, sensorId: string, w: { from: Date; to: Date; raw: boolean }) {
  if (w.raw) return (await rawReadings(ctx.tx, sensorId, w.from, w.to, RAW_LIMIT)).map((r) => ({ ts: r.ts.toISOString(), value: r.value }));
  const rows = await rollupReadings(ctx.tx, sensorId, w.from, w.to, RAW_LIMIT);
  // The rollup job runs every 5 minutes: the newest readings are appended raw so the chart reaches now.
  const last = rows[rows.length - 1];
  const tailFrom = last ? new Date(last.bucket.getTime() + 300_000) : w.from;
  const tail = await rawReadings(ctx.tx, sensorId, tailFrom > w.from ? tailFrom : w.from, w.to, 2000);
  return [
    ...rows.map((r) => ({ ts: r.bucket.toISOString(), value: r.avg, min: r.min, max: r.max, count: r.count })),
    ...tail.map((r) => ({ ts: r.ts.toISOString(), value: r.value, min: r.value, max: r.value, count: 1 })),
  ];
}

/** Chart data: raw readings, or 5-minute statistics for long ranges (auto: raw up to 6 hours). */
export async function readingsQuery(ctx: Ctx, q: RangeQuery & { sensorId: string }): Promise<z.input<typeof ZReadingSeries>> {
  const s = await getSensor(ctx.tx, ctx.scope, q.sensorId);
  if (!s) throw notFound();
  const w = chartWindow(ctx, q);
  return {
    sensorId: s.id,
    resolution: w.raw ? ('raw' as const) : ('rollup' as const),
    from: w.from.toISOString(),
    to: w.to.toISOString(),
    items: await seriesOf(ctx, s.id, w),
  };
}

/** An installation's sensors are at most this many in one chart. */
const INSTALLATION_MAX_SENSORS = 40;

/** The live view's grouping: a registered installation by id, else the free-text name, else the enterprise's sensors without one. */
const sameInstallation = (s: SensorRow, q: { installationId?: string | undefined; installationName?: string | undefined }) =>
  q.installationId ? s.installationId === q.installationId : !s.installationId && (s.installationName ?? '') === (q.installationName ?? '');

/**
 * Trend of one installation (a coal working face, a tank farm …): every in-service sensor of it in the
 * caller's scope with its points in the window (raw, or the 5-minute statistics for long ranges) and
 * its limits; 404 when none is visible (out of scope or no such installation).
 */
export async function installationTrendQuery(
  ctx: Ctx,
  q: RangeQuery & { enterpriseId: string; installationId?: string | undefined; installationName?: string | undefined },
): Promise<z.input<typeof ZInstallationTrend>> {
  const w = chartWindow(ctx, q);
  const sensors = (await sensorsInScope(ctx.tx, ctx.scope, { enterpriseId: q.enterpriseId }, 2000))
    .filter((s) => inServiceAt(s, ctx.clock.now()) && sameInstallation(s, q))
    .sort((a, b) => a.code.localeCompare(b.code))
    .slice(0, INSTALLATION_MAX_SENSORS);
  const first = sensors[0];
  if (!first) throw notFound();
  const series = [];
  for (const s of sensors) series.push({ sensor: presentSensor(s, ctx.clock.now()), items: await seriesOf(ctx, s.id, w) });
  return {
    enterpriseId: first.enterpriseId,
    enterpriseName: first.enterpriseName,
    installationId: first.installationId,
    installationName: first.installationName,
    resolution: w.raw ? ('raw' as const) : ('rollup' as const),
    from: w.from.toISOString(),
    to: w.to.toISOString(),
    series,
  };
}

/** Live view: current values in scope grouped by enterprise and installation (ids only are pushed; the page refetches this). */
export async function liveQuery(ctx: Ctx, f: { enterpriseId?: string | undefined }): Promise<z.input<typeof ZLive>> {
  const rows = (await sensorsInScope(ctx.tx, ctx.scope, { enterpriseId: f.enterpriseId }, 2000)).filter((s) => inServiceAt(s, ctx.clock.now()));
  const groups = new Map<
    string,
    {
      enterpriseId: string;
      enterpriseName: string;
      installationId: string | null;
      installationName: string | null;
      sensors: z.input<typeof ZSensor>[];
    }
  >();
  for (const s of rows) {
    const k = `${s.enterpriseId}/${s.installationId ?? s.installationName ?? ''}`;
    const g = groups.get(k) ?? {
      enterpriseId: s.enterpriseId,
      enterpriseName: s.enterpriseName,
      installationId: s.installationId,
      installationName: s.installationName,
      sensors: [],
    };
    g.sensors.push(presentSensor(s, ctx.clock.now()));
    groups.set(k, g);
  }
  const items = [...groups.values()];
  const all = items.flatMap((g) => g.sensors);
  return {
    at: ctx.clock.now().toISOString(),
    counts: {
      total: all.length,
      normal: all.filter((s) => s.level === 'normal').length,
      alarm: all.filter((s) => s.level === 'alarm').length,
      powerOff: all.filter((s) => s.level === 'powerOff').length,
      stale: all.filter((s) => s.level === 'stale').length,
      none: all.filter((s) => s.level === 'none').length,
    },
    items,
  };
}
