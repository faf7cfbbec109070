import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { TEnterpriseQuality, ZMonthlyReport, ZQuality } from '../../../../common/contracts/sensors.js';
import { inServiceAt } from '../../../../common/rules/sensor-limits.js';
import { execRows } from '../../../db/client.js';
import type { Ctx } from '../../../kernel/context.js';
import { invalidField, notFound } from '../../../kernel/errors.js';
import type { Scope } from '../../../kernel/scope/scope.js';
import { findRegion } from '../../org/index.js';
import { alarmStats } from '../alarms-bridge.js';
import { presentSensor } from '../monitoring.presenter.js';
import { type SensorRow, sensorScopeSql, sensorsInScope, staleSensors } from '../monitoring.repository.js';
import { sensor } from '../monitoring.schema.js';

/**
 * 数据质量. Online rate (在线率) of a sensor over a period = the share of its 5-minute intervals
 * (from the later of the period start and its registration to the period end) that hold at least
 * one reading; an enterprise's rate is the same share over all its in-service sensors. The
 * 5-minute interval is AQ 6201's statistics interval and longer than its 30 s polling cycle, so a
 * working point fills every interval.
 */
export const BUCKET_SECONDS = 300;

async function bucketsWithData(ex: Ctx['tx'], scope: Scope, from: Date, to: Date, enterpriseId?: string) {
  return execRows<{ sensor_id: string; n: number }>(
    ex,
    sql`select r.sensor_id, count(distinct floor(extract(epoch from r.ts) / ${BUCKET_SECONDS}))::int as n
        from reading r join sensor on sensor.id = r.sensor_id
        where ${sensorScopeSql(scope)} and r.ts >= ${from} and r.ts < ${to} ${enterpriseId ? sql`and ${sensor.enterpriseId} = ${enterpriseId}` : sql``}
        group by r.sensor_id`,
  );
}

function expectedBuckets(s: SensorRow, from: Date, to: Date): number {
  const start = Math.max(from.getTime(), s.createdAt.getTime());
  if (start >= to.getTime()) return 0;
  const first = Math.floor(start / 1000 / BUCKET_SECONDS);
  const last = Math.ceil(to.getTime() / 1000 / BUCKET_SECONDS);
  return Math.max(0, last - first);
}

/** False alarms among the classified ones (as the alarm statistics count them): unclassified alarms are not known to be false. */
const falseShare = (falses: number, classified: number) => (classified ? falses / classified : null);

type EnterpriseQuality = TEnterpriseQuality;

export async function qualityOf(
  ex: Ctx['tx'],
  scope: Scope,
  from: Date,
  to: Date,
  f: { enterpriseId?: string | undefined; regionPath?: string | undefined; now?: Date } = {},
) {
  const sensors = (await sensorsInScope(ex, scope, { enterpriseId: f.enterpriseId, regionPath: f.regionPath }, 20_000)).filter((s) =>
    inServiceAt(s, f.now ?? to),
  );
  // A period reaching into the future (the current month) is counted up to now.
  const end = new Date(Math.min(to.getTime(), (f.now ?? to).getTime()));
  // Whole intervals only: a period starting inside an interval would count that interval as expected
  // while the readings before the start are outside it (a sensor polled each minute would look 99.7 %).
  const start = new Date(Math.ceil(from.getTime() / (BUCKET_SECONDS * 1000)) * BUCKET_SECONDS * 1000);
  const have = new Map((await bucketsWithData(ex, scope, start, to, f.enterpriseId)).map((r) => [r.sensor_id, r.n]));
  const stats = new Map(
    (await alarmStats(ex, scope, { from, to, now: new Date(Math.min(to.getTime(), (f.now ?? to).getTime())) })).map((a) => [a.enterpriseId, a]),
  );
  const perSensor = sensors.map((s) => {
    const expected = expectedBuckets(s, start, end);
    const got = Math.min(have.get(s.id) ?? 0, expected);
    return { sensor: s, expected, got, onlineRate: expected ? got / expected : null };
  });
  const byEnt = new Map<string, EnterpriseQuality & { expected: number; got: number }>();
  for (const p of perSensor) {
    const s = p.sensor;
    const e =
      byEnt.get(s.enterpriseId) ??
      ({
        enterpriseId: s.enterpriseId,
        enterpriseName: s.enterpriseName,
        sensors: 0,
        stale: 0,
        onlineRate: null,
        alarms: 0,
        realAlarms: 0,
        falseAlarms: 0,
        plannedWork: 0,
        equipmentFault: 0,
        unclassified: 0,
        overdueDisposal: 0,
        falseAlarmShare: null,
        expected: 0,
        got: 0,
      } as EnterpriseQuality & { expected: number; got: number });
    e.sensors++;
    if (s.status === 'stale') e.stale++;
    e.expected += p.expected;
    e.got += p.got;
    byEnt.set(s.enterpriseId, e);
  }
  const enterprises = [...byEnt.values()].map(({ expected, got, ...e }) => {
    const a = stats.get(e.enterpriseId);
    const total = a?.total ?? 0;
    return {
      ...e,
      onlineRate: expected ? got / expected : null,
      alarms: total,
      realAlarms: a?.real ?? 0,
      falseAlarms: a?.false ?? 0,
      plannedWork: a?.plannedWork ?? 0,
      equipmentFault: a?.equipmentFault ?? 0,
      unclassified: a?.unclassified ?? 0,
      overdueDisposal: a?.overdueDisposal ?? 0,
      falseAlarmShare: falseShare(a?.false ?? 0, total - (a?.unclassified ?? 0)),
    };
  });
  return { perSensor, enterprises };
}

