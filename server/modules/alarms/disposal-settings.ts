import { ZAlarmDisposal } from '../../../common/contracts/alarms.js';
import { type AlarmDisposalConfig, DEFAULT_ALARM_DISPOSAL, disposalConfigErrors } from '../../../common/rules/alarm-disposal.js';
import type { Executor } from '../../db/client.js';
import { readSetting } from './alarm.repository.js';

/** The disposal time limits in force: the `setting` row, or the code defaults when absent or unusable. */
export const ALARM_DISPOSAL_KEY = 'alarm.disposal';

export async function loadAlarmDisposal(ex: Executor): Promise<{ config: AlarmDisposalConfig; configured: boolean }> {
  const parsed = ZAlarmDisposal.safeParse(await readSetting(ex, ALARM_DISPOSAL_KEY));
  if (parsed.success && disposalConfigErrors(parsed.data).length === 0) return { config: parsed.data, configured: true };
  return { config: DEFAULT_ALARM_DISPOSAL, configured: false };
}
