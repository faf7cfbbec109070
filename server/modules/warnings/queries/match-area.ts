import type { Ctx } from '../../../kernel/context.js';
import type { Scope } from '../../../kernel/scope/scope.js';
import { enterpriseLocations, findRegion } from '../../org/index.js';
import { installationsAndPonds } from '../../risk/index.js';
import { type AreaMatch, matchEnterprises } from '../area-match.js';
import type { Ring } from '../cap/cap.js';

export interface WarningArea {
  areaDesc: string;
  polygons: Ring[];
  regionCodes: string[];
}

export type Located = Awaited<ReturnType<typeof enterpriseLocations>>[number];
export type Match = AreaMatch<Located>;

/** Region codes → path prefixes (an unknown code still matches enterprise codes under it). */
async function regionPrefixes(ctx: Ctx, codes: string[]): Promise<string[]> {
  const prefixes: string[] = [];
  for (const code of codes) {
    const r = await findRegion(ctx.tx, code);
    prefixes.push(r ? r.path : `/${code}`);
  }
  return prefixes;
}

/**
 * Enterprises in the scope reached by the area through their own point, their installations' and ponds'
 * points or their region (area-match.ts); `objects` are the installations and ponds in scope, for previews.
 */
export async function matchArea(ctx: Ctx, area: WarningArea, scope: Scope) {
  const all = await enterpriseLocations(ctx.tx, scope);
  const objects = await installationsAndPonds(ctx.tx, scope);
  const matches = matchEnterprises(all, objects, { polygons: area.polygons, regionPrefixes: await regionPrefixes(ctx, area.regionCodes) });
  return { all, objects, matches };
}
