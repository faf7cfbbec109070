import { ZRiskBands } from '../../../common/contracts/risk.js';
import { bandErrors, DEFAULT_RISK_BANDS, type RiskBands } from '../../../common/rules/risk-assessment.js';
import type { Executor } from '../../db/client.js';
import { readSetting } from './risk.repository.js';

/** The LEC/LS band limits in force: the `setting` row, or the reference's defaults when absent or unusable. */
export const RISK_BANDS_KEY = 'risk.bands';

export async function loadRiskBands(ex: Executor): Promise<{ bands: RiskBands; configured: boolean }> {
  const parsed = ZRiskBands.safeParse(await readSetting(ex, RISK_BANDS_KEY));
  if (parsed.success && bandErrors(parsed.data).length === 0) return { bands: parsed.data, configured: true };
  return { bands: DEFAULT_RISK_BANDS, configured: false };
}
