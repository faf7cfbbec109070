import { type TImportSettings, ZImportSettings } from '../../../common/contracts/warnings.js';
import type { Executor } from '../../db/client.js';
import { readSetting } from './warning.repository.js';

/**
 * How imported CAP messages are kept. `defaultExpiryHours`: an imported alert without <expires> (CAP makes it
 * optional; many national feeds leave it out) stays active this long after its `effective` time, then leaves the
 * active list and the public feeds; without it such an alert would stay on the public feed forever. Platform-wide,
 * set by the government at the top of the region tree (warnings/import-settings routes).
 */
export const IMPORT_SETTINGS_KEY = 'warning.import';
export const DEFAULT_IMPORT_EXPIRY_HOURS = 24;
export { type TImportSettings, ZImportSettings };

export async function loadImportSettings(ex: Executor): Promise<TImportSettings & { configured: boolean }> {
  const parsed = ZImportSettings.safeParse(await readSetting(ex, IMPORT_SETTINGS_KEY));
  return parsed.success ? { ...parsed.data, configured: true } : { defaultExpiryHours: DEFAULT_IMPORT_EXPIRY_HOURS, configured: false };
}
