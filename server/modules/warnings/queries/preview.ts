import type { z } from 'zod';
import type { ZWarningArea } from '../../../../common/contracts/warnings.js';
import type { Ctx } from '../../../kernel/context.js';
import { matchArea } from '../commands/targeting.js';

const MAX_POINTS = 3000;

/** Who an area would reach (before issuing), with every located enterprise in scope for the SVG preview. */
export async function previewArea(ctx: Ctx, area: z.infer<typeof ZWarningArea>) {
  const { all, matches } = await matchArea(ctx, { areaDesc: '', ...area }, ctx.scope);
  const hit = new Map(matches.map((m) => [m.e.id, m.because]));
  const located = all.filter((e) => e.lng != null && e.lat != null);
  return {
    count: matches.length,
    byClass: {
      mine: matches.filter((m) => m.because.includes('mine')).length,
      tailings: matches.filter((m) => m.because.includes('tailings')).length,
      installation: matches.filter((m) => m.because.includes('installation')).length,
    },
    unlocated: all.length - located.length,
    points: located.slice(0, MAX_POINTS).map((e) => ({
      id: e.id,
      name: e.name,
      industry: e.industry,
      lng: e.lng as number,
      lat: e.lat as number,
      inside: hit.has(e.id),
    })),
    matched: matches.slice(0, 200).map((m) => ({ id: m.e.id, name: m.e.name, industry: m.e.industry, because: m.because })),
  };
}
