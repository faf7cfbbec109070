import { z } from 'zod';
import { ZInstant } from './dates.js';
import { SENSOR_TYPES, ZSensorRules, ZSensorRulesOut } from './monitoring.js';

/** Sensor registry, readings and ingestion payloads (server/modules/monitoring, web/features/monitoring). */

const text = (max: number) => z.string().trim().min(1, { message: 'required' }).max(max, { message: 'too_long' });
const optNum = z.number().finite().nullable().optional();

export const ZCreateSensor = z.object({
  enterpriseId: z.string().uuid({ message: 'invalid_format' }),
  installationId: z.string().uuid({ message: 'invalid_format' }).nullable().optional(),
  /** The installation's name as shown in the live view (e.g. a 重大危险源, a 工作面). */
  installationName: z.string().trim().max(100, { message: 'too_long' }).nullable().optional(),
  code: text(40),
  name: text(100),
  type: z.enum(SENSOR_TYPES),
  unit: text(20),
  rangeLow: optNum,
  rangeHigh: optNum,
  location: text(200),
  coalLocationKey: z.string().max(40).nullable().optional(),
  lng: z.number().min(-180).max(180).nullable().optional(),
  lat: z.number().min(-90).max(90).nullable().optional(),
  /** Omitted: coal CH4 and CO get the 煤矿安全规程 defaults by location, others only the stale check. */
  rules: ZSensorRules.optional(),
  inService: z.boolean().optional(),
});
export type TCreateSensor = z.infer<typeof ZCreateSensor>;

export const ZUpdateSensor = ZCreateSensor.omit({ enterpriseId: true }).partial();
export type TUpdateSensor = z.infer<typeof ZUpdateSensor>;

export const ZSensorListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  q: z.string().trim().max(100).optional(),
  enterpriseId: z.string().uuid({ message: 'invalid_format' }).optional(),
  installationId: z.string().uuid({ message: 'invalid_format' }).optional(),
  type: z.enum(SENSOR_TYPES).optional(),
  status: z.enum(['unknown', 'online', 'stale']).optional(),
  lang: z.string().optional(),
});

/** One reading of a batch: the sensor by its enterprise code (or id), an ISO 8601 time with offset, a number. */
export const ZReadingItem = z
  .object({
    code: z.string().trim().min(1).max(40).optional(),
    sensorId: z.string().uuid({ message: 'invalid_format' }).optional(),
    ts: ZInstant,
    value: z.number().finite(),
  })
  .refine((r) => !!r.code || !!r.sensorId, { message: 'required', path: ['code'] });
export const MAX_BATCH = 5000;
export const ZReadingBatch = z.object({
  /** Optional in the HTTP body (the credential says it); MQTT payloads on an external broker carry the key here. */
  key: z.string().max(200).optional(),
  readings: z.array(ZReadingItem).min(1, { message: 'required' }).max(MAX_BATCH, { message: 'too_big' }),
});
export type TReadingBatch = z.infer<typeof ZReadingBatch>;

export const ZReadingQuery = z.object({
  sensorId: z.string().uuid({ message: 'invalid_format' }),
  from: ZInstant.optional(),
  to: ZInstant.optional(),
  /** raw | rollup | auto (raw up to 6 hours, 5-minute statistics beyond). */
  resolution: z.enum(['raw', 'rollup', 'auto']).default('auto'),
});

/** One installation's sensors in one chart: a registered installation by id, else its free-text name, else (neither) the sensors without one. */
export const ZInstallationTrendQuery = z.object({
  enterpriseId: z.string().uuid({ message: 'invalid_format' }),
  installationId: z.string().uuid({ message: 'invalid_format' }).optional(),
  installationName: z.string().trim().max(100, { message: 'too_long' }).optional(),
  from: ZInstant.optional(),
  to: ZInstant.optional(),
  resolution: z.enum(['raw', 'rollup', 'auto']).default('auto'),
});

export const ZCreateCredential = z.object({
  enterpriseId: z.string().uuid({ message: 'invalid_format' }),
  label: text(60),
});

export const ZQualityQuery = z.object({
  from: ZInstant.optional(),
  to: ZInstant.optional(),
  enterpriseId: z.string().uuid({ message: 'invalid_format' }).optional(),
});

