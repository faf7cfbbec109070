import type { z } from 'zod';
import type { TAlarmListQuery, TAlarmStatsQuery, ZAlarmStats } from '../../../../common/contracts/alarms.js';
import { ALARM_DISPOSAL_SOURCE } from '../../../../common/rules/alarm-disposal.js';
import { ALARM_RULES_SOURCE } from '../../../../common/rules/alarm-rules.js';
import type { Executor } from '../../../db/client.js';
import type { Ctx } from '../../../kernel/context.js';
import { invalidField } from '../../../kernel/errors.js';
import type { Scope } from '../../../kernel/scope/scope.js';
import { findRegion } from '../../org/index.js';
import { presentAlarmSummary } from '../alarm.presenter.js';
import { type AlarmFilter, alarmCounts, allAlarms, type EnterpriseAlarmStats, findAlarms, statsByEnterprise } from '../alarm.repository.js';

const DAY = 86_400_000;
const startOf = (d: string) => new Date(`${d}T00:00:00+08:00`);

/** Query string → repository filter; a region outside the caller's scope simply finds nothing. */
export async function alarmFilterOf(ctx: Ctx, q: Omit<TAlarmListQuery, 'page' | 'pageSize' | 'lang'>): Promise<AlarmFilter> {
  let regionPath: string | undefined;
  if (q.regionCode) {
    const r = await findRegion(ctx.tx, q.regionCode);
    if (!r) throw invalidField('regionCode', 'region');
    regionPath = r.path;
  }
  if (q.from && q.to && q.to < q.from) throw invalidField('to', 'dateOrder');
  return {
    q: q.q,
    status: q.status,
    severity: q.severity,
    type: q.type,
    classification: q.classification,
    enterpriseId: q.enterpriseId,
    industry: q.industry,
    sensorId: q.sensorId,
    regionPath,
    from: q.from ? startOf(q.from) : undefined,
    to: q.to ? new Date(startOf(q.to).getTime() + DAY) : undefined,
  };
}

export async function findAlarmsQuery(ctx: Ctx, q: TAlarmListQuery) {
  const { rows, total } = await findAlarms(ctx.tx, ctx.scope, await alarmFilterOf(ctx, q), q.page, q.pageSize);
  const now = ctx.clock.now();
  return { items: rows.map((r) => presentAlarmSummary(r, now)), total, page: q.page, pageSize: q.pageSize };
}

/** Every row an export holds: exactly what the list shows with the same filters, bounded. */
export async function exportAlarmsQuery(ctx: Ctx, q: Omit<TAlarmListQuery, 'page' | 'pageSize'>, limit = 50_000) {
  const now = ctx.clock.now();
  return (await allAlarms(ctx.tx, ctx.scope, await alarmFilterOf(ctx, q), limit)).map((r) => presentAlarmSummary(r, now));
}

const share = (n: number, d: number) => (d ? Math.round((1000 * n) / d) / 10 : null);

/**
 * Per enterprise in scope, alarms raised in [from, to): totals by disposal classification and the
 * alarms whose feedback came late or is missing as of `now` (default `to`). For the monitoring module's
 * data-quality view and monthly report.
 */
export function alarmStats(ex: Executor, scope: Scope, range: { from: Date; to: Date; now?: Date }): Promise<EnterpriseAlarmStats[]> {
  return statsByEnterprise(ex, scope, { from: range.from, to: range.to }, range.now ?? range.to);
}

/** Counts by severity, status, classification and type; false-alarm share overall and per enterprise. */
export async function alarmStatsQuery(ctx: Ctx, q: TAlarmStatsQuery): Promise<z.input<typeof ZAlarmStats>> {
  const now = ctx.clock.now();
  const f = await alarmFilterOf(ctx, q);
  const from = f.from ?? new Date(now.getTime() - 30 * DAY);
  const to = f.to ?? new Date(now.getTime() + 60_000);
  const scoped = { ...f, from, to };
  const counts = await alarmCounts(ctx.tx, ctx.scope, scoped);
  const perEnterprise = await statsByEnterprise(ctx.tx, ctx.scope, scoped, now);
  const obj = (xs: { key: string | null; n: number }[]) => Object.fromEntries(xs.map((x) => [x.key ?? 'none', x.n]));
  const byClassification = obj(counts.byClassification);
  const total = counts.byStatus.reduce((s, x) => s + x.n, 0);
  const classified = total - (byClassification.none ?? 0);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    total,
    active: counts.active,
    bySeverity: obj(counts.bySeverity),
    byStatus: obj(counts.byStatus),
    byClassification,
    byType: obj(counts.byType),
    /** Share of false alarms among classified alarms (%), the data-quality figure of the disposal loop. */
    falseShare: share(byClassification.false ?? 0, classified),
    enterprises: perEnterprise.map((e) => ({
      ...e,
      falseShare: share(e.false, e.total - e.unclassified),
      feedbackRate: share(e.total - e.unclassified, e.total),
    })),
    source: `${ALARM_RULES_SOURCE}；${ALARM_DISPOSAL_SOURCE}`,
  };
}
