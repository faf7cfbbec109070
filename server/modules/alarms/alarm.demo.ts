import { type AlarmDisposalConfig, disposalDue, escalationLevel } from '../../../common/rules/alarm-disposal.js';
import { type AlarmType, checkStale, evaluate, initialRuleState, type RuleState, SEVERITY_OF } from '../../../common/rules/alarm-rules.js';
import type { Executor } from '../../db/client.js';
import { supervisorsOf } from '../org/index.js';
import { type AlarmRow, insertAlarm, insertAlarmTransition, lockRuleState, saveRuleState } from './alarm.repository.js';
import { type AlarmStatus, alarmTransition } from './alarm.workflow.js';
import { type AlarmSensor, TYPE_ZH } from './commands/engine.js';
import { loadAlarmDisposal } from './disposal-settings.js';

/** A demo sensor's seeded history, handed over by the monitoring module's demo seed. */
export interface DemoSensorHistory {
  sensor: AlarmSensor;
  /** The enterprise's point code, which the lifecycle script below is keyed by. */
  code: string;
  readings: { ts: Date; value: number }[];
  /** When the stale sweep noticed the silence, if the sensor fell silent. */
  staleAt: Date | null;
}

type Classification = 'real' | 'false' | 'plannedWork' | 'equipmentFault';

/**
 * What people did with an alarm after the engine raised it, in minutes after the raise (close:
 * after the clear). Steps that would lie in the future are left undone.
 */
interface Lifecycle {
  ack?: number;
  feedback?: { at: number; classification: Classification; analysis: string; feedback?: string };
  close?: number;
  shelve?: { at: number; hours: number; reason: string };
  outOfService?: { at: number; comment: string };
}

/**
 * The demo's disposal story by sensor code and alarm type (the excursions that raise them are the
 * monitoring demo's). Together: every status (ACTIVE_UNACK, ACTIVE_ACK, CLEARED_UNACK, CLEARED,
 * SHELVED, OUT_OF_SERVICE, CLOSED), every classification, and alarms escalated to the county and city.
 */
const SCRIPT: Record<string, Lifecycle> = {
  // 15101 face, upper corner T0: methane rising now; the alarm is acknowledged, the power-off not yet.
  '010101/high': { ack: 3 },
  '010101/powerOff': {},
  // 15101 return T2, yesterday: 报警 and 断电 at once (T2 cuts power at 1.0 %), real, handled and closed.
  ...Object.fromEntries(
    (['high', 'powerOff'] as const).map((type) => [
      `010103/${type}`,
      {
        ack: 4,
        feedback: {
          at: 50,
          classification: 'real',
          analysis: '15101回风巷局部通风不足导致瓦斯积聚，T2 超限断电；已调整风量并加强抽采，浓度恢复正常后复电',
          feedback: '已核查：风门关闭不严造成风量不足，已修复风门；对当班瓦斯检查员进行了提醒教育',
        },
        close: 30,
      },
    ]),
  ),
  // CO in the 15101 return: calibration gas, not a real excursion; feedback filed, not yet closed.
  '010201/high': {
    ack: 5,
    feedback: { at: 40, classification: 'false', analysis: '传感器调校时通入标准气样引起，非真实超限', feedback: '已提醒调校前向调度室报备并申请屏蔽' },
  },
  // The central shaft's fan sensor went silent a day ago: nobody acknowledged, escalated to the city.
  '010401/stale': {},
  // Methanol tank farm: a short LEL rise, cleared before anyone acknowledged (enterprise told).
  'GT-101/high': {},
  // Chlorine detector stuck at one value: classified as an equipment fault, taken out of service.
  'AT-201/flatLine': {
    ack: 12,
    feedback: {
      at: 35,
      classification: 'equipmentFault',
      analysis: '检测仪读数长时间不变，判断为传感器卡死',
      feedback: '已报修，校验前以便携式检测仪每小时巡检',
    },
    outOfService: { at: 50, comment: '仪表故障待校验，停用报警；恢复前企业以便携式检测仪巡检' },
  },
  // Tank T101's radar level gauge jumped for three minutes two days ago: an equipment fault.
  ...Object.fromEntries(
    (['high', 'highHigh'] as const).map((type) => [
      `LT-101/${type}`,
      {
        ack: 2,
        feedback: { at: 45, classification: 'equipmentFault', analysis: '雷达液位计信号跳变，现场液位正常', feedback: '已更换液位计信号电缆并校验' },
        close: 60,
      },
    ]),
  ),
  // Tank T101 emptied for cleaning: the low-level alarm stands, shelved for the maintenance.
  'LT-101/low': { ack: 6, shelve: { at: 20, hours: 24, reason: 'T101储罐倒空清罐检修，液位低报为检修工况，检修期间搁置' } },
  // Tank T101 filled quickly as planned: a rate-of-change alarm of a planned operation.
  'PT-101/rateOfChange': {
    ack: 3,
    feedback: { at: 30, classification: 'plannedWork', analysis: '按计划向T101储罐收料，罐内压力按操作规程上升，属正常工艺操作' },
    close: 40,
  },
};

