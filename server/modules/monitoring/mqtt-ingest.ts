import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { AedesOptions, Client } from 'aedes';
import mqtt, { type MqttClient } from 'mqtt';
import { ZReadingBatch } from '../../../common/contracts/sensors.js';
import type { Deps } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors.js';
import { ingestWithKey, splitKey, verifyIngestKey } from './commands/ingest.js';

/**
 * MQTT ingestion (docs/operations.md "Monitoring"). A gateway publishes the same JSON batch as
 * `POST /api/readings` with QoS 1 to `taihang/v1/{enterpriseId}/readings`. Ingest processes
 * subscribe with the MQTT 5 shared subscription `$share/taihang/taihang/v1/+/readings`, so the
 * broker gives each message to one of them, and acknowledge (PUBACK) only after the readings'
 * transaction commits: a process that dies or fails before the commit never acknowledges, and the
 * broker redelivers the message to the persistent session (clean start off, session expiry 1 h).
 * On the embedded broker (aedes, MQTT 3.1.1, one process) the gateway signs in with
 * username = key id and password = secret and may publish only to its own enterprise's topic; on an
 * external broker ACLs are the broker's job and each payload must carry `"key": "<keyId>.<secret>"`.
 */
export const TOPIC_PREFIX = 'taihang/v1';
export const readingsTopic = (enterpriseId: string) => `${TOPIC_PREFIX}/${enterpriseId}/readings`;
const SHARE_GROUP = 'taihang';
export const SHARED_SUBSCRIPTION = `$share/${SHARE_GROUP}/${TOPIC_PREFIX}/+/readings`;
/** A crashed ingest process's session (and the messages the broker queued for it) lives this long. */
const SESSION_EXPIRY_SECONDS = 3600;
const PLAIN_SUBSCRIPTION = `${TOPIC_PREFIX}/+/readings`;
const TOPIC_RE = /^taihang\/v1\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/readings$/i;

/** PUBACK reason codes (MQTT 5; ignored by 3.1.1): the message is taken off the broker either way. */
const NOT_AUTHORIZED = 135;
const PAYLOAD_INVALID = 153;

/** The in-process subscriber's sign-in on the embedded broker (never leaves this process). */
const INTERNAL_USER = 'taihang-ingest';
const internalSecret = randomBytes(24).toString('hex');

type TaggedClient = Client & { taihang?: { internal: true } | { enterpriseId: string } };

/** authenticate / authorize hooks for the embedded broker: ingestion credentials and topic per enterprise. */
export function embeddedBrokerAuth(deps: Deps): Pick<AedesOptions, 'authenticate' | 'authorizePublish' | 'authorizeSubscribe'> {
  return {
    authenticate(client, username, password, done) {
      const c = client as TaggedClient;
      const secret = password?.toString('utf8');
      if (username === INTERNAL_USER && secret === internalSecret) {
        c.taihang = { internal: true };
        return done(null, true);
      }
      verifyIngestKey(deps.database.db, username, secret).then(
        (cred) => {
          if (!cred) return done(Object.assign(new Error('bad credentials'), { returnCode: 4 as const }), false);
          c.taihang = { enterpriseId: cred.enterpriseId };
          done(null, true);
        },
        (err) => done(Object.assign(err as Error, { returnCode: 3 as const }), false),
      );
    },
    authorizePublish(client, packet, callback) {
      const t = (client as TaggedClient | null)?.taihang;
      if (!t) return callback(new Error('not authorized'));
      if ('internal' in t) return callback(null);
      callback(packet.topic === readingsTopic(t.enterpriseId) ? null : new Error('topic of another enterprise'));
    },
    authorizeSubscribe(client, sub, callback) {
      const t = (client as TaggedClient).taihang;
      callback(null, t && 'internal' in t ? sub : null);
    },
  };
}

export interface MqttIngestOptions {
  url: string;
  /** 5 for an external broker (shared subscription, reason codes); 4 for the embedded aedes broker. */
  protocolVersion: 4 | 5;
  /** Stable per ingest process (TAIHANG_INGEST_CLIENT_ID): a restarted process resumes its session and gets its unacknowledged messages. */
  clientId?: string;
  /** Share group of the MQTT 5 shared subscription (default taihang). */
  shareGroup?: string;
  username?: string;
  password?: string;
  /** Embedded broker: its authorizePublish already tied the topic to the publisher's credential. */
  trustTopic: boolean;
  log?: (msg: string) => void;
}

export interface MqttIngest {
  client: MqttClient;
  stop(): Promise<void>;
}

