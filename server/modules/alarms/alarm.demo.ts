import { DEFAULT_ALARM_DISPOSAL, disposalDue } from '../../../common/rules/alarm-disposal.js';
import { type AlarmType, SEVERITY_OF } from '../../../common/rules/alarm-rules.js';
import type { Executor } from '../../db/client.js';
import { Scope } from '../../kernel/scope/scope.js';
import { enterprisesForIndicators } from '../org/index.js';
import { insertAlarm, insertAlarmTransition } from './alarm.repository.js';
import type { AlarmStatus } from './alarm.workflow.js';

/**
 * Demo alarms for a fresh install (inside the demo transaction), at the demo coal mine and chemical
 * plant, on synthetic sensor ids (`demo-…`) when the monitoring module's demo sensors are not there:
 * every lifecycle state, each disposal classification, one escalated unhandled alarm. No notifications.
 */
interface DemoAlarm {
  sensor: string;
  name: string;
  sensorType: string;
  unit: string;
  location: string;
  type: AlarmType;
  limit: number | null;
  start: number;
  peak: number;
  /** Minutes ago it was raised, and cleared (if cleared). */
  raisedMinAgo: number;
  clearedMinAgo?: number;
  status: AlarmStatus;
  classification?: 'real' | 'false' | 'plannedWork' | 'equipmentFault';
  analysis?: string;
  escalation?: number;
}

const COAL: DemoAlarm[] = [
  {
    sensor: 'demo-coal-3102-t1',
    name: '3102回采工作面甲烷T1',
    sensorType: 'ch4',
    unit: '%CH4',
    location: '3102回采工作面',
    type: 'powerOff',
    limit: 1.5,
    start: 1.52,
    peak: 1.58,
    raisedMinAgo: 6,
    status: 'ACTIVE_UNACK',
  },
  {
    sensor: 'demo-coal-3102-t1',
    name: '3102回采工作面甲烷T1',
    sensorType: 'ch4',
    unit: '%CH4',
    location: '3102回采工作面',
    type: 'high',
    limit: 1.0,
    start: 1.04,
    peak: 1.58,
    raisedMinAgo: 9,
    status: 'ACTIVE_ACK',
  },
  {
    sensor: 'demo-coal-3102-t2',
    name: '3102回风巷甲烷T2',
    sensorType: 'ch4',
    unit: '%CH4',
    location: '3102回风巷',
    type: 'high',
    limit: 1.0,
    start: 1.02,
    peak: 1.12,
    raisedMinAgo: 26 * 60,
    clearedMinAgo: 25 * 60,
    status: 'CLOSED',
    classification: 'real',
    analysis: '回风巷局部通风不足导致瓦斯积聚，已调整风量并加强抽采，浓度恢复正常',
  },
  {
    sensor: 'demo-coal-belt-co',
    name: '主运输皮带机头一氧化碳',
    sensorType: 'co',
    unit: 'ppm',
    location: '主斜井皮带机头',
    type: 'high',
    limit: 24,
    start: 26,
    peak: 31,
    raisedMinAgo: 3 * 60,
    clearedMinAgo: 150,
    status: 'CLEARED',
    classification: 'false',
    analysis: '校验时通入标准气样引起，非真实超限；已提醒校验前报备',
  },
  {
    sensor: 'demo-coal-fan-wind',
    name: '主通风机风速',
    sensorType: 'windSpeed',
    unit: 'm/s',
    location: '中央风井',
    type: 'stale',
    limit: null,
    start: 4.2,
    peak: 4.2,
    raisedMinAgo: 26 * 60,
    status: 'ACTIVE_UNACK',
    escalation: 3,
  },
];
const CHEM: DemoAlarm[] = [
  {
    sensor: 'demo-chem-v101-lel',
    name: '甲醇罐区可燃气体GT-101',
    sensorType: 'combustibleLel',
    unit: '%LEL',
    location: '甲醇罐区',
    type: 'high',
    limit: 25,
    start: 27,
    peak: 33,
    raisedMinAgo: 40,
    clearedMinAgo: 20,
    status: 'CLEARED_UNACK',
    escalation: 1,
  },
  {
    sensor: 'demo-chem-cl2',
    name: '液氯钢瓶库氯气AT-201',
    sensorType: 'toxicGas',
    unit: 'ppm',
    location: '液氯钢瓶库',
    type: 'flatLine',
    limit: null,
    start: 0.2,
    peak: 0.2,
    raisedMinAgo: 90,
    status: 'ACTIVE_ACK',
  },
  {
    sensor: 'demo-chem-r1-t',
    name: '1#反应釜温度TI-301',
    sensorType: 'temperature',
    unit: '℃',
    location: '合成车间1#反应釜',
    type: 'rateOfChange',
    limit: null,
    start: 86,
    peak: 92,
    raisedMinAgo: 30 * 60,
    clearedMinAgo: 29 * 60,
    status: 'CLOSED',
    classification: 'plannedWork',
    analysis: '按计划升温开车，属工艺正常操作',
  },
  {
    sensor: 'demo-chem-p2',
    name: '氯化氢缓冲罐压力PI-402',
    sensorType: 'pressure',
    unit: 'MPa',
    location: '氯化氢缓冲罐',
    type: 'highHigh',
    limit: 0.8,
    start: 0.82,
    peak: 0.85,
    raisedMinAgo: 48 * 60,
    clearedMinAgo: 47 * 60,
    status: 'CLOSED',
    classification: 'equipmentFault',
    analysis: '压力变送器零点漂移，已更换变送器并校验',
  },
];

