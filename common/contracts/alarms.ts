import { z } from 'zod';
import { INDUSTRY_KEYS } from '../industries.js';
import { ALARM_SEVERITIES, ALARM_TYPES } from '../rules/alarm-rules.js';
import { ZDate } from './dates.js';

/** Alarm requests (报警处置, issue 6). Statuses and classifications mirror server/modules/alarms/alarm.workflow.ts. */

const text = (max: number) => z.string().trim().min(2).max(max);
const ZIds = z.array(z.string().uuid({ message: 'invalid_format' })).max(20);

export const ALARM_STATUS_KEYS = ['ACTIVE_UNACK', 'ACTIVE_ACK', 'CLEARED_UNACK', 'CLEARED', 'SHELVED', 'OUT_OF_SERVICE', 'CLOSED'] as const;
export const ALARM_CLASSIFICATIONS = ['real', 'false', 'plannedWork', 'equipmentFault'] as const;

export const ZAlarmListQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  q: z.string().trim().max(100).optional(),
  /** A status, or active (condition active), open (not closed), unack. */
  status: z.enum([...ALARM_STATUS_KEYS, 'active', 'open', 'unack']).optional(),
  severity: z.enum(ALARM_SEVERITIES).optional(),
  type: z.enum(ALARM_TYPES).optional(),
  classification: z.enum([...ALARM_CLASSIFICATIONS, 'none']).optional(),
  enterpriseId: z.string().uuid({ message: 'invalid_format' }).optional(),
  regionCode: z
    .string()
    .regex(/^\d{6,12}$/, { message: 'region' })
    .optional(),
  industry: z.enum(INDUSTRY_KEYS).optional(),
  sensorId: z.string().trim().max(120).optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  lang: z.string().optional(),
});
export type TAlarmListQuery = z.infer<typeof ZAlarmListQuery>;

export const ZAlarmStep = z.strictObject({ comment: z.string().trim().max(2000).default('') });
export type TAlarmStep = z.infer<typeof ZAlarmStep>;

/** 分析研判 (analysis) and 核查反馈 (what was checked and done), classifying the alarm. */
export const ZAlarmFeedback = z.strictObject({
  classification: z.enum(ALARM_CLASSIFICATIONS),
  analysis: text(4000),
  feedback: z.string().trim().max(4000).optional(),
  evidence: ZIds.default([]),
});
export type TAlarmFeedback = z.infer<typeof ZAlarmFeedback>;

/** Shelving is time-limited (hours; the limit is configuration) and needs a reason. */
export const ZAlarmShelve = z.strictObject({ hours: z.number().int().min(1).max(720), reason: text(1000) });
export type TAlarmShelve = z.infer<typeof ZAlarmShelve>;

export const ZAlarmToHazard = z.strictObject({
  title: text(120).optional(),
  description: text(4000).optional(),
  comment: z.string().trim().max(2000).default(''),
});
export type TAlarmToHazard = z.infer<typeof ZAlarmToHazard>;

export const ZAlarmToTask = z.strictObject({
  title: text(120).optional(),
  content: text(4000).optional(),
  complexity: z.enum(['general', 'major']).default('general'),
  comment: z.string().trim().max(2000).default(''),
});
export type TAlarmToTask = z.infer<typeof ZAlarmToTask>;

export const ZAlarmStatsQuery = ZAlarmListQuery.omit({ page: true, pageSize: true });
export type TAlarmStatsQuery = z.infer<typeof ZAlarmStatsQuery>;

const upTo = (max: number) => z.number().int().min(1).max(max);
const perSeverity = (max: number) => z.strictObject({ red: upTo(max), orange: upTo(max), yellow: upTo(max), blue: upTo(max) });

/**
 * The disposal time limits and escalation step in force (setting `alarm.disposal`; defaults and 依据 in
 * common/rules/alarm-disposal.ts). Acknowledge within a week at most, feedback within 30 days, a step of
 * 5 minutes to a day, shelving up to 30 days (ZAlarmShelve's own ceiling).
 */
export const ZAlarmDisposal = z.strictObject({
  ackMinutes: perSeverity(7 * 24 * 60),
  feedbackHours: perSeverity(30 * 24),
  escalateStepMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  maxShelveHours: z.number().int().min(1).max(720),
});
export type TAlarmDisposal = z.infer<typeof ZAlarmDisposal>;

// ---- responses ----

export const ALARM_DISPOSAL_STATES = ['done', 'onTrack', 'overdue'] as const;

