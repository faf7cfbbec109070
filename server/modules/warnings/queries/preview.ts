import type { z } from 'zod';
import type { ZWarningArea, ZWarningPreview } from '../../../../common/contracts/warnings.js';
import type { Ctx } from '../../../kernel/context.js';
import { findDepartmentWithPath } from '../../org/index.js';
import { checkJurisdiction } from './jurisdiction.js';
import { matchArea } from './match-area.js';

const MAX_POINTS = 3000;

/**
 * Who an area would reach (before issuing): enterprises, with every located enterprise, installation and
 * tailings pond in scope for the SVG preview. byClass counts mine enterprises and the installations and
 * ponds themselves (a pond inside reaches its enterprise even when the plant is outside).
 */
export async function previewArea(ctx: Ctx, area: z.infer<typeof ZWarningArea>): Promise<z.input<typeof ZWarningPreview>> {
  const { all, objects, matches } = await matchArea(ctx, { areaDesc: '', ...area }, ctx.scope);
  // The same jurisdiction check issuing applies, so the form shows a refused polygon (outside) or one reaching past
  // the issuer's boundary (beyond: accepted, the public CAP area covers the neighbour too) before it is sent.
  const unit = ctx.actor.departmentId ? await findDepartmentWithPath(ctx.tx, ctx.actor.departmentId) : undefined;
  const jurisdiction = await checkJurisdiction(ctx, unit?.regionCode ?? null, area.polygons ?? [], [...all, ...objects]);
  const hitEnterprises = new Set(matches.map((m) => m.e.id));
  const hitObjects = new Set(matches.flatMap((m) => m.objects.filter((o) => o.kind === 'installation' || o.kind === 'tailings').map((o) => o.id)));
  const located = all.filter((e) => e.lng != null && e.lat != null);
  const hitOf = (kind: 'installation' | 'tailings') => objects.filter((o) => o.kind === kind && hitObjects.has(o.id)).length;
  const enterprisePoints = located.map((e) => ({
    id: e.id,
    kind: 'enterprise' as const,
    name: e.name,
    industry: e.industry,
    lng: e.lng as number,
    lat: e.lat as number,
    inside: hitEnterprises.has(e.id),
    overhead: false,
  }));
  const industryOf = new Map(all.map((e) => [e.id, e.industry]));
  const objectPoints = objects
    .filter((o) => o.lng != null && o.lat != null && industryOf.has(o.enterpriseId))
    .map((o) => ({
      id: o.id,
      kind: o.kind,
      name: o.name,
      industry: industryOf.get(o.enterpriseId) as string,
      lng: o.lng as number,
      lat: o.lat as number,
      inside: hitObjects.has(o.id),
      overhead: o.overhead,
    }));
  return {
    count: matches.length,
    byClass: { mine: matches.filter((m) => m.because.includes('mine')).length, tailings: hitOf('tailings'), installation: hitOf('installation') },
    unlocated: all.length - located.length,
    jurisdiction,
    points: [...objectPoints, ...enterprisePoints].slice(0, MAX_POINTS),
    matched: matches.slice(0, 200).map((m) => ({ id: m.e.id, name: m.e.name, industry: m.e.industry, because: m.because, objects: m.objects })),
  };
}
