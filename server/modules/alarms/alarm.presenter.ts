import type { z } from 'zod';
import type { ZAlarmDetail, ZAlarmSummary, ZAlarmTransition, ZAlarmTransitionData } from '../../../common/contracts/alarms.js';
import type { AlarmRow, AlarmTransitionRow } from './alarm.repository.js';

type Summary = z.input<typeof ZAlarmSummary>;

/** Where an alarm stands against its disposal time limits. */
export function disposalState(a: Pick<AlarmRow, 'status' | 'ackTs' | 'ackDue' | 'feedbackAt' | 'feedbackDue'>, now: Date): 'done' | 'onTrack' | 'overdue' {
  if (a.status === 'CLOSED' || a.feedbackAt) return a.feedbackAt && a.feedbackAt > a.feedbackDue ? 'overdue' : 'done';
  if ((!a.ackTs && a.ackDue <= now) || a.feedbackDue <= now) return 'overdue';
  return 'onTrack';
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The list row: a whitelist of fields (rows are never returned raw). */
export function presentAlarmSummary(a: AlarmRow, now: Date): z.input<typeof ZAlarmSummary> {
  return {
    id: a.id,
    sensorId: a.sensorId,
    sensorName: a.sensorName,
    sensorType: a.sensorType,
    unit: a.unit,
    location: a.location,
    enterpriseId: a.enterpriseId,
    enterpriseName: a.enterpriseName,
    industry: a.industry,
    type: a.type as Summary['type'],
    severity: a.severity as Summary['severity'],
    status: a.status as Summary['status'],
    active: a.active,
    limitValue: a.limitValue,
    peakValue: a.peakValue,
    lastValue: a.lastValue,
    startTs: a.startTs.toISOString(),
    lastTs: a.lastTs.toISOString(),
    clearTs: iso(a.clearTs),
    ackDue: a.ackDue.toISOString(),
    feedbackDue: a.feedbackDue.toISOString(),
    escalation: a.escalation,
    classification: a.classification as Summary['classification'],
    disposalState: disposalState(a, now),
    hazardId: a.hazardId,
    taskId: a.taskId,
  };
}

export function presentAlarmTransition(t: AlarmTransitionRow): z.input<typeof ZAlarmTransition> {
  return {
    id: t.id,
    action: t.action,
    fromStatus: t.fromStatus,
    toStatus: t.toStatus,
    actorName: t.actorName,
    actorUnit: t.actorUnit,
    at: t.at.toISOString(),
    comment: t.comment,
    evidence: t.evidence,
    data: t.data as z.input<typeof ZAlarmTransitionData> | null,
  };
}

export function presentAlarm(a: AlarmRow, now: Date, transitions: AlarmTransitionRow[]): z.input<typeof ZAlarmDetail> {
  return {
    ...presentAlarmSummary(a, now),
    startValue: a.startValue,
    ackTs: iso(a.ackTs),
    ackBy: a.ackBy,
    analysis: a.analysis,
    feedback: a.feedback,
    evidence: a.evidence,
    feedbackByName: a.feedbackByName,
    feedbackAt: iso(a.feedbackAt),
    shelvedUntil: iso(a.shelvedUntil),
    shelveReason: a.shelveReason,
    closedAt: iso(a.closedAt),
    version: a.version,
    transitions: transitions.map(presentAlarmTransition),
  };
}
