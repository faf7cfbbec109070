import type { Ctx } from '../../../kernel/context.js';
import { allowNew } from '../../../kernel/gate/gate.js';
import { IMPORT_SETTINGS_KEY, loadImportSettings, type TImportSettings } from '../import-settings.js';
import { importSettingsPolicy } from '../warning.policy.js';
import { writeSetting } from '../warning.repository.js';

/** Sets how long an imported alert without <expires> stays active (new imports; stored warnings keep theirs). */
export async function changeImportSettings(ctx: Ctx, value: TImportSettings) {
  allowNew(ctx, importSettingsPolicy, 'configure', {});
  const { configured: _, ...before } = await loadImportSettings(ctx.tx);
  await writeSetting(ctx.tx, IMPORT_SETTINGS_KEY, value);
  await ctx.audit.record({ action: 'warning.importSettingsChanged', entityType: 'setting', entityId: IMPORT_SETTINGS_KEY, before, after: value });
  return value;
}