export const ZMonthlyReportQuery = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'invalid_format' }),
  regionCode: z
    .string()
    .regex(/^\d{6,12}$/, { message: 'invalid_format' })
    .optional(),
  format: z.enum(['json', 'xlsx']).default('json'),
  lang: z.string().optional(),
});

/**
 * 申请放宽/停用: what an enterprise asks the supervising department to approve (common/rules/sensor-limits.ts):
 * new rules that loosen a limit (never past the legal one), and/or an out-of-service window with its end.
 */
export const ZSensorChangeRequest = z.object({
  rules: ZSensorRules.optional(),
  outOfServiceUntil: ZInstant.optional(),
  reason: text(500),
});
export type TSensorChangeRequest = z.infer<typeof ZSensorChangeRequest>;

/** The supervising department's decision, with its comment (shown to the enterprise). */
export const ZSensorChangeDecision = z.object({ comment: text(500) });

export const SENSOR_CHANGE_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const ZSensorChangeQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  status: z.enum(SENSOR_CHANGE_STATUSES).optional(),
  sensorId: z.string().uuid({ message: 'invalid_format' }).optional(),
  enterpriseId: z.string().uuid({ message: 'invalid_format' }).optional(),
});

// ---- responses ----

export const SENSOR_STATUSES = ['unknown', 'online', 'stale'] as const;
/** Where the last value stands against the limits (a display level; raising and clearing alarms is the alarm engine's). */
export const SENSOR_LEVELS = ['none', 'normal', 'alarm', 'powerOff', 'stale'] as const;
export type TSensorLevel = (typeof SENSOR_LEVELS)[number];

/** A limit a regulation sets for a sensor, with its 依据 (common/rules/sensor-limits.ts LegalLimit). */
export const ZLegalLimit = z.object({
  key: z.enum(['high', 'highHigh', 'powerOff', 'powerRestore', 'low', 'lowLow']),
  value: z.number(),
  direction: z.enum(['max', 'min']),
  source: z.string(),
  verified: z.boolean(),
});

/** A row of the 煤矿安全规程 CH4 location table (common/rules/coal-gas-thresholds.ts CoalGasRow). */
export const ZCoalLocation = z.object({
  key: z.string(),
  zh: z.string(),
  en: z.string(),
  alarm: z.number(),
  powerOff: z.number().nullable(),
  restore: z.number().nullable(),
  rangeZh: z.string(),
  rangeEn: z.string(),
  verified: z.boolean(),
});

export const ZSensor = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  /** The enterprise's industry (some legal limits depend on it, e.g. coal CO). */
  industry: z.string(),
  installationId: z.string().nullable(),
  installationName: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  type: z.enum(SENSOR_TYPES),
  unit: z.string(),
  rangeLow: z.number().nullable(),
  rangeHigh: z.number().nullable(),
  location: z.string(),
  coalLocationKey: z.string().nullable(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  rules: ZSensorRulesOut,
  /** The rules the engine evaluates: the stored ones clamped to the legal limits. */
  effectiveRules: ZSensorRulesOut,
  legalLimits: z.array(ZLegalLimit),
  /** As evaluated now: false inside an approved out-of-service window. */
  inService: z.boolean(),
  outOfServiceUntil: z.string().nullable(),
  lastValue: z.number().nullable(),
  lastTs: z.string().nullable(),
  status: z.enum(SENSOR_STATUSES),
  staleSince: z.string().nullable(),
  level: z.enum(SENSOR_LEVELS),
});

export const ZSensorDetail = ZSensor.extend({
  /** The 依据 of the default limits (coal CH4 by location, coal CO), null for other sensors. */
  basis: z.object({ source: z.string(), location: ZCoalLocation.nullable() }).nullable(),
});

export const ZLiveGroup = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  installationId: z.string().nullable(),
  installationName: z.string().nullable(),
  sensors: z.array(ZSensor),
});

/** 实时监测: current values grouped by enterprise and installation, with counts per level. */
export const ZLive = z.object({
  at: z.string(),
  counts: z.object({
    total: z.number(),
    none: z.number(),
    normal: z.number(),
    alarm: z.number(),
    powerOff: z.number(),
    stale: z.number(),
  }),
  items: z.array(ZLiveGroup),
});

