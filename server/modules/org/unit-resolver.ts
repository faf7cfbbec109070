import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { UnitResolver } from '../../kernel/actor.js';
import { department, enterprise, region } from './org.schema.js';

/** Turns a user's unit into its data scope (product.md §2); the kernel calls this for every session. */
export function unitResolver(): UnitResolver {
  return async (ex: Executor, user) => {
    switch (user.kind) {
      case 'platform':
        return { scope: { kind: 'platform' }, unitName: null };
      case 'government':
      case 'industry': {
        if (!user.departmentId) return { scope: { kind: 'none' }, unitName: null };
        const [d] = await ex
          .select({ name: department.name, kind: department.kind, industries: department.industries, path: region.path })
          .from(department)
          .innerJoin(region, eq(region.code, department.regionCode))
          .where(eq(department.id, user.departmentId));
        if (!d) return { scope: { kind: 'none' }, unitName: null };
        if (d.kind === 'government') return { scope: { kind: 'government', regionPath: d.path }, unitName: d.name };
        return { scope: { kind: 'industry', regionPath: d.path, departmentId: user.departmentId, industries: d.industries }, unitName: d.name };
      }
      case 'enterprise':
      case 'group': {
        if (!user.enterpriseId) return { scope: { kind: 'none' }, unitName: null };
        const [e] = await ex.select({ name: enterprise.name }).from(enterprise).where(eq(enterprise.id, user.enterpriseId));
        if (!e) return { scope: { kind: 'none' }, unitName: null };
        return user.kind === 'group'
          ? { scope: { kind: 'group', groupId: user.enterpriseId }, unitName: e.name }
          : { scope: { kind: 'enterprise', enterpriseId: user.enterpriseId }, unitName: e.name };
      }
    }
  };
}
