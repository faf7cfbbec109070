import net from 'node:net';
import os from 'node:os';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../kernel/context.js';
import { startEmbeddedBroker } from '../../kernel/mqtt/embedded-broker.js';
import { loginAs, makeCity, makeEnterprise, makeUser } from '../../test/factories.js';
import { getTestServer, type TestServer } from '../../test/harness.js';
import { embeddedBrokerAuth, readingsTopic } from './index.js';
import { embeddedIngestOptions, type MqttIngest, startMqttIngest } from './mqtt-ingest.js';

/**
 * MQTT ingestion against the embedded aedes broker on an ephemeral port, and against an external
 * MQTT 5 broker (Mosquitto) when CI or TEST_MQTT_URL says one runs (default mqtt://127.0.0.1:1883).
 */
const EXTERNAL = process.env.TEST_MQTT_URL ?? (process.env.CI ? 'mqtt://127.0.0.1:1883' : undefined);
/** A share group of this run only: sessions of other runs on the same broker never take a share. */
const GROUP = `taihang${Math.random().toString(36).slice(2, 8)}`;

let t: TestServer;
let broker: { port: number; close: () => Promise<void> };
let ent: { id: string };
let key = '';
let sensorId = '';
const consumers: MqttIngest[] = [];

async function countReadings(): Promise<number> {
  const r = (await t.database.db.execute(`select count(*)::int as n from reading where sensor_id = '${sensorId}'` as never)) as unknown as {
    rows: { n: number }[];
  };
  return r.rows[0]?.n ?? 0;
}

async function until(check: () => Promise<boolean>, ms = 8000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timed out');
}

function connect(url: string, opts: mqtt.IClientOptions): Promise<mqtt.MqttClient> {
  return new Promise((resolve, reject) => {
    const c = mqtt.connect(url, { reconnectPeriod: 0, ...opts });
    c.once('connect', () => resolve(c));
    c.once('error', (e) => {
      c.end(true);
      reject(e);
    });
  });
}

const publish = (c: mqtt.MqttClient, topic: string, body: unknown) =>
  new Promise<void>((resolve, reject) => c.publish(topic, JSON.stringify(body), { qos: 1 }, (err) => (err ? reject(err) : resolve())));

let seq = 0;
/** Distinct timestamps (a second apart, in the recent past) so each test counts its own readings. */
function batch(n: number, extra: Record<string, unknown> = {}) {
  const base = t.clock.now().getTime() - 3_600_000 + seq * 1000;
  seq += n;
  return { ...extra, readings: Array.from({ length: n }, (_, i) => ({ code: 'M1', ts: new Date(base + i * 1000).toISOString(), value: 0.3 + i / 1000 })) };
}

beforeAll(async () => {
  t = await getTestServer();
  const db = t.database.db;
  const r = await makeCity(db);
  ent = await makeEnterprise(db, r.townA, { industry: 'coal' });
  const mgr = await makeUser(db, 'enterprise', ['enterprise-manager'], { enterpriseId: ent.id });
  const h = await loginAs(t.app, mgr.username);
  const s = await t.app.inject({
    method: 'POST',
    url: '/api/sensors',
    headers: h,
    payload: { enterpriseId: ent.id, code: 'M1', name: '甲烷', type: 'ch4', unit: '%CH4', location: 'T1', coalLocationKey: 'face' },
  });
  sensorId = s.json().data.id;
  key = (await t.app.inject({ method: 'POST', url: '/api/monitoring/credentials', headers: h, payload: { enterpriseId: ent.id, label: 'mqtt' } })).json().data
    .key;
  const b = await startEmbeddedBroker(0, embeddedBrokerAuth(t.deps));
  if (!b.ok) throw new Error('broker did not start');
  broker = b;
});

afterAll(async () => {
  for (const c of consumers) await c.stop().catch(() => {});
  await broker?.close();
  await t.close();
});

