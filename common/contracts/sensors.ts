import { z } from 'zod';
import { ZInstant } from './dates.js';
import { SENSOR_TYPES, ZSensorRules } from './monitoring.js';

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
