import { and, asc, desc, eq, gte, ilike, inArray, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import { type Executor, execRows } from '../../db/client.js';
import { setting } from '../../kernel/kernel.schema.js';
import { enterpriseScopeSql, regionPrefixSql, type Scope } from '../../kernel/scope/scope.js';
import { ingestCredential, reading, readingRollup, sensor, sensorChangeRequest } from './monitoring.schema.js';

/** The only SQL on the monitoring tables; every read of enterprise data takes a Scope. */

export type SensorRow = typeof sensor.$inferSelect;
export type CredentialRow = typeof ingestCredential.$inferSelect;

export function sensorScopeSql(scope: Scope): SQL {
  return enterpriseScopeSql(scope, { id: sensor.enterpriseId, regionPath: sensor.regionPath, industry: sensor.industry, groupId: sensor.groupId });
}

export interface SensorFilter {
  q?: string;
  enterpriseId?: string;
  installationId?: string;
  type?: string;
  status?: string;
  regionPath?: string;
  ids?: string[];
}

function where(scope: Scope, f: SensorFilter): SQL {
  const w: (SQL | undefined)[] = [sensorScopeSql(scope)];
  if (f.q)
    w.push(or(ilike(sensor.name, `%${f.q}%`), ilike(sensor.code, `%${f.q}%`), ilike(sensor.location, `%${f.q}%`), ilike(sensor.enterpriseName, `%${f.q}%`)));
  if (f.enterpriseId) w.push(eq(sensor.enterpriseId, f.enterpriseId));
  if (f.installationId) w.push(eq(sensor.installationId, f.installationId));
  if (f.type) w.push(eq(sensor.type, f.type));
  if (f.status) w.push(eq(sensor.status, f.status));
  if (f.regionPath) w.push(regionPrefixSql(sensor.regionPath, f.regionPath));
  if (f.ids) w.push(inArray(sensor.id, f.ids.length ? f.ids : ['00000000-0000-0000-0000-000000000000']));
  return and(...w) as SQL;
}

export async function findSensors(ex: Executor, scope: Scope, f: SensorFilter, page: number, pageSize: number) {
  const w = where(scope, f);
  const rows = await ex
    .select()
    .from(sensor)
    .where(w)
    .orderBy(asc(sensor.enterpriseName), asc(sensor.installationName), asc(sensor.code))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [c] = await ex.select({ n: sql<number>`count(*)::int` }).from(sensor).where(w);
  return { rows, total: c?.n ?? 0 };
}

export async function getSensor(ex: Executor, scope: Scope, id: string): Promise<SensorRow | undefined> {
  const [row] = await ex
    .select()
    .from(sensor)
    .where(and(eq(sensor.id, id), sensorScopeSql(scope)));
  return row;
}

export async function sensorCodeTaken(ex: Executor, enterpriseId: string, code: string, exceptId?: string): Promise<boolean> {
  const rows = await ex
    .select({ id: sensor.id })
    .from(sensor)
    .where(and(eq(sensor.enterpriseId, enterpriseId), eq(sensor.code, code)));
  return rows.some((r) => r.id !== exceptId);
}

/** The sensors a batch names, by code or id, within one enterprise (scope = that enterprise), row-locked in id order. */
export function sensorsForBatch(ex: Executor, scope: Scope, codes: string[], ids: string[]) {
  const by: SQL[] = [];
  if (codes.length) by.push(inArray(sensor.code, codes));
  if (ids.length) by.push(inArray(sensor.id, ids));
  if (!by.length) return Promise.resolve([] as SensorRow[]);
  return ex
    .select()
    .from(sensor)
    .where(and(sensorScopeSql(scope), or(...by)))
    .orderBy(asc(sensor.id))
    .for('update');
}

export async function insertSensor(ex: Executor, values: typeof sensor.$inferInsert): Promise<SensorRow> {
  const [row] = await ex.insert(sensor).values(values).returning();
  return row as SensorRow;
}

export async function updateSensor(ex: Executor, id: string, set: Partial<typeof sensor.$inferInsert>): Promise<void> {
  await ex.update(sensor).set(set).where(eq(sensor.id, id));
}

/**
 * After an ingest batch, each sensor's last value and status in one statement (not one per sensor):
 * `last` moves the last value and time, `clearStaleSince` ends a stale period.
 */
export async function updateSensorsAfterIngest(
  ex: Executor,
  rows: { id: string; last: { ts: Date; value: number } | null; status: string; clearStaleSince: boolean }[],
): Promise<void> {
  if (!rows.length) return;
  const values = rows.map((r) => ({
    id: r.id,
    set_last: r.last !== null,
    last_value: r.last?.value ?? null,
    last_ts: r.last?.ts.toISOString() ?? null,
    status: r.status,
    clear_stale: r.clearStaleSince,
  }));
  await ex.execute(sql`update ${sensor} set
      last_value = case when v.set_last then v.last_value else ${sensor.lastValue} end,
      last_ts = case when v.set_last then v.last_ts else ${sensor.lastTs} end,
      status = v.status,
      stale_since = case when v.clear_stale then null else ${sensor.staleSince} end
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb)
      as v(id uuid, set_last boolean, last_value double precision, last_ts timestamptz, status text, clear_stale boolean)
    where ${sensor.id} = v.id`);
}

/** Inserts readings, skipping (sensor, ts) pairs already stored; returns the pairs that were new. */
export async function insertReadings(ex: Executor, rows: { sensorId: string; ts: Date; value: number; receivedAt: Date }[]) {
  const out: { sensorId: string; ts: Date; value: number }[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const r = await ex
      .insert(reading)
      .values(chunk)
      .onConflictDoNothing({ target: [reading.sensorId, reading.ts] })
      .returning({ sensorId: reading.sensorId, ts: reading.ts, value: reading.value });
    out.push(...r);
  }
  return out;
}

export function countReadings(ex: Executor, scope: Scope, sensorIds: string[], from: Date, to: Date) {
  return ex
    .select({ sensorId: reading.sensorId, n: sql<number>`count(*)::int` })
    .from(reading)
    .innerJoin(sensor, eq(sensor.id, reading.sensorId))
    .where(
      and(
        sensorScopeSql(scope),
        inArray(reading.sensorId, sensorIds.length ? sensorIds : ['00000000-0000-0000-0000-000000000000']),
        gte(reading.ts, from),
        lt(reading.ts, to),
      ),
    )
    .groupBy(reading.sensorId);
}

export function rawReadings(ex: Executor, sensorId: string, from: Date, to: Date, limit: number) {
  return ex
    .select({ ts: reading.ts, value: reading.value })
    .from(reading)
    .where(and(eq(reading.sensorId, sensorId), gte(reading.ts, from), lt(reading.ts, to)))
    .orderBy(asc(reading.ts))
    .limit(limit);
}

export function rollupReadings(ex: Executor, sensorId: string, from: Date, to: Date, limit: number) {
  return ex
    .select()
    .from(readingRollup)
    .where(and(eq(readingRollup.sensorId, sensorId), gte(readingRollup.bucket, from), lt(readingRollup.bucket, to)))
    .orderBy(asc(readingRollup.bucket))
    .limit(limit);
}

/** (Re)computes the 5-minute statistics of every bucket in [from, to) from the raw readings. */
export async function computeRollups(ex: Executor, from: Date, to: Date): Promise<number> {
  const rows = await execRows<{ n: number }>(
    ex,
    sql`with ins as (
      insert into reading_rollup (sensor_id, bucket, min, max, avg, count)
      select sensor_id, to_timestamp(floor(extract(epoch from ts) / 300) * 300), min(value), max(value), avg(value), count(*)::int
      from reading where ts >= ${from} and ts < ${to}
      group by 1, 2
      on conflict (sensor_id, bucket) do update set min = excluded.min, max = excluded.max, avg = excluded.avg, count = excluded.count
      returning 1)
    select count(*)::int as n from ins`,
  );
  return rows[0]?.n ?? 0;
}

export async function deleteRollupsBefore(ex: Executor, before: Date): Promise<void> {
  await ex.delete(readingRollup).where(lt(readingRollup.bucket, before));
}

/** In-service sensors whose last reading (or registration, if none) is older than their staleSeconds, not yet stale. */
export function sensorsGoingStale(ex: Executor, now: Date, defaultStaleSeconds: number, limit: number) {
  const staleAfter = sql`coalesce((${sensor.rules}->>'staleSeconds')::int, ${defaultStaleSeconds})`;
  return ex
    .select()
    .from(sensor)
    .where(
      and(
        eq(sensor.inService, true),
        // An approved out-of-service window is not 断线; the sweep looks again once it has ended.
        or(isNull(sensor.outOfServiceUntil), lte(sensor.outOfServiceUntil, now)),
        sql`${sensor.status} <> 'stale'`,
        sql`coalesce(${sensor.lastTs}, ${sensor.createdAt}) < ${now}::timestamptz - make_interval(secs => ${staleAfter})`,
      ),
    )
    .orderBy(asc(sensor.id))
    .limit(limit)
    .for('update', { skipLocked: true });
}

export function staleSensors(ex: Executor, scope: Scope, enterpriseId?: string) {
  return ex
    .select()
    .from(sensor)
    .where(and(sensorScopeSql(scope), eq(sensor.status, 'stale'), eq(sensor.inService, true), enterpriseId ? eq(sensor.enterpriseId, enterpriseId) : undefined))
    .orderBy(asc(sensor.staleSince))
    .limit(500);
}

export function sensorsInScope(ex: Executor, scope: Scope, f: SensorFilter, limit = 5000) {
  return ex.select().from(sensor).where(where(scope, f)).orderBy(asc(sensor.enterpriseName), asc(sensor.code)).limit(limit);
}

// ---- settings (the kernel's key/value table; this module owns its `monitoring.*` keys) ----

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

// ---- requests to loosen a sensor's safety settings (scope through the sensor, joined) ----

export type ChangeRequestRow = typeof sensorChangeRequest.$inferSelect;

const requestColumns = {
  request: sensorChangeRequest,
  enterpriseId: sensor.enterpriseId,
  enterpriseName: sensor.enterpriseName,
  sensorCode: sensor.code,
  sensorName: sensor.name,
  sensorUnit: sensor.unit,
  location: sensor.location,
};

export async function insertChangeRequest(ex: Executor, values: typeof sensorChangeRequest.$inferInsert): Promise<ChangeRequestRow> {
  const [row] = await ex.insert(sensorChangeRequest).values(values).returning();
  return row as ChangeRequestRow;
}

export async function pendingChangeRequest(ex: Executor, sensorId: string): Promise<ChangeRequestRow | undefined> {
  const [row] = await ex
    .select()
    .from(sensorChangeRequest)
    .where(and(eq(sensorChangeRequest.sensorId, sensorId), eq(sensorChangeRequest.status, 'pending')));
  return row;
}

/** A request whose sensor is in scope, row-locked for a decision. */
export async function lockChangeRequest(ex: Executor, scope: Scope, id: string) {
  const [row] = await ex
    .select(requestColumns)
    .from(sensorChangeRequest)
    .innerJoin(sensor, eq(sensor.id, sensorChangeRequest.sensorId))
    .where(and(eq(sensorChangeRequest.id, id), sensorScopeSql(scope)))
    .for('update', { of: sensorChangeRequest });
  return row;
}

export async function updateChangeRequest(ex: Executor, id: string, set: Partial<typeof sensorChangeRequest.$inferInsert>): Promise<void> {
  await ex.update(sensorChangeRequest).set(set).where(eq(sensorChangeRequest.id, id));
}

export interface ChangeRequestFilter {
  status?: string;
  sensorId?: string;
  enterpriseId?: string;
}

/** Requests whose sensors are in scope, newest first (pending ones first). */
export async function findChangeRequests(ex: Executor, scope: Scope, f: ChangeRequestFilter, page: number, pageSize: number) {
  const w = and(
    sensorScopeSql(scope),
    f.status ? eq(sensorChangeRequest.status, f.status) : undefined,
    f.sensorId ? eq(sensorChangeRequest.sensorId, f.sensorId) : undefined,
    f.enterpriseId ? eq(sensor.enterpriseId, f.enterpriseId) : undefined,
  );
  const rows = await ex
    .select(requestColumns)
    .from(sensorChangeRequest)
    .innerJoin(sensor, eq(sensor.id, sensorChangeRequest.sensorId))
    .where(w)
    .orderBy(sql`${sensorChangeRequest.status} = 'pending' desc`, desc(sensorChangeRequest.requestedAt))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [c] = await ex
    .select({ n: sql<number>`count(*)::int` })
    .from(sensorChangeRequest)
    .innerJoin(sensor, eq(sensor.id, sensorChangeRequest.sensorId))
    .where(w);
  return { rows, total: c?.n ?? 0 };
}

// ---- ingestion credentials ----

export async function insertCredential(ex: Executor, values: typeof ingestCredential.$inferInsert): Promise<CredentialRow> {
  const [row] = await ex.insert(ingestCredential).values(values).returning();
  return row as CredentialRow;
}

/** A credential by its public key id (the caller proves the secret); not scoped: this is how the enterprise is found. */
export async function credentialByKeyId(ex: Executor, keyId: string): Promise<CredentialRow | undefined> {
  const [row] = await ex
    .select()
    .from(ingestCredential)
    .where(and(eq(ingestCredential.keyId, keyId), isNull(ingestCredential.revokedAt)));
  return row;
}

export function credentialsOf(ex: Executor, enterpriseId: string) {
  return ex.select().from(ingestCredential).where(eq(ingestCredential.enterpriseId, enterpriseId)).orderBy(desc(ingestCredential.createdAt));
}

export async function getCredential(ex: Executor, enterpriseId: string, id: string): Promise<CredentialRow | undefined> {
  const [row] = await ex
    .select()
    .from(ingestCredential)
    .where(and(eq(ingestCredential.id, id), eq(ingestCredential.enterpriseId, enterpriseId)));
  return row;
}

export async function touchCredential(ex: Executor, id: string, at: Date): Promise<void> {
  await ex
    .update(ingestCredential)
    .set({ lastUsedAt: at })
    .where(and(eq(ingestCredential.id, id), or(isNull(ingestCredential.lastUsedAt), lte(ingestCredential.lastUsedAt, new Date(at.getTime() - 60_000)))));
}

export async function revokeCredential(ex: Executor, id: string, at: Date): Promise<void> {
  await ex.update(ingestCredential).set({ revokedAt: at }).where(eq(ingestCredential.id, id));
}

// ---- partitions of the reading table ----

export async function readingPartitions(ex: Executor): Promise<string[]> {
  const rows = await execRows<{ name: string }>(
    ex,
    sql`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent where p.relname = 'reading' order by 1`,
  );
  return rows.map((r) => r.name);
}

/**
 * Creates the monthly partition `reading_yYYYYmMM` for [from, to): rows already in the default
 * partition for that month are moved into it first, so attaching never fails.
 */
export async function createMonthPartition(ex: Executor, name: string, from: Date, to: Date): Promise<void> {
  const ident = sql.raw(`"${name}"`);
  await ex.execute(sql`create table if not exists ${ident} (like reading including all)`);
  await ex.execute(
    sql`with moved as (delete from reading_default where ts >= ${from} and ts < ${to} returning *) insert into ${ident} select * from moved on conflict do nothing`,
  );
  await ex.execute(sql.raw(`alter table reading attach partition "${name}" for values from ('${from.toISOString()}') to ('${to.toISOString()}')`));
}

export async function dropPartition(ex: Executor, name: string): Promise<void> {
  await ex.execute(sql.raw(`drop table if exists "${name}"`));
}

export async function deleteDefaultReadingsBefore(ex: Executor, before: Date): Promise<void> {
  await ex.execute(sql`delete from reading_default where ts < ${before}`);
}
