import { pointInRing, type Ring } from './cap/cap.js';

/**
 * Which enterprises a warning area reaches and through what (pure; the targeting command loads the
 * rows). An enterprise is reached when its own point, or the point of one of its registered major hazard
 * installations or tailings ponds, lies in a polygon, or when its region lies under one of the area's
 * region codes (its installations and ponds then count as in the area too: they are registered by
 * enterprise region). An installation without coordinates stands at its enterprise's point (`approx`).
 */

export interface SiteEnterprise {
  id: string;
  name: string;
  regionCode: string;
  regionPath: string;
  industry: string;
  lng: number | null;
  lat: number | null;
}

export interface AreaObject {
  kind: 'installation' | 'tailings';
  id: string;
  enterpriseId: string;
  name: string;
  lng: number | null;
  lat: number | null;
  overhead: boolean;
}

/**
 * A matched thing: the enterprise's own point (`site`, or `mine` for a coal or non-coal mine, whose point
 * is the mine), or a registered installation or tailings pond.
 */
export interface MatchedObject {
  kind: 'site' | 'mine' | 'installation' | 'tailings';
  id: string;
  name: string;
  via: 'polygon' | 'region';
  /** 头顶库 (tailings only). */
  overhead?: true;
  /** No coordinates of its own: matched at the enterprise's point. */
  approx?: true;
}

export interface AreaMatch<E extends SiteEnterprise> {
  e: E;
  /** How (polygon | region) then what (mine | installation | tailings), each once; the stored matchedBecause. */
  because: string[];
  objects: MatchedObject[];
}

export interface MatchArea {
  polygons: Ring[];
  /** Region paths ('/140500/140525/') or bare codes of the area's region codes. */
  regionPrefixes: string[];
}

const MINE_INDUSTRIES = new Set(['coal', 'nonCoalMine']);

export function matchEnterprises<E extends SiteEnterprise>(enterprises: E[], objects: AreaObject[], area: MatchArea): AreaMatch<E>[] {
  const byEnterprise = new Map<string, AreaObject[]>();
  for (const o of objects) byEnterprise.set(o.enterpriseId, [...(byEnterprise.get(o.enterpriseId) ?? []), o]);
  const inPolygon = (lng: number | null, lat: number | null) => lng != null && lat != null && area.polygons.some((p) => pointInRing(lng, lat, p));
  const matches: AreaMatch<E>[] = [];
  for (const e of enterprises) {
    const inRegion = area.regionPrefixes.some((p) => e.regionPath.startsWith(p) || e.regionCode.startsWith(p.replace(/^\//, '')));
    const siteIn = inPolygon(e.lng, e.lat);
    const found: MatchedObject[] = [];
    if (siteIn || inRegion) found.push({ kind: MINE_INDUSTRIES.has(e.industry) ? 'mine' : 'site', id: e.id, name: e.name, via: siteIn ? 'polygon' : 'region' });
    for (const o of byEnterprise.get(e.id) ?? []) {
      const own = o.lng != null && o.lat != null;
      const hit = own ? inPolygon(o.lng, o.lat) : siteIn;
      if (!hit && !inRegion) continue;
      found.push({
        kind: o.kind,
        id: o.id,
        name: o.name,
        via: hit ? 'polygon' : 'region',
        ...(o.kind === 'tailings' && o.overhead ? { overhead: true as const } : {}),
        ...(own ? {} : { approx: true as const }),
      });
    }
    if (!found.length) continue;
    const because = [...new Set([...found.map((o) => o.via), ...found.map((o) => o.kind).filter((k) => k !== 'site')])].sort(
      (a, b) => ORDER.indexOf(a) - ORDER.indexOf(b),
    );
    matches.push({ e, because, objects: found });
  }
  return matches;
}

const ORDER = ['polygon', 'region', 'mine', 'installation', 'tailings'];

/**
 * The fallback for a region without an imported boundary (queries/jurisdiction.ts): the platform then knows the
 * region only through the located points the issuer supervises (enterprises, major hazard installations, tailings
 * ponds), so a polygon counts as in the issuer's region when it contains one or passes within this distance of one.
 * 1 km, not more: the margin is what lets a polygon drawn in a neighbouring county pass, and at 5 km a 200 m square
 * inside the next district 430 m from a border enterprise did. 1 km still admits an area drawn tight around a plant
 * whose point is its gate (sites are rarely over 1 km across), and a wholly foreign area reaches nothing. Import the
 * official boundaries (docs/operations.md) to replace this rule with a true intersection.
 */
export const AREA_MARGIN_KM = 1;

const KM_PER_DEG_LAT = 110.57;

/** Distance in km from a point to a segment, on a local equirectangular projection (exact enough at a few km). */
function kmToSegment(lng: number, lat: number, a: [number, number], b: [number, number]): number {
  const kx = 111.32 * Math.cos((lat * Math.PI) / 180);
  const [ax, ay] = [(a[0] - lng) * kx, (a[1] - lat) * KM_PER_DEG_LAT];
  const [bx, by] = [(b[0] - lng) * kx, (b[1] - lat) * KM_PER_DEG_LAT];
  const [dx, dy] = [bx - ax, by - ay];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

/** Whether a polygon contains a point or passes within `marginKm` of it. */
export function ringNearPoint(ring: Ring, lng: number, lat: number, marginKm = AREA_MARGIN_KM): boolean {
  if (pointInRing(lng, lat, ring)) return true;
  for (let i = 1; i < ring.length; i++) if (kmToSegment(lng, lat, ring[i - 1] as [number, number], ring[i] as [number, number]) <= marginKm) return true;
  return false;
}

/** Indexes of the polygons that reach none of the points (the issuer's located objects); empty when all reach one. */
export function polygonsOutside(polygons: Ring[], points: { lng: number | null; lat: number | null }[], marginKm = AREA_MARGIN_KM): number[] {
  const located = points.filter((p): p is { lng: number; lat: number } => p.lng != null && p.lat != null);
  return polygons.flatMap((ring, i) => (located.some((p) => ringNearPoint(ring, p.lng, p.lat, marginKm)) ? [] : [i]));
}