/** The list row (server/modules/alarms/alarm.presenter.ts presentAlarmSummary). */
export const ZAlarmSummary = z.object({
  id: z.string(),
  sensorId: z.string(),
  sensorName: z.string(),
  sensorType: z.string(),
  unit: z.string(),
  location: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  industry: z.string(),
  type: z.enum(ALARM_TYPES),
  severity: z.enum(ALARM_SEVERITIES),
  status: z.enum(ALARM_STATUS_KEYS),
  active: z.boolean(),
  limitValue: z.number().nullable(),
  peakValue: z.number().nullable(),
  lastValue: z.number().nullable(),
  startTs: z.string(),
  lastTs: z.string(),
  clearTs: z.string().nullable(),
  ackDue: z.string(),
  feedbackDue: z.string(),
  /** Escalation level reached (0: none; each step tells the next unit up). */
  escalation: z.number(),
  classification: z.enum(ALARM_CLASSIFICATIONS).nullable(),
  disposalState: z.enum(ALARM_DISPOSAL_STATES),
  hazardId: z.string().nullable(),
  taskId: z.string().nullable(),
});

/** What a step recorded besides its comment (which fields depend on the step: feedback, shelve, escalate, toHazard …). */
export const ZAlarmTransitionData = z.object({
  classification: z.string().optional(),
  feedback: z.string().nullable().optional(),
  previous: z.string().nullable().optional(),
  until: z.string().optional(),
  hours: z.number().optional(),
  hazardId: z.string().optional(),
  code: z.string().optional(),
  taskId: z.string().optional(),
  value: z.number().optional(),
  limit: z.number().nullable().optional(),
  level: z.number().optional(),
  units: z.array(z.object({ id: z.string().optional(), name: z.string().optional() })).optional(),
  source: z.string().optional(),
});

export const ZAlarmTransition = z.object({
  id: z.string(),
  action: z.string(),
  fromStatus: z.string(),
  toStatus: z.string(),
  actorName: z.string(),
  actorUnit: z.string().nullable(),
  at: z.string(),
  comment: z.string(),
  evidence: z.array(z.string()),
  data: ZAlarmTransitionData.nullable(),
});

export const ZAlarmDetail = ZAlarmSummary.extend({
  startValue: z.number().nullable(),
  ackTs: z.string().nullable(),
  ackBy: z.string().nullable(),
  analysis: z.string().nullable(),
  feedback: z.string().nullable(),
  evidence: z.array(z.string()),
  feedbackByName: z.string().nullable(),
  feedbackAt: z.string().nullable(),
  shelvedUntil: z.string().nullable(),
  shelveReason: z.string().nullable(),
  closedAt: z.string().nullable(),
  version: z.number(),
  transitions: z.array(ZAlarmTransition),
});

/** What the caller may do with the alarm (server/modules/alarms/alarm.policy.ts alarmAbilities). */
export const ZAlarmAbilities = z.object({
  ack: z.boolean(),
  feedback: z.boolean(),
  shelve: z.boolean(),
  unshelve: z.boolean(),
  outOfService: z.boolean(),
  returnToService: z.boolean(),
  close: z.boolean(),
  toHazard: z.boolean(),
  toTask: z.boolean(),
});
export const ZAlarmResponse = z.object({ data: ZAlarmDetail, abilities: ZAlarmAbilities });

const counts = <K extends readonly [string, ...string[]]>(keys: K) => z.partialRecord(z.enum(keys), z.number());

export const ZAlarmStats = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number(),
  active: z.number(),
  bySeverity: counts(ALARM_SEVERITIES),
  byStatus: counts(ALARM_STATUS_KEYS),
  /** `none`: not classified yet. */
  byClassification: counts([...ALARM_CLASSIFICATIONS, 'none']),
  byType: counts(ALARM_TYPES),
  /** Share of false alarms among classified alarms (%). */
  falseShare: z.number().nullable(),
  enterprises: z.array(
    z.object({
      enterpriseId: z.string(),
      enterpriseName: z.string(),
      total: z.number(),
      real: z.number(),
      false: z.number(),
      plannedWork: z.number(),
      equipmentFault: z.number(),
      unclassified: z.number(),
      overdueDisposal: z.number(),
      falseShare: z.number().nullable(),
      feedbackRate: z.number().nullable(),
    }),
  ),
  source: z.string(),
});

const ZFieldSource = z.object({ zh: z.string(), en: z.string(), verified: z.boolean() });
/** GET /api/alarm-disposal: the limits in force, the defaults and each field's 依据. */
export const ZAlarmDisposalView = z.object({
  config: ZAlarmDisposal,
  defaults: ZAlarmDisposal,
  configured: z.boolean(),
  source: z.string(),
  fieldSources: z.object({ ackMinutes: ZFieldSource, feedbackHours: ZFieldSource, escalateStepMinutes: ZFieldSource, maxShelveHours: ZFieldSource }),
  abilities: z.object({ configure: z.boolean() }),
});
