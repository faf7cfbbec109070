import { randomInt, randomUUID } from 'node:crypto';
import { completeUscc } from '../../../common/validators/uscc.js';
import type { Executor } from '../../db/client.js';
import { department, enterprise, region, supervisionAssignment } from '../../modules/org/org.schema.js';

/**
 * Org rows in one call, inserted directly with fresh random codes so tests never collide on a shared database:
 * regions (a city with counties and towns), departments, an enterprise in any state (override any column, e.g.
 * `{ status: 'suspended', isGroup: true }`) and its supervision assignment.
 */

export const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export function randomUscc(regionCode = '140525'): string {
  let subject = '';
  for (let i = 0; i < 9; i++) subject += USCC_CHARS[randomInt(USCC_CHARS.length)];
  return completeUscc(`91${regionCode.slice(0, 6)}${subject}`);
}

const code12 = () => `9${String(randomInt(1e10)).padStart(10, '0')}${randomInt(10)}`;

export interface TestRegion {
  code: string;
  path: string;
}

export async function makeRegion(ex: Executor, parent: TestRegion | null, name = '测试区划', level = 'county'): Promise<TestRegion> {
  const code = code12();
  const path = `${parent?.path ?? '/'}${code}/`;
  await ex.insert(region).values({ code, name: `${name}${code.slice(-4)}`, nameEn: `Region ${code.slice(-4)}`, level, parentCode: parent?.code ?? null, path });
  return { code, path };
}

/** A city with two counties and a town under each. */
export async function makeCity(ex: Executor) {
  const city = await makeRegion(ex, null, '测试市', 'city');
  const countyA = await makeRegion(ex, city, '甲县');
  const countyB = await makeRegion(ex, city, '乙县');
  const townA = await makeRegion(ex, countyA, '甲镇', 'town');
  const townB = await makeRegion(ex, countyB, '乙镇', 'town');
  return { city, countyA, countyB, townA, townB };
}

export async function makeDepartment(ex: Executor, r: TestRegion, kind: 'government' | 'industry', industries: string[] = []) {
  const [d] = await ex
    .insert(department)
    .values({
      key: `t-${randomUUID()}`,
      name: `${kind === 'government' ? '应急管理局' : '行业部门'}${r.code.slice(-4)}`,
      nameEn: 'Test department',
      regionCode: r.code,
      kind,
      industries,
    })
    .returning();
  return d as typeof department.$inferSelect;
}

export async function makeEnterprise(ex: Executor, r: TestRegion, over: Partial<typeof enterprise.$inferInsert> = {}) {
  const now = new Date();
  const [e] = await ex
    .insert(enterprise)
    .values({
      uscc: randomUscc(),
      name: `测试企业${randomInt(1e6)}`,
      regionCode: r.code,
      regionPath: r.path,
      address: '测试地址1号',
      lng: 112.8,
      lat: 35.5,
      industry: 'coal',
      supervisionClass: 'B',
      legalRepresentative: '张三',
      principal: '张三',
      phone: '13903561234',
      employees: 100,
      insuranceStatus: 'insured',
      createdAt: now,
      updatedAt: now,
      ...over,
    })
    .returning();
  return e as typeof enterprise.$inferSelect;
}

export async function assign(ex: Executor, enterpriseId: string, departmentId: string, person: string | null = '李四') {
  await ex
    .insert(supervisionAssignment)
    .values({ enterpriseId, departmentId, responsiblePerson: person, responsiblePhone: null, primary: true, updatedAt: new Date() });
}
