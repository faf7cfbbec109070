import type { SensorType, TSensorRules } from '../../../common/contracts/monitoring.js';
import { defaultRulesFor } from '../../../common/rules/coal-gas-thresholds.js';
import type { Executor } from '../../db/client.js';
import { Scope } from '../../kernel/scope/scope.js';
import { enterprisesForIndicators } from '../org/index.js';
import { installationsAndPonds } from '../risk/index.js';
import { seedDemoAlarms } from './alarms-bridge.js';
import { newCredentialSecret, sha256 } from './commands/ingest.js';
import { type DemoEvent, type DemoSignal, demoValue } from './demo-signal.js';
import { DEFAULT_STALE_SECONDS, ensureReadingPartitions, rollupRecent } from './monitoring.jobs.js';
import { insertCredential, insertReadings, insertSensor, type SensorRow, updateSensor, writeSetting } from './monitoring.repository.js';

interface DemoSensor {
  code: string;
  name: string;
  type: SensorType;
  unit: string;
  range: [number, number];
  location: string;
  coalLocationKey?: string;
  /** Linked by id when the enterprise has a registered installation or pond of this name (risk module). */
  installationName: string;
  /** Seeded only when that registered object exists (the pond comes with the risk demo). */
  registered?: true;
  rules?: TSensorRules;
  /** base value, amplitude of the slow wave, noise */
  base: number;
  amp: number;
  noise: number;
  /** Scripted excursions (minutes relative to the seed) behind the demo alarms: demo-signal.ts. */
  events?: DemoEvent[];
}

const COAL: DemoSensor[] = [
  {
    code: '010101',
    name: '15101工作面上隅角甲烷T0',
    type: 'ch4',
    unit: '%CH4',
    range: [0, 4],
    location: '15101综采工作面回风隅角',
    coalLocationKey: 'faceUpperCorner',
    installationName: '15101综采工作面',
    base: 0.38,
    amp: 0.18,
    noise: 0.04,
    // Methane rising at the upper corner right now: 报警 at −9 min, 断电 at −6 min, back below 1.0 % after 19 min.
    events: [
      {
        kind: 'profile',
        points: [
          [-16, null],
          [-10, 0.9],
          [-9, 1.12],
          [-8, 1.3],
          [-7, 1.44],
          [-6, 1.56],
          [-4, 1.6],
          [6, 1.58],
          [12, 1.38],
          [18, 1.12],
          [19, 0.86],
          [30, null],
        ],
      },
    ],
  },
  {
    code: '010102',
    name: '15101工作面甲烷T1',
    type: 'ch4',
    unit: '%CH4',
    range: [0, 4],
    location: '15101综采工作面距煤壁≤10 m',
    coalLocationKey: 'face',
    installationName: '15101综采工作面',
    base: 0.32,
    amp: 0.14,
    noise: 0.03,
  },
  {
    code: '010103',
    name: '15101回风巷甲烷T2',
    type: 'ch4',
    unit: '%CH4',
    range: [0, 4],
    location: '15101回风巷距工作面10–15 m',
    coalLocationKey: 'faceReturn',
    installationName: '15101综采工作面',
    base: 0.28,
    amp: 0.1,
    noise: 0.02,
    // Yesterday: above 1.0 % for about an hour (报警 and 断电 at once at T2), then back.
    events: [
      {
        kind: 'profile',
        points: [
          [-1570, null],
          [-1561, 0.9],
          [-1560, 1.06],
          [-1550, 1.12],
          [-1530, 1.09],
          [-1505, 1.05],
          [-1504, 0.88],
          [-1490, null],
        ],
      },
    ],
  },
  {
    code: '010201',
    name: '15101回风巷一氧化碳',
    type: 'co',
    unit: 'ppm',
    range: [0, 1000],
    location: '15101回风巷',
    installationName: '15101综采工作面',
    base: 6,
    amp: 3,
    noise: 1,
    // Three hours ago: calibration gas on the sensor for half an hour (a false alarm).
    events: [
      {
        kind: 'profile',
        points: [
          [-182, null],
          [-181, 8],
          [-180, 27],
          [-176, 31],
          [-160, 30],
          [-151, 28],
          [-150, 10],
          [-145, null],
        ],
      },
    ],
  },
  {
    code: '010301',
    name: '15101回风巷风速',
    type: 'windSpeed',
    unit: 'm/s',
    range: [0, 15],
    location: '15101回风巷测风站',
    installationName: '15101综采工作面',
    rules: { low: 0.25, lowClear: 0.3, high: 4, highClear: 3.8, staleSeconds: 120 },
    base: 1.6,
    amp: 0.2,
    noise: 0.05,
  },
  {
    code: '010401',
    name: '中央风井主要通风机风速',
    type: 'windSpeed',
    unit: 'm/s',
    range: [0, 15],
    location: '中央风井井口',
    installationName: '中央风井主要通风机',
    rules: { low: 5, lowClear: 5.5, staleSeconds: 120 },
    base: 8.2,
    amp: 0.3,
    noise: 0.1,
    // Silent since yesterday (a 断线 nobody has acknowledged).
    events: [{ kind: 'silent', from: -(26 * 60 + 3) }],
  },
];