/** Options for the embedded broker's in-process subscriber (`host`: the address the broker listens on). */
export function embeddedIngestOptions(port: number, host = '127.0.0.1'): MqttIngestOptions {
  const reach = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return {
    url: `mqtt://${reach.includes(':') ? `[${reach}]` : reach}:${port}`,
    protocolVersion: 4,
    username: INTERNAL_USER,
    password: internalSecret,
    trustTopic: true,
  };
}

/** Handles one message; resolves to the PUBACK reason code, or rejects when the message must be redelivered. */
async function handle(deps: Deps, opts: MqttIngestOptions, topic: string, payload: Buffer): Promise<number> {
  const m = TOPIC_RE.exec(topic);
  if (!m) return PAYLOAD_INVALID;
  const enterpriseId = (m[1] as string).toLowerCase();
  let body: unknown;
  try {
    body = JSON.parse(payload.toString('utf8'));
  } catch {
    return PAYLOAD_INVALID;
  }
  const parsed = ZReadingBatch.safeParse(body);
  if (!parsed.success) return PAYLOAD_INVALID;
  let keyId = 'mqtt';
  let credentialId: string | undefined;
  if (parsed.data.key) {
    const [k, s] = splitKey(parsed.data.key);
    const cred = await verifyIngestKey(deps.database.db, k, s);
    if (!cred || cred.enterpriseId !== enterpriseId) return NOT_AUTHORIZED;
    keyId = cred.keyId;
    credentialId = cred.id;
  } else if (!opts.trustTopic) return NOT_AUTHORIZED;
  try {
    await ingestWithKey(deps, keyId, enterpriseId, parsed.data.readings, credentialId);
    return 0;
  } catch (err) {
    // A batch the server refuses (bad time, bad value) will be refused again: take it off the broker.
    if (err instanceof AppError && err.status < 500) return PAYLOAD_INVALID;
    throw err;
  }
}

/**
 * Subscribes and ingests with manual acknowledgement: MQTT 5 through mqtt.js `customHandleAcks`
 * (PUBACK with a reason code after the commit); MQTT 3.1.1 (aedes) through its `handleMessage` hook,
 * which mqtt.js awaits before sending PUBACK (customHandleAcks is MQTT 5 only). On a failure the
 * connection is dropped without PUBACK and the broker redelivers to the persistent session.
 */
export function startMqttIngest(deps: Deps, opts: MqttIngestOptions): Promise<MqttIngest> {
  const log = opts.log ?? ((s: string) => console.warn(s));
  const v5 = opts.protocolVersion === 5;
  const redeliver = (topic: string, err: unknown) => {
    log(`MQTT ingest: ${topic} not stored (${(err as Error).message}); it will be redelivered`);
    client.stream?.destroy();
  };
  const client = mqtt.connect(opts.url, {
    protocolVersion: opts.protocolVersion,
    clientId: opts.clientId ?? `taihang-ingest-${hostname()}`,
    clean: false,
    ...(v5 ? { properties: { sessionExpiryInterval: SESSION_EXPIRY_SECONDS } } : {}),
    ...(opts.username ? { username: opts.username, password: opts.password ?? '' } : {}),
    reconnectPeriod: 1000,
    resubscribe: true,
    ...(v5
      ? {
          customHandleAcks(topic: string, message: Buffer, _packet: unknown, done: (code: number) => void) {
            handle(deps, opts, topic, message).then(
              (code) => done(code),
              (err) => redeliver(topic, err),
            );
          },
        }
      : {}),
  });
  if (!v5) {
    // mqtt.js calls handleMessage(packet, callback) and sends PUBACK only when callback() is called.
    client.handleMessage = (packet, callback) => {
      const topic = packet.topic.toString();
      handle(deps, opts, topic, packet.payload as Buffer).then(
        () => callback(),
        (err) => redeliver(topic, err),
      );
    };
  }
  const topic = v5 ? `$share/${opts.shareGroup ?? SHARE_GROUP}/${TOPIC_PREFIX}/+/readings` : PLAIN_SUBSCRIPTION;
  return new Promise((resolve, reject) => {
    let ready = false;
    client.on('connect', () => {
      if (ready) return;
      // A resumed session keeps its subscription; subscribing again is harmless.
      client.subscribe(topic, { qos: 1 }, (err) => {
        if (err) {
          client.end(true);
          return reject(err);
        }
        ready = true;
        resolve({
          client,
          // A graceful stop leaves the share group, so the broker stops queueing a share for this session.
          stop: () =>
            new Promise<void>((r) => {
              if (!client.connected) return client.end(true, {}, () => r());
              client.unsubscribe(topic, () => client.end(false, {}, () => r()));
            }),
        });
      });
    });
    client.on('error', (err) => {
      if (!ready) {
        client.end(true);
        reject(err);
      } else log(`MQTT ingest: ${err.message}`);
    });
  });
}
