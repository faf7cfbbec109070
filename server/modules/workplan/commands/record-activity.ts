import { REGISTER_DETAIL, type RegisterKind, type TRecordActivity } from '../../../../common/contracts/workplan.js';
import { toShanghaiDate } from '../../../../common/rules/calendar/working-days.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError, type FieldError } from '../../../kernel/errors.js';
import { allowNew } from '../../../kernel/gate/gate.js';
import { type ZodIssueLike, zodIssueToFieldError } from '../../../kernel/http/errors-http.js';
import { findDepartmentWithPath, findEnterprise } from '../../org/index.js';
import { registerPolicy } from '../workplan.policy.js';
import { insertActivity } from '../workplan.repository.js';

/** Kinds recorded by an enterprise (or its group) rather than by a government unit or department. */
const ENTERPRISE_KINDS: RegisterKind[] = ['groupInspection', 'miningFace', 'hazchemSystems'];

/** Records one register entry for the actor's own unit (or an enterprise in scope), validated per kind. */
export async function recordActivity(ctx: Ctx, input: TRecordActivity): Promise<{ id: string }> {
  const errors: FieldError[] = [];
  const parsed = REGISTER_DETAIL[input.kind].safeParse(input.detail);
  if (!parsed.success)
    for (const i of parsed.error.issues) errors.push(zodIssueToFieldError({ ...(i as unknown as ZodIssueLike), path: ['detail', ...i.path] }));
  if (input.date > toShanghaiDate(ctx.clock.now())) errors.push({ field: 'date', code: 'invalid' });

  let unit: { departmentId: string | null; enterpriseId: string | null; unitName: string; regionPath: string } | undefined;
  if (ENTERPRISE_KINDS.includes(input.kind)) {
    const id = input.enterpriseId ?? ctx.actor.enterpriseId;
    const e = id ? await findEnterprise(ctx.tx, ctx.scope, id) : undefined;
    if (!e) errors.push({ field: 'enterpriseId', code: 'enterprise' });
    else unit = { departmentId: null, enterpriseId: e.id, unitName: e.name, regionPath: e.regionPath };
    if (e && input.kind === 'groupInspection') {
      const sub = parsed.success ? await findEnterprise(ctx.tx, ctx.scope, (parsed.data as { subsidiaryId: string }).subsidiaryId) : undefined;
      if (!sub || sub.groupId !== e.id) errors.push({ field: 'detail.subsidiaryId', code: 'enterprise' });
    }
    if (e && input.kind === 'miningFace' && e.industry !== 'coal') errors.push({ field: 'enterpriseId', code: 'enterprise' });
  } else {
    const d = ctx.actor.departmentId ? await findDepartmentWithPath(ctx.tx, ctx.actor.departmentId) : undefined;
    if (!d) throw new AppError('FORBIDDEN');
    unit = { departmentId: d.id, enterpriseId: null, unitName: d.name, regionPath: d.regionPath };
  }
  if (errors.length || !unit) throw new AppError('VALIDATION', {}, errors);
  allowNew(ctx, registerPolicy, 'record', unit);
  const row = await insertActivity(ctx.tx, {
    kind: input.kind,
    ...unit,
    date: input.date,
    title: input.title,
    detail: parsed.data as Record<string, unknown>,
    createdBy: ctx.actor.id,
    createdByName: ctx.actor.displayName,
    createdAt: ctx.clock.now(),
  });
  await ctx.audit.record({ action: `register.${input.kind}`, entityType: 'activity_record', entityId: row.id, after: input });
  return { id: row.id };
}
