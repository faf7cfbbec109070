import type { TRiskBands } from '../../../../common/contracts/risk.js';
import { bandErrors } from '../../../../common/rules/risk-assessment.js';
import type { Ctx } from '../../../kernel/context.js';
import { invalid } from '../../../kernel/errors.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { riskRulesPolicy } from '../risk.policy.js';
import { writeSetting } from '../risk.repository.js';
import { loadRiskBands, RISK_BANDS_KEY } from '../risk-bands.js';

/**
 * Sets the LEC/LS band limits for new assessments (existing risk points keep the level and 依据 they
 * were assessed with until they are re-assessed).
 */
export async function saveRiskBands(ctx: Ctx, bands: TRiskBands): Promise<void> {
  // The rule in force is platform-wide (no scope narrows it); the policy admits the top government only.
  const before = await loadFor(ctx, riskRulesPolicy, 'configure', (ex) => loadRiskBands(ex));
  const errors = bandErrors(bands);
  if (errors.length) throw invalid(errors);
  await writeSetting(ctx.tx, RISK_BANDS_KEY, bands, ctx.clock.now());
  await ctx.audit.record({ action: 'risk.bandsConfigured', entityType: 'setting', entityId: RISK_BANDS_KEY, before: before.bands, after: bands });
}
