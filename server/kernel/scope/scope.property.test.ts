import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assign, loginAs, makeDepartment, makeEnterprise, makeRegion, makeUser, type TestRegion } from '../../test/factories.js';
import { getTestServer, type TestServer } from '../../test/harness.js';

/**
 * Property: for random org trees and users, no list, detail, count or export ever returns an
 * enterprise outside the user's scope (product.md §2), and nothing in scope is hidden.
 */
let t: TestServer;
beforeAll(async () => {
  t = await getTestServer();
});
afterAll(() => t.close());

const INDUSTRIES = ['coal', 'hazchem', 'construction', 'education'] as const;

const arbWorld = fc.record({
  counties: fc.integer({ min: 1, max: 3 }),
  enterprises: fc.array(
    fc.record({
      county: fc.nat(),
      industry: fc.constantFrom(...INDUSTRIES),
      group: fc.option(fc.nat(), { nil: null }),
      assignTo: fc.option(fc.nat(), { nil: null }),
    }),
    { minLength: 1, maxLength: 8 },
  ),
  industryDepts: fc.array(fc.record({ atCity: fc.boolean(), county: fc.nat(), industries: fc.subarray([...INDUSTRIES], { minLength: 1 }) }), {
    minLength: 1,
    maxLength: 3,
  }),
  groups: fc.integer({ min: 0, max: 2 }),
});

async function xlsxColumn(payload: Buffer, col: number, firstDataRow: number): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.worksheets[0]?.eachRow((r, n) => {
    if (n >= firstDataRow) out.push(String(r.getCell(col).value));
  });
  return out.sort();
}

describe('data scope', () => {
  it('never leaks an out-of-scope enterprise through list, count, detail or export', async () => {
    await fc.assert(
      fc.asyncProperty(arbWorld, async (w) => {
        const db = t.database.db;
        const city = await makeRegion(db, null, '性质测试市', 'city');
        const counties: TestRegion[] = [];
        const towns: TestRegion[] = [];
        for (let i = 0; i < w.counties; i++) {
          const c = await makeRegion(db, city);
          counties.push(c);
          towns.push(await makeRegion(db, c, '镇', 'town'));
        }
        const govCity = await makeDepartment(db, city, 'government');
        const govs = await Promise.all(counties.map((c) => makeDepartment(db, c, 'government')));
        const inds = [];
        for (const d of w.industryDepts) {
          const region = d.atCity ? city : (counties[d.county % counties.length] as TestRegion);
          inds.push({ dept: await makeDepartment(db, region, 'industry', d.industries), region, industries: d.industries });
        }
        const groups = [];
        for (let g = 0; g < w.groups; g++) groups.push(await makeEnterprise(db, towns[0] as TestRegion, { isGroup: true, industry: 'coal' }));
        const ents = [];
        for (const e of w.enterprises) {
          const ci = e.county % counties.length;
          const group = e.group !== null && groups.length ? groups[e.group % groups.length] : undefined;
          const row = await makeEnterprise(db, towns[ci] as TestRegion, { industry: e.industry, groupId: group?.id ?? null });
          const assigned = e.assignTo !== null ? inds[e.assignTo % inds.length] : undefined;
          if (assigned) await assign(db, row.id, assigned.dept.id);
          ents.push({ row, path: (towns[ci] as TestRegion).path, industry: e.industry, groupId: group?.id ?? null, assignedTo: assigned?.dept.id });
        }
        const all = [
          ...groups.map((g) => ({
            row: g,
            path: (towns[0] as TestRegion).path,
            industry: 'coal',
            groupId: null as string | null,
            assignedTo: undefined as string | undefined,
          })),
          ...ents,
        ];

        // The model: who should see what.
        const viewers: { headers: Record<string, string>; sees: (e: (typeof all)[number]) => boolean; canExport: boolean }[] = [];
        const add = async (
          kind: Parameters<typeof makeUser>[1],
          roles: string[],
          unit: Parameters<typeof makeUser>[3],
          sees: (e: (typeof all)[number]) => boolean,
          canExport: boolean,
        ) => {
          const u = await makeUser(db, kind, roles, unit);
          viewers.push({ headers: await loginAs(t.app, u.username), sees, canExport });
        };
        await add('government', ['regulator-admin'], { departmentId: govCity.id }, () => true, true);
        for (const [i, g] of govs.entries())
          await add('government', ['regulator-admin'], { departmentId: g.id }, (e) => e.path.startsWith((counties[i] as TestRegion).path), true);
        for (const d of inds)
          await add(
            'industry',
            ['regulator'],
            { departmentId: d.dept.id },
            (e) => e.path.startsWith(d.region.path) && (d.industries.includes(e.industry as never) || e.assignedTo === d.dept.id),
            true,
          );
        const first = ents[0];
        if (first) await add('enterprise', ['enterprise-manager'], { enterpriseId: first.row.id }, (e) => e.row.id === first.row.id, false);
        for (const g of groups) await add('group', ['group-manager'], { enterpriseId: g.id }, (e) => e.row.id === g.id || e.groupId === g.id, true);

        for (const v of viewers) {
          const expected = all
            .filter(v.sees)
            .map((e) => e.row.id)
            .sort();
          const expectedUscc = all
            .filter(v.sees)
            .map((e) => e.row.uscc)
            .sort();
          const list = (await t.app.inject({ url: `/api/enterprises?regionCode=${city.code}&pageSize=500`, headers: v.headers })).json();
          expect(list.items.map((e: { id: string }) => e.id).sort()).toEqual(expected);
          expect(list.total).toBe(expected.length);
          for (const e of all) {
            const res = await t.app.inject({ url: `/api/enterprises/${e.row.id}`, headers: v.headers });
            expect(res.statusCode).toBe(v.sees(e) ? 200 : 404);
          }
          if (v.canExport) {
            const x = await t.app.inject({ url: `/api/enterprises/export?regionCode=${city.code}`, headers: v.headers });
            expect(await xlsxColumn(x.rawPayload, 2, 2)).toEqual(expectedUscc);
          }
          const table = await t.app.inject({ url: `/api/supervision-table?regionCode=${city.code}&pageSize=500`, headers: v.headers });
          if (table.statusCode === 200) {
            expect(
              table
                .json()
                .items.map((r: { enterpriseId: string }) => r.enterpriseId)
                .sort(),
            ).toEqual(expected);
            expect(table.json().summary.total).toBe(expected.length);
          }
          const tx = await t.app.inject({ url: `/api/supervision-table/export?regionCode=${city.code}`, headers: v.headers });
          if (tx.statusCode === 200) expect(await xlsxColumn(tx.rawPayload, 2, 3)).toEqual(expectedUscc);
        }
      }),
      { numRuns: 10 },
    );
  }, 240_000);
});
