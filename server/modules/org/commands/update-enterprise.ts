import type { TUpdateEnterprise } from '../../../../common/contracts/org.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError, type FieldError } from '../../../kernel/errors.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { enterprisePolicy, REGULATOR_ONLY_FIELDS } from '../org.policy.js';
import { auditEnterprise } from '../org.presenter.js';
import { listLicences, lockEnterprise, replaceLicences, updateEnterprise } from '../org.repository.js';
import { checkGroup, checkRegion, mapUniqueViolation, throwIfAny } from './enterprise-checks.js';

export async function updateEnterpriseCommand(ctx: Ctx, id: string, input: TUpdateEnterprise): Promise<void> {
  const before = await loadFor(ctx, enterprisePolicy, 'update', (ex, scope) => lockEnterprise(ex, scope, id));
  if (before.version !== input.version) throw new AppError('STALE_VERSION');
  const { version: _v, licences, ...fields } = input;
  // Who supervises the enterprise and how is the regulator's call: a second action of the same policy.
  if (REGULATOR_ONLY_FIELDS.some((f) => f in fields && fields[f] !== before[f])) await loadFor(ctx, enterprisePolicy, 'updateSupervision', async () => before);
  const errors: (FieldError | undefined)[] = [];
  let regionPath: string | undefined;
  if (fields.regionCode && fields.regionCode !== before.regionCode) {
    const r = await checkRegion(ctx, fields.regionCode);
    errors.push(r.error);
    regionPath = r.region?.path;
  }
  if (fields.groupId !== undefined && fields.groupId !== before.groupId) errors.push(await checkGroup(ctx, fields.groupId, id));
  throwIfAny(errors);
  const after = await updateEnterprise(ctx.tx, id, {
    ...fields,
    ...(regionPath ? { regionPath } : {}),
    updatedAt: ctx.clock.now(),
  }).catch((err) => mapUniqueViolation(err, fields.uscc ?? before.uscc));
  const beforeLicences = licences ? await listLicences(ctx.tx, [id]) : undefined;
  if (licences) await replaceLicences(ctx.tx, id, licences);
  await ctx.audit.record({
    action: 'enterprise.updated',
    entityType: 'enterprise',
    entityId: id,
    before: { ...auditEnterprise(before), ...(beforeLicences ? { licences: beforeLicences.map(({ id: _i, enterpriseId: _e, ...l }) => l) } : {}) },
    after: { ...auditEnterprise(after), ...(licences ? { licences } : {}) },
  });
}
