/**
 * The load side of `bench/ingest` (run.ts's process): the gateways' batches, sending them over HTTP or
 * MQTT, the SSE watcher that sees what the live page sees, and one measured phase per path.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import mqtt, { type MqttClient } from 'mqtt';
import { type BenchEnterprise, type MqttInfo, percentile } from './protocol.js';

/** Reading times advance this much per cycle of a mine (not wall time: a phase sends many cycles a second). */
export const CYCLE_MS = 200;

/** Small deterministic PRNG (public-domain mulberry32), so every run sends the same values. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Batch {
  enterprise: number;
  readings: { code: string; ts: string; value: number }[];
  /** The sensor this batch carries an alarm value for, if it is a probe. */
  probeSensorId?: string;
}

/**
 * What the mines send. Each mine's readings are one sequence of cycles (one reading of every sensor
 * per cycle, CYCLE_MS apart); a batch is the next `size` readings of the sequence, so a batch of one
 * cycle's size has each sensor once. Every (sensor, ts) is sent once: nothing sent is a duplicate.
 */
export class Feed {
  private readonly next: number[];
  private readonly rand = mulberry32(20_260_601);
  private readonly probed = new Set<string>();
  /** Highest cycle index handed out. */
  private maxCycle = -1;

  constructor(
    readonly enterprises: BenchEnterprise[],
    readonly size: number,
    private readonly baseMs: number,
  ) {
    this.next = enterprises.map(() => 0);
  }

  tsOf(cycle: number): number {
    return this.baseMs + cycle * CYCLE_MS;
  }

  /** Starts every mine at the cycle after the highest sent so far: phases get disjoint time windows. Returns the window's start. */
  startPhase(): string {
    const cycle = this.maxCycle + 1;
    for (let e = 0; e < this.next.length; e++) this.next[e] = cycle * (this.enterprises[e] as BenchEnterprise).sensors.length;
    return new Date(this.tsOf(cycle)).toISOString();
  }

  /** The end (exclusive) of the readings sent so far. */
  endOfSent(): string {
    return new Date(this.tsOf(this.maxCycle + 1)).toISOString();
  }

  batch(e: number, probe = false): Batch {
    const ent = this.enterprises[e] as BenchEnterprise;
    const n = ent.sensors.length;
    const start = this.next[e] as number;
    this.next[e] = start + this.size;
    const readings: Batch['readings'] = [];
    const lastIndexOf = new Map<number, number>();
    for (let p = start; p < start + this.size; p++) {
      const cycle = Math.floor(p / n);
      const s = ent.sensors[p % n] as BenchEnterprise['sensors'][number];
      const tsMs = this.tsOf(cycle);
      if (tsMs > Date.now() + 4 * 60_000) throw new Error('bench: readings would be stamped in the future; lower the load or raise CYCLE_MS headroom');
      if (cycle > this.maxCycle) this.maxCycle = cycle;
      lastIndexOf.set(p % n, readings.length);
      readings.push({ code: s.code, ts: new Date(tsMs).toISOString(), value: Math.round((s.low + this.rand() * (s.high - s.low)) * 1000) / 1000 });
    }
    if (!probe) return { enterprise: e, readings };
    // A sensor of this batch that was never probed (so it has no active alarm), with a power-off limit:
    // its newest reading in the batch goes over it.
    for (const [i, at] of lastIndexOf) {
      const s = ent.sensors[i] as BenchEnterprise['sensors'][number];
      if (s.probeValue === null || this.probed.has(s.id)) continue;
      this.probed.add(s.id);
      (readings[at] as Batch['readings'][number]).value = s.probeValue;
      return { enterprise: e, readings, probeSensorId: s.id };
    }
    return { enterprise: e, readings };
  }
}

/** One batch in flight per mine (a gateway sends its batches in order); senders wait for a free mine, round robin. */
export class Mines {
  private readonly free: number[];
  private readonly waiting: ((e: number) => void)[] = [];

  constructor(count: number) {
    this.free = Array.from({ length: count }, (_, i) => i);
  }

  acquire(): Promise<number> {
    const e = this.free.shift();
    if (e !== undefined) return Promise.resolve(e);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(e: number): void {
    const w = this.waiting.shift();
    if (w) w(e);
    else this.free.push(e);
  }
}

interface AlarmSeen {
  id: string;
  eventAt: number;
  fetchedAt?: number;
  sensorId?: string;
  type?: string;
  fetchError?: string;
}

/**
 * An SSE client on GET /api/events as the watcher (the live page's stream): resolves waits for a
 * mine's 'reading' event (the batch committed), and for every new alarm id in an 'alarm' event notes
 * when it arrived and fetches GET /api/alarms/:id at once, as the alarm page does on that event.
 */
export class Watcher {
  readonly alarms = new Map<string, AlarmSeen>();
  private readonly readingWaiters = new Map<string, () => void>();
  private readonly fetches: Promise<void>[] = [];
  private req: http.ClientRequest | undefined;
  readings = 0;
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