/** A chart point: a raw reading, or a 5-minute statistic (value = average) with its min, max and count. */
export const ZReadingPoint = z.object({
  ts: z.string(),
  value: z.number(),
  min: z.number().optional(),
  max: z.number().optional(),
  count: z.number().optional(),
});

export const ZReadingSeries = z.object({
  sensorId: z.string(),
  resolution: z.enum(['raw', 'rollup']),
  from: z.string(),
  to: z.string(),
  items: z.array(ZReadingPoint),
});

export const ZInstallationTrend = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  installationId: z.string().nullable(),
  installationName: z.string().nullable(),
  resolution: z.enum(['raw', 'rollup']),
  from: z.string(),
  to: z.string(),
  series: z.array(z.object({ sensor: ZSensor, items: z.array(ZReadingPoint) })),
});

/** What POST /api/readings (and MQTT) took: accepted, duplicates (same sensor and time) and unknown sensor codes. */
export const ZIngestResult = z.object({
  accepted: z.number(),
  duplicates: z.number(),
  unknown: z.number(),
  unknownSensors: z.array(z.string()),
});

/** An ingestion credential: the key id only; `key` (`<keyId>.<secret>`) only in the answer that created it. */
export const ZCredential = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  keyId: z.string(),
  label: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const ZNewCredential = ZCredential.extend({ key: z.string() });

/** One loosening a change would make (common/rules/sensor-limits.ts Loosening). */
export const ZLoosening = z.object({
  field: z.string(),
  from: z.union([z.number(), z.boolean(), z.string()]).nullable(),
  to: z.union([z.number(), z.boolean(), z.string()]).nullable(),
  legal: z.number().nullable(),
  source: z.string(),
});

export const ZSensorChangeRequestView = z.object({
  id: z.string(),
  sensorId: z.string(),
  sensorCode: z.string(),
  sensorName: z.string(),
  unit: z.string(),
  location: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  fromRules: ZSensorRulesOut,
  toRules: ZSensorRulesOut,
  outOfServiceUntil: z.string().nullable(),
  changes: z.array(ZLoosening),
  reason: z.string(),
  status: z.enum(SENSOR_CHANGE_STATUSES),
  requestedByName: z.string(),
  requestedByUnit: z.string().nullable(),
  requestedAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedByUnit: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
  appliedAt: z.string().nullable(),
  basis: z.string(),
  abilities: z.object({ approve: z.boolean(), reject: z.boolean() }),
});

/** 数据质量 and the monthly report: one enterprise's sensors, online rate and alarms by classification. */
export const ZEnterpriseQuality = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  sensors: z.number(),
  stale: z.number(),
  onlineRate: z.number().nullable(),
  alarms: z.number(),
  realAlarms: z.number(),
  falseAlarms: z.number(),
  plannedWork: z.number(),
  equipmentFault: z.number(),
  unclassified: z.number(),
  overdueDisposal: z.number(),
  falseAlarmShare: z.number().nullable(),
});
export type TEnterpriseQuality = z.infer<typeof ZEnterpriseQuality>;

export const ZQuality = z.object({
  from: z.string(),
  to: z.string(),
  /** How onlineRate and falseAlarmShare are computed (shown under the table). */
  definition: z.string(),
  overall: z.object({ sensors: z.number(), onlineRate: z.number().nullable(), stale: z.number() }),
  enterprises: z.array(ZEnterpriseQuality),
  sensors: z.array(ZSensor.extend({ onlineRate: z.number().nullable(), expected: z.number(), received: z.number() })),
  stale: z.array(ZSensor),
});

export const MONTHLY_FINDING_KINDS = ['lowOnline', 'noisy', 'overdue', 'unclassified'] as const;
export const ZMonthlyReport = z.object({
  month: z.string(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  generatedAt: z.string(),
  totals: ZEnterpriseQuality.omit({ enterpriseId: true, enterpriseName: true }).extend({ enterprises: z.number() }),
  enterprises: z.array(ZEnterpriseQuality),
  /** Findings as data (kind, count, up to five names); the page words them in the reader's language. */
  findings: z.array(z.object({ kind: z.enum(MONTHLY_FINDING_KINDS), n: z.number(), names: z.array(z.string()) })),
});