const CHEM: DemoSensor[] = [
  {
    code: 'GT-101',
    name: '甲醇罐区可燃气体探测器1#',
    type: 'combustibleLel',
    unit: '%LEL',
    range: [0, 100],
    location: '甲醇储罐区 T101 防火堤内',
    installationName: '甲醇罐区（重大危险源）',
    rules: { high: 25, highClear: 20, highHigh: 50, highHighClear: 45, staleSeconds: 120 },
    base: 2,
    amp: 1.5,
    noise: 0.6,
    events: [
      // 40 minutes ago: a leak at a flange, above 25 %LEL for about 20 minutes.
      {
        kind: 'profile',
        points: [
          [-42, null],
          [-41, 12],
          [-40, 27],
          [-35, 33],
          [-28, 30],
          [-22, 26],
          [-21, 16],
          [-17, null],
        ],
      },
      // Live: a brief rise during loading twice a day, starting 5 hours after the seed (one orange alarm each).
      {
        kind: 'periodic',
        everyHours: 12,
        offsetMinutes: 300,
        points: [
          [0, null],
          [1, 14],
          [2, 27],
          [4, 29],
          [6, 23],
          [7, 15],
          [10, null],
        ],
      },
    ],
  },
  {
    code: 'AT-201',
    name: '液氯钢瓶库氯气检测仪',
    type: 'toxicGas',
    unit: 'ppm',
    range: [0, 10],
    location: '液氯钢瓶库',
    installationName: '液氯钢瓶库（重大危险源）',
    rules: { high: 1, highClear: 0.8, highHigh: 2, highHighClear: 1.8, flatLine: { seconds: 3600, epsilon: 0.001 }, staleSeconds: 120 },
    base: 0.08,
    amp: 0.05,
    noise: 0.02,
    // Stuck at one value for the last 2.5 hours (数据不变 after an hour).
    events: [{ kind: 'stuck', from: -150, value: 0.06 }],
  },
  {
    code: 'LT-101',
    name: '甲醇储罐T101液位',
    type: 'level',
    unit: 'm',
    range: [0, 12],
    location: '甲醇储罐 T101',
    installationName: '甲醇罐区（重大危险源）',
    rules: { high: 10.2, highClear: 10, highHigh: 10.8, highHighClear: 10.6, low: 1.5, lowClear: 1.7, staleSeconds: 120 },
    base: 7.4,
    amp: 0.6,
    noise: 0.02,
    events: [
      // Two days ago: the radar gauge jumped to 10.9 m for three minutes (an equipment fault).
      {
        kind: 'profile',
        points: [
          [-2882, null],
          [-2881, 10.92],
          [-2879, 10.95],
          [-2878, null],
        ],
      },
      // Emptied for tank cleaning since this morning, refilled in about 21 hours.
      {
        kind: 'profile',
        points: [
          [-540, null],
          [-240, 1.32],
          [1200, 1.32],
          [1380, null],
        ],
      },
    ],
  },
  {
    code: 'PT-101',
    name: '甲醇储罐T101压力',
    type: 'pressure',
    unit: 'kPa',
    range: [-5, 20],
    location: '甲醇储罐 T101 罐顶',
    installationName: '甲醇罐区（重大危险源）',
    rules: { high: 12, highClear: 11, low: -1.5, lowClear: -1, rateOfChange: { delta: 2.5, perSeconds: 300 }, staleSeconds: 120 },
    base: 3.2,
    amp: 1.2,
    noise: 0.2,
    // 30 hours ago: a planned fast filling (变化率 alarm).
    events: [
      {
        kind: 'profile',
        points: [
          [-1803, null],
          [-1800, 8.5],
          [-1790, 8.8],
          [-1770, 7.5],
          [-1740, null],
        ],
      },
    ],
  },
];

