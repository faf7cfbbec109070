import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Executor } from '../../db/client.js';
import type { Scope } from '../../kernel/scope/scope.js';
import { assign, makeCity, makeDepartment, makeEnterprise } from '../../test/factories.js';
import { openTestDatabase } from '../../test/harness.js';
import { type HazardFilter, hazardWhere, overview } from './hazard.repository.js';
import { hazard, hazardListing } from './hazard.schema.js';

/**
 * The overview in one grouped pass must give exactly what the four scans it replaced gave. The old
 * statements are kept here as the reference and both run over a varied fixture (every status, no
 * grade / general / major, deadlines past, due today, ahead and missing, listings open, closed and
 * doubled, hazards on the city's and a county's own level) under several scopes and filters.
 */
async function fourPassOverview(ex: Executor, scope: Scope, f: HazardFilter, today: string, childDepth: number) {
  const w = hazardWhere(scope, f);
  const running = sql`${hazard.status} in ('confirmed', 'rectifying')`;
  const measures = sql`
    count(*)::int as total,
    count(*) filter (where ${hazard.status} not in ('closed', 'rejected'))::int as open,
    count(*) filter (where ${hazard.grade} = 'major')::int as major,
    count(*) filter (where ${hazard.grade} = 'major' and ${hazard.status} not in ('closed', 'rejected'))::int as "majorOpen",
    count(*) filter (where ${hazard.status} = 'closed')::int as closed,
    count(*) filter (where ${running} and ${hazard.deadline} < ${today})::int as overdue,
    count(*) filter (where ${hazard.status} = 'reported')::int as unconfirmed`;
  const rows = async (q: ReturnType<typeof sql>) => ((await ex.execute(q)) as unknown as { rows: Record<string, unknown>[] }).rows;
  const totals = await rows(sql`select ${measures} from ${hazard} where ${w}`);
  const byStatus = await rows(sql`select ${hazard.status} as key, count(*)::int as n from ${hazard} where ${w} group by 1`);
  const byRegion = await rows(
    sql`select split_part(${hazard.regionPath}, '/', ${childDepth + 2}) as key, ${measures} from ${hazard} where ${w} group by 1 order by 1`,
  );
  const byIndustry = await rows(sql`select ${hazard.industry} as key, ${measures} from ${hazard} where ${w} group by 1 order by 2 desc`);
  const listed = await rows(
    sql`select count(distinct l.hazard_id)::int as n from hazard_listing l join ${hazard} on ${hazard.id} = l.hazard_id where l.status = 'open' and ${w}`,
  );
  return { totals: totals[0], byStatus, byRegion, byIndustry, listedOpen: listed[0]?.n ?? 0 };
}

type Row = Record<string, unknown>;

/** Row order that SQL left open: statuses in any order, industries with equal totals in any order. */
function comparable(o: { byStatus: Row[]; byIndustry: Row[] }) {
  const byKey = (a: Row, b: Row) => String(a.key).localeCompare(String(b.key));
  return {
    ...o,
    byStatus: [...o.byStatus].sort(byKey),
    byIndustry: [...o.byIndustry].sort((a, b) => Number(b.total) - Number(a.total) || byKey(a, b)),
  };
}

const TODAY = '2026-06-15';
const STATUSES = ['reported', 'confirmed', 'rectifying', 'submitted', 'verified', 'closed', 'rejected'];
const GRADES = [null, 'general', 'major'];
const DEADLINES = [null, '2026-06-01', '2026-06-14', TODAY, '2026-06-16', '2026-07-30'];

let database: Database;
let w: Awaited<ReturnType<typeof fixture>>;

async function fixture(db: Database['db']) {
  const r = await makeCity(db);
  const chemA = await makeDepartment(db, r.countyA, 'industry', ['hazchem']);
  const ents = [
    await makeEnterprise(db, r.townA, { industry: 'hazchem' }),
    await makeEnterprise(db, r.townA, { industry: 'coal' }),
    await makeEnterprise(db, r.countyA, { industry: 'construction' }),
    await makeEnterprise(db, r.townB, { industry: 'hazchem' }),
    await makeEnterprise(db, r.countyB, { industry: 'fireworks' }),
    await makeEnterprise(db, r.city, { industry: 'municipal' }),
  ];
  // A coal mine the chemicals department supervises by assignment: the industry scope's other branch.
  await assign(db, (ents[1] as { id: string }).id, chemA.id);
  // A fixed walk (no randomness: a failure reproduces): each block of 42 meets every status and
  // deadline together, at one enterprise, with the grades shifted from block to block.
  const rows: (typeof hazard.$inferInsert)[] = [];
  for (let i = 0; i < 420; i++) {
    const block = Math.floor(i / 42);
    const e = ents[block % ents.length] as (typeof ents)[number];
    const created = new Date(Date.UTC(2026, 0, 1) + ((i * 37) % 160) * 86_400_000);
    rows.push({
      code: `OV${randomUUID()}`,
      enterpriseId: e.id,
      enterpriseName: e.name,
      regionPath: e.regionPath,
      industry: e.industry,
      title: i % 5 === 0 ? '配电室门未关闭' : '消防通道堆放杂物',
      description: '测试',
      location: '生产区',
      source: 'selfInspection',
      category: 'site',
      foundAt: created,
      reporterName: '测试',
      status: STATUSES[i % STATUSES.length] as string,
      grade: GRADES[(i + block) % GRADES.length] ?? null,
      deadline: DEADLINES[i % DEADLINES.length] ?? null,
      createdAt: created,
      updatedAt: created,
    });
  }
  const inserted = await db.insert(hazard).values(rows).returning({ id: hazard.id });
  const listings: (typeof hazardListing.$inferInsert)[] = [];
  inserted.forEach(({ id }, i) => {
    if (i % 6 !== 0) return;
    const listing = (status: string) => ({
      hazardId: id,
      departmentId: chemA.id,
      departmentName: '测试部门',
      level: 'county',
      supervisor: '王五',
      deadline: '2026-08-01',
      requirements: '限期整改',
      status,
      listedAt: new Date(),
      listedBy: '测试',
    });
    listings.push(listing(i % 4 === 0 ? 'closed' : 'open'));
    if (i % 5 === 0) listings.push(listing('open'));
  });
  await db.insert(hazardListing).values(listings);
  return { r, chemA, ents };
}

