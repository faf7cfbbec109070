import { createHash } from 'node:crypto';
import type { SensorType, TSensorRules } from '../../../common/contracts/monitoring.js';
import { defaultRulesFor } from '../../../common/rules/coal-gas-thresholds.js';
import type { Executor } from '../../db/client.js';
import { Scope } from '../../kernel/scope/scope.js';
import { enterprisesForIndicators } from '../org/index.js';
import { sha256 } from './commands/ingest.js';
import { ensureReadingPartitions, rollupRecent } from './monitoring.jobs.js';
import { insertCredential, insertReadings, insertSensor, updateSensor } from './monitoring.repository.js';

/** The demo coal mine's ingest key: derived from the demo password, so it can be printed with the demo logins. */
export function demoIngestKey(password: string): string {
  return `tkdemocoal.${createHash('sha256').update(`taihang-demo-ingest:${password}`).digest('base64url').slice(0, 32)}`;
}

interface DemoSensor {
  code: string;
  name: string;
  type: SensorType;
  unit: string;
  range: [number, number];
  location: string;
  coalLocationKey?: string;
  installationName: string;
  rules?: TSensorRules;
  /** base value, amplitude of the slow wave, noise */
  base: number;
  amp: number;
  noise: number;
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
  },
  {
    code: 'AT-201',
    name: '液氯钢瓶库氯气检测仪',
    type: 'toxicGas',
    unit: 'ppm',
    range: [0, 10],
    location: '液氯钢瓶库',
    installationName: '液氯钢瓶库（重大危险源）',
    rules: { high: 1, highClear: 0.8, highHigh: 2, highHighClear: 1.8, staleSeconds: 120 },
    base: 0.08,
    amp: 0.05,
    noise: 0.02,
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
  },
  {
    code: 'PT-101',
    name: '甲醇储罐T101压力',
    type: 'pressure',
    unit: 'kPa',
    range: [-5, 20],
    location: '甲醇储罐 T101 罐顶',
    installationName: '甲醇罐区（重大危险源）',
    rules: { high: 12, highClear: 11, low: -1.5, lowClear: -1, staleSeconds: 120 },
    base: 3.2,
    amp: 1.2,
    noise: 0.2,
  },
];

/** A deterministic pseudo-random sequence (demo data are the same on every install). */
function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

const HOURS = 6;
const STEP_MS = 60_000;

/**
 * Demo sensors at the demo coal mine (CH4 at T0/T1/T2 with the 煤矿安全规程 defaults, CO, wind speed)
 * and chemical plant (combustible %LEL, toxic gas, tank level and pressure), six hours of one-minute
 * readings so the charts are not empty, and the coal mine's demo ingest key.
 */
export async function seedMonitoringDemo(tx: Executor, now: Date, demoPassword?: string): Promise<void> {
  await ensureReadingPartitions(tx, now);
  const all = await enterprisesForIndicators(tx, Scope.system());
  const coal = all.find((e) => e.name === '山西泽州天泰煤业有限公司');
  const chem = all.find((e) => e.name === '高平市华晟化工有限公司');
  const start = new Date(Math.floor((now.getTime() - HOURS * 3_600_000) / STEP_MS) * STEP_MS);
  const random = rng(20211);
  for (const [e, list] of [
    [coal, COAL],
    [chem, CHEM],
  ] as const) {
    if (!e) continue;
    for (const d of list) {
      const s = await insertSensor(tx, {
        enterpriseId: e.id,
        enterpriseName: e.name,
        regionPath: e.regionPath,
        industry: e.industry,
        groupId: e.groupId,
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
      for (let t = start.getTime(); t <= now.getTime(); t += STEP_MS) {
        const phase = ((t - start.getTime()) / 3_600_000) * Math.PI * 0.7;
        const v = Math.max(d.range[0], d.base + d.amp * Math.sin(phase + d.code.length) + d.noise * (random() - 0.5) * 2);
        rows.push({ sensorId: s.id, ts: new Date(t), value: Math.round(v * 1000) / 1000, receivedAt: new Date(t + 2000) });
      }
      await insertReadings(tx, rows);
      const last = rows[rows.length - 1];
      if (last) await updateSensor(tx, s.id, { lastValue: last.value, lastTs: last.ts, status: 'online' });
    }
  }
  await rollupRecent(tx, now, HOURS * 60 + 10);
  if (coal && demoPassword) {
    const [keyId = '', secret = ''] = demoIngestKey(demoPassword).split('.');
    await insertCredential(tx, {
      enterpriseId: coal.id,
      keyId,
      secretHash: sha256(secret),
      label: '演示网关（Demo gateway）',
      createdBy: '系统（演示数据）',
      createdAt: now,
    });
  }
}
