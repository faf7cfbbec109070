import type { z } from 'zod';
import type { ZPlan, ZPlanItemDetail, ZPlanOverview, ZRegisterEntry, ZRegisterQuery } from '../../../../common/contracts/workplan.js';
import type { Ctx } from '../../../kernel/context.js';
import { notFound } from '../../../kernel/errors.js';
import { assigneesOfPlanItems } from '../../tasks/index.js';
import type { IndicatorDef } from '../data/jincheng-2021.js';
import { IndicatorEngine } from '../indicators.js';
import { presentIndicator, presentItemTasks, presentPlan, presentPlanItem, presentRegisterEntry } from '../workplan.presenter.js';
import { getPlan, getPlanItem, listPlanItems, listPlans, type PlanItemRow, pageActivities } from '../workplan.repository.js';

async function indicatorsOf(engine: IndicatorEngine, item: PlanItemRow, withShortfalls: boolean) {
  const views = [];
  for (const d of item.indicators as IndicatorDef[]) views.push(presentIndicator(d, await engine.compute(d.key, item), withShortfalls));
  return views;
}

/** The work plans (the annual notices), newest year first. */
export async function listPlansQuery(ctx: Ctx): Promise<{ items: z.input<typeof ZPlan>[] }> {
  return { items: (await listPlans(ctx.tx)).map(presentPlan) };
}

/** 落实情况: every item with its computed indicators and colour, in the viewer's scope. */
export async function planOverview(ctx: Ctx, planId: string): Promise<z.input<typeof ZPlanOverview>> {
  const plan = await getPlan(ctx.tx, planId);
  if (!plan) throw notFound();
  const items = await listPlanItems(ctx.tx, planId);
  const engine = new IndicatorEngine(ctx, plan.year, items);
  const tasks = await assigneesOfPlanItems(
    ctx.tx,
    ctx.scope,
    items.map((i) => i.id),
  );
  const views = [];
  for (const i of items) {
    const taskCount = new Set(tasks.filter(({ t }) => t.planItemId === i.id).map(({ t }) => t.id)).size;
    views.push({ ...presentPlanItem(i, await indicatorsOf(engine, i, false)), taskCount });
  }
  return { plan: presentPlan(plan), items: views };
}

/** One item with the units and enterprises that fall short of each indicator, and its 督办 tasks. */
export async function planItemDetail(ctx: Ctx, planId: string, itemId: string): Promise<z.input<typeof ZPlanItemDetail>> {
  const plan = await getPlan(ctx.tx, planId);
  const item = await getPlanItem(ctx.tx, itemId);
  if (!plan || !item || item.planId !== planId) throw notFound();
  const engine = new IndicatorEngine(ctx, plan.year, [item]);
  const indicators = (await indicatorsOf(engine, item, true)).map((v) => ({ ...v, shortfalls: v.shortfalls ?? [] }));
  return {
    plan: { id: plan.id, year: plan.year, document: plan.document, title: plan.title },
    item: presentPlanItem(item, indicators),
    tasks: presentItemTasks(await assigneesOfPlanItems(ctx.tx, ctx.scope, [item.id])),
  };
}

/** Register entries of a kind and year in the viewer's scope, newest first. */
export async function registersQuery(ctx: Ctx, q: z.infer<typeof ZRegisterQuery>) {
  const { rows, total } = await pageActivities(ctx.tx, ctx.scope, q.kind, `${q.year}-01-01`, `${q.year}-12-31`, q.page, q.pageSize);
  const items: z.input<typeof ZRegisterEntry>[] = rows.map(presentRegisterEntry);
  return { items, total, page: q.page, pageSize: q.pageSize };
}