beforeAll(async () => {
  database = await openTestDatabase();
  w = await fixture(database.db);
});
afterAll(() => database.close());

describe('hazard overview: one grouped pass gives the figures of the four scans', () => {
  const depth = (path: string) => path.split('/').filter(Boolean).length;
  const cases: [string, () => { scope: Scope; f: HazardFilter; base: string }][] = [
    ['city, no filter', () => ({ scope: { kind: 'government', regionPath: w.r.city.path }, f: {}, base: w.r.city.path })],
    ['county A', () => ({ scope: { kind: 'government', regionPath: w.r.countyA.path }, f: {}, base: w.r.countyA.path })],
    [
      'city, region filter county B',
      () => ({ scope: { kind: 'government', regionPath: w.r.city.path }, f: { regionPath: w.r.countyB.path }, base: w.r.countyB.path }),
    ],
    [
      'chemicals department (industries and an assignment)',
      () => ({
        scope: { kind: 'industry', regionPath: w.r.countyA.path, departmentId: w.chemA.id, industries: ['hazchem'] },
        f: {},
        base: w.r.countyA.path,
      }),
    ],
    ['one enterprise', () => ({ scope: { kind: 'enterprise', enterpriseId: (w.ents[0] as { id: string }).id }, f: {}, base: '' })],
    ['city, open', () => ({ scope: { kind: 'government', regionPath: w.r.city.path }, f: { status: 'open' }, base: w.r.city.path })],
    ['city, major', () => ({ scope: { kind: 'government', regionPath: w.r.city.path }, f: { grade: 'major' }, base: w.r.city.path })],
    ['city, overdue', () => ({ scope: { kind: 'government', regionPath: w.r.city.path }, f: { overdueOn: TODAY }, base: w.r.city.path })],
    ['city, not overdue', () => ({ scope: { kind: 'government', regionPath: w.r.city.path }, f: { notOverdueOn: TODAY }, base: w.r.city.path })],
    ['city, listed', () => ({ scope: { kind: 'government', regionPath: w.r.city.path }, f: { listed: true }, base: w.r.city.path })],
    ['city, not listed', () => ({ scope: { kind: 'government', regionPath: w.r.city.path }, f: { listed: false }, base: w.r.city.path })],
    [
      'city, hazchem, searched, created in a window',
      () => ({
        scope: { kind: 'government', regionPath: w.r.city.path },
        f: { industry: 'hazchem', q: '配电室', from: new Date('2026-02-01T00:00:00+08:00'), to: new Date('2026-05-01T00:00:00+08:00') },
        base: w.r.city.path,
      }),
    ],
    ['nothing in scope', () => ({ scope: { kind: 'none' }, f: {}, base: '' })],
  ];

  it.each(cases)('%s', async (_, make) => {
    const { scope, f, base } = make();
    const before = await fourPassOverview(database.db, scope, f, TODAY, depth(base));
    const after = await overview(database.db, scope, f, TODAY, depth(base));
    expect(comparable(after)).toEqual(comparable(before));
    // Industries come largest first, as the page shows them.
    const totals = after.byIndustry.map((x) => x.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
  });

  it('the fixture is varied enough to tell the figures apart', async () => {
    const o = await overview(database.db, { kind: 'government', regionPath: w.r.city.path }, {}, TODAY, depth(w.r.city.path));
    expect(o.totals.total).toBe(420);
    expect(o.byStatus).toHaveLength(STATUSES.length);
    // Both counties and the city's own enterprise ('' for the region level below the city).
    expect(o.byRegion.map((x) => x.key).sort()).toEqual(['', w.r.countyA.code, w.r.countyB.code].sort());
    expect(o.byIndustry).toHaveLength(5);
    for (const k of ['open', 'major', 'majorOpen', 'closed', 'overdue', 'unconfirmed'] as const) {
      expect(o.totals[k]).toBeGreaterThan(0);
      expect(o.totals[k]).toBeLessThan(420);
    }
    expect(o.listedOpen).toBeGreaterThan(0);
  });
});
