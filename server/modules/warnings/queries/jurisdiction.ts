import type { Ctx } from '../../../kernel/context.js';
import { findRegion, regionBoundary, ringIntersectsBoundary, ringWithinBoundary } from '../../org/index.js';
import { AREA_MARGIN_KM, polygonsOutside } from '../area-match.js';
import type { Ring } from '../cap/cap.js';

export type Jurisdiction =
  | {
      rule: 'boundary';
      regionCode: string;
      regionName: string;
      source: string;
      approximate: boolean;
      /** Polygons that do not intersect the boundary (refused). */
      outside: number[];
      /** Polygons that intersect it but reach beyond it (accepted; reported in the preview). */
      beyond: number[];
    }
  | { rule: 'points'; regionCode: string | null; regionName: string | null; km: number; outside: number[]; beyond: [] };

/**
 * "A warning polygon must intersect the issuer's region" (issue 11 item 2). With the region's official boundary
 * imported (org's region_boundary), each polygon must intersect it. Without one, the platform knows the region only
 * through the points it supervises (area-match.ts AREA_MARGIN_KM): each polygon must contain one or pass within
 * AREA_MARGIN_KM of one.
 */
export async function checkJurisdiction(
  ctx: Ctx,
  regionCode: string | null,
  polygons: Ring[],
  points: { lng: number | null; lat: number | null }[],
): Promise<Jurisdiction> {
  const region = regionCode ? await findRegion(ctx.tx, regionCode) : undefined;
  const regionName = region ? (ctx.request.locale === 'en-US' ? region.nameEn : region.name) : null;
  const b = regionCode ? await regionBoundary(ctx.tx, regionCode) : undefined;
  if (regionCode && b) {
    const outside: number[] = [];
    const beyond: number[] = [];
    for (const [i, ring] of polygons.entries()) {
      if (!ringIntersectsBoundary(ring, b.geometry)) outside.push(i);
      else if (!ringWithinBoundary(ring, b.geometry)) beyond.push(i);
    }
    return { rule: 'boundary', regionCode, regionName: regionName ?? regionCode, source: b.source, approximate: b.approximate, outside, beyond };
  }
  return { rule: 'points', regionCode, regionName, km: AREA_MARGIN_KM, outside: polygonsOutside(polygons, points), beyond: [] };
}
