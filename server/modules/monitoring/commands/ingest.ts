import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Executor } from '../../../db/client.js';
import { type Actor, systemActor } from '../../../kernel/actor.js';
import { type Ctx, type Deps, inTransaction } from '../../../kernel/context.js';
import { type FieldError, invalid } from '../../../kernel/errors.js';
import { announce } from '../../../kernel/events/events.js';
import { systemOnly } from '../../../kernel/gate/gate.js';
import type { Scope } from '../../../kernel/scope/scope.js';
import { userIdsOfUnit } from '../../identity/index.js';
import { supervisorsOf } from '../../org/index.js';
import { clearStale, evaluateBatch } from '../alarms-bridge.js';
import { credentialByKeyId, insertReadings, type SensorRow, sensorsForBatch, touchCredential, updateSensorsAfterIngest } from '../monitoring.repository.js';

export interface IncomingReading {
  code?: string | undefined;
  sensorId?: string | undefined;
  ts: string | Date;
  value: number;
}

export interface IngestResult {
  accepted: number;
  duplicates: number;
  unknown: number;
  unknownSensors: string[];
}

/** A reading stamped more than this far ahead of the server clock is refused (clock error at the source). */
const MAX_FUTURE_MS = 5 * 60_000;

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** A new credential: `tk` + 16 hex public key id, and a 256-bit secret shown once. */
export function newCredentialSecret() {
  return { keyId: `tk${randomBytes(8).toString('hex')}`, secret: randomBytes(32).toString('base64url') };
}

/**
 * Checks `<keyId>.<secret>` (or the two parts separately) against the stored SHA-256 of the secret
 * (the secret is 256 random bits, so a fast hash is enough and ingestion stays cheap); the
 * enterprise it belongs to, or null.
 */
export async function verifyIngestKey(
  ex: Executor,
  keyId: string | undefined,
  secret: string | undefined,
): Promise<{ id: string; enterpriseId: string; keyId: string } | null> {
  if (!keyId || !secret || keyId.length > 40 || secret.length > 200) return null;
  const c = await credentialByKeyId(ex, keyId);
  const given = Buffer.from(sha256(secret), 'hex');
  const stored = Buffer.from(c?.secretHash ?? sha256('-'), 'hex');
  if (!c || given.length !== stored.length || !timingSafeEqual(given, stored)) return null;
  return { id: c.id, enterpriseId: c.enterpriseId, keyId: c.keyId };
}

export function splitKey(full: string | undefined): [string | undefined, string | undefined] {
  if (!full) return [undefined, undefined];
  const i = full.indexOf('.');
  return i < 0 ? [full, undefined] : [full.slice(0, i), full.slice(i + 1)];
}

export const ingestActor = (keyId: string): Actor => systemActor(`ingest ${keyId}`);

/** Who watches an enterprise's live values: its users and the users of the units that supervise it (ids only, bounded for NOTIFY). */
export async function watchersOf(ex: Executor, enterpriseId: string): Promise<string[]> {
  const ids = new Set(await userIdsOfUnit(ex, { enterpriseId }));
  const sup = await supervisorsOf(ex, enterpriseId);
  for (const d of [...sup.industry, ...sup.government]) for (const u of await userIdsOfUnit(ex, { departmentId: d.id })) ids.add(u);
  return [...ids].slice(0, 150);
}

/**
 * Watchers change rarely (accounts, supervision assignments) while a busy mine sends a batch every few
 * seconds: the lookup (about eight statements, one over every department) is kept for half a minute per
 * enterprise and process. A stale list only means a ping too many or too few; every client refetches
 * within its own scope.
 */
const WATCHERS_TTL_MS = 30_000;
const WATCHERS_CACHE_MAX = 20_000;
const watcherCache = new Map<string, { until: number; ids: string[] }>();

async function cachedWatchersOf(ex: Executor, enterpriseId: string): Promise<string[]> {
  const now = Date.now();
  const hit = watcherCache.get(enterpriseId);
  if (hit && hit.until > now) return hit.ids;
  const ids = await watchersOf(ex, enterpriseId);
  if (watcherCache.size >= WATCHERS_CACHE_MAX) watcherCache.clear();
  watcherCache.set(enterpriseId, { until: now + WATCHERS_TTL_MS, ids });
  return ids;
}

/**
 * The one ingestion path (HTTP, MQTT, file drop): stores a batch of an enterprise's readings in the
 * caller's transaction, skipping (sensor, ts) pairs already stored, moves each sensor's last value,
 * hands the new readings to the alarm engine in time order, and announces a live 'reading' event.
 * The caller acknowledges the batch only after the transaction commits.
 */
