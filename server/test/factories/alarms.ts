import { ALARM_DISPOSAL_SOURCE, DEFAULT_ALARM_DISPOSAL, disposalDue } from '../../../common/rules/alarm-disposal.js';
import type { AlarmSeverity, AlarmType } from '../../../common/rules/alarm-rules.js';
import type { Executor } from '../../db/client.js';
import { alarm, alarmTransition } from '../../modules/alarms/alarm.schema.js';
import type { AlarmStatus } from '../../modules/alarms/alarm.workflow.js';
import type { sensor } from '../../modules/monitoring/monitoring.schema.js';

/**
 * An alarm of a sensor in any status in one call, with the columns that status implies (acknowledged, cleared,
 * classified with its analysis, shelved until a time, closed) and its history as transitions; due times from the
 * default disposal limits. Inserted directly, consistent with the schema and alarm.workflow.ts.
 */

type Sensor = Pick<
  typeof sensor.$inferSelect,
  'id' | 'name' | 'type' | 'unit' | 'location' | 'enterpriseId' | 'enterpriseName' | 'regionPath' | 'industry' | 'groupId'
>;

const ACKED: AlarmStatus[] = ['ACTIVE_ACK', 'CLEARED', 'CLOSED'];
const CLEARED: AlarmStatus[] = ['CLEARED_UNACK', 'CLEARED', 'CLOSED'];
const LAST_STEP: Record<Exclude<AlarmStatus, 'ACTIVE_UNACK'>, string> = {
  ACTIVE_ACK: 'ack',
  CLEARED_UNACK: 'clear',
  CLEARED: 'feedback',
  SHELVED: 'shelve',
  OUT_OF_SERVICE: 'outOfService',
  CLOSED: 'close',
};

export async function makeAlarm(
  ex: Executor,
  s: Sensor,
  o: {
    status?: AlarmStatus;
    type?: AlarmType;
    severity?: AlarmSeverity;
    classification?: 'real' | 'false' | 'plannedWork' | 'equipmentFault';
    at?: Date;
    over?: Partial<typeof alarm.$inferInsert>;
  } = {},
) {
  const at = o.at ?? new Date();
  const status = o.status ?? 'ACTIVE_UNACK';
  const severity = o.severity ?? (o.type === 'stale' ? 'blue' : 'orange');
  const start = new Date(at.getTime() - 3_600_000);
  const due = disposalDue(severity, start, DEFAULT_ALARM_DISPOSAL);
  const acked = ACKED.includes(status);
  const cleared = CLEARED.includes(status);
  // CLEARED and CLOSED come with the disposal feedback filed (the step that led there); pass classification for others.
  const classification = o.classification ?? (status === 'CLOSED' || status === 'CLEARED' ? 'real' : null);
  // The condition still holds unless the alarm has cleared (a shelved or out-of-service alarm may still be over the limit).
  const active = !cleared;
  const [row] = await ex
    .insert(alarm)
    .values({
      sensorId: s.id,
      sensorName: s.name,
      sensorType: s.type,
      unit: s.unit,
      location: s.location,
      enterpriseId: s.enterpriseId,
      enterpriseName: s.enterpriseName,
      regionPath: s.regionPath,
      industry: s.industry,
      groupId: s.groupId,
      type: o.type ?? 'high',
      severity,
      status,
      active,
      limitValue: o.type === 'stale' ? null : 1.0,
      startValue: 1.12,
      peakValue: 1.34,
      lastValue: cleared ? 0.6 : 1.2,
      startTs: start,
      lastTs: at,
      ackTs: acked ? new Date(start.getTime() + 600_000) : null,
      ackBy: acked ? '测试安全员' : null,
      clearTs: cleared ? new Date(start.getTime() + 1_800_000) : null,
      ackDue: due.ackDue,
      feedbackDue: due.feedbackDue,
      classification,
      analysis: classification ? '回风巷局部瓦斯积聚，已加强通风' : null,
      feedback: classification ? '已排查，恢复正常' : null,
      feedbackByName: classification ? '测试安全员' : null,
      feedbackAt: classification ? new Date(start.getTime() + 2_400_000) : null,
      shelvedUntil: status === 'SHELVED' ? new Date(at.getTime() + 8 * 3_600_000) : null,
      shelveReason: status === 'SHELVED' ? '计划检修' : null,
      closedAt: status === 'CLOSED' ? at : null,
      createdAt: start,
      updatedAt: at,
      ...o.over,
    })
    .returning();
  const a = row as typeof alarm.$inferSelect;
  await ex.insert(alarmTransition).values({
    alarmId: a.id,
    action: 'raise',
    fromStatus: 'NORMAL',
    toStatus: 'ACTIVE_UNACK',
    actorName: '系统（报警引擎）',
    at: start,
    comment: '',
    data: { value: 1.12, limit: a.limitValue, source: ALARM_DISPOSAL_SOURCE },
  });
  // The last step that led to the status (the history the detail's timeline shows).
  if (status !== 'ACTIVE_UNACK')
    await ex
      .insert(alarmTransition)
      .values({ alarmId: a.id, action: LAST_STEP[status], fromStatus: 'ACTIVE_UNACK', toStatus: status, actorName: '测试', at, comment: '' });
  return a;
}
