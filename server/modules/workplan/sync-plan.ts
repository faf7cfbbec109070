import type { Executor } from '../../db/client.js';
import { JINCHENG_2021_PLAN } from './data/jincheng-2021.js';
import { findPlanByDocument, insertPlan, insertPlanItems } from './workplan.repository.js';

/** Loads the 2021 notice of 晋城市 as a work plan once; later edits in the database are kept. */
export async function syncNoticePlan(ex: Executor, now: Date): Promise<void> {
  const p = JINCHENG_2021_PLAN;
  if (await findPlanByDocument(ex, p.document)) return;
  const row = await insertPlan(ex, { year: p.year, issuer: p.issuer, document: p.document, title: p.title, regionCode: '140500', createdAt: now });
  await insertPlanItems(
    ex,
    p.items.map((i) => ({
      planId: row.id,
      number: i.number,
      section: i.section,
      title: i.title,
      titleEn: i.titleEn,
      text: i.text,
      responsibleUnits: i.responsibleUnits,
      indicators: i.indicators,
    })),
  );
}
