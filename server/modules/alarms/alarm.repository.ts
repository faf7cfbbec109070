import { and, asc, desc, eq, gte, ilike, inArray, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { setting } from '../../kernel/kernel.schema.js';
import { enterpriseScopeSql, regionPrefixSql, type Scope } from '../../kernel/scope/scope.js';
import { alarm, alarmRuleState, alarmTransition } from './alarm.schema.js';

/** The only SQL on the alarm tables; every read of alarms takes a Scope. */

export type AlarmRow = typeof alarm.$inferSelect;
export type AlarmTransitionRow = typeof alarmTransition.$inferSelect;

/** The enterprise scope on the alarm's own copies of the enterprise's anchors (no join). */
export function alarmScopeSql(scope: Scope): SQL {
  return enterpriseScopeSql(scope, { id: alarm.enterpriseId, regionPath: alarm.regionPath, industry: alarm.industry, groupId: alarm.groupId });
}

export interface AlarmFilter {
  q?: string;
  /** A status, or 'active' (condition active), 'open' (not closed), 'unack'. */
  status?: string;
  severity?: string;
  type?: string;
  classification?: string;
  enterpriseId?: string;
  regionPath?: string;
  industry?: string;
  sensorId?: string;
  from?: Date;
  to?: Date;
}

function where(scope: Scope, f: AlarmFilter): SQL {
  const w: (SQL | undefined)[] = [alarmScopeSql(scope)];
  if (f.q) w.push(or(ilike(alarm.sensorName, `%${f.q}%`), ilike(alarm.enterpriseName, `%${f.q}%`), ilike(alarm.location, `%${f.q}%`)));
  if (f.status === 'active') w.push(eq(alarm.active, true));
  else if (f.status === 'open') w.push(sql`${alarm.status} <> 'CLOSED'`);
  else if (f.status === 'unack') w.push(sql`${alarm.status} in ('ACTIVE_UNACK', 'CLEARED_UNACK')`);
  else if (f.status) w.push(eq(alarm.status, f.status));
  if (f.severity) w.push(eq(alarm.severity, f.severity));
  if (f.type) w.push(eq(alarm.type, f.type));
  if (f.classification === 'none') w.push(sql`${alarm.classification} is null`);
  else if (f.classification) w.push(eq(alarm.classification, f.classification));
  if (f.enterpriseId) w.push(eq(alarm.enterpriseId, f.enterpriseId));
  if (f.regionPath) w.push(regionPrefixSql(alarm.regionPath, f.regionPath));
  if (f.industry) w.push(eq(alarm.industry, f.industry));
  if (f.sensorId) w.push(eq(alarm.sensorId, f.sensorId));
  if (f.from) w.push(gte(alarm.startTs, f.from));
  if (f.to) w.push(lt(alarm.startTs, f.to));
  return and(...w) as SQL;
}

/** Active first, then red before blue, newest first. */
const ORDER = [
  desc(alarm.active),
  sql`case ${alarm.severity} when 'red' then 1 when 'orange' then 2 when 'yellow' then 3 else 4 end`,
  desc(alarm.startTs),
  desc(alarm.id),
];

export async function findAlarms(ex: Executor, scope: Scope, f: AlarmFilter, page: number, pageSize: number) {
  const w = where(scope, f);
  const rows = await ex
    .select()
    .from(alarm)
    .where(w)
    .orderBy(...ORDER)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [c] = await ex.select({ n: sql<number>`count(*)::int` }).from(alarm).where(w);
  return { rows, total: c?.n ?? 0 };
}

export function allAlarms(ex: Executor, scope: Scope, f: AlarmFilter, limit: number) {
  return ex
    .select()
    .from(alarm)
    .where(where(scope, f))
    .orderBy(...ORDER)
    .limit(limit);
}

export async function getAlarm(ex: Executor, scope: Scope, id: string): Promise<AlarmRow | undefined> {
  const [row] = await ex
    .select()
    .from(alarm)
    .where(and(eq(alarm.id, id), alarmScopeSql(scope)));
  return row;
}

/** Reads and row-locks an alarm in scope for a write. */
export async function lockAlarm(ex: Executor, scope: Scope, id: string): Promise<AlarmRow | undefined> {
  const [row] = await ex
    .select()
    .from(alarm)
    .where(and(eq(alarm.id, id), alarmScopeSql(scope)))
    .for('update');
  return row;
}

/** The active alarm of a sensor and type (at most one: alarm_active_uq), locked. */
export async function lockActiveAlarm(ex: Executor, sensorId: string, type: string): Promise<AlarmRow | undefined> {
  const [row] = await ex
    .select()
    .from(alarm)
    .where(and(eq(alarm.sensorId, sensorId), eq(alarm.type, type), eq(alarm.active, true)))
    .for('update');
  return row;
}

export async function insertAlarm(ex: Executor, values: typeof alarm.$inferInsert): Promise<AlarmRow> {
  const [row] = await ex.insert(alarm).values(values).returning();
  return row as AlarmRow;
}

export async function updateAlarm(ex: Executor, id: string, values: Partial<typeof alarm.$inferInsert>) {
  await ex
    .update(alarm)
    .set({ ...values, version: sql`${alarm.version} + 1` })
    .where(eq(alarm.id, id));
}

export async function insertAlarmTransition(ex: Executor, values: typeof alarmTransition.$inferInsert) {
  await ex.insert(alarmTransition).values(values);
}

export function transitionsOfAlarm(ex: Executor, alarmId: string) {
  return ex.select().from(alarmTransition).where(eq(alarmTransition.alarmId, alarmId)).orderBy(asc(alarmTransition.seq));
}

// ---- rule state ----

/** The sensor's rule state, row-locked so concurrent ingest batches of one sensor run one after the other. */
export async function lockRuleState(ex: Executor, sensorId: string, now: Date): Promise<unknown> {
  await ex.insert(alarmRuleState).values({ sensorId, state: {}, updatedAt: now }).onConflictDoNothing();
  const [row] = await ex.select().from(alarmRuleState).where(eq(alarmRuleState.sensorId, sensorId)).for('update');
  return row?.state ?? null;
}

export async function saveRuleState(ex: Executor, sensorId: string, state: unknown, now: Date) {
  await ex.update(alarmRuleState).set({ state, updatedAt: now }).where(eq(alarmRuleState.sensorId, sensorId));
}

/**
 * lockRuleState for the sensors of one ingest batch in one statement, not two per sensor: row-locks
 * the states in sensor id order (the order sensorsForBatch locks the sensors in, so concurrent batches
 * queue instead of deadlocking), and creates and locks the missing ones (a sensor's first readings)
 * with two more. Inserting every state each time cost as much as the select (bench/ingest).
 * Sensor id → stored state.
 */
export async function lockRuleStates(ex: Executor, sensorIds: string[], now: Date): Promise<Map<string, unknown>> {
  if (!sensorIds.length) return new Map();
  const lock = (ids: string[]) =>
    ex.select().from(alarmRuleState).where(inArray(alarmRuleState.sensorId, ids)).orderBy(asc(alarmRuleState.sensorId)).for('update');
  const found = new Map((await lock(sensorIds)).map((r) => [r.sensorId, r.state as unknown]));
  const missing = sensorIds.filter((id) => !found.has(id));
  if (missing.length) {
    await ex
      .insert(alarmRuleState)
      .values(missing.map((sensorId) => ({ sensorId, state: {}, updatedAt: now })))
      .onConflictDoNothing();
    for (const r of await lock(missing)) found.set(r.sensorId, r.state);
  }
  return found;
}

/** saveRuleState for many sensors in one statement. */
export async function saveRuleStates(ex: Executor, states: { sensorId: string; state: unknown }[], now: Date): Promise<void> {
  if (!states.length) return;
  await ex.execute(sql`update ${alarmRuleState} set state = v.state, updated_at = ${now.toISOString()}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(states.map((s) => ({ sensor_id: s.sensorId, state: s.state })))}::jsonb) as v(sensor_id text, state jsonb)
    where ${alarmRuleState.sensorId} = v.sensor_id`);
}

// ---- settings (the kernel's key/value table; this module owns its `alarm.*` keys) ----

export async function readSetting(ex: Executor, key: string): Promise<unknown> {
  const [row] = await ex.select().from(setting).where(eq(setting.key, key));
  return row?.value;
}

export async function writeSetting(ex: Executor, key: string, value: unknown, at: Date): Promise<void> {
  await ex
    .insert(setting)
    .values({ key, value, updatedAt: at })
    .onConflictDoUpdate({ target: setting.key, set: { value, updatedAt: at } });
}

// ---- sweep ----

/** Open alarms with a missed due time not yet escalated to the top, or shelved past their limit; oldest first, bounded. */
export function alarmsToSweep(ex: Executor, now: Date, limit: number) {
  return ex
    .select()
    .from(alarm)
    .where(
      or(
        and(
          // Shelved and out-of-service alarms are suppressed by a regulator's decision: not escalated meanwhile.
          sql`${alarm.status} not in ('CLOSED', 'SHELVED', 'OUT_OF_SERVICE')`,
          lt(alarm.escalation, 3),
          or(and(sql`${alarm.ackTs} is null`, lte(alarm.ackDue, now)), and(sql`${alarm.feedbackAt} is null`, lte(alarm.feedbackDue, now))),
        ),
        and(eq(alarm.status, 'SHELVED'), lte(alarm.shelvedUntil, now)),
      ),
    )
    .orderBy(asc(alarm.ackDue), asc(alarm.id))
    .limit(limit)
    .for('update', { skipLocked: true });
}

// ---- statistics ----

const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;

export interface EnterpriseAlarmStats {
  enterpriseId: string;
  enterpriseName: string;
  total: number;
  real: number;
  false: number;
  plannedWork: number;
  equipmentFault: number;
  unclassified: number;
  overdueDisposal: number;
}

/**
 * Overdue as the list shows it (alarm.presenter.ts disposalState): feedback filed late; or, while no
 * feedback is filed, the acknowledgement or the feedback due time passed.
 */
function overdueSql(now: Date): SQL {
  const at = sql`${now.toISOString()}::timestamptz`;
  return sql`case when ${alarm.status} = 'CLOSED' or ${alarm.feedbackAt} is not null then coalesce(${alarm.feedbackAt} > ${alarm.feedbackDue}, false)
    else (${alarm.ackTs} is null and ${alarm.ackDue} <= ${at}) or ${alarm.feedbackDue} <= ${at} end`;
}

/** Per enterprise in scope, alarms matching the filter (usually raised in [from, to)): counts by classification and overdue disposal as of `now`. */
export async function statsByEnterprise(ex: Executor, scope: Scope, f: AlarmFilter, now: Date): Promise<EnterpriseAlarmStats[]> {
  const w = where(scope, f);
  const r = await ex.execute(sql`
    select ${alarm.enterpriseId} as "enterpriseId", max(${alarm.enterpriseName}) as "enterpriseName",
      count(*)::int as total,
      count(*) filter (where ${alarm.classification} = 'real')::int as real,
      count(*) filter (where ${alarm.classification} = 'false')::int as "false",
      count(*) filter (where ${alarm.classification} = 'plannedWork')::int as "plannedWork",
      count(*) filter (where ${alarm.classification} = 'equipmentFault')::int as "equipmentFault",
      count(*) filter (where ${alarm.classification} is null)::int as unclassified,
      count(*) filter (where ${overdueSql(now)})::int as "overdueDisposal"
    from ${alarm} where ${w} group by 1 order by 3 desc, 2`);
  return rows<EnterpriseAlarmStats>(r);
}

/** Counts by severity, status, classification and type for the same filters as the list. */
export async function alarmCounts(ex: Executor, scope: Scope, f: AlarmFilter) {
  const w = where(scope, f);
  const by = async (col: SQL) =>
    rows<{ key: string | null; n: number }>(await ex.execute(sql`select ${col} as key, count(*)::int as n from ${alarm} where ${w} group by 1`));
  return {
    bySeverity: await by(sql`${alarm.severity}`),
    byStatus: await by(sql`${alarm.status}`),
    byClassification: await by(sql`${alarm.classification}`),
    byType: await by(sql`${alarm.type}`),
    active: (await by(sql`${alarm.active}`)).find((x) => String(x.key) === 'true')?.n ?? 0,
  };
}
