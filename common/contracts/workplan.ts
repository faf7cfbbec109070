import { z } from 'zod';
import { ZDate } from './dates.js';

/** Register entries that make the notice's indicators real rather than typed-in numbers. */

const text = (max: number) => z.string().trim().min(2).max(max);

export const REGISTER_KINDS = [
  'safetyMeeting',
  'leaderLecture',
  'groupInspection',
  'officerTraining',
  'enforcementEquipment',
  'miningFace',
  'hazchemSystems',
] as const;
export type RegisterKind = (typeof REGISTER_KINDS)[number];

export const REGISTER_DETAIL: Record<RegisterKind, z.ZodType> = {
  /** item 2: a government meeting that studied work safety */
  safetyMeeting: z.strictObject({ chair: text(40), topics: text(1000) }),
  /** item 1: the principal leader's work-safety lecture */
  leaderLecture: z.strictObject({ lecturer: text(40), audience: z.number().int().min(1).max(100_000) }),
  /** item 4: a group leader's inspection of a subsidiary */
  groupInspection: z.strictObject({ role: z.enum(['chairman', 'generalManager']), inspector: text(40), subsidiaryId: z.string().uuid(), findings: text(1000) }),
  /** item 12: one officer's rotation training */
  officerTraining: z.strictObject({ officer: text(40), days: z.number().int().min(1).max(365), course: text(200) }),
  /** item 14: a unit's enforcement officers and equipment sets at a date (the latest counts) */
  enforcementEquipment: z.strictObject({ officers: z.number().int().min(0).max(100_000), equipmentSets: z.number().int().min(0).max(1_000_000) }),
  /** item 18: an intelligent mining face put into use */
  miningFace: z.strictObject({ face: text(100), kind: z.enum(['coalFace', 'heading']) }),
  /** item 9: whether a hazardous-chemical major-hazard enterprise has the four systems */
  hazchemSystems: z.strictObject({
    majorHazard: z.boolean(),
    automaticControl: z.boolean(),
    safetyInstrumented: z.boolean(),
    emergencyShutdown: z.boolean(),
    gasLeakDetection: z.boolean(),
  }),
};

export const ZRecordActivity = z.strictObject({
  kind: z.enum(REGISTER_KINDS),
  date: ZDate,
  title: text(200),
  /** For enterprise-anchored kinds (group inspections, mining faces, the four systems). */
  enterpriseId: z.string().uuid().optional(),
  detail: z.record(z.string(), z.unknown()),
});
export type TRecordActivity = z.infer<typeof ZRecordActivity>;

export const ZRegisterQuery = z.object({
  kind: z.enum(REGISTER_KINDS),
  year: z.coerce.number().int().min(2000).max(2100),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  lang: z.string().optional(),
});
