import type { TMajorHazardListQuery } from '../../../../common/contracts/risk.js';
import type { Ctx } from '../../../kernel/context.js';
import { notFound } from '../../../kernel/errors.js';
import { majorHazardAbilities } from '../risk.policy.js';
import { presentMajorHazard } from '../risk.presenter.js';
import { findMajorHazards, getMajorHazard, type MajorHazardFilter } from '../risk.repository.js';

export function majorHazardFilterOf(q: Omit<TMajorHazardListQuery, 'page' | 'pageSize'>): MajorHazardFilter {
  return {
    q: q.q,
    enterpriseId: q.enterpriseId,
    regionCode: q.regionCode,
    industry: q.industry,
    grade: q.grade ? Number(q.grade) : undefined,
    unitKind: q.unitKind,
  };
}

export async function listMajorHazardsQuery(ctx: Ctx, q: TMajorHazardListQuery) {
  const { rows, total } = await findMajorHazards(ctx.tx, ctx.scope, majorHazardFilterOf(q), q.page, q.pageSize, q.sort);
  return {
    items: rows.map((r) => presentMajorHazard(r.m, r.enterpriseName)),
    total,
    page: q.page,
    pageSize: q.pageSize,
    abilities: { create: ctx.actor.permissions.has('risk.manage') },
  };
}

export async function getMajorHazardQuery(ctx: Ctx, id: string) {
  const r = await getMajorHazard(ctx.tx, ctx.scope, id);
  if (!r) throw notFound();
  return { data: presentMajorHazard(r.m, r.enterpriseName), abilities: majorHazardAbilities(ctx.actor, r.m) };
}
