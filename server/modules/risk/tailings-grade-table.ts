import { ZTailingsGradeTable } from '../../../common/contracts/risk.js';
import { DEFAULT_TAILINGS_GRADE_TABLE, type TailingsGradeTable, tailingsTableErrors } from '../../../common/rules/tailings-pond.js';
import type { Executor } from '../../db/client.js';
import { readSetting } from './risk.repository.js';

/** The 尾矿库等别 limits in force: the `setting` row, or the UNVERIFIED defaults when absent or unusable. */
export const TAILINGS_GRADE_TABLE_KEY = 'risk.tailingsGradeTable';

export async function loadTailingsGradeTable(ex: Executor): Promise<{ table: TailingsGradeTable; configured: boolean }> {
  const parsed = ZTailingsGradeTable.safeParse(await readSetting(ex, TAILINGS_GRADE_TABLE_KEY));
  if (parsed.success && tailingsTableErrors(parsed.data).length === 0) return { table: parsed.data, configured: true };
  return { table: DEFAULT_TAILINGS_GRADE_TABLE, configured: false };
}
