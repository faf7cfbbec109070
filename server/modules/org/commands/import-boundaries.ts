import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.js';
import { type FieldError, invalid } from '../../../kernel/errors.js';
import { allowNew } from '../../../kernel/gate/gate.js';
import { type BoundaryGeometry, boundaryProblem } from '../boundary.js';
import { regionBoundaryPolicy } from '../org.policy.js';
import { getRegion } from '../org.repository.js';
import { regionBoundary } from '../org.schema.js';

/** The feature properties that may carry the GB/T 2260 code (ours, DataV/阿里云's `adcode`, and common exports). */
const CODE_KEYS = ['code', 'adcode', 'gb2260', 'GB2260', 'CODE', 'ADCODE', 'PAC'];

const codeOf = (props: unknown): string | undefined => {
  if (!props || typeof props !== 'object') return undefined;
  for (const k of CODE_KEYS) {
    const v = (props as Record<string, unknown>)[k];
    if (typeof v === 'string' || typeof v === 'number') return String(v);
  }
  return undefined;
};

/**
 * 导入行政区划边界: a GeoJSON FeatureCollection, one feature per region (GB/T 2260 code in its properties), all or
 * nothing. Every feature must name a known region and carry a valid (Multi)Polygon; a 400 names each bad feature
 * (`features.<n>`) with the reason. A region's earlier boundary is replaced.
 */
export async function importRegionBoundaries(ctx: Ctx, bytes: Buffer, meta: { source: string; approximate: boolean }) {
  allowNew(ctx, regionBoundaryPolicy, 'import', {});
  let doc: unknown;
  try {
    doc = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw invalid([{ field: 'file', code: 'json' }]);
  }
  const { type, features } = (doc ?? {}) as { type?: unknown; features?: unknown };
  if (type !== 'FeatureCollection' || !Array.isArray(features) || features.length === 0) throw invalid([{ field: 'file', code: 'boundary.collection' }]);
  const errors: FieldError[] = [];
  const rows: { code: string; geometry: BoundaryGeometry }[] = [];
  const seen = new Set<string>();
  for (const [i, f] of (features as { properties?: unknown; geometry?: unknown }[]).entries()) {
    const field = `features.${i}`;
    const code = codeOf(f?.properties);
    if (!code || !/^\d{6}(\d{3}(\d{3})?)?$/.test(code)) {
      errors.push({ field, code: 'boundary.code' });
      continue;
    }
    if (seen.has(code) || !(await getRegion(ctx.tx, code))) {
      errors.push({ field, code: 'boundary.region', params: { code } });
      continue;
    }
    seen.add(code);
    const problem = boundaryProblem(f.geometry);
    if (problem) errors.push({ field, code: 'boundary.geometry', params: { code, reason: problem } });
    else rows.push({ code, geometry: f.geometry as BoundaryGeometry });
  }
  if (errors.length) throw invalid(errors);
  const importedAt = ctx.clock.now();
  for (const r of rows) {
    const before = await ctx.tx.select({ source: regionBoundary.source }).from(regionBoundary).where(eq(regionBoundary.code, r.code));
    const values = { ...r, source: meta.source, approximate: meta.approximate, importedBy: ctx.actor.id, importedAt };
    await ctx.tx
      .insert(regionBoundary)
      .values(values)
      .onConflictDoUpdate({
        target: regionBoundary.code,
        set: { geometry: r.geometry, source: meta.source, approximate: meta.approximate, importedBy: ctx.actor.id, importedAt },
      });
    await ctx.audit.record({
      action: 'region.boundaryImported',
      entityType: 'region',
      entityId: r.code,
      before: before[0] ?? null,
      after: { source: meta.source, approximate: meta.approximate },
    });
  }
  return { imported: rows.length, codes: rows.map((r) => r.code) };
}