  constructor(
    private readonly appUrl: string,
    private readonly authorization: string,
  ) {}

  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const req = http.get(
        `${this.appUrl}/api/events`,
        { headers: { authorization: this.authorization, accept: 'text/event-stream' }, agent: false },
        (res) => {
          if (res.statusCode !== 200) return reject(new Error(`GET /api/events answered ${res.statusCode}`));
          res.setEncoding('utf8');
          let buf = '';
          res.on('data', (chunk: string) => {
            const at = performance.now();
            buf += chunk;
            for (let i = buf.indexOf('\n\n'); i >= 0; i = buf.indexOf('\n\n')) {
              const block = buf.slice(0, i);
              buf = buf.slice(i + 2);
              let event = 'message';
              let data = '';
              for (const line of block.split('\n')) {
                if (line.startsWith('event: ')) event = line.slice(7);
                else if (line.startsWith('data: ')) data += line.slice(6);
              }
              if (event === 'ready') resolve();
              else this.onEvent(event, data, at);
            }
          });
        },
      );
      req.on('error', reject);
      this.req = req;
    });
  }

  private onEvent(event: string, data: string, at: number): void {
    let entityId: string | null = null;
    try {
      entityId = (JSON.parse(data) as { entityId?: string | null }).entityId ?? null;
    } catch {
      return;
    }
    if (!entityId) return;
    if (event === 'reading') {
      this.readings++;
      const w = this.readingWaiters.get(entityId);
      if (w) {
        this.readingWaiters.delete(entityId);
        w();
      }
    } else if (event === 'alarm' && !this.alarms.has(entityId)) {
      const seen: AlarmSeen = { id: entityId, eventAt: at };
      this.alarms.set(entityId, seen);
      this.fetches.push(
        getJson(this.agent, `${this.appUrl}/api/alarms/${entityId}`, this.authorization).then(
          (body) => {
            seen.fetchedAt = performance.now();
            const a = (body as { data?: { sensorId: string; type: string } }).data ?? (body as { sensorId: string; type: string });
            seen.sensorId = a.sensorId;
            seen.type = a.type;
          },
          (err: Error) => {
            seen.fetchError = err.message;
          },
        ),
      );
    }
  }

  /** Resolves true when the mine's next 'reading' event arrives, false after `timeoutMs`. Register before sending. */
  waitReading(enterpriseId: string, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.readingWaiters.delete(enterpriseId);
        resolve(false);
      }, timeoutMs);
      this.readingWaiters.set(enterpriseId, () => {
        clearTimeout(t);
        resolve(true);
      });
    });
  }

  /** Waits for the alarm fetches started so far. */
  async settle(): Promise<void> {
    await Promise.all(this.fetches.splice(0));
  }

  close(): void {
    this.req?.destroy();
    this.agent.destroy();
  }
}

function getJson(agent: http.Agent, url: string, authorization: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers: { authorization } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          body += c;
        });
        res.on('end', () => {
          if (res.statusCode !== 200) return reject(new Error(`GET ${new URL(url).pathname} answered ${res.statusCode}: ${body.slice(0, 200)}`));
          try {
            resolve(JSON.parse(body));
          } catch (err) {
            reject(err as Error);
          }
        });
      })
      .on('error', reject);
  });
}

export interface SendResult {
  ok: boolean;
  /** HTTP: the response's counts; MQTT: unknown (the broker does not say). */
  accepted?: number;
  duplicates?: number;
  unknown?: number;
  error?: string;
}

export interface Sender {
  readonly label: string;
  send(b: Batch): Promise<SendResult>;
  close(): Promise<void>;
}

/**
 * POST /api/readings with the mine's key. Each mine's gateway connects from its own loopback address
 * (127.0.1.<n>), as gateways do from their own addresses: the route's rate limit (600 batches a
 * minute) is per address, like in production.
 */
export class HttpSender implements Sender {
  readonly label = 'HTTP POST /api/readings';
  private readonly agents: http.Agent[];

  constructor(
    private readonly appUrl: string,
    private readonly enterprises: BenchEnterprise[],
  ) {
    this.agents = enterprises.map(
      (_, i) => new http.Agent({ keepAlive: true, maxSockets: 1, localAddress: `127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}` }),
    );
  }