export async function ingestBatch(ctx: Ctx, enterpriseId: string, readings: IncomingReading[]): Promise<IngestResult> {
  // An ingest key (or the file drop, the demo feed) acts as the system for its one enterprise, never a user.
  systemOnly(ctx);
  const now = ctx.clock.now();
  const errors: FieldError[] = [];
  const parsed = readings.map((r, i) => {
    const ts = r.ts instanceof Date ? r.ts : new Date(r.ts);
    if (Number.isNaN(ts.getTime())) errors.push({ field: `readings.${i}.ts`, code: 'invalid_format' });
    else if (ts.getTime() > now.getTime() + MAX_FUTURE_MS) errors.push({ field: `readings.${i}.ts`, code: 'too_big', params: { maximum: now.toISOString() } });
    if (!Number.isFinite(r.value)) errors.push({ field: `readings.${i}.value`, code: 'invalid_format' });
    return { code: r.code, sensorId: r.sensorId, ts, value: r.value };
  });
  if (errors.length) throw invalid(errors.slice(0, 20));

  const scope: Scope = { kind: 'enterprise', enterpriseId };
  const codes = [...new Set(parsed.flatMap((r) => (r.code ? [r.code] : [])))];
  const ids = [...new Set(parsed.flatMap((r) => (!r.code && r.sensorId ? [r.sensorId] : [])))];
  const sensors = await sensorsForBatch(ctx.tx, scope, codes, ids);
  const byCode = new Map(sensors.map((s) => [s.code, s]));
  const byId = new Map(sensors.map((s) => [s.id, s]));

  const unknownSensors = new Set<string>();
  const rows: { sensorId: string; ts: Date; value: number; receivedAt: Date }[] = [];
  const seen = new Set<string>();
  let inBatchDuplicates = 0;
  for (const r of parsed) {
    const s = r.code ? byCode.get(r.code) : r.sensorId ? byId.get(r.sensorId) : undefined;
    if (!s) {
      unknownSensors.add(r.code ?? r.sensorId ?? '');
      continue;
    }
    const k = `${s.id}@${r.ts.getTime()}`;
    if (seen.has(k)) {
      inBatchDuplicates++;
      continue;
    }
    seen.add(k);
    rows.push({ sensorId: s.id, ts: r.ts, value: r.value, receivedAt: now });
  }
  const unknown = parsed.length - rows.length - inBatchDuplicates;
  const fresh = await insertReadings(ctx.tx, rows);

  const perSensor = new Map<string, { ts: Date; value: number }[]>();
  for (const r of fresh) {
    const list = perSensor.get(r.sensorId) ?? [];
    list.push({ ts: r.ts, value: r.value });
    perSensor.set(r.sensorId, list);
  }
  // Per-sensor work is gathered and written for the whole batch (bench/ingest: a statement per sensor
  // made ingestion round-trip bound); only a sensor coming back from stale clears its alarm on its own.
  const updates: Parameters<typeof updateSensorsAfterIngest>[1] = [];
  const evaluations: { sensor: SensorRow; readings: { ts: Date; value: number }[] }[] = [];
  for (const [sensorId, list] of perSensor) {
    const s = byId.get(sensorId) as SensorRow;
    list.sort((a, b) => a.ts.getTime() - b.ts.getTime());
    const last = list[list.length - 1] as { ts: Date; value: number };
    const newer = !s.lastTs || last.ts.getTime() >= s.lastTs.getTime();
    const wasStale = s.status === 'stale';
    // A late reading from before the sensor went silent does not bring it back online.
    const back = wasStale && newer;
    if (newer || s.status === 'unknown')
      updates.push({ id: sensorId, last: newer ? last : null, status: wasStale && !back ? 'stale' : 'online', clearStaleSince: back });
    if (back) await clearStale(ctx, s, last.ts);
    evaluations.push({ sensor: s, readings: list });
  }
  await updateSensorsAfterIngest(ctx.tx, updates);
  await evaluateBatch(ctx, evaluations);
  if (fresh.length)
    await announce(ctx.tx, { type: 'reading', userIds: await cachedWatchersOf(ctx.tx, enterpriseId), entityType: 'enterprise', entityId: enterpriseId });
  return { accepted: fresh.length, duplicates: rows.length - fresh.length + inBatchDuplicates, unknown, unknownSensors: [...unknownSensors].slice(0, 100) };
}

/** Verifies a credential and ingests in one transaction (HTTP, MQTT with a key, file drop). */
export async function ingestWithKey(deps: Deps, keyId: string, enterpriseId: string, readings: IncomingReading[], credentialId?: string) {
  return inTransaction(deps, ingestActor(keyId), { id: null, ip: null, locale: 'zh-CN' }, async (ctx) => {
    const r = await ingestBatch(ctx, enterpriseId, readings);
    if (credentialId) await touchCredential(ctx.tx, credentialId, ctx.clock.now());
    return r;
  });
}
