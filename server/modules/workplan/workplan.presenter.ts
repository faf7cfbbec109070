import type { z } from 'zod';
import type { REGISTER_KINDS, ZIndicator, ZPlan, ZPlanItemDetail, ZRegisterDetail, ZRegisterEntry, ZShortfall } from '../../../common/contracts/workplan.js';
import type { assigneesOfPlanItems } from '../tasks/index.js';
import type { IndicatorDef } from './data/jincheng-2021.js';
import type { IndicatorResult } from './indicators.js';
import type { ActivityRow, PlanItemRow, PlanRow } from './workplan.repository.js';

/** Rows and computed indicators → the response contracts (common/contracts/workplan.ts). */
type Out<T extends z.ZodType> = z.input<T>;
type IndicatorView = Out<typeof ZIndicator> & { shortfalls?: Out<typeof ZShortfall>[] };

export function presentPlan(p: PlanRow): Out<typeof ZPlan> {
  return { id: p.id, year: p.year, issuer: p.issuer, document: p.document, title: p.title, regionCode: p.regionCode, createdAt: p.createdAt.toISOString() };
}

/** A register entry; its detail was checked by its kind's schema when recorded. */
export function presentRegisterEntry(r: ActivityRow): Out<typeof ZRegisterEntry> {
  return {
    id: r.id,
    kind: r.kind as (typeof REGISTER_KINDS)[number],
    departmentId: r.departmentId,
    enterpriseId: r.enterpriseId,
    unitName: r.unitName,
    date: r.date,
    title: r.title,
    detail: r.detail as Out<typeof ZRegisterDetail>,
    createdByName: r.createdByName,
    createdAt: r.createdAt.toISOString(),
  };
}

/** An indicator of the notice with its computed value; the units falling short only where the page lists them. */
export function presentIndicator(d: IndicatorDef, r: IndicatorResult, withShortfalls: boolean): IndicatorView {
  return {
    key: d.key,
    name: d.name,
    nameEn: d.nameEn,
    target: d.target,
    quote: d.quote,
    value: r.value,
    display: r.display,
    targetValue: r.target,
    unit: r.unit,
    status: r.status,
    shortfallCount: r.shortfalls.length,
    ...(withShortfalls ? { shortfalls: r.shortfalls } : {}),
  };
}

const WORST: IndicatorResult['status'][] = ['red', 'yellow', 'green', 'grey'];

/** An item with its indicators; its colour is the worst of its measured indicators (grey when none is measured). */
export function presentPlanItem<I extends IndicatorView>(item: PlanItemRow, indicators: I[]) {
  const measured = indicators.filter((r) => r.status !== 'grey');
  const status = measured.length ? (WORST.find((s) => measured.some((r) => r.status === s)) ?? 'grey') : 'grey';
  return {
    id: item.id,
    number: item.number,
    section: item.section,
    title: item.title,
    titleEn: item.titleEn,
    text: item.text,
    responsibleUnits: item.responsibleUnits,
    status,
    indicators,
  };
}

/** The 督办 tasks that carry out an item, each with its units' steps and resolve dates. */
export function presentItemTasks(rows: Awaited<ReturnType<typeof assigneesOfPlanItems>>): Out<typeof ZPlanItemDetail>['tasks'] {
  const tasks = new Map<string, Out<typeof ZPlanItemDetail>['tasks'][number]>();
  for (const { a, t } of rows) {
    const e = tasks.get(t.id) ?? { id: t.id, code: t.code, title: t.title, status: t.status as 'open' | 'closed', units: [] };
    e.units.push({
      unitName: a.unitName,
      status: a.status as Out<typeof ZPlanItemDetail>['tasks'][number]['units'][number]['status'],
      resolveDue: a.resolveDue.toISOString(),
    });
    tasks.set(t.id, e);
  }
  return [...tasks.values()];
}