describe('MQTT ingestion on the embedded broker', () => {
  it('listens on loopback by default: another interface of this machine cannot reach it', async () => {
    const outside = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
    if (!outside) return; // a machine with loopback only has nothing to be open to
    const refused = await new Promise<boolean>((resolve) => {
      const s = net.connect({ host: outside, port: broker.port }, () => {
        s.destroy();
        resolve(false);
      });
      s.once('error', () => resolve(true));
    });
    expect(refused).toBe(true);
  });

  it('refuses a gateway with a wrong key and a topic of another enterprise', async () => {
    const url = `mqtt://127.0.0.1:${broker.port}`;
    await expect(connect(url, { username: key.split('.')[0], password: 'wrong' })).rejects.toThrow();
    const [u, p] = key.split('.') as [string, string];
    const gw = await connect(url, { username: u, password: p });
    const other = readingsTopic('00000000-0000-4000-8000-000000000000');
    // aedes closes the connection of a client publishing where it may not.
    const closed = new Promise<void>((r) => gw.once('close', () => r()));
    gw.publish(other, JSON.stringify(batch(1)), { qos: 1 });
    await closed;
    gw.end(true);
  });

  it('stores a QoS 1 batch once, acknowledged after the commit', async () => {
    const c = await startMqttIngest(t.deps, { ...embeddedIngestOptions(broker.port), clientId: 'taihang-ingest-once' });
    consumers.push(c);
    const [u, p] = key.split('.') as [string, string];
    const gw = await connect(`mqtt://127.0.0.1:${broker.port}`, { username: u, password: p });
    const before = await countReadings();
    const b = batch(3);
    await publish(gw, readingsTopic(ent.id), b);
    await publish(gw, readingsTopic(ent.id), b); // the same batch again: deduplicated
    await until(async () => (await countReadings()) === before + 3);
    await new Promise((r) => setTimeout(r, 300));
    expect(await countReadings()).toBe(before + 3);
    gw.end(true);
    await c.stop();
    consumers.pop();
  });

  it('a message whose transaction fails is not acknowledged and is redelivered to the persistent session', async () => {
    // A database that fails the first transaction: the crash between receipt and commit.
    let failures = 1;
    const real = t.deps.database;
    const flaky: Deps = {
      ...t.deps,
      database: {
        ...real,
        db: new Proxy(real.db, {
          get(target, prop, recv) {
            if (prop === 'transaction' && failures > 0) {
              return async () => {
                failures--;
                throw new Error('simulated crash before commit');
              };
            }
            return Reflect.get(target, prop, recv);
          },
        }),
      },
    };
    const c = await startMqttIngest(flaky, { ...embeddedIngestOptions(broker.port), clientId: 'taihang-ingest-redelivery', log: () => {} });
    consumers.push(c);
    const [u, p] = key.split('.') as [string, string];
    const gw = await connect(`mqtt://127.0.0.1:${broker.port}`, { username: u, password: p });
    const before = await countReadings();
    await publish(gw, readingsTopic(ent.id), batch(2));
    await until(async () => (await countReadings()) === before + 2);
    expect(failures).toBe(0);
    gw.end(true);
  });
});

describe.skipIf(!EXTERNAL)('MQTT 5 ingestion on an external broker (Mosquitto)', () => {
  const url = EXTERNAL as string;

  it('two ingest consumers on one shared subscription store each reading once', async () => {
    const opts = { url, protocolVersion: 5 as const, trustTopic: false, shareGroup: GROUP, log: () => {} };
    const id = () => `taihang-ingest-test-${Math.random().toString(36).slice(2, 10)}`;
    const a = await startMqttIngest(t.deps, { ...opts, clientId: id() });
    const b = await startMqttIngest(t.deps, { ...opts, clientId: id() });
    consumers.push(a, b);
    const counts = { a: 0, b: 0 };
    a.client.on('message', () => counts.a++);
    b.client.on('message', () => counts.b++);
    const gw = await connect(url, { protocolVersion: 5 });
    const before = await countReadings();
    for (let i = 0; i < 20; i++) await publish(gw, readingsTopic(ent.id), batch(5, { key }));
    await until(async () => (await countReadings()) === before + 100);
    await new Promise((r) => setTimeout(r, 300));
    expect(await countReadings()).toBe(before + 100);
    // The broker split the messages between the two: each one was handled by exactly one consumer.
    expect(counts.a + counts.b).toBe(20);
    expect(counts.a).toBeGreaterThan(0);
    expect(counts.b).toBeGreaterThan(0);
    gw.end(true);
  });

  it('refuses a payload without a valid key (ACLs are the broker’s, the key is ours)', async () => {
    const gw = await connect(url, { protocolVersion: 5 });
    const before = await countReadings();
    await publish(gw, readingsTopic(ent.id), batch(1));
    await publish(gw, readingsTopic(ent.id), batch(1, { key: `${key}x` }));
    await new Promise((r) => setTimeout(r, 500));
    expect(await countReadings()).toBe(before);
    gw.end(true);
  });

  it('an unacknowledged message is redelivered by the broker to the new session of the consumer', async () => {
    let failures = 1;
    const real = t.deps.database;
    const flaky: Deps = {
      ...t.deps,
      database: {
        ...real,
        db: new Proxy(real.db, {
          get(target, prop, recv) {
            if (prop === 'transaction' && failures > 0)
              return async () => {
                failures--;
                throw new Error('simulated crash before commit');
              };
            return Reflect.get(target, prop, recv);
          },
        }),
      },
    };
    for (const c of consumers.splice(0)) await c.stop();
    const c = await startMqttIngest(flaky, {
      url,
      protocolVersion: 5,
      trustTopic: false,
      shareGroup: GROUP,
      clientId: `taihang-ingest-redeliver-${Date.now()}`,
      log: () => {},
    });
    consumers.push(c);
    const gw = await connect(url, { protocolVersion: 5 });
    const before = await countReadings();
    await publish(gw, readingsTopic(ent.id), batch(2, { key }));
    await until(async () => (await countReadings()) === before + 2);
    expect(failures).toBe(0);
    gw.end(true);
  });
});
