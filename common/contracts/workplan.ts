import { z } from 'zod';
import { ZDate } from './dates.js';
import { INDICATOR_KEYS } from './plans.js';
import { ASSIGNEE_STATUSES, TASK_STATUSES } from './tasks.js';

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

/** item 2: a government meeting that studied work safety */
const ZSafetyMeeting = z.strictObject({ chair: text(40), topics: text(1000) });
/** item 1: the principal leader's work-safety lecture */
const ZLeaderLecture = z.strictObject({ lecturer: text(40), audience: z.number().int().min(1).max(100_000) });
/** item 4: a group leader's inspection of a subsidiary */
const ZGroupInspection = z.strictObject({
  role: z.enum(['chairman', 'generalManager']),
  inspector: text(40),
  subsidiaryId: z.string().uuid(),
  findings: text(1000),
});
/** item 12: one officer's rotation training */
const ZOfficerTraining = z.strictObject({ officer: text(40), days: z.number().int().min(1).max(365), course: text(200) });
/** item 14: a unit's enforcement officers and equipment sets at a date (the latest counts) */
const ZEnforcementEquipment = z.strictObject({ officers: z.number().int().min(0).max(100_000), equipmentSets: z.number().int().min(0).max(1_000_000) });
/** item 18: an intelligent mining face put into use */
const ZMiningFace = z.strictObject({ face: text(100), kind: z.enum(['coalFace', 'heading']) });
/** item 9: whether a hazardous-chemical major-hazard enterprise has the four systems */
const ZHazchemSystems = z.strictObject({
  majorHazard: z.boolean(),
  automaticControl: z.boolean(),
  safetyInstrumented: z.boolean(),
  emergencyShutdown: z.boolean(),
  gasLeakDetection: z.boolean(),
});

/** Each kind's fields (the request carries them as `detail`, checked by its kind's schema). */
export const REGISTER_DETAIL = {
  safetyMeeting: ZSafetyMeeting,
  leaderLecture: ZLeaderLecture,
  groupInspection: ZGroupInspection,
  officerTraining: ZOfficerTraining,
  enforcementEquipment: ZEnforcementEquipment,
  miningFace: ZMiningFace,
  hazchemSystems: ZHazchemSystems,
} satisfies Record<RegisterKind, z.ZodType>;

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

// ---- responses (server/modules/workplan returns these; the web infers its types from them) ----

/** A stored entry's fields: one of the kinds' shapes. */
export const ZRegisterDetail = z.union([
  ZSafetyMeeting,
  ZLeaderLecture,
  ZGroupInspection,
  ZOfficerTraining,
  ZEnforcementEquipment,
  ZMiningFace,
  ZHazchemSystems,
]);

export const ZRegisterEntry = z.object({
  id: z.string(),
  kind: z.enum(REGISTER_KINDS),
  departmentId: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  unitName: z.string(),
  date: z.string(),
  title: z.string(),
  detail: ZRegisterDetail,
  createdByName: z.string(),
  createdAt: z.string(),
});

export const ZPlan = z.object({
  id: z.string(),
  year: z.number().int(),
  issuer: z.string(),
  document: z.string(),
  title: z.string(),
  regionCode: z.string(),
  createdAt: z.string(),
});

export const INDICATOR_STATUSES = ['green', 'yellow', 'red', 'grey'] as const;

/** A unit, enterprise, accident or task that falls short of an indicator. */
export const ZShortfall = z.object({ id: z.string().nullable(), name: z.string(), detail: z.string() });

/** An indicator of the notice, computed from live records. */
export const ZIndicator = z.object({
  key: z.enum(INDICATOR_KEYS),
  name: z.string(),
  nameEn: z.string(),
  target: z.string(),
  /** The exact phrase of the notice the indicator measures. */
  quote: z.string(),
  value: z.number().nullable(),
  /** What the value means, e.g. '68 / 80 = 85%'. */
  display: z.string(),
  targetValue: z.number(),
  unit: z.enum(['percent', 'count', 'ratio']),
  status: z.enum(INDICATOR_STATUSES),
  shortfallCount: z.number().int(),
});

const ZPlanItemFields = z.object({
  id: z.string(),
  number: z.number().int(),
  section: z.string(),
  title: z.string(),
  titleEn: z.string(),
  text: z.string(),
  responsibleUnits: z.array(z.string()),
  /** The worst colour of its measured indicators. */
  status: z.enum(INDICATOR_STATUSES),
});

/** 落实情况: every item with its computed indicators and colour. */
export const ZPlanOverview = z.object({
  plan: ZPlan,
  items: z.array(ZPlanItemFields.extend({ indicators: z.array(ZIndicator), taskCount: z.number().int() })),
});

/** One item with the units that fall short of each indicator, and its 督办 tasks. */
export const ZPlanItemDetail = z.object({
  plan: ZPlan.pick({ id: true, year: true, document: true, title: true }),
  item: ZPlanItemFields.extend({ indicators: z.array(ZIndicator.extend({ shortfalls: z.array(ZShortfall) })) }),
  tasks: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      title: z.string(),
      status: z.enum(TASK_STATUSES),
      units: z.array(z.object({ unitName: z.string(), status: z.enum(ASSIGNEE_STATUSES), resolveDue: z.string() })),
    }),
  ),
});

export const ZCreatedId = z.object({ id: z.string() });
