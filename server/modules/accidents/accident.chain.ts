import type { ChainRecipient } from '../../../common/contracts/accidents.js';
import type { AccidentGrade } from '../../../common/rules/accident-grade.js';
import { PARALLEL_RECIPIENTS, reportingChain } from '../../../common/rules/accident-reporting.js';
import type { Executor } from '../../db/client.js';
import { governmentDepartmentOf } from '../org/index.js';

/** County and city codes of an accident's place, from its region path ('/140500/140525/140525101/'). */
export function levelsOfPath(path: string): { city: string | undefined; county: string | undefined } {
  const [city, county] = path.split('/').filter(Boolean);
  return { city, county };
}

export interface ChainLink {
  recipient: ChainRecipient;
  departmentId: string | null;
  due: Date;
}

/**
 * The links Art. 9–11 require for a grade: the government levels with their due times, the county and
 * city bodies inside Taihang that confirm receipt, and the parallel recipients the county notifies.
 */
export async function chainLinks(ex: Executor, grade: AccidentGrade, occurredAt: Date, regionPath: string): Promise<ChainLink[]> {
  const chain = reportingChain({ grade, occurredAt });
  const { city, county } = levelsOfPath(regionPath);
  const countyDept = county ? await governmentDepartmentOf(ex, county) : undefined;
  const cityDept = city ? await governmentDepartmentOf(ex, city) : undefined;
  const links: ChainLink[] = chain.levels.map((l) => ({
    recipient: l.level,
    departmentId: l.level === 'county' ? (countyDept?.id ?? null) : l.level === 'city' ? (cityDept?.id ?? null) : null,
    due: l.due,
  }));
  // The receiving county notifies police, labour, trade union and procuratorate as it reports upward.
  const cityDue = chain.levels.find((l) => l.level === 'city')?.due ?? chain.unitDue;
  for (const p of PARALLEL_RECIPIENTS) links.push({ recipient: p.key, departmentId: null, due: cityDue });
  return links;
}

/** Who reports to a link: the level below it (the county notifies the parallel bodies). */
export const REPORTED_BY_LEVEL: Record<ChainRecipient, ChainRecipient | 'unit'> = {
  county: 'unit',
  city: 'county',
  province: 'city',
  stateCouncil: 'province',
  police: 'county',
  labour: 'county',
  tradeUnion: 'county',
  procuratorate: 'county',
};

export const LEVEL_ORDER: ChainRecipient[] = ['county', 'city', 'province', 'stateCouncil'];

/** Road traffic and fire accidents have the 7-day window of Art. 13; GB 6441 type 08 is fire. */
export function supplementKind(a: { industry: string; accidentType: string }): string {
  if (a.industry === 'roadTransport') return 'roadTransport';
  if (a.accidentType === '08') return 'fire';
  return a.industry;
}
