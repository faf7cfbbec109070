import type { TCreateEnterprise } from '../../../../common/contracts/org.js';
import type { Ctx } from '../../../kernel/context.js';
import { allowNew } from '../../../kernel/gate/gate.js';
import { enterprisePolicy } from '../org.policy.js';
import { auditEnterprise } from '../org.presenter.js';
import { insertEnterprise, replaceLicences } from '../org.repository.js';
import { checkGroup, checkRegion, mapUniqueViolation, throwIfAny } from './enterprise-checks.js';

export async function createEnterprise(ctx: Ctx, input: TCreateEnterprise): Promise<{ id: string }> {
  const { region, error } = await checkRegion(ctx, input.regionCode);
  throwIfAny([error, await checkGroup(ctx, input.groupId)]);
  const regionPath = (region as { path: string }).path;
  allowNew(ctx, enterprisePolicy, 'create', { status: 'operating', regionPath });
  const now = ctx.clock.now();
  const { licences, ...fields } = input;
  const row = await insertEnterprise(ctx.tx, {
    ...fields,
    safetyManager: fields.safetyManager ?? null,
    groupId: fields.isGroup ? null : (fields.groupId ?? null),
    standardizationExpiry: fields.standardizationExpiry ?? null,
    insuranceExpiry: fields.insuranceExpiry ?? null,
    insurer: fields.insurer ?? null,
    regionPath,
    status: 'operating',
    createdAt: now,
    updatedAt: now,
  }).catch((err) => mapUniqueViolation(err, input.uscc));
  await replaceLicences(ctx.tx, row.id, licences);
  await ctx.audit.record({ action: 'enterprise.created', entityType: 'enterprise', entityId: row.id, after: { ...auditEnterprise(row), licences } });
  return { id: row.id };
}
