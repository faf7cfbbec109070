import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accident } from '../../modules/accidents/accident.schema.js';
import { alarm } from '../../modules/alarms/alarm.schema.js';
import { sensor } from '../../modules/monitoring/monitoring.schema.js';
import { majorHazardSource, riskPoint, tailingsPond } from '../../modules/risk/risk.schema.js';
import { assign, loginAs, makeDepartment, makeEnterprise, makeRegion, makeUser, type TestRegion, uploadFile } from '../../test/factories.js';
import { getTestServer, type TestServer } from '../../test/harness.js';
import { BUILTIN_ROLES } from '../access/builtin-roles.js';

/**
 * Property (product.md §2, issue 11 item 6): for generated org trees — counties, towns, government and industry
 * departments, groups, enterprises of several industries with 一张表 assignments — and objects of every
 * enterprise-anchored module (enterprises, the supervision table, hazards with photos, risk points, major hazard
 * installations, tailings ponds, sensors, alarms, accidents; 督办 tasks with their files under their own model), each role sees exactly what an independent model written below predicts: lists, totals,
 * details (200 vs 404), exports, counts and attachments, and its live-event stream carries no event of an object
 * it cannot see. Every assertion runs on every generated case: an unexpected 403/404 fails like a leak does.
 * The model never calls the kernel's scope SQL; it is the rule of product.md §2 written plainly.
 */
let t: TestServer;
let base: string;
beforeAll(async () => {
  t = await getTestServer();
  // Live events are read as a browser reads them: GET /api/events over a real connection.
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
});
afterAll(() => t.close());

const INDUSTRIES = ['coal', 'hazchem', 'construction', 'education'] as const;
type Industry = (typeof INDUSTRIES)[number];

const arbWorld = fc.record({
  counties: fc.integer({ min: 1, max: 3 }),
  enterprises: fc.array(
    fc.record({
      county: fc.nat(),
      industry: fc.constantFrom(...INDUSTRIES),
      group: fc.option(fc.nat(), { nil: null }),
      assignTo: fc.option(fc.nat(), { nil: null }),
      hazards: fc.integer({ min: 0, max: 1 }),
      sensors: fc.integer({ min: 0, max: 1 }),
      riskPoints: fc.integer({ min: 0, max: 1 }),
      accidents: fc.integer({ min: 0, max: 1 }),
      tasks: fc.integer({ min: 0, max: 1 }),
      installations: fc.integer({ min: 0, max: 1 }),
    }),
    { minLength: 1, maxLength: 5 },
  ),
  industryDepts: fc.array(fc.record({ atCity: fc.boolean(), county: fc.nat(), industries: fc.subarray([...INDUSTRIES], { minLength: 1 }) }), {
    minLength: 1,
    maxLength: 3,
  }),
  groups: fc.integer({ min: 0, max: 2 }),
});

/** An enterprise as the model knows it. */
interface Ent {
  id: string;
  uscc: string;
  name: string;
  path: string;
  regionCode: string;
  industry: string;
  groupId: string | null;
  assignedTo: string[];
}

/** An object of some module, anchored on an enterprise; `key` is what its export shows (code, title …). */
interface Obj {
  id: string;
  key: string;
  ent: Ent;
}

interface Viewer {
  label: string;
  /** A 督办 task addressed to an enterprise (issued by the city): does this viewer see it? */
  seesTaskTo: (e: Ent) => boolean;
  userId: string;
  headers: Record<string, string>;
  permissions: Set<string>;
  sees: (e: Ent) => boolean;
}

const PERMISSIONS = new Map(BUILTIN_ROLES.map((r) => [r.key, new Set<string>(r.permissions)]));

/** The plain rule (product.md §2): who sees an enterprise. */
const model = {
  government: (regionPath: string) => (e: Ent) => e.path.startsWith(regionPath),
  industry: (regionPath: string, departmentId: string, industries: readonly string[]) => (e: Ent) =>
    e.path.startsWith(regionPath) && (industries.includes(e.industry) || e.assignedTo.includes(departmentId)),
  enterprise: (id: string) => (e: Ent) => e.id === id,
  group: (groupId: string) => (e: Ent) => e.id === groupId || e.groupId === groupId,
};

