import { describe, expect, it } from 'vitest';
import { type BoundaryGeometry, boundaryProblem, type Ring, ringIntersectsBoundary, ringWithinBoundary } from './boundary.js';

const box = (x0: number, y0: number, x1: number, y1: number): Ring => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
// A county 113.5–113.7 × 36.0–36.2 with a hole (an enclave of another county) 113.55–113.6 × 36.05–36.1.
const county: BoundaryGeometry = { type: 'Polygon', coordinates: [box(113.5, 36.0, 113.7, 36.2), box(113.55, 36.05, 113.6, 36.1)] };

describe('ringIntersectsBoundary', () => {
  it.each([
    ['wholly inside', box(113.62, 36.12, 113.65, 36.15), true, true],
    ['crossing the edge', box(113.68, 36.1, 113.75, 36.12), true, false],
    ['containing the whole county', box(113.0, 35.5, 114.5, 36.8), true, false],
    ['touching the edge from outside', box(113.7, 36.1, 113.72, 36.12), true, false],
    ['a 200 m square in the neighbour, 430 m from the edge', box(113.7048, 36.1, 113.707, 36.1018), false, false],
    ['wholly inside the hole', box(113.56, 36.06, 113.58, 36.08), false, false],
    ['over the hole and the county around it', box(113.54, 36.04, 113.61, 36.11), true, false],
    ['far away', box(112.0, 35.0, 112.1, 35.1), false, false],
  ])('%s', (_name, ring, intersects, within) => {
    expect(ringIntersectsBoundary(ring, county)).toBe(intersects);
    expect(ringWithinBoundary(ring, county)).toBe(within);
  });

  it('a MultiPolygon counts each part', () => {
    const two: BoundaryGeometry = { type: 'MultiPolygon', coordinates: [[box(113.0, 36.0, 113.1, 36.1)], [box(114.0, 36.0, 114.1, 36.1)]] };
    expect(ringIntersectsBoundary(box(114.05, 36.05, 114.06, 36.06), two)).toBe(true);
    expect(ringIntersectsBoundary(box(113.5, 36.05, 113.6, 36.06), two)).toBe(false);
  });
});

describe('boundaryProblem', () => {
  it('accepts a Polygon and a MultiPolygon with holes', () => {
    expect(boundaryProblem(county)).toBeNull();
    expect(boundaryProblem({ type: 'MultiPolygon', coordinates: [county.coordinates] })).toBeNull();
  });
  it.each([
    [{ type: 'Point', coordinates: [113, 36] }, /not Polygon or MultiPolygon/],
    [{ type: 'Polygon', coordinates: [] }, /no rings/],
    [{ type: 'Polygon', coordinates: [box(113, 36, 113.1, 36.1).slice(0, 3)] }, /fewer than 4/],
    [{ type: 'Polygon', coordinates: [box(36, 113, 36.1, 113.1)] }, /outside China .*lon first/],
    [
      {
        type: 'Polygon',
        coordinates: [
          [
            [113, 36],
            [113.1, 36],
            [113.1, 36.1],
            [113, 36.1],
            [113, 36.05],
          ],
        ],
      },
      /not closed/,
    ],
    [
      {
        type: 'Polygon',
        coordinates: [
          [
            [113, 36],
            [113.1, 36.1],
            [113.1, 36],
            [113, 36.1],
            [113, 36],
          ],
        ],
      },
      /crosses itself/,
    ],
    [
      {
        type: 'Polygon',
        coordinates: [
          [
            [113, 36],
            ['x', 36],
            [113.1, 36.1],
            [113, 36],
          ],
        ],
      },
      /not \[lon, lat\]/,
    ],
  ])('refuses %j', (g, reason) => {
    expect(boundaryProblem(g)).toMatch(reason);
  });
});
