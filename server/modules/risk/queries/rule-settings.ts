import type { z } from 'zod';
import type { ZRiskBandsSaved, ZRiskBandsView, ZTailingsGradeTableSaved, ZTailingsGradeTableView } from '../../../../common/contracts/risk.js';
import { DEFAULT_RISK_BANDS, LEC_C, LEC_E, LEC_L, LS_L, LS_S, lecSource, lsSource, RISK_POLICY_SOURCE } from '../../../../common/rules/risk-assessment.js';
import {
  DEFAULT_TAILINGS_GRADE_TABLE,
  OVERHEAD_POND_SOURCE,
  TAILINGS_SAFETY,
  TAILINGS_SAFETY_SOURCE,
  tailingsGradeSource,
} from '../../../../common/rules/tailings-pond.js';
import type { Ctx } from '../../../kernel/context.js';
import { canConfigureRiskRules } from '../risk.policy.js';
import { loadRiskBands } from '../risk-bands.js';
import { loadTailingsGradeTable } from '../tailings-grade-table.js';

/** The LEC/LS band limits in force with their 依据 (what a save answers). */
export async function riskBandsInForce(ctx: Ctx): Promise<z.input<typeof ZRiskBandsSaved>> {
  const { bands, configured } = await loadRiskBands(ctx.tx);
  return { bands, configured, sources: { policy: RISK_POLICY_SOURCE, lec: lecSource(bands), ls: lsSource(bands) } };
}

/** The band settings page: limits in force, the defaults, the factor value sets and whether the viewer may change them. */
export async function riskBandsQuery(ctx: Ctx): Promise<z.input<typeof ZRiskBandsView>> {
  return {
    ...(await riskBandsInForce(ctx)),
    defaults: DEFAULT_RISK_BANDS,
    valueSets: { lec: { L: [...LEC_L], E: [...LEC_E], C: [...LEC_C] }, ls: { L: [...LS_L], S: [...LS_S] } },
    abilities: { configure: canConfigureRiskRules(ctx.actor) },
  };
}

/** The 尾矿库等别 limits in force with their 依据 (what a save answers). */
export async function tailingsGradeTableInForce(ctx: Ctx): Promise<z.input<typeof ZTailingsGradeTableSaved>> {
  const { table, configured } = await loadTailingsGradeTable(ctx.tx);
  return { table, configured, source: tailingsGradeSource(table) };
}

/** The 等别 settings card: limits in force, the defaults (UNVERIFIED), 头顶库 and 安全度 definitions. */
export async function tailingsGradeTableQuery(ctx: Ctx): Promise<z.input<typeof ZTailingsGradeTableView>> {
  return {
    ...(await tailingsGradeTableInForce(ctx)),
    defaults: DEFAULT_TAILINGS_GRADE_TABLE,
    overheadSource: OVERHEAD_POND_SOURCE,
    safety: TAILINGS_SAFETY,
    safetySource: TAILINGS_SAFETY_SOURCE,
    abilities: { configure: canConfigureRiskRules(ctx.actor) },
  };
}
