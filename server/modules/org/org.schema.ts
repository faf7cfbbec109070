import { sql } from 'drizzle-orm';
import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { BoundaryGeometry } from './boundary.js';

/** Regions (GB/T 2260 and towns below). `path` is '/140500/140525/140525100/' so a subtree is one LIKE. */
export const region = pgTable(
  'region',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    level: text('level').notNull(),
    parentCode: text('parent_code'),
    path: text('path').notNull(),
  },
  (t) => [index('region_path_idx').on(t.path)],
);

/** Government units and industry departments (kind = government | industry). */
export const department = pgTable(
  'department',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    key: text('key').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    regionCode: text('region_code').notNull(),
    kind: text('kind').notNull(),
    industries: text('industries').array().notNull(),
  },
  (t) => [uniqueIndex('department_key_uq').on(t.key)],
);

export const enterprise = pgTable(
  'enterprise',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    uscc: text('uscc').notNull(),
    name: text('name').notNull(),
    regionCode: text('region_code').notNull(),
    /** Copy of region.path: scope checks are a prefix match without a join. */
    regionPath: text('region_path').notNull(),
    address: text('address').notNull(),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    industry: text('industry').notNull(),
    supervisionClass: text('supervision_class').notNull(),
    status: text('status').notNull().default('operating'),
    legalRepresentative: text('legal_representative').notNull(),
    principal: text('principal').notNull(),
    safetyManager: text('safety_manager'),
    phone: text('phone').notNull(),
    employees: integer('employees').notNull().default(0),
    isGroup: boolean('is_group').notNull().default(false),
    groupId: uuid('group_id'),
    standardizationGrade: integer('standardization_grade'),
    standardizationExpiry: date('standardization_expiry', { mode: 'string' }),
    insuranceStatus: text('insurance_status').notNull().default('uninsured'),
    insuranceExpiry: date('insurance_expiry', { mode: 'string' }),
    insurer: text('insurer'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('enterprise_uscc_uq').on(t.uscc),
    index('enterprise_region_path_idx').on(t.regionPath),
    index('enterprise_industry_idx').on(t.industry),
    index('enterprise_group_idx').on(t.groupId),
    index('enterprise_name_idx').on(t.name),
  ],
);

export const licence = pgTable(
  'licence',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    enterpriseId: uuid('enterprise_id').notNull(),
    kind: text('kind').notNull(),
    number: text('number').notNull(),
    issuedBy: text('issued_by').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }).notNull(),
  },
  (t) => [index('licence_enterprise_idx').on(t.enterpriseId)],
);

/** 监管"一张表": which department supervises an enterprise and the named responsible official. */
export const supervisionAssignment = pgTable(
  'supervision_assignment',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    enterpriseId: uuid('enterprise_id').notNull(),
    departmentId: uuid('department_id').notNull(),
    responsiblePerson: text('responsible_person'),
    responsiblePhone: text('responsible_phone'),
    primary: boolean('is_primary').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('supervision_assignment_uq').on(t.enterpriseId, t.departmentId), index('supervision_assignment_dept_idx').on(t.departmentId)],
);

/** Status changes (operating / 停产整顿 / closed) are recorded actions, never a PATCH. */
export const enterpriseTransition = pgTable(
  'enterprise_transition',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    enterpriseId: uuid('enterprise_id').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    comment: text('comment').notNull(),
    documentNumber: text('document_number'),
  },
  (t) => [index('enterprise_transition_ent_idx').on(t.enterpriseId, t.at)],
);

/**
 * Official region boundaries (GeoJSON Polygon or MultiPolygon, lon/lat WGS84/CGCS2000, which differ by centimetres),
 * imported by the system administrator from a GB/T 2260-coded FeatureCollection. A region without a row has no
 * boundary; `approximate` marks a simplified or hand-drawn outline (shown with the warning check's result).
 */
export const regionBoundary = pgTable('region_boundary', {
  code: text('code').primaryKey(),
  geometry: jsonb('geometry').$type<BoundaryGeometry>().notNull(),
  source: text('source').notNull(),
  approximate: boolean('approximate').notNull().default(false),
  importedBy: uuid('imported_by').notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull(),
});