/**
 * 尾矿库在线监测 on the risk demo's pond 润通尾矿库 (a 头顶库 inside the demo heavy-rain warning): water level,
 * dry-beach length, phreatic line and rainfall. The limits stand for the pond's design values (最高洪水位,
 * 设计最小干滩长度, 浸润线最小埋深; made up for the demo), not a regulation. The rain of the active 暴雨 warning
 * shows on the rain gauge and lifts the water level a little, all below the limits.
 */
const TAILINGS: DemoSensor[] = [
  {
    code: 'WK-SW01',
    name: '润通尾矿库库水位',
    type: 'tailingsWaterLevel',
    unit: 'm',
    range: [820, 840],
    location: '库内排水井旁水位计（高程）',
    installationName: '润通尾矿库',
    registered: true,
    rules: { high: 831, highClear: 830.8, highHigh: 832, highHighClear: 831.8, staleSeconds: 600 },
    base: 829.2,
    amp: 0.15,
    noise: 0.02,
    events: [
      {
        kind: 'profile',
        points: [
          [-110, null],
          [-60, 829.45],
          [0, 829.8],
          [60, 829.75],
          [240, null],
        ],
      },
    ],
  },
  {
    code: 'WK-GT01',
    name: '润通尾矿库干滩长度',
    type: 'dryBeachLength',
    unit: 'm',
    range: [0, 300],
    location: '坝顶至水边线（1# 断面）',
    installationName: '润通尾矿库',
    registered: true,
    rules: { low: 80, lowClear: 85, lowLow: 70, lowLowClear: 72, staleSeconds: 600 },
    base: 118,
    amp: 3,
    noise: 0.5,
    events: [
      {
        kind: 'profile',
        points: [
          [-110, null],
          [-60, 112],
          [0, 104],
          [60, 105],
          [240, null],
        ],
      },
    ],
  },
  {
    code: 'WK-JR01',
    name: '润通尾矿库浸润线埋深（1# 断面）',
    type: 'phreaticLine',
    unit: 'm',
    range: [0, 30],
    location: '初期坝后 1# 监测断面测压管',
    installationName: '润通尾矿库',
    registered: true,
    rules: { low: 6, lowClear: 6.3, lowLow: 4, lowLowClear: 4.3, staleSeconds: 600 },
    base: 9.6,
    amp: 0.3,
    noise: 0.05,
  },
  {
    code: 'WK-YL01',
    name: '润通尾矿库雨量',
    type: 'rainfall',
    unit: 'mm/h',
    range: [0, 200],
    location: '坝顶管理站雨量计',
    installationName: '润通尾矿库',
    registered: true,
    rules: { high: 20, highClear: 15, staleSeconds: 600 },
    base: 0.3,
    amp: 0.3,
    noise: 0.2,
    events: [
      {
        kind: 'profile',
        points: [
          [-130, null],
          [-115, 4],
          [-90, 9.5],
          [-60, 14],
          [-30, 11],
          [0, 7.5],
          [40, 3],
          [90, null],
        ],
      },
    ],
  },
];

/** The demo sites: the enterprise each list belongs to (found by name in the demo city). */
const SITES: readonly (readonly [string, readonly DemoSensor[]])[] = [
  ['山西泽州天泰煤业有限公司', COAL],
  ['高平市华晟化工有限公司', CHEM],
  ['泽州县润通矿业有限公司', TAILINGS],
];

/** A demo sensor's signal by code (the live demo feed continues it). */
export function demoSignalOf(code: string): DemoSignal | undefined {
  for (const [, list] of SITES) for (const d of list) if (d.code === code) return d;
  return undefined;
}

/** The setting that marks a seeded demo: when, and which sensors the demo feed continues. */
export const DEMO_MARKER_KEY = 'monitoring.demo';
export interface DemoMarker {
  seededAt: string;
  sensors: { id: string; enterpriseId: string; code: string }[];
}

const HOURS = 72;
/** One reading a minute over the last six hours (the raw chart), every two minutes before (charts use the 5-minute rollups there). */
const STEP_MS = 60_000;
const RAW_HOURS = 6;
const OLD_STEP_MS = 2 * STEP_MS;

