import { randomInt, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { completeUscc } from '../../common/validators/uscc.js';
import type { Executor } from '../db/client.js';
import { hashPassword } from '../kernel/auth/password.js';
import { appUser, userRole } from '../kernel/kernel.schema.js';
import { department, enterprise, region, supervisionAssignment } from '../modules/org/org.schema.js';

/** Factories insert real rows with fresh random codes, so tests never collide on a shared database. */

export const TEST_PASSWORD = 'Test-Pass-2021!';
let cachedHash: Promise<string> | undefined;
const passwordHash = () => (cachedHash ??= hashPassword(TEST_PASSWORD));

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
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

export async function makeUser(
  ex: Executor,
  kind: 'platform' | 'government' | 'industry' | 'enterprise' | 'group',
  roles: string[],
  unit: { departmentId?: string; enterpriseId?: string } = {},
) {
  const username = `u${randomUUID().slice(0, 12)}`;
  const [u] = await ex
    .insert(appUser)
    .values({
      username,
      displayName: `测试用户 ${username}`,
      passwordHash: await passwordHash(),
      kind,
      departmentId: unit.departmentId ?? null,
      enterpriseId: unit.enterpriseId ?? null,
    })
    .returning();
  if (roles.length) await ex.insert(userRole).values(roles.map((roleKey) => ({ userId: (u as { id: string }).id, roleKey })));
  return u as typeof appUser.$inferSelect;
}

/** A fresh loopback client address: sign-in failures are throttled per address (kernel/auth/throttle.ts). */
export const testAddress = () => `127.${randomInt(256)}.${randomInt(256)}.${1 + randomInt(254)}`;

/**
 * Signs in through the API and returns headers that authenticate later calls. Each sign-in comes from its
 * own address, so failed sign-ins of another test (on the shared PostgreSQL too) never put it behind the captcha.
 */
export async function loginAs(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<Record<string, string>> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: testAddress() });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  return { authorization: `Bearer ${res.json().token}` };
}

/** A 1×1 PNG header: enough for the upload's type sniffing. */
export const TINY_PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/** Uploads a file through POST /api/attachments (multipart "file") and returns the raw response. */
export function uploadFile(app: FastifyInstance, headers: Record<string, string>, filename = 'photo.png', buffer: Buffer = TINY_PNG) {
  const b = '----taihang-test';
  return app.inject({
    method: 'POST',
    url: '/api/attachments',
    headers: { ...headers, 'content-type': `multipart/form-data; boundary=${b}` },
    payload: Buffer.concat([
      Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      buffer,
      Buffer.from(`\r\n--${b}--\r\n`),
    ]),
  });
}
