import type { z } from 'zod';
import type { TAccidentStatsQuery, ZAccidentStats, ZSpecialInspection } from '../../../../common/contracts/accidents.js';
import { ACCIDENT_GRADE_NAMES, type AccidentGrade } from '../../../../common/rules/accident-grade.js';
import { toShanghaiDate } from '../../../../common/rules/calendar/working-days.js';
import type { Ctx } from '../../../kernel/context.js';
import { allRegions, RegionNames } from '../../org/index.js';
import { levelsOfPath } from '../accident.chain.js';
import { type AccidentRow, accidentsBetween } from '../accident.repository.js';

interface Totals {
  accidents: number;
  deaths: number;
  seriousInjuries: number;
  directLossYuan: number;
}
const zero = (): Totals => ({ accidents: 0, deaths: 0, seriousInjuries: 0, directLossYuan: 0 });
const add = (t: Totals, a: AccidentRow) => {
  t.accidents++;
  t.deaths += a.deaths;
  t.seriousInjuries += a.seriousInjuries;
  t.directLossYuan += a.directLossYuan;
};

const minusYear = (d: string) => `${Number(d.slice(0, 4)) - 1}${d.slice(4)}`;

/** Accident statistics by grade, industry, county or month, with the same period a year earlier. */
export async function accidentStats(ctx: Ctx, q: TAccidentStatsQuery): Promise<z.input<typeof ZAccidentStats>> {
  const [current, previous, regions] = [
    await accidentsBetween(ctx.tx, ctx.scope, q.from, q.to),
    await accidentsBetween(ctx.tx, ctx.scope, minusYear(q.from), minusYear(q.to)),
    await allRegions(ctx.tx),
  ];
  const names = new RegionNames(regions, ctx.request.locale);
  const keyOf = (a: AccidentRow, yearShift = 0): string => {
    switch (q.groupBy) {
      case 'grade':
        return String(a.grade);
      case 'industry':
        return a.industry;
      case 'county':
        return levelsOfPath(a.regionPath).county ?? a.regionCode;
      case 'month': {
        const month = toShanghaiDate(a.occurredAt).slice(0, 7);
        return `${Number(month.slice(0, 4)) + yearShift}${month.slice(4)}`;
      }
    }
  };
  const rows = new Map<string, { current: Totals; previous: Totals }>();
  const row = (k: string) => {
    const existing = rows.get(k);
    if (existing) return existing;
    const created = { current: zero(), previous: zero() };
    rows.set(k, created);
    return created;
  };
  for (const a of current) add(row(keyOf(a)).current, a);
  for (const a of previous) add(row(keyOf(a, 1)).previous, a);
  const label = (k: string) =>
    q.groupBy === 'grade'
      ? ACCIDENT_GRADE_NAMES[Number(k) as AccidentGrade][ctx.request.locale === 'en-US' ? 'en' : 'zh']
      : q.groupBy === 'county'
        ? names.name(k)
        : k;
  const total = { current: zero(), previous: zero() };
  for (const a of current) add(total.current, a);
  for (const a of previous) add(total.previous, a);
  return {
    groupBy: q.groupBy,
    from: q.from,
    to: q.to,
    rows: [...rows.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, v]) => ({ key, label: label(key), ...v })),
    total,
  };
}

/**
 * Notice item 26: the county governments (and the departments supervising the enterprises involved)
 * with a 较大 or worse accident in the period are listed for special inspection.
 */
export async function specialInspectionSelection(ctx: Ctx, q: { from: string; to: string }): Promise<z.input<typeof ZSpecialInspection>> {
  const [accidents, regions] = [await accidentsBetween(ctx.tx, ctx.scope, q.from, q.to), await allRegions(ctx.tx)];
  const names = new RegionNames(regions, ctx.request.locale);
  const serious = accidents.filter((a) => a.grade <= 3);
  const byCounty = new Map<string, AccidentRow[]>();
  for (const a of serious) {
    const c = levelsOfPath(a.regionPath).county ?? a.regionCode;
    byCounty.set(c, [...(byCounty.get(c) ?? []), a]);
  }
  return {
    source: '晋市政发〔2021〕1号 第26条：对发生较大及以上生产安全事故或重大自然灾害的县（市、区）政府和市直部门开展专项督查',
    note: ctx.request.locale === 'en-US' ? 'Major natural disasters are added once the emergency module records them.' : '重大自然灾害待应急模块记录后纳入。',
    counties: [...byCounty.entries()].map(([code, list]) => ({
      regionCode: code,
      name: names.name(code),
      accidents: list.map((a) => ({
        id: a.id,
        title: a.title,
        grade: a.grade as AccidentGrade,
        occurredAt: a.occurredAt.toISOString(),
        industry: a.industry,
        deaths: a.deaths,
      })),
    })),
  };
}
