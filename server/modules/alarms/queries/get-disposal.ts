import type { z } from 'zod';
import type { ZAlarmDisposalView } from '../../../../common/contracts/alarms.js';
import { ALARM_DISPOSAL_FIELD_SOURCES, ALARM_DISPOSAL_SOURCE, DEFAULT_ALARM_DISPOSAL } from '../../../../common/rules/alarm-disposal.js';
import type { Ctx } from '../../../kernel/context.js';
import { canConfigureDisposal } from '../alarm.policy.js';
import { loadAlarmDisposal } from '../disposal-settings.js';

/** The disposal time limits in force, the defaults with each field's 依据, and whether the caller may change them. */
export async function getDisposalQuery(ctx: Ctx): Promise<z.input<typeof ZAlarmDisposalView>> {
  const { config, configured } = await loadAlarmDisposal(ctx.tx);
  return {
    config,
    defaults: DEFAULT_ALARM_DISPOSAL,
    configured,
    source: ALARM_DISPOSAL_SOURCE,
    fieldSources: ALARM_DISPOSAL_FIELD_SOURCES,
    abilities: { configure: canConfigureDisposal(ctx.actor) },
  };
}
