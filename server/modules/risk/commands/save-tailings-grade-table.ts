import type { TTailingsGradeTable } from '../../../../common/contracts/risk.js';
import { tailingsTableErrors } from '../../../../common/rules/tailings-pond.js';
import type { Ctx } from '../../../kernel/context.js';
import { invalid } from '../../../kernel/errors.js';
import { loadFor } from '../../../kernel/gate/gate.js';
import { riskRulesPolicy } from '../risk.policy.js';
import { writeSetting } from '../risk.repository.js';
import { loadTailingsGradeTable, TAILINGS_GRADE_TABLE_KEY } from '../tailings-grade-table.js';

/** Sets the 尾矿库等别 limits for ponds saved from now on (recorded ponds keep their class and 依据 until edited). */
export async function saveTailingsGradeTable(ctx: Ctx, table: TTailingsGradeTable): Promise<void> {
  // The rule in force is platform-wide (no scope narrows it); the policy admits the top government only.
  const before = await loadFor(ctx, riskRulesPolicy, 'configure', (ex) => loadTailingsGradeTable(ex));
  const errors = tailingsTableErrors(table);
  if (errors.length) throw invalid(errors);
  await writeSetting(ctx.tx, TAILINGS_GRADE_TABLE_KEY, table, ctx.clock.now());
  await ctx.audit.record({
    action: 'risk.tailingsGradeTableConfigured',
    entityType: 'setting',
    entityId: TAILINGS_GRADE_TABLE_KEY,
    before: before.table,
    after: table,
  });
}