  send(b: Batch): Promise<SendResult> {
    const e = this.enterprises[b.enterprise] as BenchEnterprise;
    const body = JSON.stringify({ readings: b.readings });
    return new Promise((resolve) => {
      const req = http.request(
        `${this.appUrl}/api/readings`,
        {
          method: 'POST',
          agent: this.agents[b.enterprise],
          headers: { authorization: `Bearer ${e.key}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => {
            text += c;
          });
          res.on('end', () => {
            if (res.statusCode !== 200) return resolve({ ok: false, error: `${res.statusCode} ${text.slice(0, 160)}` });
            try {
              const r = JSON.parse(text) as { accepted: number; duplicates: number; unknown: number };
              resolve({ ok: true, accepted: r.accepted, duplicates: r.duplicates, unknown: r.unknown });
            } catch {
              resolve({ ok: false, error: `unreadable response ${text.slice(0, 160)}` });
            }
          });
        },
      );
      req.on('error', (err) => resolve({ ok: false, error: err.message }));
      req.end(body);
    });
  }

  async close(): Promise<void> {
    for (const a of this.agents) a.destroy();
  }
}

/**
 * Publishes the same JSON batch with QoS 1 to `taihang/v1/{enterpriseId}/readings`, one MQTT connection
 * per mine. Embedded broker: signs in with the key (username = key id, password = secret). External
 * broker: MQTT 5, anonymous, the key in the payload. The broker's PUBACK only says the broker has the
 * message; the batch is stored when the mine's 'reading' event arrives on the watcher's stream (the
 * ingest side announces it in the batch's transaction), so that is when a send completes.
 */
export class MqttSender implements Sender {
  readonly label: string;
  private clients: MqttClient[] = [];

  private constructor(
    private readonly info: MqttInfo,
    private readonly enterprises: BenchEnterprise[],
    private readonly watcher: Watcher,
    private readonly timeoutMs: number,
  ) {
    this.label = info.kind === 'embedded' ? 'MQTT QoS 1, embedded broker' : 'MQTT 5 QoS 1, external broker, $share';
  }

  static async connect(info: MqttInfo, enterprises: BenchEnterprise[], watcher: Watcher, timeoutMs: number): Promise<MqttSender> {
    const s = new MqttSender(info, enterprises, watcher, timeoutMs);
    s.clients = await Promise.all(
      enterprises.map((e, i) => {
        const [keyId, secret] = splitKey(e.key);
        return new Promise<MqttClient>((resolve, reject) => {
          const c = mqtt.connect(info.url, {
            protocolVersion: info.protocolVersion,
            clientId: `bench-gw-${i}-${Math.random().toString(36).slice(2, 8)}`,
            clean: true,
            reconnectPeriod: 0,
            connectTimeout: 10_000,
            ...(info.kind === 'embedded' ? { username: keyId, password: secret } : {}),
          });
          c.once('connect', () => resolve(c));
          c.once('error', (err) => {
            c.end(true);
            reject(err);
          });
        });
      }),
    );
    return s;
  }

  async send(b: Batch): Promise<SendResult> {
    const e = this.enterprises[b.enterprise] as BenchEnterprise;
    const payload = JSON.stringify(this.info.kind === 'external' ? { key: e.key, readings: b.readings } : { readings: b.readings });
    const stored = this.watcher.waitReading(e.id, this.timeoutMs);
    const client = this.clients[b.enterprise] as MqttClient;
    const published = await new Promise<string | null>((resolve) =>
      client.publish(`taihang/v1/${e.id}/readings`, payload, { qos: 1 }, (err) => resolve(err ? err.message : null)),
    );
    if (published) return { ok: false, error: `publish: ${published}` };
    return (await stored) ? { ok: true } : { ok: false, error: `no 'reading' event within ${this.timeoutMs / 1000} s` };
  }

  async close(): Promise<void> {
    await Promise.all(this.clients.map((c) => new Promise<void>((r) => c.end(false, {}, () => r()))));
  }
}

function splitKey(key: string): [string, string] {
  const i = key.indexOf('.');
  return [key.slice(0, i), key.slice(i + 1)];
}

export interface PhaseOptions {
  /**
   * max: `clients` senders in a closed loop (each sends its next batch when the last one completed),
   * as fast as the server takes them; paced: a batch every BATCH / readingsPerSecond seconds, whether
   * or not the earlier ones have completed (an offered load, as gateways on their cycle are).
   */
  load: { kind: 'max'; clients: number } | { kind: 'paced'; readingsPerSecond: number };
  warmupSeconds: number;
  seconds: number;
  probeIntervalMs: number;
}

export interface PhaseResult {
  from: string;
  to: string;
  /** Readings of batches that completed inside the measured window, per second of it. */
  perSecond: number;
  measuredSeconds: number;
  batchesMeasured: number;
  batchP50Ms: number;
  batchP99Ms: number;
  /** Everything sent in the phase (warm-up, window, probes, the batches in flight at the end). */
  sentReadings: number;
  sentBatches: number;
  failedBatches: number;
  failures: string[];
  accepted: number | null;
  duplicates: number | null;
  unknown: number | null;
  probes: { sensorId: string; t0: number }[];
  /** Paced: batches that waited longer than the pacing interval for a mine with nothing in flight (the load fell behind). */
  waitedForMine: number;
}

/**
 * One path under load (see PhaseOptions.load) for the warm-up and the measured seconds; each batch
 * goes to a mine with none in flight. During the measured seconds, every `probeIntervalMs` (or when
 * the previous probe completed, if later) a batch is a probe: it carries one reading over a power-off
 * limit. Max: an extra sender sends the probes; paced: the next paced batch is the probe. Returns when
 * every batch sent has completed (or failed).
 */
export async function runPhase(feed: Feed, sender: Sender, opts: PhaseOptions, log: (s: string) => void): Promise<PhaseResult> {
  const mines = new Mines(feed.enterprises.length);
  const from = feed.startPhase();
  const latencies: number[] = [];
  const failures: string[] = [];
  let stop = false;
  let windowStart = Number.POSITIVE_INFINITY;
  let windowEnd = Number.POSITIVE_INFINITY;
  let measuredReadings = 0;
  let sentReadings = 0;
  let sentBatches = 0;
  let failed = 0;
  let accepted = 0;
  let duplicates = 0;
  let unknown = 0;
  let counted = false;
  let waitedForMine = 0;
  const probes: PhaseResult['probes'] = [];
  const interval = opts.load.kind === 'paced' ? (1000 * feed.size) / opts.load.readingsPerSecond : 0;

  const sendOne = async (probe: boolean) => {
    const asked = performance.now();
    const e = await mines.acquire();
    if (interval && performance.now() - asked > interval) waitedForMine++;
    try {
      const b = feed.batch(e, probe);
      sentReadings += b.readings.length;
      sentBatches++;
      const t0 = performance.now();
      if (b.probeSensorId) probes.push({ sensorId: b.probeSensorId, t0 });
      const r = await sender.send(b);
      const t1 = performance.now();
      if (!r.ok) {
        failed++;
        if (failures.length < 5) failures.push(r.error ?? 'failed');
        return;
      }
      if (r.accepted !== undefined) {
        counted = true;
        accepted += r.accepted;
        duplicates += r.duplicates ?? 0;
        unknown += r.unknown ?? 0;
      }
      if (t1 >= windowStart && t1 < windowEnd) {
        measuredReadings += b.readings.length;
        latencies.push(t1 - t0);
      }
    } finally {
      mines.release(e);
    }
  };

  const load = opts.load;
  const loops =
    load.kind === 'max'
      ? Array.from({ length: load.clients }, async () => {
          while (!stop) await sendOne(false);
        })
      : [
          (async () => {
            // Paced: the probe is one of the paced batches (the offered load stays what it says).
            const inFlight = new Set<Promise<void>>();
            let next = performance.now();
            let probeInFlight = false;
            let lastProbe = 0;
            while (!stop) {
              const now = performance.now();
              const probe = now >= windowStart && now < windowEnd && !probeInFlight && now - lastProbe >= opts.probeIntervalMs;
              if (probe) {
                probeInFlight = true;
                lastProbe = now;
              }
              const p = sendOne(probe).finally(() => {
                inFlight.delete(p);
                if (probe) probeInFlight = false;
              });
              inFlight.add(p);
              next += interval;
              await sleep(Math.max(0, next - performance.now()));
            }
            await Promise.all(inFlight);
          })(),
        ];
  await sleep(opts.warmupSeconds * 1000);
  windowStart = performance.now();
  windowEnd = windowStart + opts.seconds * 1000;
  // Max: a probe sender besides the others, one probe in flight at a time (a slow one pushes the next
  // back instead of piling up more load).
  const probing = (async () => {
    if (load.kind !== 'max') return;
    let next = windowStart;
    while (next < windowEnd - opts.probeIntervalMs / 2) {
      await sendOne(true);
      next = Math.max(next + opts.probeIntervalMs, performance.now());
      await sleep(next - performance.now());
    }
  })();
  await sleep(Math.max(0, windowEnd - performance.now()));
  stop = true;
  log(`  window over; waiting for the batches in flight …`);
  await Promise.all([...loops, probing]);
  latencies.sort((a, b) => a - b);
  return {
    from,
    to: feed.endOfSent(),
    perSecond: measuredReadings / opts.seconds,
    measuredSeconds: opts.seconds,
    batchesMeasured: latencies.length,
    batchP50Ms: percentile(latencies, 50),
    batchP99Ms: percentile(latencies, 99),
    sentReadings,
    sentBatches,
    failedBatches: failed,
    failures,
    accepted: counted ? accepted : null,
    duplicates: counted ? duplicates : null,
    unknown: counted ? unknown : null,
    probes,
    waitedForMine,
  };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
