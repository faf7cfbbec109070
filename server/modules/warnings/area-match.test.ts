import { describe, expect, it } from 'vitest';
import { type AreaObject, matchEnterprises, type SiteEnterprise } from './area-match.js';
import type { Ring } from './cap/cap.js';

const BOX: Ring = [
  [112.0, 35.0],
  [112.1, 35.0],
  [112.1, 35.1],
  [112.0, 35.1],
  [112.0, 35.0],
];
const IN = { lng: 112.05, lat: 35.05 };
const OUT = { lng: 112.5, lat: 35.5 };

const ent = (id: string, industry: string, at: { lng: number; lat: number } | null, regionPath = '/1/2/'): SiteEnterprise => ({
  id,
  name: `企业${id}`,
  regionCode: regionPath.split('/').filter(Boolean).pop() as string,
  regionPath,
  industry,
  lng: at?.lng ?? null,
  lat: at?.lat ?? null,
});
const obj = (id: string, enterpriseId: string, kind: AreaObject['kind'], at: { lng: number; lat: number } | null, overhead = false): AreaObject => ({
  id,
  enterpriseId,
  kind,
  name: `对象${id}`,
  lng: at?.lng ?? null,
  lat: at?.lat ?? null,
  overhead,
});

describe('matchEnterprises', () => {
  it('a pond inside reaches its mine whose plant is outside, naming the pond (头顶库)', () => {
    const [m, ...rest] = matchEnterprises([ent('a', 'nonCoalMine', OUT)], [obj('p', 'a', 'tailings', IN, true)], { polygons: [BOX], regionPrefixes: [] });
    expect(rest).toEqual([]);
    expect(m?.because).toEqual(['polygon', 'tailings']);
    expect(m?.objects).toEqual([{ kind: 'tailings', id: 'p', name: '对象p', via: 'polygon', overhead: true }]);
  });

  it('the site point alone: a coal mine is a mine, a plant is a site (no class)', () => {
    const r = matchEnterprises([ent('c', 'coal', IN), ent('x', 'construction', IN)], [], { polygons: [BOX], regionPrefixes: [] });
    expect(r.map((m) => m.because)).toEqual([['polygon', 'mine'], ['polygon']]);
    expect(r[1]?.objects).toEqual([{ kind: 'site', id: 'x', name: '企业x', via: 'polygon' }]);
  });

  it('nothing inside, no region: no match; an outside installation does not pull its enterprise in', () => {
    expect(matchEnterprises([ent('a', 'hazchem', OUT)], [obj('i', 'a', 'installation', OUT)], { polygons: [BOX], regionPrefixes: [] })).toEqual([]);
    expect(matchEnterprises([ent('a', 'hazchem', null)], [], { polygons: [BOX], regionPrefixes: [] })).toEqual([]);
  });

  it('an installation without coordinates stands at its enterprise point (approx); with its own point it counts alone', () => {
    const [m] = matchEnterprises(
      [ent('h', 'hazchem', IN)],
      [obj('i1', 'h', 'installation', null), obj('i2', 'h', 'installation', OUT), obj('i3', 'h', 'installation', IN)],
      { polygons: [BOX], regionPrefixes: [] },
    );
    expect(m?.objects.map((o) => [o.id, o.approx ?? false])).toEqual([
      ['h', false],
      ['i1', true],
      ['i3', false],
    ]);
    expect(m?.because).toEqual(['polygon', 'installation']);
  });

  it('a region code reaches the enterprise and all its objects; the polygon wins where both hold', () => {
    const [m] = matchEnterprises(
      [ent('a', 'nonCoalMine', OUT, '/140500/140525/'), ent('b', 'nonCoalMine', OUT, '/140500/140581/')],
      [obj('p1', 'a', 'tailings', IN), obj('p2', 'a', 'tailings', OUT)],
      { polygons: [BOX], regionPrefixes: ['/140500/140525/'] },
    ).filter((x) => x.e.id === 'a');
    expect(m?.because).toEqual(['polygon', 'region', 'mine', 'tailings']);
    expect(m?.objects.map((o) => [o.id, o.via])).toEqual([
      ['a', 'region'],
      ['p1', 'polygon'],
      ['p2', 'region'],
    ]);
    // A bare code (a region not in the table) still matches by the enterprise's code.
    expect(matchEnterprises([ent('b', 'coal', null, '/140500/140581/')], [], { polygons: [], regionPrefixes: ['/140581'] })).toHaveLength(1);
  });
});
