import type { AlarmRow, AlarmTransitionRow } from './alarm.repository.js';

/** Where an alarm stands against its disposal time limits. */
export function disposalState(a: Pick<AlarmRow, 'status' | 'ackTs' | 'ackDue' | 'feedbackAt' | 'feedbackDue'>, now: Date): 'done' | 'onTrack' | 'overdue' {
  if (a.status === 'CLOSED' || a.feedbackAt) return a.feedbackAt && a.feedbackAt > a.feedbackDue ? 'overdue' : 'done';
  if ((!a.ackTs && a.ackDue <= now) || a.feedbackDue <= now) return 'overdue';
  return 'onTrack';
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The list row: a whitelist of fields (rows are never returned raw). */
export function presentAlarmSummary(a: AlarmRow, now: Date) {
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
    type: a.type,
    severity: a.severity,
    status: a.status,
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
    classification: a.classification,
    disposalState: disposalState(a, now),
    hazardId: a.hazardId,
    taskId: a.taskId,
  };
}

export function presentAlarmTransition(t: AlarmTransitionRow) {
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
    data: t.data,
  };
}

export function presentAlarm(a: AlarmRow, now: Date, transitions: AlarmTransitionRow[]) {
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
