/**
 * Region boundaries as data: validation of imported GeoJSON and the pure planar geometry the warning check needs
 * (does a polygon intersect a region?). Coordinates are lon/lat degrees (WGS84/CGCS2000); at the size of a county
 * treating them as planar is exact enough for "do these two shapes meet" (edges are short, no antimeridian in China).
 */

export type Position = [number, number];
export type Ring = Position[];
/** A polygon: outer ring first, then holes. */
export type PolygonCoords = Ring[];
export type BoundaryGeometry = { type: 'Polygon'; coordinates: PolygonCoords } | { type: 'MultiPolygon'; coordinates: PolygonCoords[] };

/** China's extent with a margin (the same box the coordinate fields use): a boundary outside it is a swapped or projected file. */
const IN_CHINA = (p: Position) => p[0] >= 73 && p[0] <= 135 && p[1] >= 4 && p[1] <= 54;

/**
 * Why a GeoJSON geometry is not a usable boundary, or null. Checks type, closed rings of ≥ 4 finite lon/lat
 * positions inside China, and no self-crossing outer ring (a bow-tie would make "inside" meaningless).
 */
export function boundaryProblem(g: unknown): string | null {
  if (!g || typeof g !== 'object') return 'geometry is missing';
  const { type, coordinates } = g as { type?: unknown; coordinates?: unknown };
  if (type !== 'Polygon' && type !== 'MultiPolygon') return `geometry type ${String(type)} is not Polygon or MultiPolygon`;
  const polys = (type === 'Polygon' ? [coordinates] : coordinates) as unknown;
  if (!Array.isArray(polys) || polys.length === 0) return 'coordinates are empty';
  for (const [pi, poly] of polys.entries()) {
    if (!Array.isArray(poly) || poly.length === 0) return `polygon ${pi + 1} has no rings`;
    for (const [ri, ring] of poly.entries()) {
      const where = `polygon ${pi + 1} ring ${ri + 1}`;
      if (!Array.isArray(ring) || ring.length < 4) return `${where} has fewer than 4 positions`;
      for (const p of ring) {
        if (!Array.isArray(p) || p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return `${where} has a position that is not [lon, lat]`;
        if (!IN_CHINA(p as Position)) return `${where} has [${p[0]}, ${p[1]}] outside China (lon 73–135, lat 4–54; lon first)`;
      }
      const [a, z] = [ring[0] as Position, ring[ring.length - 1] as Position];
      if (a[0] !== z[0] || a[1] !== z[1]) return `${where} is not closed (the first position must equal the last)`;
      if (ri === 0 && selfCrosses(ring as Ring)) return `${where} crosses itself`;
    }
  }
  return null;
}

/** The geometry's polygons, whatever its type. */
export function polygonsOf(g: BoundaryGeometry): PolygonCoords[] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

function pointInRing(x: number, y: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Position;
    const [xj, yj] = ring[j] as Position;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the outer ring and in none of the holes. */
function pointInPolygon(p: Position, poly: PolygonCoords): boolean {
  const [outer, ...holes] = poly;
  return !!outer && pointInRing(p[0], p[1], outer) && !holes.some((h) => pointInRing(p[0], p[1], h));
}

const cross = (o: Position, a: Position, b: Position) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
const onSegment = (p: Position, a: Position, b: Position) =>
  Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);

/** Whether segments ab and cd share a point (touching counts). */
export function segmentsIntersect(a: Position, b: Position, c: Position, d: Position): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  return (d1 === 0 && onSegment(a, c, d)) || (d2 === 0 && onSegment(b, c, d)) || (d3 === 0 && onSegment(c, a, b)) || (d4 === 0 && onSegment(d, a, b));
}

function selfCrosses(ring: Ring): boolean {
  const n = ring.length - 1;
  for (let i = 0; i < n; i++)
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue; // the closing edge meets the first one at the start point
      if (segmentsIntersect(ring[i] as Position, ring[i + 1] as Position, ring[j] as Position, ring[j + 1] as Position)) return true;
    }
  return false;
}

const bbox = (rings: Ring[]) => {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of rings) for (const [x, y] of r) [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
  return { x0, y0, x1, y1 };
};

/**
 * Whether a simple polygon (one ring, e.g. a warning area) and a boundary polygon (outer ring and holes) share any
 * point: an edge of one crosses or touches an edge of the other, or one lies wholly inside the other (then a vertex
 * of the inner one is inside the outer one). A ring wholly inside a hole meets none of these and does not intersect.
 */
export function ringIntersectsPolygon(ring: Ring, poly: PolygonCoords): boolean {
  const a = bbox([ring]);
  const b = bbox(poly.slice(0, 1));
  if (a.x1 < b.x0 || b.x1 < a.x0 || a.y1 < b.y0 || b.y1 < a.y0) return false;
  for (let i = 1; i < ring.length; i++)
    for (const r of poly)
      for (let j = 1; j < r.length; j++)
        if (segmentsIntersect(ring[i - 1] as Position, ring[i] as Position, r[j - 1] as Position, r[j] as Position)) return true;
  if (pointInPolygon(ring[0] as Position, poly)) return true;
  const outer = poly[0];
  return !!outer && pointInRing(outer[0]?.[0] as number, outer[0]?.[1] as number, ring);
}

/** Whether a warning polygon intersects a region's boundary (any of its polygons). */
export function ringIntersectsBoundary(ring: Ring, g: BoundaryGeometry): boolean {
  return polygonsOf(g).some((p) => ringIntersectsPolygon(ring, p));
}

/** Whether a warning polygon lies wholly within the boundary: no vertex outside, no edge crossing out of it, no hole enclosed. */
export function ringWithinBoundary(ring: Ring, g: BoundaryGeometry): boolean {
  const polys = polygonsOf(g);
  if (!ring.every((p) => polys.some((poly) => pointInPolygon(p, poly)))) return false;
  // A vertex-inside ring may still cross a hole or a notch of the outline: then some edge meets a boundary edge.
  for (let i = 1; i < ring.length; i++)
    for (const poly of polys)
      for (const r of poly)
        for (let j = 1; j < r.length; j++)
          if (segmentsIntersect(ring[i - 1] as Position, ring[i] as Position, r[j - 1] as Position, r[j] as Position)) return false;
  // ... or enclose a hole (an enclave of another region) whole.
  return !polys.some((poly) => poly.slice(1).some((h) => pointInRing(h[0]?.[0] as number, h[0]?.[1] as number, ring)));
}