/**
 * Tasks pass between units: a government sees what its region issued and what is addressed to a unit in its
 * region; an industry department sees what it issued or is addressed to it (being supervised is not being
 * addressed); an enterprise or group sees what is addressed to an enterprise it sees.
 */
const taskModel = {
  government: (regionPath: string, issuerPath: string) => (to: Ent) => issuerPath.startsWith(regionPath) || to.path.startsWith(regionPath),
  industry: () => () => false,
};

async function xlsxValues(payload: Buffer): Promise<Set<string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  const out = new Set<string>();
  for (const ws of wb.worksheets) ws.eachRow((r) => r.eachCell((c) => out.add(String(c.text ?? c.value))));
  return out;
}

let seq = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(seq++).toString(36)}`;

describe('data scope', () => {
  it('every role sees exactly what the model predicts: lists, details, exports, counts, attachments, live events', async () => {
    await fc.assert(
      fc.asyncProperty(arbWorld, async (w) => {
        const db = t.database.db;
        const now = t.clock.now();
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
        const inds: { id: string; region: TestRegion; industries: Industry[] }[] = [];
        for (const d of w.industryDepts) {
          const region = d.atCity ? city : (counties[d.county % counties.length] as TestRegion);
          inds.push({ id: (await makeDepartment(db, region, 'industry', d.industries)).id, region, industries: d.industries });
        }
        const ents: Ent[] = [];
        const groups: Ent[] = [];
        for (let g = 0; g < w.groups; g++) {
          const row = await makeEnterprise(db, towns[0] as TestRegion, { isGroup: true, industry: 'coal' });
          const e: Ent = {
            id: row.id,
            uscc: row.uscc,
            name: row.name,
            path: row.regionPath,
            regionCode: row.regionCode,
            industry: 'coal',
            groupId: null,
            assignedTo: [],
          };
          groups.push(e);
          ents.push(e);
        }
        const plan: { ent: Ent; spec: (typeof w.enterprises)[number] }[] = [];
        for (const spec of w.enterprises) {
          const town = towns[spec.county % towns.length] as TestRegion;
          const group = spec.group !== null && groups.length ? groups[spec.group % groups.length] : undefined;
          const row = await makeEnterprise(db, town, { industry: spec.industry, groupId: group?.id ?? null });
          const dept = spec.assignTo !== null ? inds[spec.assignTo % inds.length] : undefined;
          if (dept) await assign(db, row.id, dept.id);
          const e: Ent = {
            id: row.id,
            uscc: row.uscc,
            name: row.name,
            path: town.path,
            regionCode: town.code,
            industry: spec.industry,
            groupId: group?.id ?? null,
            assignedTo: dept ? [dept.id] : [],
          };
          ents.push(e);
          plan.push({ ent: e, spec });
        }

        // Viewers: the city, every county, every industry department, an enterprise and every group; a platform
        // administrator sees no enterprise data at all.
        const viewers: Viewer[] = [];
        const add = async (
          label: string,
          kind: Parameters<typeof makeUser>[1],
          role: string,
          unit: Parameters<typeof makeUser>[3],
          sees: Viewer['sees'],
          seesTaskTo: Viewer['seesTaskTo'] = sees,
        ) => {
          const u = await makeUser(db, kind, [role], unit);
          viewers.push({ label, userId: u.id, headers: await loginAs(t.app, u.username), permissions: PERMISSIONS.get(role) ?? new Set(), sees, seesTaskTo });
        };
        await add(
          'city',
          'government',
          'regulator-admin',
          { departmentId: govCity.id },
          model.government(city.path),
          taskModel.government(city.path, city.path),
        );
        for (const [i, g] of govs.entries()) {
          const path = (counties[i] as TestRegion).path;
          await add(`county${i}`, 'government', 'regulator-admin', { departmentId: g.id }, model.government(path), taskModel.government(path, city.path));
        }
        for (const [i, d] of inds.entries())
          await add(
            `industry${i}(${d.industries})`,
            'industry',
            'regulator',
            { departmentId: d.id },
            model.industry(d.region.path, d.id, d.industries),
            taskModel.industry(),
          );
        const first = plan[0]?.ent;
        if (first) await add('enterprise', 'enterprise', 'enterprise-manager', { enterpriseId: first.id }, model.enterprise(first.id));
        for (const [i, g] of groups.entries()) await add(`group${i}`, 'group', 'group-manager', { enterpriseId: g.id }, model.group(g.id));
        await add('system-admin', 'platform', 'system-admin', {}, () => false);
        const cityViewer = viewers[0] as Viewer;

        // Each viewer's event stream, open while the objects are made.
        const streams = new Map<string, LiveStream>();
        for (const v of viewers) streams.set(v.userId, await openStream(v.headers));

        // Objects of each module. Hazards go through the API (reported by the city with a photo, so the enterprise's
        // users are told live); the others are written as their modules store them, with the enterprise's anchors.
        const hazards: (Obj & { photo: string })[] = [];
        const sensors: Obj[] = [];
        const alarms: Obj[] = [];
        const risks: Obj[] = [];
        const accidents: Obj[] = [];
        const tasks: (Obj & { file: string })[] = [];
        const installations: Obj[] = [];
        const ponds: Obj[] = [];
        for (const { ent, spec } of plan) {
          for (let i = 0; i < spec.installations; i++) {
            const code = unique('WX');
            const person = { principalName: '张三', principalPhone: '13903561234', technicalName: '李四', technicalPhone: '13903561235' };
            const [m] = await db
              .insert(majorHazardSource)
              .values({
                enterpriseId: ent.id,
                code,
                name: code,
                unitKind: 'storage',
                exposedPopulation: 10,
                substances: [],
                terms: [],
                s: 1,
                isMajor: true,
                alpha: 1,
                r: 10,
                source: '性质测试',
                ...person,
                operationalName: '王五',
                operationalPhone: '13903561236',
                createdAt: now,
                updatedAt: now,
              })
              .returning();
            installations.push({ id: (m as { id: string }).id, key: code, ent });
            const pondCode = unique('WK');
            const [p] = await db
              .insert(tailingsPond)
              .values({
                enterpriseId: ent.id,
                code: pondCode,
                name: pondCode,
                lng: 112.8,
                lat: 35.5,
                designDamHeight: 30,
                currentDamHeight: 20,
                totalCapacity: 100,
                currentCapacity: 50,
                grade: 4,
                gradeSource: '性质测试',
                overhead: false,
                downstreamPopulation: 0,
                safetyStatus: 'normal',
                operatingStatus: 'operating',
                responsiblePerson: '张三',
                responsiblePhone: '13903561234',
                createdAt: now,
                updatedAt: now,
              })
              .returning();
            ponds.push({ id: (p as { id: string }).id, key: pondCode, ent });
          }
          for (let i = 0; i < spec.tasks; i++) {
            const file = await uploadPhoto(cityViewer.headers);
            const res = await t.app.inject({
              method: 'POST',
              url: '/api/tasks',
              headers: cityViewer.headers,
              payload: {
                title: unique('性质督办'),
                content: '性质测试',
                source: 'meeting',
                complexity: 'general',
                lead: { enterpriseId: ent.id },
                attachments: [file],
              },
            });
            expect(res.statusCode, res.body).toBe(200);
            const d = res.json().data;
            tasks.push({ id: d.id, key: d.code, ent, file });
          }
          for (let i = 0; i < spec.hazards; i++) {
            const photo = await uploadPhoto(cityViewer.headers);
            const res = await t.app.inject({
              method: 'POST',
              url: '/api/hazards',
              headers: cityViewer.headers,
              payload: { enterpriseId: ent.id, title: unique('性质隐患'), description: '性质测试', location: '现场', source: 'inspection', photos: [photo] },
            });
            expect(res.statusCode, res.body).toBe(200);
            const h = res.json().data;
            hazards.push({ id: h.id, key: h.code, ent, photo });
          }
          for (let i = 0; i < spec.sensors; i++) {
            const name = unique('性质测点');
            const anchors = { enterpriseId: ent.id, enterpriseName: ent.name, regionPath: ent.path, industry: ent.industry, groupId: ent.groupId };
            const [s] = await db
              .insert(sensor)
              .values({ ...anchors, code: name, name, type: 'co', unit: 'ppm', location: '回风巷', rules: {}, createdAt: now, updatedAt: now })
              .returning();
            sensors.push({ id: (s as { id: string }).id, key: name, ent });
            const [a] = await db
              .insert(alarm)
              .values({
                ...anchors,
                sensorId: (s as { id: string }).id,
                sensorName: name,
                sensorType: 'co',
                unit: 'ppm',
                location: '回风巷',
                type: 'high',
                severity: 'yellow',
                status: 'ACTIVE_UNACK',
                active: true,
                startTs: now,
                lastTs: now,
                ackDue: new Date(now.getTime() + 3600_000),
                feedbackDue: new Date(now.getTime() + 86_400_000),
                createdAt: now,
                updatedAt: now,
              })
              .returning();
            alarms.push({ id: (a as { id: string }).id, key: name, ent });
          }
          for (let i = 0; i < spec.riskPoints; i++) {
            const code = unique('FX');
            const [r] = await db
              .insert(riskPoint)
              .values({
                enterpriseId: ent.id,
                code,
                name: code,
                kind: 'area',
                hazardFactors: '性质测试',
                accidentTypes: ['01'],
                method: 'lec',
                inputs: { L: 3, E: 6, C: 7 },
                score: 126,
                level: 3,
                color: 'yellow',
                source: '性质测试',
                measures: [],
                controlLevel: 'workshop',
                responsiblePerson: '张三',
                assessedAt: now,
                assessedBy: '张三',
                reviewDue: '2099-01-01',
                createdAt: now,
                updatedAt: now,
              })
              .returning();
            risks.push({ id: (r as { id: string }).id, key: code, ent });
          }
          for (let i = 0; i < spec.accidents; i++) {
            const title = unique('性质事故');
            const [x] = await db
              .insert(accident)
              .values({
                enterpriseId: ent.id,
                groupId: ent.groupId,
                regionCode: ent.regionCode,
                regionPath: ent.path,
                industry: ent.industry,
                accidentType: '01',
                title,
                occurredAt: now,
                reportedAt: now,
                place: '现场',
                unitOverview: '性质测试',
                scene: '性质测试',
                narrative: '性质测试',
                deaths: 0,
                missing: 0,
                seriousInjuries: 0,
                minorInjuries: 1,
                directLossYuan: 0,
                measures: '性质测试',
                grade: 4,
                decidedBy: 'deaths',
                status: 'reported',
                reporterName: '性质测试',
                createdAt: now,
                updatedAt: now,
              })
              .returning();
            accidents.push({ id: (x as { id: string }).id, key: title, ent });
          }
        }

        const modules: {
          name: string;
          read: string;
          objects: Obj[];
          list: string;
          detail: (id: string) => string;
          export?: { url: string; permission: string };
          count?: { url: string; total: (body: unknown) => number };
        }[] = [
          {
            name: 'enterprises',
            read: 'enterprise.read',
            objects: ents.map((e) => ({ id: e.id, key: e.uscc, ent: e })),
            list: '/api/enterprises?pageSize=500',
            detail: (id) => `/api/enterprises/${id}`,
            export: { url: '/api/enterprises/export', permission: 'enterprise.export' },
          },
          {
            name: 'hazards',
            read: 'hazard.read',
            objects: hazards,
            list: '/api/hazards?pageSize=200',
            detail: (id) => `/api/hazards/${id}`,
            export: { url: '/api/hazards/export', permission: 'hazard.export' },
            count: { url: '/api/hazards/overview', total: (b) => (b as { totals: { total: number } }).totals.total },
          },
          {
            name: 'risk points',
            read: 'risk.read',
            objects: risks,
            list: '/api/risk-points?pageSize=200',
            detail: (id) => `/api/risk-points/${id}`,
            export: { url: '/api/risk-points/export', permission: 'risk.export' },
            count: { url: '/api/risk-points/summary', total: (b) => (b as { counts: { total: number } }).counts.total },
          },
          {
            name: 'major hazard installations',
            read: 'risk.read',
            objects: installations,
            list: '/api/major-hazard-sources?pageSize=200',
            detail: (id) => `/api/major-hazard-sources/${id}`,
            export: { url: '/api/major-hazard-sources/export', permission: 'risk.export' },
          },
          {
            name: 'tailings ponds',
            read: 'risk.read',
            objects: ponds,
            list: '/api/tailings-ponds?pageSize=200',
            detail: (id) => `/api/tailings-ponds/${id}`,
            export: { url: '/api/tailings-ponds/export', permission: 'risk.export' },
          },
          {
            name: 'sensors',
            read: 'sensor.read',
            objects: sensors,
            list: '/api/sensors?pageSize=200',
            detail: (id) => `/api/sensors/${id}`,
          },
          {
            name: 'alarms',
            read: 'alarm.read',
            objects: alarms,
            list: '/api/alarms?pageSize=200',
            detail: (id) => `/api/alarms/${id}`,
            export: { url: '/api/alarms/export', permission: 'alarm.read' },
            count: { url: '/api/alarms/stats', total: (b) => (b as { total: number }).total },
          },
          {
            name: 'accidents',
            read: 'accident.read',
            objects: accidents,
            list: '/api/accidents?pageSize=200',
            detail: (id) => `/api/accidents/${id}`,
            export: { url: '/api/accidents/export', permission: 'accident.export' },
          },
        ];

        for (const v of viewers) {
          const may = (p: string) => v.permissions.has(p);
          for (const m of modules) {
            const where = `${v.label} · ${m.name}`;
            const expected = m.objects
              .filter((o) => v.sees(o.ent))
              .map((o) => o.id)
              .sort();
            const list = await t.app.inject({ url: m.list, headers: v.headers });
            expect(list.statusCode, `${where} list`).toBe(may(m.read) ? 200 : 403);
            if (may(m.read)) {
              const body = list.json();
              expect(body.items.map((x: { id: string }) => x.id).sort(), `${where} list`).toEqual(expected);
              expect(body.total, `${where} total`).toBe(expected.length);
            }
            for (const o of m.objects) {
              const res = await t.app.inject({ url: m.detail(o.id), headers: v.headers });
              expect(res.statusCode, `${where} detail`).toBe(!may(m.read) ? 403 : v.sees(o.ent) ? 200 : 404);
            }
            if (m.export) {
              const x = await t.app.inject({ url: m.export.url, headers: v.headers });
              const allowed = may(m.export.permission) && may(m.read);
              expect(x.statusCode, `${where} export`).toBe(allowed ? 200 : 403);
              if (allowed) {
                const cells = await xlsxValues(x.rawPayload);
                const shown = m.objects.filter((o) => cells.has(o.key)).map((o) => o.id);
                expect(shown.sort(), `${where} export`).toEqual(expected);
              }
            }
            if (m.count) {
              const c = await t.app.inject({ url: m.count.url, headers: v.headers });
              expect(c.statusCode, `${where} count`).toBe(may(m.read) ? 200 : 403);
              if (may(m.read)) expect(m.count.total(c.json()), `${where} count`).toBe(expected.length);
            }
          }
          // The supervision table (一张表): rows and its summary, and its export.
          const table = await t.app.inject({ url: '/api/supervision-table?pageSize=500', headers: v.headers });
          const seen = ents.filter(v.sees);
          expect(table.statusCode, `${v.label} supervision table`).toBe(may('supervision.read') ? 200 : 403);
          if (may('supervision.read')) {
            expect(
              table
                .json()
                .items.map((r: { enterpriseId: string }) => r.enterpriseId)
                .sort(),
              `${v.label} supervision table`,
            ).toEqual(seen.map((e) => e.id).sort());
            expect(table.json().summary.total).toBe(seen.length);
          }
          const tx = await t.app.inject({ url: '/api/supervision-table/export', headers: v.headers });
          expect(tx.statusCode, `${v.label} supervision export`).toBe(may('supervision.export') ? 200 : 403);
          if (may('supervision.export')) {
            const cells = await xlsxValues(tx.rawPayload);
            expect(
              ents
                .filter((e) => cells.has(e.uscc))
                .map((e) => e.id)
                .sort(),
              `${v.label} supervision export`,
            ).toEqual(seen.map((e) => e.id).sort());
          }
          // Attachments: a hazard's photo exactly when the hazard; the object's attachment list likewise.
          for (const h of hazards) {
            const visible = may('hazard.read') && v.sees(h.ent);
            expect((await t.app.inject({ url: `/api/attachments/${h.photo}`, headers: v.headers })).statusCode, `${v.label} photo`).toBe(visible ? 200 : 404);
            const l = await t.app.inject({ url: `/api/attachments?ownerKind=hazard&ownerId=${h.id}`, headers: v.headers });
            expect(l.statusCode, `${v.label} attachment list`).toBe(visible ? 200 : 404);
            if (visible) expect(l.json().items.map((a: { id: string }) => a.id)).toEqual([h.photo]);
          }
          // 督办 tasks (region-and-unit anchored, their own model): list, detail, and the task's file.
          const expectedTasks = tasks
            .filter((x) => v.seesTaskTo(x.ent))
            .map((x) => x.id)
            .sort();
          const tl = await t.app.inject({ url: '/api/tasks?pageSize=200', headers: v.headers });
          expect(tl.statusCode, `${v.label} tasks`).toBe(may('task.read') ? 200 : 403);
          if (may('task.read')) {
            expect(
              tl
                .json()
                .items.map((x: { id: string }) => x.id)
                .sort(),
              `${v.label} tasks`,
            ).toEqual(expectedTasks);
            expect(tl.json().total, `${v.label} tasks total`).toBe(expectedTasks.length);
          }
          for (const x of tasks) {
            const visible = may('task.read') && v.seesTaskTo(x.ent);
            const d = await t.app.inject({ url: `/api/tasks/${x.id}`, headers: v.headers });
            expect(d.statusCode, `${v.label} task detail`).toBe(!may('task.read') ? 403 : visible ? 200 : 404);
            expect((await t.app.inject({ url: `/api/attachments/${x.file}`, headers: v.headers })).statusCode, `${v.label} task file`).toBe(
              visible ? 200 : 404,
            );
          }
        }

        // Live events: the commits' notifications have reached the hub once the city's own request is answered
        // and the LISTEN connection has delivered; wait until every enterprise user has its hazards' events.
        const visibleTo = new Map<string, (v: Viewer) => boolean>();
        for (const o of [...hazards, ...sensors, ...alarms, ...risks, ...accidents, ...installations, ...ponds]) visibleTo.set(o.id, (v) => v.sees(o.ent));
        for (const e of ents) visibleTo.set(e.id, (v) => v.sees(e));
        for (const x of tasks) visibleTo.set(x.id, (v) => v.seesTaskTo(x.ent));
        const enterpriseViewer = viewers.find((v) => v.label === 'enterprise');
        const ownHazards = [...hazards, ...tasks].filter((h) => h.ent.id === first?.id).map((h) => h.id);
        await waitFor(() => ownHazards.every((id) => streams.get(enterpriseViewer?.userId ?? '')?.events.some((e) => e.entityId === id)));
        for (const st of streams.values()) st.close();
        for (const v of viewers) {
          for (const e of streams.get(v.userId)?.events ?? []) {
            if (!e.entityId) continue;
            const sees = visibleTo.get(e.entityId);
            if (!sees) continue; // not an object of this world (e.g. another test's)
            expect(sees(v), `${v.label} received ${e.type} ${e.entityType} ${e.entityId} it cannot see`).toBe(true);
          }
        }
      }),
      // No shrinking: a case costs seconds; the failing case and its message name the leak well enough.
      { numRuns: Number(process.env.SCOPE_PROPERTY_RUNS ?? 4), endOnFailure: true },
    );
  }, 600_000);
});

async function uploadPhoto(headers: Record<string, string>): Promise<string> {
  const res = await uploadFile(t.app, headers);
  expect(res.statusCode).toBe(200);
  return res.json().id;
}

interface LiveStream {
  events: { type: string; entityType: string | null; entityId: string | null }[];
  close(): void;
}

/** Opens GET /api/events for a user and collects its events (after `ready`, when the server has subscribed). */
async function openStream(headers: Record<string, string>): Promise<LiveStream> {
  const ctrl = new AbortController();
  const res = await fetch(`${base}/api/events`, { headers, signal: ctrl.signal });
  expect(res.status).toBe(200);
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const events: LiveStream['events'] = [];
  let ready: () => void = () => {};
  const isReady = new Promise<void>((r) => {
    ready = r;
  });
  void (async () => {
    let buf = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buf += decoder.decode(value, { stream: true });
        for (let i = buf.indexOf('\n\n'); i >= 0; i = buf.indexOf('\n\n')) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const type = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (type === 'ready') ready();
          else if (type && data) events.push({ type, ...JSON.parse(data) });
        }
      }
    } catch {
      // aborted when the case is done
    }
  })();
  await isReady;
  return { events, close: () => ctrl.abort() };
}

async function waitFor(done: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!done()) {
    if (Date.now() > until) throw new Error('live events did not arrive');
    await new Promise((r) => setTimeout(r, 20));
  }
}
