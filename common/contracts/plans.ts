import { z } from 'zod';

/** Entering another year's notice as a work plan (UI form or Excel template). */
export const INDICATOR_KEYS = [
  'leaderLecture',
  'monthlySafetyMeeting',
  'supervisionTableComplete',
  'groupInspections',
  'hazchemFourSystems',
  'officerTraining',
  'equipmentPerOfficer',
  'intelligentMiningFaces',
  'standardizationCoal',
  'standardizationHighRisk',
  'liabilityInsurance',
  'fatalAccidentActions',
  'taskOnTime',
] as const;

const text = (max: number) => z.string().trim().min(1).max(max);

export const ZPlanItemInput = z.strictObject({
  number: z.number().int().min(1).max(500),
  section: text(200),
  title: text(200),
  titleEn: z.string().trim().max(300).default(''),
  text: text(20_000),
  responsibleUnits: z.array(text(100)).max(50).default([]),
  indicators: z
    .array(
      z.strictObject({
        key: z.enum(INDICATOR_KEYS),
        name: text(100),
        nameEn: z.string().trim().max(200).default(''),
        target: text(200),
        quote: z.string().trim().max(1000).default(''),
      }),
    )
    .max(20)
    .default([]),
});

export const ZCreatePlan = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  issuer: text(100),
  document: text(100),
  title: text(300),
  regionCode: z.string().regex(/^\d{6,12}$/, { message: 'region' }),
  items: z.array(ZPlanItemInput).min(1).max(500),
});
export type TCreatePlan = z.infer<typeof ZCreatePlan>;
