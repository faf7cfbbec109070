import { tailingsGrade } from '../../../../common/rules/tailings-pond.js';
import type { Ctx } from '../../../kernel/context.js';
import { loadTailingsGradeTable } from '../tailings-grade-table.js';

/**
 * 等别 from the design total capacity and dam height with the limits in force (common/rules/tailings-pond.ts).
 * @gated-by createTailingsPond updateTailingsPondCommand
 */
export async function gradeOf(ctx: Ctx, p: { totalCapacity: number; designDamHeight: number; gradeRaised: boolean }) {
  const { table } = await loadTailingsGradeTable(ctx.tx);
  return tailingsGrade({ totalCapacity: p.totalCapacity, damHeight: p.designDamHeight, raise: p.gradeRaised }, table);
}