/**
 * Demo sensors at the demo coal mine (CH4 at T0/T1/T2 with the 煤矿安全规程 defaults, CO, wind speed, the
 * main fan), chemical plant (combustible %LEL, toxic gas, tank level and pressure) and the tailings pond
 * 润通尾矿库 (water level, dry beach, phreatic line, rainfall; linked to the pond by id): three days of
 * readings drawn by demo-signal.ts, with the excursions behind the demo alarms, which the
 * alarms module raises by replaying these readings through its rule engine; the marker the demo feed
 * needs; and the coal mine's demo ingest key: random like every key, stored as its hash, and returned
 * this once so the first start can print it (it is not derived from the demo password).
 */
export async function seedMonitoringDemo(tx: Executor, now: Date): Promise<{ ingestKey: string | null }> {
  await ensureReadingPartitions(tx, now);
  const all = await enterprisesForIndicators(tx, Scope.system());
  const coal = all.find((e) => e.name === '山西泽州天泰煤业有限公司');
  const start = new Date(Math.floor((now.getTime() - HOURS * 3_600_000) / OLD_STEP_MS) * OLD_STEP_MS);
  const rawFrom = now.getTime() - RAW_HOURS * 3_600_000;
  const histories: { row: SensorRow; code: string; readings: { ts: Date; value: number }[]; staleAt: Date | null }[] = [];
  for (const [enterpriseName, list] of SITES) {
    const e = all.find((x) => x.name === enterpriseName);
    if (!e) continue;
    const registered = await installationsAndPonds(tx, Scope.system(), { enterpriseId: e.id });
    for (const d of list) {
      const linked = registered.find((o) => o.name === d.installationName);
      if (d.registered && !linked) continue;
      const s = await insertSensor(tx, {
        enterpriseId: e.id,
        enterpriseName: e.name,
        regionPath: e.regionPath,
        industry: e.industry,
        groupId: e.groupId,
        installationId: linked?.id ?? null,
        installationName: d.installationName,
        code: d.code,
        name: d.name,
        type: d.type,
        unit: d.unit,
        rangeLow: d.range[0],
        rangeHigh: d.range[1],
        location: d.location,
        coalLocationKey: d.coalLocationKey ?? null,
        rules: d.rules ?? defaultRulesFor(d.type, d.coalLocationKey),
        createdAt: start,
        updatedAt: start,
      });
      const rows: { sensorId: string; ts: Date; value: number; receivedAt: Date }[] = [];
      for (let t = start.getTime(); t <= now.getTime(); t += t < rawFrom ? OLD_STEP_MS : STEP_MS) {
        const value = demoValue(d, t, now.getTime());
        if (value !== null) rows.push({ sensorId: s.id, ts: new Date(t), value, receivedAt: new Date(t + 2000) });
      }
      await insertReadings(tx, rows);
      const last = rows[rows.length - 1];
      // A sensor silent past its staleSeconds was marked 断线 by the next minute's sweep.
      const staleMs = ((s.rules as TSensorRules).staleSeconds ?? DEFAULT_STALE_SECONDS) * 1000;
      const staleAt =
        last && now.getTime() - last.ts.getTime() > staleMs + STEP_MS
          ? new Date(Math.floor((last.ts.getTime() + staleMs) / STEP_MS) * STEP_MS + STEP_MS)
          : null;
      if (last) await updateSensor(tx, s.id, { lastValue: last.value, lastTs: last.ts, status: staleAt ? 'stale' : 'online', staleSince: staleAt });
      histories.push({ row: s, code: d.code, readings: rows.map((r) => ({ ts: r.ts, value: r.value })), staleAt });
    }
  }
  await rollupRecent(tx, now, HOURS * 60 + 10);
  const marker: DemoMarker = {
    seededAt: now.toISOString(),
    sensors: histories.map((h) => ({ id: h.row.id, enterpriseId: h.row.enterpriseId, code: h.code })),
  };
  await writeSetting(tx, DEMO_MARKER_KEY, marker, now);
  await seedDemoAlarms(tx, now, histories);
  if (!coal) return { ingestKey: null };
  const { keyId, secret } = newCredentialSecret();
  await insertCredential(tx, {
    enterpriseId: coal.id,
    keyId,
    secretHash: sha256(secret),
    label: '演示网关（Demo gateway）',
    createdBy: '系统（演示数据）',
    createdAt: now,
  });
  return { ingestKey: `${keyId}.${secret}` };
}
