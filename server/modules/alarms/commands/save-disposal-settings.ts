import type { TAlarmDisposal } from '../../../../common/contracts/alarms.js';
import { disposalConfigErrors } from '../../../../common/rules/alarm-disposal.js';
import type { Ctx } from '../../../kernel/context.js';
import { invalid } from '../../../kernel/errors.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { disposalPolicy } from '../alarm.policy.js';
import { writeSetting } from '../alarm.repository.js';
import { ALARM_DISPOSAL_KEY, loadAlarmDisposal } from '../disposal-settings.js';

/**
 * Sets the disposal time limits and the escalation step for the whole platform. Alarms raised from
 * now on get the new due times; open alarms keep theirs, but the escalation sweep steps them with the
 * new interval (and shelving is limited by the new maximum).
 */
export async function saveDisposalSettings(ctx: Ctx, cfg: TAlarmDisposal): Promise<void> {
  const before = await loadFor(ctx, disposalPolicy, 'configure', (ex) => loadAlarmDisposal(ex));
  const errors = disposalConfigErrors(cfg);
  if (errors.length) throw invalid(errors);
  await writeSetting(ctx.tx, ALARM_DISPOSAL_KEY, cfg, ctx.clock.now());
  await ctx.audit.record({ action: 'alarm.disposalConfigured', entityType: 'setting', entityId: ALARM_DISPOSAL_KEY, before: before.config, after: cfg });
}
