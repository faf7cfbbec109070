import { z } from 'zod';
import { ENTERPRISE_STATUSES, INDUSTRY_KEYS, INSURANCE_STATUSES, SUPERVISION_CLASSES } from '../industries.js';
import { CHINA_BOUNDS } from '../validators/coordinates.js';
import { isValidPhone, normalizePhone } from '../validators/phone.js';
import { validateUscc } from '../validators/uscc.js';
import { ZDate } from './dates.js';
import { ZPageOf } from './page.js';

/** Request and response shapes of the registry and the 监管一张表 (shared by server and web). */

export const ZUscc = z.string().transform((v, ctx) => {
  const r = validateUscc(v);
  if (!r.valid) {
    ctx.addIssue({ code: 'custom', message: `uscc.${r.errors[0]}`, params: { expected: r.expectedCheck } });
    return z.NEVER;
  }
  return r.normalized;
});

export const ZPhone = z.string().trim().refine(isValidPhone, { message: 'phone' }).transform(normalizePhone);

export const ZLicenceInput = z.object({
  kind: z.string().trim().min(1).max(60),
  number: z.string().trim().min(1).max(80),
  issuedBy: z.string().trim().min(1).max(80),
  validFrom: ZDate,
  validTo: ZDate,
});

/** WGS 84 / CGCS2000 longitude and latitude inside China (bounds per field, so each bad one is named). */
export const ZLng = z.number().min(CHINA_BOUNDS.minLng, { message: 'coordinates' }).max(CHINA_BOUNDS.maxLng, { message: 'coordinates' });
export const ZLat = z.number().min(CHINA_BOUNDS.minLat, { message: 'coordinates' }).max(CHINA_BOUNDS.maxLat, { message: 'coordinates' });

const enterpriseFields = {
  uscc: ZUscc,
  name: z.string().trim().min(2).max(100),
  regionCode: z.string().regex(/^\d{6,12}$/, { message: 'region' }),
  address: z.string().trim().min(2).max(200),
  // Bounds per field so a bad coordinate is reported together with every other bad field.
  lng: ZLng.nullable(),
  lat: ZLat.nullable(),
  industry: z.enum(INDUSTRY_KEYS),
  supervisionClass: z.enum(SUPERVISION_CLASSES),
  legalRepresentative: z.string().trim().min(1).max(40),
  principal: z.string().trim().min(1).max(40),
  safetyManager: z.string().trim().max(40).nullable().optional(),
  phone: ZPhone,
  employees: z.number().int().min(0).max(1_000_000),
  isGroup: z.boolean().default(false),
  groupId: z.string().uuid().nullable().optional(),
  standardizationGrade: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable(),
  standardizationExpiry: ZDate.nullable().optional(),
  insuranceStatus: z.enum(INSURANCE_STATUSES),
  insuranceExpiry: ZDate.nullable().optional(),
  insurer: z.string().trim().max(80).nullable().optional(),
  licences: z.array(ZLicenceInput).max(20).default([]),
};

/** Both coordinates or neither: the missing one is named. */
export function coordinateCheck(v: { lng?: number | null; lat?: number | null }, ctx: z.RefinementCtx) {
  const hasLng = v.lng !== null && v.lng !== undefined;
  const hasLat = v.lat !== null && v.lat !== undefined;
  if (hasLng !== hasLat) ctx.addIssue({ code: 'custom', path: [hasLng ? 'lat' : 'lng'], message: 'required' });
}

function licenceDates(v: { licences?: { validFrom: string; validTo: string }[] }, ctx: z.RefinementCtx) {
  v.licences?.forEach((l, i) => {
    if (l.validTo < l.validFrom) ctx.addIssue({ code: 'custom', path: ['licences', i, 'validTo'], message: 'dateOrder' });
  });
}

export const ZCreateEnterprise = z.strictObject(enterpriseFields).superRefine((v, ctx) => {
  coordinateCheck(v, ctx);
  licenceDates(v, ctx);
});
export type TCreateEnterprise = z.infer<typeof ZCreateEnterprise>;

/** PATCH: any subset, plus the version read (optimistic concurrency: a stale edit is 409, never a lost update). */
export const ZUpdateEnterprise = z
  .strictObject({ ...enterpriseFields, version: z.number().int().min(1) })
  .partial()
  .required({ version: true })
  .superRefine((v, ctx) => {
    coordinateCheck(v, ctx);
    licenceDates(v, ctx);
  });
export type TUpdateEnterprise = z.infer<typeof ZUpdateEnterprise>;

export const ENTERPRISE_STATUS_ACTIONS = ['suspend', 'resume', 'close'] as const;
export type EnterpriseStatusAction = (typeof ENTERPRISE_STATUS_ACTIONS)[number];

export const ZStatusAction = z.strictObject({
  comment: z.string().trim().min(2).max(500),
  documentNumber: z.string().trim().max(80).optional(),
});