export async function qualityQuery(
  ctx: Ctx,
  q: { from?: string | undefined; to?: string | undefined; enterpriseId?: string | undefined },
): Promise<z.input<typeof ZQuality>> {
  const to = q.to ? new Date(q.to) : ctx.clock.now();
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - 86_400_000);
  if (from >= to) throw invalidField('from', 'dateOrder');
  if (to.getTime() - from.getTime() > 93 * 86_400_000)
    throw invalidField('from', 'too_small', { minimum: new Date(to.getTime() - 93 * 86_400_000).toISOString() });
  const { perSensor, enterprises } = await qualityOf(ctx.tx, ctx.scope, from, to, { enterpriseId: q.enterpriseId, now: ctx.clock.now() });
  const stale = await staleSensors(ctx.tx, ctx.scope, q.enterpriseId);
  const exp = perSensor.reduce((a, p) => a + p.expected, 0);
  const got = perSensor.reduce((a, p) => a + p.got, 0);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    definition:
      'onlineRate = 5-minute intervals with at least one reading / 5-minute intervals in the period since registration; falseAlarmShare = false alarms / classified alarms',
    overall: { sensors: perSensor.length, onlineRate: exp ? got / exp : null, stale: stale.length },
    enterprises,
    sensors: perSensor.map((p) => ({ ...presentSensor(p.sensor, ctx.clock.now()), onlineRate: p.onlineRate, expected: p.expected, received: p.got })),
    stale: stale.map((r) => presentSensor(r, ctx.clock.now())),
  };
}

/** Beijing month [start, end) as instants. */
export function monthRange(month: string): { from: Date; to: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const from = new Date(Date.UTC(y, m - 1, 1) - 8 * 3_600_000);
  const to = new Date(Date.UTC(m === 12 ? y + 1 : y, m === 12 ? 0 : m, 1) - 8 * 3_600_000);
  return { from, to };
}

/** 月度报警分析报告 for a region: per enterprise sensors, online rate, alarms by classification, false share, overdue disposal. */
export async function monthlyReportQuery(ctx: Ctx, q: { month: string; regionCode?: string | undefined }): Promise<z.input<typeof ZMonthlyReport>> {
  let regionPath: string | undefined;
  let regionName: string | null = null;
  if (q.regionCode) {
    const r = await findRegion(ctx.tx, q.regionCode);
    if (!r) throw notFound();
    regionPath = r.path;
    regionName = r.name;
  }
  const { from, to } = monthRange(q.month);
  const { enterprises } = await qualityOf(ctx.tx, ctx.scope, from, to, { regionPath, now: ctx.clock.now() });
  const ents = enterprises.sort((a, b) => b.alarms - a.alarms || a.enterpriseName.localeCompare(b.enterpriseName, 'zh-CN'));
  const sum = (k: keyof EnterpriseQuality) => ents.reduce((a, e) => a + ((e[k] as number | null) ?? 0), 0);
  const rated = ents.filter((e) => e.onlineRate !== null);
  const totals = {
    enterprises: ents.length,
    sensors: sum('sensors'),
    stale: sum('stale'),
    onlineRate: rated.length ? rated.reduce((a, e) => a + (e.onlineRate as number) * e.sensors, 0) / rated.reduce((a, e) => a + e.sensors, 0) : null,
    alarms: sum('alarms'),
    realAlarms: sum('realAlarms'),
    falseAlarms: sum('falseAlarms'),
    plannedWork: sum('plannedWork'),
    equipmentFault: sum('equipmentFault'),
    unclassified: sum('unclassified'),
    overdueDisposal: sum('overdueDisposal'),
    falseAlarmShare: 0 as number | null,
  };
  totals.falseAlarmShare = falseShare(totals.falseAlarms, totals.alarms - totals.unclassified);
  // Findings as data (kind, count, names); the page words them in the reader's language.
  const findings: { kind: 'lowOnline' | 'noisy' | 'overdue' | 'unclassified'; n: number; names: string[] }[] = [];
  const low = ents.filter((e) => e.onlineRate !== null && e.onlineRate < 0.95);
  if (low.length) findings.push({ kind: 'lowOnline', n: low.length, names: low.slice(0, 5).map((e) => e.enterpriseName) });
  const noisy = ents.filter((e) => e.falseAlarmShare !== null && e.falseAlarmShare > 0.3);
  if (noisy.length) findings.push({ kind: 'noisy', n: noisy.length, names: noisy.slice(0, 5).map((e) => e.enterpriseName) });
  if (totals.overdueDisposal) findings.push({ kind: 'overdue', n: totals.overdueDisposal, names: [] });
  if (totals.unclassified) findings.push({ kind: 'unclassified', n: totals.unclassified, names: [] });
  return {
    month: q.month,
    regionCode: q.regionCode ?? null,
    regionName,
    from: from.toISOString(),
    to: to.toISOString(),
    generatedAt: ctx.clock.now().toISOString(),
    totals,
    enterprises: ents,
    findings,
  };
}
