import type { TRiskBands } from '../../../../common/contracts/risk.js';
import { bandErrors } from '../../../../common/rules/risk-assessment.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError, invalid } from '../../../kernel/errors.js';
import { canConfigureRiskRules } from '../risk.policy.js';
import { writeSetting } from '../risk.repository.js';
import { loadRiskBands, RISK_BANDS_KEY } from '../risk-bands.js';

/**
 * Sets the LEC/LS band limits for new assessments (existing risk points keep the level and 依据 they
 * were assessed with until they are re-assessed).
 */
export async function saveRiskBands(ctx: Ctx, bands: TRiskBands): Promise<void> {
  if (!canConfigureRiskRules(ctx.actor)) throw new AppError('FORBIDDEN');
  const errors = bandErrors(bands);
  if (errors.length) throw invalid(errors);
  const before = await loadRiskBands(ctx.tx);
  await writeSetting(ctx.tx, RISK_BANDS_KEY, bands, ctx.clock.now());
  await ctx.audit.record({ action: 'risk.bandsConfigured', entityType: 'setting', entityId: RISK_BANDS_KEY, before: before.bands, after: bands });
}