export const ZEnterpriseListQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
  q: z.string().trim().max(100).optional(),
  sort: z
    .string()
    .regex(/^(name|uscc|industry|supervisionClass|status|employees|updatedAt|regionCode):(asc|desc)$/, { message: 'invalid_format' })
    .optional(),
  regionCode: z
    .string()
    .regex(/^\d{6,12}$/, { message: 'region' })
    .optional(),
  industry: z.enum(INDUSTRY_KEYS).optional(),
  supervisionClass: z.enum(SUPERVISION_CLASSES).optional(),
  status: z.enum(ENTERPRISE_STATUSES).optional(),
  groupId: z.string().uuid().optional(),
  lang: z.enum(['zh-CN', 'en-US']).optional(),
});
export type TEnterpriseListQuery = z.infer<typeof ZEnterpriseListQuery>;

export const ZSupervisionQuery = ZEnterpriseListQuery.extend({
  departmentId: z.string().uuid().optional(),
  /** Only rows the notice's rule flags: no supervising department, or no named responsible person. */
  gap: z.enum(['any', 'noDepartment', 'noPerson']).optional(),
});
export type TSupervisionQuery = z.infer<typeof ZSupervisionQuery>;

export const ZAssignmentInput = z.strictObject({
  departmentId: z.string().uuid(),
  responsiblePerson: z.string().trim().min(1).max(40).nullable(),
  responsiblePhone: ZPhone.nullable().optional(),
  primary: z.boolean().default(true),
});

export const ZSetAssignments = z.strictObject({
  assignments: z.array(ZAssignmentInput).max(10),
});

// ---- responses ----

export const ZRegion = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  level: z.string(),
  parentCode: z.string().nullable(),
});

export const ZDepartment = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  nameEn: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  kind: z.string(),
  industries: z.array(z.string()),
});

export const ZLicence = ZLicenceInput.extend({ id: z.string(), expired: z.boolean(), expiringSoon: z.boolean() });

export const ZAssignment = z.object({
  departmentId: z.string(),
  departmentName: z.string(),
  responsiblePerson: z.string().nullable(),
  responsiblePhone: z.string().nullable(),
  primary: z.boolean(),
});

export const ZEnterpriseSummary = z.object({
  id: z.string(),
  uscc: z.string(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  countyName: z.string(),
  industry: z.string(),
  supervisionClass: z.string(),
  status: z.string(),
  principal: z.string(),
  phone: z.string(),
  employees: z.number(),
  isGroup: z.boolean(),
  groupId: z.string().nullable(),
  standardizationGrade: z.number().nullable(),
  insuranceStatus: z.string(),
  updatedAt: z.string(),
});

export const ZEnterpriseAbilities = z.object({
  update: z.boolean(),
  suspend: z.boolean(),
  resume: z.boolean(),
  close: z.boolean(),
  assign: z.boolean(),
});

export const ZEnterpriseDetail = ZEnterpriseSummary.extend({
  address: z.string(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  legalRepresentative: z.string(),
  safetyManager: z.string().nullable(),
  groupName: z.string().nullable(),
  /** false when the group is outside the viewer's scope: show the name, not a link. */
  groupVisible: z.boolean(),
  standardizationExpiry: z.string().nullable(),
  insuranceExpiry: z.string().nullable(),
  insurer: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  licences: z.array(ZLicence),
  assignments: z.array(ZAssignment),
  subsidiaries: z.array(z.object({ id: z.string(), name: z.string(), industry: z.string(), status: z.string(), regionName: z.string() })),
  transitions: z.array(
    z.object({
      action: z.string(),
      fromStatus: z.string(),
      toStatus: z.string(),
      actorName: z.string(),
      at: z.string(),
      comment: z.string(),
      documentNumber: z.string().nullable(),
    }),
  ),
});

export const ZSupervisionRow = z.object({
  enterpriseId: z.string(),
  uscc: z.string(),
  name: z.string(),
  regionName: z.string(),
  countyName: z.string(),
  industry: z.string(),
  supervisionClass: z.string(),
  status: z.string(),
  assignments: z.array(ZAssignment),
  gaps: z.array(z.enum(['noDepartment', 'noPerson'])),
});

export const ZRegionList = z.object({ items: z.array(ZRegion) });
export const ZDepartmentPage = ZPageOf(ZDepartment);
export const ZEnterprisePage = ZPageOf(ZEnterpriseSummary);

/** An enterprise and what the viewer may do to it (every enterprise write answers with it too). */
export const ZEnterpriseResponse = z.object({ data: ZEnterpriseDetail, abilities: ZEnterpriseAbilities });

/** How many rows the 一张表's filters match, and how many of them miss a department or a named official. */
export const ZSupervisionSummary = z.object({ total: z.number(), noDepartment: z.number(), noPerson: z.number() });
export const ZSupervisionPage = ZPageOf(ZSupervisionRow).extend({ summary: ZSupervisionSummary, source: z.string() });

/** `POST /api/enterprises/import`: all rows or none (a refused file is a 400 naming each bad cell). */
export const ZEnterpriseImportResult = z.object({ created: z.number(), updated: z.number(), assignments: z.number() });

/** `POST /api/regions/boundaries`: the region codes whose boundary was imported. */
export const ZBoundaryImportResult = z.object({ imported: z.number(), codes: z.array(z.string()) });

/** A refused import's rows (the 400 IMPORT_REJECTED error's `extra.rows`): the sheet row, the field and what is wrong. */
export const ZImportRowError = z.object({ row: z.number(), field: z.string(), message: z.string() });
