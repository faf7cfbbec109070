import { randomInt } from 'node:crypto';
import type { z } from 'zod';
import type { INDICATOR_KEYS, TCreatePlan } from '../../../common/contracts/plans.js';
import { REGISTER_DETAIL, type RegisterKind } from '../../../common/contracts/workplan.js';
import type { Executor } from '../../db/client.js';
import { activityRecord, plan, planItem } from '../../modules/workplan/workplan.schema.js';

type IndicatorKey = (typeof INDICATOR_KEYS)[number];
type TIndicatorInput = TCreatePlan['items'][number]['indicators'][number];

/**
 * Work plans and register entries in one call, inserted directly: a plan with items and their indicators, and a
 * register entry whose detail is checked by its kind's schema (a detail the API could not present fails here).
 */

export async function makePlan(
  ex: Executor,
  o: {
    year?: number;
    regionCode?: string;
    /** Items, numbered in order; an indicator needs only its key. */
    items?: (Partial<Omit<TCreatePlan['items'][number], 'indicators'>> & { indicators?: ({ key: IndicatorKey } & Partial<TIndicatorInput>)[] })[];
  } = {},
) {
  const [p] = await ex
    .insert(plan)
    .values({
      year: o.year ?? 2026,
      issuer: '测试市人民政府',
      document: `测政发〔${o.year ?? 2026}〕${randomInt(1e6)}号`,
      title: '关于做好安全生产和应急管理工作的通知',
      regionCode: o.regionCode ?? '140500',
      createdAt: new Date(),
    })
    .returning();
  const items = (o.items ?? [{}]).map((i, n) => ({
    planId: (p as typeof plan.$inferSelect).id,
    number: i.number ?? n + 1,
    section: i.section ?? '一、压实安全责任',
    title: i.title ?? `工作任务${n + 1}`,
    titleEn: i.titleEn ?? `Item ${n + 1}`,
    text: i.text ?? '每月至少召开一次安全生产会议',
    responsibleUnits: i.responsibleUnits ?? ['各县（市、区）人民政府'],
    indicators: (i.indicators ?? []).map((d) => ({ ...d, name: d.name ?? d.key, nameEn: d.nameEn ?? '', target: d.target ?? '100%', quote: d.quote ?? '' })),
  }));
  const rows = await ex.insert(planItem).values(items).returning();
  return { plan: p as typeof plan.$inferSelect, items: rows as (typeof planItem.$inferSelect)[] };
}

export async function makeActivity<K extends RegisterKind>(
  ex: Executor,
  unit: { departmentId?: string; enterpriseId?: string; name: string; regionPath: string },
  kind: K,
  detail: z.input<(typeof REGISTER_DETAIL)[K]>,
  o: { date?: string; createdBy: string },
) {
  const [row] = await ex
    .insert(activityRecord)
    .values({
      kind,
      departmentId: unit.departmentId ?? null,
      enterpriseId: unit.enterpriseId ?? null,
      unitName: unit.name,
      regionPath: unit.regionPath,
      date: o.date ?? new Date().toISOString().slice(0, 10),
      title: `测试台账${randomInt(1e4)}`,
      detail: REGISTER_DETAIL[kind].parse(detail) as Record<string, unknown>,
      createdBy: o.createdBy,
      createdByName: '测试',
      createdAt: new Date(),
    })
    .returning();
  return row as typeof activityRecord.$inferSelect;
}
