import type { Ctx } from '../../../kernel/context.js';
import { notFound } from '../../../kernel/errors.js';
import { assigneesOfPlanItems } from '../../tasks/index.js';
import type { IndicatorDef } from '../data/jincheng-2021.js';
import { IndicatorEngine, type IndicatorResult } from '../indicators.js';
import { getPlan, getPlanItem, listPlanItems, type PlanItemRow } from '../workplan.repository.js';

const WORST: IndicatorResult['status'][] = ['red', 'yellow', 'green', 'grey'];

async function itemView(engine: IndicatorEngine, item: PlanItemRow, withShortfalls: boolean) {
  const defs = item.indicators as IndicatorDef[];
  const results = [];
  for (const d of defs) {
    const r = await engine.compute(d.key, item);
    results.push({
      ...d,
      value: r.value,
      display: r.display,
      targetValue: r.target,
      unit: r.unit,
      status: r.status,
      shortfallCount: r.shortfalls.length,
      ...(withShortfalls ? { shortfalls: r.shortfalls } : {}),
    });
  }
  const measured = results.filter((r) => r.status !== 'grey');
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
    indicators: results,
  };
}

/** 落实情况: every item with its computed indicators and colour, in the viewer's scope. */
export async function planOverview(ctx: Ctx, planId: string) {
  const plan = await getPlan(ctx.tx, planId);
  if (!plan) throw notFound();
  const items = await listPlanItems(ctx.tx, planId);
  const engine = new IndicatorEngine(ctx, plan.year, items);
  const views = [];
  for (const i of items) views.push(await itemView(engine, i, false));
  const tasks = await assigneesOfPlanItems(
    ctx.tx,
    ctx.scope,
    items.map((i) => i.id),
  );
  return {
    plan: { ...plan, createdAt: plan.createdAt.toISOString() },
    items: views.map((v) => ({ ...v, taskCount: new Set(tasks.filter(({ t }) => t.planItemId === v.id).map(({ t }) => t.id)).size })),
  };
}

/** One item with the units and enterprises that fall short of each indicator, and its 督办 tasks. */
export async function planItemDetail(ctx: Ctx, planId: string, itemId: string) {
  const plan = await getPlan(ctx.tx, planId);
  const item = await getPlanItem(ctx.tx, itemId);
  if (!plan || !item || item.planId !== planId) throw notFound();
  const engine = new IndicatorEngine(ctx, plan.year, [item]);
  const view = await itemView(engine, item, true);
  const rows = await assigneesOfPlanItems(ctx.tx, ctx.scope, [item.id]);
  const tasks = new Map<
    string,
    { id: string; code: string; title: string; status: string; units: { unitName: string; status: string; resolveDue: string }[] }
  >();
  for (const { a, t } of rows) {
    const e = tasks.get(t.id) ?? { id: t.id, code: t.code, title: t.title, status: t.status, units: [] };
    e.units.push({ unitName: a.unitName, status: a.status, resolveDue: a.resolveDue.toISOString() });
    tasks.set(t.id, e);
  }
  return { plan: { id: plan.id, year: plan.year, document: plan.document, title: plan.title }, item: view, tasks: [...tasks.values()] };
}
