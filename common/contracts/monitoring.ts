import { z } from 'zod';

/**
 * Monitoring contracts shared by the sensor registry (server/modules/monitoring), the alarm engine
 * (server/modules/alarms) and the web: sensor types and the per-sensor rule configuration.
 */
export const SENSOR_TYPES = [
  'ch4',
  'co',
  'o2',
  'windSpeed',
  'temperature',
  'pressure',
  'level',
  'flow',
  'combustibleLel',
  'toxicGas',
  'tailingsWaterLevel',
  'dryBeachLength',
  'phreaticLine',
  'displacement',
  'rainfall',
] as const;
export type SensorType = (typeof SENSOR_TYPES)[number];

const num = z.number().finite();

/**
 * What raises and clears a sensor's alarms. Each limit has its own clear value (hysteresis: an alarm
 * at ≥ high clears only below highClear). Coal methane points add power-off and restore values
 * (煤矿安全规程: 报警 / 断电 / 复电). onDelaySeconds: the condition must hold this long (duration);
 * rateOfChange: |Δvalue| ≥ delta within perSeconds; staleSeconds: no reading for this long is 断线;
 * flatLine: the value stays within ±epsilon for `seconds` (a stuck sensor).
 */
const sensorRuleFields = {
  highHigh: num.optional(),
  highHighClear: num.optional(),
  high: num.optional(),
  highClear: num.optional(),
  low: num.optional(),
  lowClear: num.optional(),
  lowLow: num.optional(),
  lowLowClear: num.optional(),
  powerOff: num.optional(),
  powerRestore: num.optional(),
  onDelaySeconds: z.number().int().min(0).max(86_400).optional(),
  rateOfChange: z.strictObject({ delta: z.number().positive(), perSeconds: z.number().int().min(1).max(86_400) }).optional(),
  staleSeconds: z
    .number()
    .int()
    .min(10)
    .max(7 * 86_400)
    .optional(),
  flatLine: z
    .strictObject({
      seconds: z
        .number()
        .int()
        .min(60)
        .max(7 * 86_400),
      epsilon: z.number().min(0),
    })
    .optional(),
} as const;

export const ZSensorRules = z.strictObject(sensorRuleFields).superRefine((r, ctx) => {
  // A clear value sits on the safe side of its limit, or the alarm would never clear (or chatter).
  const pairs: [keyof typeof r, keyof typeof r, 'below' | 'above'][] = [
    ['high', 'highClear', 'below'],
    ['highHigh', 'highHighClear', 'below'],
    ['low', 'lowClear', 'above'],
    ['lowLow', 'lowLowClear', 'above'],
    ['powerOff', 'powerRestore', 'below'],
  ];
  for (const [limit, clear, side] of pairs) {
    const l = r[limit] as number | undefined;
    const c = r[clear] as number | undefined;
    if (l === undefined || c === undefined) continue;
    if (side === 'below' ? c > l : c < l) ctx.addIssue({ code: 'custom', path: [clear], message: 'invalid' });
  }
});
export type TSensorRules = z.infer<typeof ZSensorRules>;

/**
 * Rules as a response carries them (stored, effective, asked for): the same fields without the request's
 * strictness and cross-field check, so a row saved before a rule tightened still reads.
 */
export const ZSensorRulesOut = z.object(sensorRuleFields);
