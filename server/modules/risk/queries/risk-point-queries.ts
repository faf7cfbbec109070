import type { TRiskPointListQuery } from '../../../../common/contracts/risk.js';
import { toShanghaiDate } from '../../../../common/rules/calendar/working-days.js';
import { LEVEL_OF_COLOR, lecSource, lsSource, RISK_COLORS, RISK_POLICY_SOURCE, type RiskColor } from '../../../../common/rules/risk-assessment.js';
import type { Ctx } from '../../../kernel/context.js';
import { notFound } from '../../../kernel/errors.js';
import { scopeEnterpriseId } from '../../../kernel/scope/scope.js';
import { allRegions, enterpriseVisible } from '../../org/index.js';
import { reportAbilities, riskPointAbilities, riskRecordPolicy } from '../risk.policy.js';
import { presentReport, presentReportRow, presentReview, presentRiskPoint, presentRollupRow } from '../risk.presenter.js';
import {
  colourCounts,
  findReports,
  findRiskPoints,
  getRiskPoint,
  listRecipients,
  listReviews,
  majorHazardCounts,
  type RiskPointFilter,
  rollup,
  tailingsPondCounts,
} from '../risk.repository.js';
import { loadRiskBands } from '../risk-bands.js';

export const today = (ctx: Ctx) => toShanghaiDate(ctx.clock.now());

export function riskFilterOf(ctx: Ctx, q: Omit<TRiskPointListQuery, 'page' | 'pageSize'>): RiskPointFilter {
  const level = q.level ? Number(q.level) : q.color ? LEVEL_OF_COLOR[q.color as RiskColor] : undefined;
  return {
    q: q.q,
    enterpriseId: q.enterpriseId,
    regionCode: q.regionCode,
    industry: q.industry,
    level,
    controlLevel: q.controlLevel,
    reviewDueBefore: q.reviewOverdue === 'true' ? today(ctx) : undefined,
  };
}

export async function listRiskPointsQuery(ctx: Ctx, q: TRiskPointListQuery) {
  const { rows, total } = await findRiskPoints(ctx.tx, ctx.scope, riskFilterOf(ctx, q), q.page, q.pageSize, q.sort);
  const d = today(ctx);
  return {
    items: rows.map((r) => presentRiskPoint(r.p, r.enterpriseName, d)),
    total,
    page: q.page,
    pageSize: q.pageSize,
    abilities: { create: ctx.actor.permissions.has('risk.manage'), export: ctx.actor.permissions.has('risk.export') },
  };
}

export async function getRiskPointQuery(ctx: Ctx, id: string) {
  const r = await getRiskPoint(ctx.tx, ctx.scope, id);
  if (!r) throw notFound();
  const reviews = await listReviews(ctx.tx, id);
  const { rows: reports } = await findReports(ctx.tx, ctx.scope, { riskPointId: id }, 1, 100);
  const recipients = await listRecipients(
    ctx.tx,
    reports.map((x) => x.id),
  );
  return {
    data: {
      ...presentRiskPoint(r.p, r.enterpriseName, today(ctx)),
      reviews: reviews.map(presentReview),
      reports: reports.map((x) => presentReport(x, recipients)),
    },
    abilities: riskPointAbilities(ctx.actor, r.p),
  };
}

/** 四色分布: counts per colour and the risk points of each colour (one enterprise, or everything in scope). */
export async function riskSummaryQuery(ctx: Ctx, enterpriseId: string | undefined) {
  if (enterpriseId && !(await enterpriseVisible(ctx.tx, ctx.scope, enterpriseId))) throw notFound();
  const id = enterpriseId ?? scopeEnterpriseId(ctx.scope) ?? undefined;
  const d = today(ctx);
  const counts = await colourCounts(ctx.tx, ctx.scope, d, id);
  const byColour = {} as Record<RiskColor, ReturnType<typeof presentRiskPoint>[]>;
  for (const c of RISK_COLORS) {
    const { rows } = await findRiskPoints(ctx.tx, ctx.scope, { enterpriseId: id, level: LEVEL_OF_COLOR[c] }, 1, 100);
    byColour[c] = rows.map((r) => presentRiskPoint(r.p, r.enterpriseName, d));
  }
  const { bands } = await loadRiskBands(ctx.tx);
  return {
    enterpriseId: id ?? null,
    counts,
    majorHazards: await majorHazardCounts(ctx.tx, ctx.scope, id),
    ponds: await tailingsPondCounts(ctx.tx, ctx.scope, id),
    byColour,
    abilities: { create: !!id && riskRecordPolicy.check(ctx.actor, { enterpriseId: id }, 'create') === null },
    sources: { policy: RISK_POLICY_SOURCE, lec: lecSource(bands), ls: lsSource(bands) },
  };
}

/** The regulator's roll-up: counts per colour by region (one level below the user's own) and by industry. */
export async function riskRollupQuery(ctx: Ctx) {
  const d = today(ctx);
  const s = ctx.scope;
  const rootPath = s.kind === 'government' || s.kind === 'industry' ? s.regionPath : null;
  const depth = rootPath ? rootPath.split('/').filter(Boolean).length : 1;
  const regions = await allRegions(ctx.tx);
  const nameOf = new Map(regions.map((r) => [r.code, { name: r.name, nameEn: r.nameEn }]));
  const rootCode = rootPath?.split('/').filter(Boolean).pop();
  const byRegion = (await rollup(ctx.tx, s, d, { regionSegment: depth + 1 })).map(({ key, ...counts }) => {
    // Enterprises registered at the root region itself have no lower-level segment.
    const code = key || rootCode || '';
    return { ...presentRollupRow(counts), regionCode: code, regionName: nameOf.get(code)?.name ?? code, regionNameEn: nameOf.get(code)?.nameEn ?? code };
  });
  const byIndustry = (await rollup(ctx.tx, s, d, 'industry')).map(({ key, ...counts }) => ({ ...presentRollupRow(counts), industry: key }));
  return {
    totals: await colourCounts(ctx.tx, s, d),
    majorHazards: await majorHazardCounts(ctx.tx, s),
    ponds: await tailingsPondCounts(ctx.tx, s),
    byRegion,
    byIndustry,
  };
}

export async function listReportsQuery(ctx: Ctx, q: { page: number; pageSize: number; q?: string; enterpriseId?: string; unread?: string }) {
  const unreadBy = q.unread === 'true' ? (ctx.actor.departmentId ?? '00000000-0000-0000-0000-000000000000') : undefined;
  const { rows, total } = await findReports(ctx.tx, ctx.scope, { q: q.q, enterpriseId: q.enterpriseId, unreadBy }, q.page, q.pageSize);
  const recipients = await listRecipients(
    ctx.tx,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => {
      const mine = recipients.filter((x) => x.reportId === r.id);
      return presentReportRow(r, mine, ctx.actor.departmentId, reportAbilities(ctx.actor, mine));
    }),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
