import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** A year's notice as a work plan (落实情况), and the registers its indicators are computed from. */
export const plan = pgTable(
  'plan',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    year: integer('year').notNull(),
    issuer: text('issuer').notNull(),
    document: text('document').notNull(),
    title: text('title').notNull(),
    regionCode: text('region_code').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('plan_document_uq').on(t.document)],
);

export const planItem = pgTable(
  'plan_item',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    planId: uuid('plan_id').notNull(),
    number: integer('number').notNull(),
    section: text('section').notNull(),
    title: text('title').notNull(),
    titleEn: text('title_en').notNull(),
    text: text('text').notNull(),
    responsibleUnits: text('responsible_units').array().notNull(),
    /** [{ key, name, nameEn, target, quote }] — keys the indicator engine computes. */
    indicators: jsonb('indicators').notNull(),
  },
  (t) => [uniqueIndex('plan_item_uq').on(t.planId, t.number)],
);

/**
 * Registers the notice's requirements are measured against where no other record exists: safety
 * meetings, leaders' lectures, group inspections of subsidiaries, officer training, enforcement
 * equipment, intelligent mining faces, the four systems of hazardous-chemical enterprises.
 */
export const activityRecord = pgTable(
  'activity_record',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    kind: text('kind').notNull(),
    departmentId: uuid('department_id'),
    enterpriseId: uuid('enterprise_id'),
    unitName: text('unit_name').notNull(),
    regionPath: text('region_path').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    /** Kind-specific fields (validated by the kind's schema): days, officers, equipment, role, systems … */
    detail: jsonb('detail').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('activity_record_kind_idx').on(t.kind, t.date), index('activity_record_region_idx').on(t.regionPath)],
);
