import type { Ctx } from '../../../kernel/context.js';
import { AppError, type FieldError } from '../../../kernel/errors.js';
import { scopeCoversRegion } from '../../../kernel/scope/scope.js';
import { getDepartment, getEnterprise, getRegion, type RegionRow } from '../org.repository.js';

/**
 * A region a new or moved enterprise may be placed in: it must exist and lie in the actor's jurisdiction (a 400
 * naming the field, before the policy's own region check).
 * @gated-by createEnterprise updateEnterpriseCommand
 */
export async function checkRegion(ctx: Ctx, code: string, field = 'regionCode'): Promise<{ region?: RegionRow; error?: FieldError }> {
  const r = await getRegion(ctx.tx, code);
  if (!r || !scopeCoversRegion(ctx.scope, r.path)) return { error: { field, code: 'region' } };
  return { region: r };
}

/**
 * Whether a region path lies in the scope's jurisdiction: the kernel's scopeCoversRegion, kept under this name
 * for the modules that import it from org.
 */
export const regionInScope = scopeCoversRegion;

/** @gated-by createEnterprise updateEnterpriseCommand */
export async function checkGroup(ctx: Ctx, groupId: string | null | undefined, selfId?: string): Promise<FieldError | undefined> {
  if (!groupId) return undefined;
  if (groupId === selfId) return { field: 'groupId', code: 'notGroupSelf' };
  const g = await getEnterprise(ctx.tx, ctx.scope, groupId);
  if (!g?.isGroup) return { field: 'groupId', code: 'group' };
  return undefined;
}

/**
 * A supervising department must sit on the enterprise's own region path (its county or the city):
 * 属地 and 行业 responsibility never reach across to another county.
 * @gated-by setAssignments
 */
export async function checkDepartments(ctx: Ctx, enterprisePath: string, ids: string[]): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  for (const [i, id] of ids.entries()) {
    const d = await getDepartment(ctx.tx, id);
    if (!d || !enterprisePath.includes(`/${d.regionCode}/`)) errors.push({ field: `assignments.${i}.departmentId`, code: 'department' });
  }
  if (new Set(ids).size !== ids.length) errors.push({ field: 'assignments', code: 'unique' });
  return errors;
}

export function throwIfAny(errors: (FieldError | undefined)[]): void {
  const list = errors.filter((e): e is FieldError => !!e);
  if (list.length) throw new AppError('VALIDATION', {}, list);
}

/** Postgres unique violation on the USCC index → 409 naming the field. */
export function mapUniqueViolation(err: unknown, uscc: string): never {
  const e = err as { code?: string; cause?: { code?: string } };
  if (e.code === '23505' || e.cause?.code === '23505') {
    throw new AppError('DUPLICATE', { field: '统一社会信用代码 / USCC', value: uscc }, [{ field: 'uscc', code: 'unique' }]);
  }
  throw err;
}
