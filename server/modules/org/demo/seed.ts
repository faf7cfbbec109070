import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { hashPassword } from '../../../kernel/auth/password.js';
import { appUser, userRole } from '../../../kernel/kernel.schema.js';
import { department, enterprise, licence, region, supervisionAssignment } from '../org.schema.js';
import { generateDemoData } from './generate.js';

export interface SeedResult {
  seeded: boolean;
  password?: string;
  users: { username: string; displayName: string }[];
}

/** A password that meets the default policy (3 of 4 classes, ≥ 10 characters). */
export function generateDemoPassword(): string {
  return `Th-${randomBytes(6).toString('base64url')}9a`;
}

/**
 * Loads the generated demo data into an empty database (no enterprises yet), in one transaction.
 * The generator is seeded, so every fresh install gets the same city.
 */
export async function seedDemoData(tx: Executor, opts: { password: string; now: Date }): Promise<SeedResult> {
  const [{ n } = { n: 0 }] = (await tx.execute(sql`select count(*)::int as n from enterprise`)).rows as { n: number }[];
  if (n > 0) return { seeded: false, users: [] };
  const data = generateDemoData();

  const paths = new Map<string, string>();
  const pathOf = (code: string): string => {
    const cached = paths.get(code);
    if (cached) return cached;
    const r = data.regions.find((x) => x.code === code);
    if (!r) throw new Error(`demo region ${code} missing`);
    const p = `${r.parentCode ? pathOf(r.parentCode) : '/'}${code}/`;
    paths.set(code, p);
    return p;
  };
  await tx
    .insert(region)
    .values(data.regions.map((r) => ({ code: r.code, name: r.name, nameEn: r.nameEn, level: r.level, parentCode: r.parentCode, path: pathOf(r.code) })));

  const deptIds = new Map<string, string>();
  for (const d of data.departments) {
    const [row] = await tx
      .insert(department)
      .values({ key: d.key, name: d.name, nameEn: d.nameEn, regionCode: d.regionCode, kind: d.kind, industries: d.industries })
      .returning({ id: department.id });
    deptIds.set(d.key, row?.id as string);
  }

  const entIds = new Map<string, string>();
  // Groups first so subsidiaries can point at them.
  const ordered = [...data.enterprises].sort((a, b) => Number(b.isGroup) - Number(a.isGroup));
  for (const e of ordered) {
    const [row] = await tx
      .insert(enterprise)
      .values({
        uscc: e.uscc,
        name: e.name,
        regionCode: e.regionCode,
        regionPath: pathOf(e.regionCode),
        address: e.address,
        lng: e.lng,
        lat: e.lat,
        industry: e.industry,
        supervisionClass: e.supervisionClass,
        status: e.status,
        legalRepresentative: e.legalRepresentative,
        principal: e.principal,
        safetyManager: e.safetyManager,
        phone: e.phone,
        employees: e.employees,
        isGroup: e.isGroup,
        groupId: e.groupKey ? (entIds.get(e.groupKey) ?? null) : null,
        standardizationGrade: e.standardizationGrade,
        standardizationExpiry: e.standardizationExpiry,
        insuranceStatus: e.insuranceStatus,
        insuranceExpiry: e.insuranceExpiry,
        insurer: e.insurer,
        createdAt: opts.now,
        updatedAt: opts.now,
      })
      .returning({ id: enterprise.id });
    const id = row?.id as string;
    entIds.set(e.key, id);
    if (e.licences.length) await tx.insert(licence).values(e.licences.map((l) => ({ ...l, enterpriseId: id })));
    if (e.assignments.length) {
      await tx.insert(supervisionAssignment).values(
        e.assignments.map((a) => ({
          enterpriseId: id,
          departmentId: deptIds.get(a.departmentKey) as string,
          responsiblePerson: a.responsiblePerson,
          responsiblePhone: a.responsiblePhone,
          primary: a.primary,
          updatedAt: opts.now,
        })),
      );
    }
  }

  const passwordHash = await hashPassword(opts.password);
  for (const u of data.users) {
    const [row] = await tx
      .insert(appUser)
      .values({
        username: u.username,
        displayName: u.displayName,
        passwordHash,
        kind: u.kind,
        departmentId: u.departmentKey ? (deptIds.get(u.departmentKey) ?? null) : null,
        enterpriseId: u.enterpriseKey ? (entIds.get(u.enterpriseKey) ?? null) : null,
        passwordChangedAt: opts.now,
      })
      .returning({ id: appUser.id });
    await tx.insert(userRole).values(u.roles.map((roleKey) => ({ userId: row?.id as string, roleKey })));
  }
  return { seeded: true, password: opts.password, users: data.users.map((u) => ({ username: u.username, displayName: u.displayName })) };
}