const ENT_NAME = '安全管理员（演示）';
const GOV_NAME = '值班员（演示）';
const LEVEL_ZH = ['', '逾期未处置（企业）', '逾期未处置，推送县级政府', '逾期未处置，推送市级政府'];
const fmt = (v: number | null, unit: string) => (v === null ? '—' : `${v}${unit}`);
const local = (d: Date) => d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' });
const minutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

interface Episode {
  type: AlarmType;
  start: Date;
  startValue: number | null;
  limit: number | null;
  peak: number | null;
  lastTs: Date;
  lastValue: number | null;
  clear: { at: Date; value: number | null } | null;
}

/**
 * Replays a sensor's history through the rule engine one reading at a time, as ingestion would have:
 * the episodes it raised (with their peaks and clears) and the state it ends in.
 */
function replayHistory(h: DemoSensorHistory): { state: RuleState; episodes: Episode[] } {
  let state = initialRuleState();
  const episodes: Episode[] = [];
  const open = new Map<string, Episode>();
  const take = (events: ReturnType<typeof evaluate>['events']) => {
    for (const e of events) {
      if (e.action === 'raise') {
        const ep: Episode = {
          type: e.type,
          start: e.at,
          startValue: e.value,
          limit: e.limit ?? null,
          peak: e.value,
          lastTs: e.at,
          lastValue: e.value,
          clear: null,
        };
        episodes.push(ep);
        open.set(e.type, ep);
      } else {
        const ep = open.get(e.type);
        if (ep) ep.clear = { at: e.at, value: e.value };
        open.delete(e.type);
      }
    }
  };
  for (const r of h.readings) {
    const out = evaluate(state, h.sensor.rules, [r]);
    state = out.state;
    take(out.events);
    for (const [type, held] of Object.entries(state.active)) {
      const ep = open.get(type);
      if (ep && held) Object.assign(ep, { peak: held.peak ?? ep.peak, lastTs: r.ts, lastValue: r.value });
    }
  }
  if (h.staleAt) {
    const out = checkStale(state, h.sensor.rules, h.staleAt, h.readings[h.readings.length - 1]?.ts ?? null);
    state = out.state;
    take(out.events);
  }
  return { state, episodes };
}

/**
 * Demo alarms for a fresh install (inside the demo transaction), on the monitoring demo's real sensors:
 * each sensor's seeded history is replayed through the rule engine, so every alarm is raised and
 * cleared by the readings on its chart and the engine's stored state matches (the next reading neither
 * raises a duplicate nor misses a clear); then the disposal script above acknowledges, classifies,
 * closes, shelves or takes out of service, and overdue alarms carry the escalation the sweep would
 * have made. No notifications.
 */