export async function seedAlarmDemo(tx: Executor, now: Date): Promise<void> {
  const all = await enterprisesForIndicators(tx, Scope.system());
  const chem = all.find((e) => e.name === '高平市华晟化工有限公司');
  const coal = all.find((e) => e.name === '山西泽州天泰煤业有限公司');
  const rows = [...(coal ? COAL.map((d) => [coal, d] as const) : []), ...(chem ? CHEM.map((d) => [chem, d] as const) : [])];
  const min = (m: number) => new Date(now.getTime() - m * 60_000);
  for (const [e, d] of rows) {
    const start = min(d.raisedMinAgo);
    const cleared = d.clearedMinAgo !== undefined ? min(d.clearedMinAgo) : null;
    const severity = SEVERITY_OF[d.type];
    const due = disposalDue(severity, start, DEFAULT_ALARM_DISPOSAL);
    const acked = d.status !== 'ACTIVE_UNACK' && d.status !== 'CLEARED_UNACK';
    const fed = !!d.classification;
    const a = await insertAlarm(tx, {
      sensorId: d.sensor,
      sensorName: d.name,
      sensorType: d.sensorType,
      unit: d.unit,
      location: d.location,
      enterpriseId: e.id,
      enterpriseName: e.name,
      regionPath: e.regionPath,
      industry: e.industry,
      groupId: e.groupId,
      type: d.type,
      severity,
      status: d.status,
      active: !cleared,
      limitValue: d.limit,
      startValue: d.start,
      peakValue: d.peak,
      lastValue: cleared ? null : d.peak,
      startTs: start,
      lastTs: cleared ?? now,
      ackTs: acked ? new Date(start.getTime() + 5 * 60_000) : null,
      ackBy: acked ? '企业安全员' : null,
      clearTs: cleared,
      ackDue: due.ackDue,
      feedbackDue: due.feedbackDue,
      escalation: d.escalation ?? 0,
      classification: d.classification ?? null,
      analysis: d.analysis ?? null,
      feedbackByName: fed ? '企业安全员' : null,
      feedbackAt: fed ? new Date(start.getTime() + 60 * 60_000) : null,
      closedAt: d.status === 'CLOSED' ? new Date(start.getTime() + 90 * 60_000) : null,
      createdAt: start,
      updatedAt: now,
    });
    const step = (action: string, from: string, to: string, at: Date, comment: string) =>
      insertAlarmTransition(tx, { alarmId: a.id, action, fromStatus: from, toStatus: to, actorId: null, actorName: '演示数据', at, comment, data: null });
    await step('raise', 'NORMAL', 'ACTIVE_UNACK', start, `${d.name} ${d.start}${d.unit}${d.limit !== null ? `（限值 ${d.limit}${d.unit}）` : ''}`);
    if (acked) await step('ack', 'ACTIVE_UNACK', 'ACTIVE_ACK', new Date(start.getTime() + 5 * 60_000), '已确认');
    if (cleared) await step('clear', acked ? 'ACTIVE_ACK' : 'ACTIVE_UNACK', acked ? 'CLEARED' : 'CLEARED_UNACK', cleared, '恢复正常');
    if (fed) await step('feedback', 'CLEARED', 'CLEARED', new Date(start.getTime() + 60 * 60_000), d.analysis ?? '');
    if (d.status === 'CLOSED') await step('close', 'CLEARED', 'CLOSED', new Date(start.getTime() + 90 * 60_000), '处置完毕，闭环');
    for (let level = 1; level <= (d.escalation ?? 0); level++)
      await step(
        `escalate${level}`,
        d.status,
        d.status,
        due.ackDue,
        ['', '逾期未处置（企业）', '逾期未处置，推送县级政府', '逾期未处置，推送市级政府'][level] as string,
      );
  }
}
