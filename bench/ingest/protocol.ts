/** Messages between run.ts (load generator, report) and server.ts (the server under test), and shared bits. */

export { percentile } from '../lib/settings.js';

/** For scale (issue 6): the national coal network, ~600 000 sensors polled every 30 s. */
export const NATIONAL_SENSORS = 600_000;
export const NATIONAL_CYCLE_S = 30;
export const NATIONAL_READINGS_PER_S = NATIONAL_SENSORS / NATIONAL_CYCLE_S;

/** The user whose SSE stream (GET /api/events) stands for the live page: 晋城市应急管理局 sees every enterprise of the city. */
export const WATCHER = 'city';

export type { Backend } from '../lib/settings.js';

export interface BenchSensor {
  id: string;
  code: string;
  type: string;
  /** Normal readings are drawn from [low, high): below every alarm limit of the sensor. */
  low: number;
  high: number;
  /** A value at or over the power-off limit (coal CH4 points that have one), or null: not used as an alarm probe. */
  probeValue: number | null;
}

export interface BenchEnterprise {
  id: string;
  name: string;
  /** `<keyId>.<secret>` from createCredential: HTTP bearer, and MQTT (embedded: username/password; external: in the payload). */
  key: string;
  sensors: BenchSensor[];
}

export interface MqttInfo {
  /** Where the gateways publish. */
  url: string;
  kind: 'embedded' | 'external';
  protocolVersion: 4 | 5;
  /** What the ingest side subscribed to (the shared subscription with this run's own group on an external broker). */
  subscription: string;
}

export type ParentMessage =
  | { cmd: 'count'; from: string; to: string }
  | { cmd: 'statements' }
  | { cmd: 'copy'; from: string; to: string }
  /** One more ingest subscriber in the same share group (external broker only), as a second ingest process would be. */
  | { cmd: 'subscriber' }
  | { cmd: 'rss' }
  | { cmd: 'close' };

export interface CopyResult {
  rows: number;
  seconds: number;
  /** How the rows were copied, for the report. */
  how: string;
  stored: number;
}

export type ChildMessage =
  | {
      type: 'ready';
      appUrl: string;
      /** Bearer token of WATCHER (SSE and GET /api/alarms/:id). */
      authorization: string;
      enterprises: BenchEnterprise[];
      /** null when no broker could be used (the MQTT row says why). */
      mqtt: MqttInfo | null;
      mqttNote: string;
      seedSeconds: number;
      setupSeconds: number;
      rssMb: number;
    }
  | { type: 'count'; rows: number }
  | { type: 'statements'; statements: number }
  | { type: 'subscriber'; subscribers: number }
  | ({ type: 'copy' } & CopyResult)
  | { type: 'rss'; rssMb: number; heapUsedMb: number }
  | { type: 'closed' }
  | { type: 'error'; message: string };