export async function seedAlarmDemo(tx: Executor, now: Date, histories: DemoSensorHistory[]): Promise<void> {
  const cfg = (await loadAlarmDisposal(tx)).config;
  for (const h of histories) {
    const { state, episodes } = replayHistory(h);
    const county = (await supervisorsOf(tx, h.sensor.enterpriseId)).government.find((u) => u.regionPath.split('/').filter(Boolean).length === 2);
    for (const ep of episodes) await insertEpisode(tx, now, cfg, h, ep, SCRIPT[`${h.code}/${ep.type}`] ?? {}, county?.name ?? null);
    await lockRuleState(tx, h.sensor.sensorId, now);
    await saveRuleState(tx, h.sensor.sensorId, state, now);
  }
}

async function insertEpisode(
  tx: Executor,
  now: Date,
  cfg: AlarmDisposalConfig,
  h: DemoSensorHistory,
  ep: Episode,
  script: Lifecycle,
  countyName: string | null,
): Promise<void> {
  const s = h.sensor;
  const severity = SEVERITY_OF[ep.type];
  const due = disposalDue(severity, ep.start, cfg);
  const steps: { action: string; from: string; to: string; at: Date; comment: string; actor: 'engine' | 'enterprise' | 'regulator' | 'sweep' }[] = [];
  let status: AlarmStatus = 'ACTIVE_UNACK';
  let active = true;
  const row: Partial<AlarmRow> = {};
  const past = (at: Date) => at.getTime() <= now.getTime();
  // The script's steps and the engine's clear, in time order.
  const plan: { at: Date; run: () => void }[] = [];
  const move = (action: Parameters<typeof alarmTransition>[1], at: Date, comment: string, actor: 'enterprise' | 'regulator' | 'engine') => {
    const to = alarmTransition(status, action, active);
    if (!to) return false;
    steps.push({ action, from: status, to, at, comment, actor });
    status = to;
    return true;
  };
  if (ep.clear) {
    const c = ep.clear;
    plan.push({
      at: c.at,
      run: () => {
        active = false;
        move('clear', c.at, `恢复正常：${fmt(c.value, s.unit)}`, 'engine');
      },
    });
  }
  if (script.ack !== undefined) {
    const at = minutes(ep.start, script.ack);
    plan.push({ at, run: () => move('ack', at, '已确认，现场核查中', 'enterprise') && Object.assign(row, { ackTs: at, ackBy: ENT_NAME }) });
  }
  if (script.feedback) {
    const f = script.feedback;
    const at = minutes(ep.start, f.at);
    plan.push({
      at,
      run: () =>
        move('feedback', at, f.analysis, 'enterprise') &&
        Object.assign(row, {
          classification: f.classification,
          analysis: f.analysis,
          feedback: f.feedback ?? null,
          feedbackByName: ENT_NAME,
          feedbackAt: at,
          ...(row.ackTs ? {} : { ackTs: at, ackBy: ENT_NAME }),
        }),
    });
  }
  if (script.close !== undefined && ep.clear) {
    const at = minutes(ep.clear.at, script.close);
    plan.push({ at, run: () => move('close', at, '处置完毕，闭环', 'enterprise') && Object.assign(row, { closedAt: at }) });
  }
  if (script.shelve) {
    const sh = script.shelve;
    const at = minutes(ep.start, sh.at);
    const until = new Date(at.getTime() + Math.min(sh.hours, cfg.maxShelveHours) * 3_600_000);
    plan.push({ at, run: () => move('shelve', at, sh.reason, 'regulator') && Object.assign(row, { shelvedUntil: until, shelveReason: sh.reason }) });
  }
  if (script.outOfService) {
    const o = script.outOfService;
    const at = minutes(ep.start, o.at);
    plan.push({ at, run: () => move('outOfService', at, o.comment, 'regulator') });
  }
  plan.sort((a, b) => a.at.getTime() - b.at.getTime());
  // Escalation stops where a regulator's decision or the closing froze the alarm.
  let frozenAt = now;
  for (const p of plan) {
    if (!past(p.at)) continue;
    const before: AlarmStatus = status;
    p.run();
    if (status !== before && ['CLOSED', 'SHELVED', 'OUT_OF_SERVICE'].includes(status) && frozenAt === now) frozenAt = p.at;
  }
  const known = (d: Date | null | undefined) => (d && d.getTime() <= frozenAt.getTime() ? d : null);
  const facts = { ackDue: due.ackDue, ackTs: known(row.ackTs), feedbackDue: due.feedbackDue, feedbackAt: known(row.feedbackAt) };
  const level = escalationLevel(facts, frozenAt, cfg);
  const missed = [!facts.ackTs ? due.ackDue : null, !facts.feedbackAt ? due.feedbackDue : null]
    .filter((d): d is Date => !!d && d <= frozenAt)
    .sort((a, b) => a.getTime() - b.getTime())[0];
  for (let l = 1; l <= level && missed; l++) {
    const at = minutes(missed, (l - 1) * cfg.escalateStepMinutes);
    const why = missed === due.ackDue ? `未在 ${local(due.ackDue)} 前确认` : `未在 ${local(due.feedbackDue)} 前反馈处置结果`;
    steps.push({ action: `escalate${l}`, from: status, to: status, at, comment: `${LEVEL_ZH[l]}：${why}`, actor: 'sweep' });
  }
  steps.sort((a, b) => a.at.getTime() - b.at.getTime());

  const a = await insertAlarm(tx, {
    sensorId: s.sensorId,
    sensorName: s.name,
    sensorType: s.type,
    unit: s.unit,
    location: s.location,
    enterpriseId: s.enterpriseId,
    enterpriseName: s.enterpriseName,
    regionPath: s.regionPath,
    industry: s.industry,
    groupId: s.groupId,
    type: ep.type,
    severity,
    status,
    active,
    limitValue: ep.limit,
    startValue: ep.startValue,
    peakValue: ep.peak,
    lastValue: active ? ep.lastValue : (ep.clear?.value ?? ep.lastValue),
    startTs: ep.start,
    lastTs: active ? ep.lastTs : (ep.clear?.at ?? ep.lastTs),
    clearTs: active ? null : (ep.clear?.at ?? null),
    ackDue: due.ackDue,
    feedbackDue: due.feedbackDue,
    escalation: level,
    ackTs: row.ackTs ?? null,
    ackBy: row.ackBy ?? null,
    classification: row.classification ?? null,
    analysis: row.analysis ?? null,
    feedback: row.feedback ?? null,
    feedbackByName: row.feedbackByName ?? null,
    feedbackAt: row.feedbackAt ?? null,
    shelvedUntil: row.shelvedUntil ?? null,
    shelveReason: row.shelveReason ?? null,
    closedAt: row.closedAt ?? null,
    createdAt: ep.start,
    updatedAt: now,
  });
  const raise = `${TYPE_ZH[ep.type]}：${fmt(ep.startValue, s.unit)}${ep.limit !== null ? `（限值 ${ep.limit}${s.unit}）` : ''}`;
  const who = {
    engine: { actorName: '系统（报警引擎）', actorUnit: null },
    sweep: { actorName: '系统（报警处置督办）', actorUnit: null },
    enterprise: { actorName: ENT_NAME, actorUnit: s.enterpriseName },
    regulator: { actorName: GOV_NAME, actorUnit: countyName },
  };
  for (const st of [{ action: 'raise', from: 'NORMAL', to: 'ACTIVE_UNACK', at: ep.start, comment: raise, actor: 'engine' as const }, ...steps]) {
    await insertAlarmTransition(tx, {
      alarmId: a.id,
      action: st.action,
      fromStatus: st.from,
      toStatus: st.to,
      actorId: null,
      ...who[st.actor],
      at: st.at,
      comment: st.comment,
      data: null,
    });
  }
}
