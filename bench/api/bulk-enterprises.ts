import { sql } from 'drizzle-orm';
import { INDUSTRY_KEYS, SUPERVISION_CLASSES } from '../../common/industries.js';
import { completeUscc } from '../../common/validators/uscc.js';
import type { Database } from '../../server/db/client.js';
import { department, enterprise, region, supervisionAssignment } from '../../server/modules/org/org.schema.js';

/**
 * Tops the demo city up to `target` enterprises with synthetic ones: valid USCCs (GB 32100), spread
 * over the demo's towns, random industries, and a supervision assignment to a department of the
 * town's county (or the city) that covers the industry. Multi-row inserts, 500 rows a statement.
 * Seeded PRNG, so every run builds the same data set.
 */
export async function topUpEnterprises(database: Database, target: number, now: Date): Promise<{ before: number; after: number }> {
  const db = database.db;
  const count = async () => ((await db.execute(sql`select count(*)::int as n from enterprise`)).rows as { n: number }[])[0]?.n ?? 0;
  const before = await count();
  const missing = target - before;
  if (missing <= 0) return { before, after: before };

  const towns = await db
    .select({ code: region.code, name: region.name, path: region.path, parent: region.parentCode })
    .from(region)
    .where(sql`${region.level} = 'town'`);
  const regions = new Map((await db.select({ code: region.code, name: region.name, parent: region.parentCode }).from(region)).map((r) => [r.code, r]));
  const depts = await db
    .select({ id: department.id, regionCode: department.regionCode, kind: department.kind, industries: department.industries })
    .from(department);
  const taken = new Set((await db.select({ uscc: enterprise.uscc }).from(enterprise)).map((r) => r.uscc));
  if (!towns.length || !depts.length) throw new Error('bench: the demo data has no towns or departments; was TAIHANG_DEMO on?');

  /** Department supervising industry `ind` in county `county`: its industry department, else the county's government one, else the city's. */
  const deptFor = (county: string, ind: string): string => {
    const inCounty = depts.filter((d) => d.regionCode === county);
    const city = regions.get(county)?.parent ?? '';
    const inCity = depts.filter((d) => d.regionCode === city);
    const pick =
      inCounty.find((d) => d.kind === 'industry' && d.industries.includes(ind)) ??
      inCounty.find((d) => d.kind === 'government') ??
      inCity.find((d) => d.industries.includes(ind)) ??
      inCity.find((d) => d.kind === 'government') ??
      depts[0];
    return pick?.id as string;
  };

  const rand = mulberry32(20210601);
  const pick = <T>(xs: ArrayLike<T>): T => xs[Math.floor(rand() * xs.length)] as T;
  const SUBJECT = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const WORDS = ['宏远', '鑫源', '泰和', '华润', '晋达', '恒通', '兴旺', '永安', '瑞丰', '金泽', '长青', '东方', '广源', '安泰', '盛世', '鼎新'];
  const KINDS: Record<string, string> = { coal: '煤业', hazchem: '化工', nonCoalMine: '矿业', metallurgy: '冶金', construction: '建设', roadTransport: '运输' };
  const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '郭', '牛', '秦', '申'];
  const GIVEN = ['建国', '志强', '海军', '丽华', '晓东', '文斌', '红梅', '卫东', '永红', '俊杰', '国庆', '春生'];
  const person = () => pick(SURNAMES) + pick(GIVEN);
  const uscc = (countyCode: string): string => {
    for (;;) {
      let subject = '';
      for (let i = 0; i < 9; i++) subject += pick(SUBJECT);
      const code = completeUscc(`91${countyCode}${subject}`);
      if (!taken.has(code)) {
        taken.add(code);
        return code;
      }
    }
  };

  const BATCH = 500;
  await db.transaction(async (tx) => {
    for (let done = 0; done < missing; done += BATCH) {
      const rows: (typeof enterprise.$inferInsert)[] = [];
      const industries: string[] = [];
      for (let i = 0; i < Math.min(BATCH, missing - done); i++) {
        const town = pick(towns);
        const county = town.parent ?? town.code;
        const industry = pick(INDUSTRY_KEYS);
        industries.push(industry);
        const n = before + done + i + 1;
        rows.push({
          uscc: uscc(county.slice(0, 6)),
          name: `${regions.get(county)?.name ?? ''}${pick(WORDS)}${pick(WORDS)}${KINDS[industry] ?? '实业'}有限公司${n}`,
          regionCode: town.code,
          regionPath: town.path,
          address: `${town.name}${1 + Math.floor(rand() * 300)}号`,
          lng: 112.0 + rand() * 1.0,
          lat: 35.2 + rand() * 0.7,
          industry,
          supervisionClass: pick(SUPERVISION_CLASSES),
          status: rand() < 0.9 ? 'operating' : pick(['suspended', 'closed']),
          legalRepresentative: person(),
          principal: person(),
          safetyManager: rand() < 0.8 ? person() : null,
          phone: `139${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`,
          employees: 5 + Math.floor(rand() * 2000),
          insuranceStatus: pick(['insured', 'insured', 'uninsured', 'expired']),
          createdAt: now,
          updatedAt: now,
        });
      }
      const ids = await tx.insert(enterprise).values(rows).returning({ id: enterprise.id, regionCode: enterprise.regionCode });
      await tx.insert(supervisionAssignment).values(
        ids.map((r, i) => ({
          enterpriseId: r.id,
          departmentId: deptFor(regions.get(r.regionCode)?.parent ?? r.regionCode, industries[i] as string),
          responsiblePerson: rand() < 0.95 ? person() : null,
          responsiblePhone: null,
          primary: true,
          updatedAt: now,
        })),
      );
    }
  });
  // Fresh statistics, as autovacuum would have them on a database that has lived a while.
  await database.query('analyze');
  return { before, after: await count() };
}

/** Small deterministic PRNG (public-domain mulberry32). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
