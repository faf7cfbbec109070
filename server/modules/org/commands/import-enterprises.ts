import { ZCreateEnterprise } from '../../../../common/contracts/org.js';
import { INDUSTRIES } from '../../../../common/industries.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError, type FieldError } from '../../../kernel/errors.js';
import type { ImportLimits } from '../../../kernel/files/excel.js';
import { allowNew, loadFor } from '../../../kernel/gate/gate.js';
import { renderField, type ZodIssueLike, zodIssueToFieldError } from '../../../kernel/http/errors-http.js';
import { scopeCoversRegion } from '../../../kernel/scope/scope.js';
import { type ImportField, readImportSheet } from '../org.excel.js';
import { enterprisePolicy } from '../org.policy.js';
import { auditEnterprise } from '../org.presenter.js';
import {
  findEnterpriseIdsByUscc,
  getEnterprise,
  insertEnterprises,
  listDepartments,
  listRegions,
  lockEnterprise,
  replaceAssignmentsOf,
  updateEnterprise,
} from '../org.repository.js';

export interface ImportRowError {
  row: number;
  field: string;
  label: string;
  message: string;
}

const INSURANCE: Record<string, string> = {
  已投保: 'insured',
  未投保: 'uninsured',
  已过期: 'expired',
  insured: 'insured',
  uninsured: 'uninsured',
  expired: 'expired',
};

function num(v: string | undefined): number | null {
  if (v === undefined || v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : Number.NaN;
}

function toInput(v: Partial<Record<ImportField, string>>) {
  const industry = INDUSTRIES.find((i) => i.zh === v.industry || i.key === v.industry || i.en === v.industry)?.key ?? v.industry;
  const grade = num(v.standardizationGrade);
  return {
    uscc: v.uscc ?? '',
    name: v.name ?? '',
    regionCode: v.regionCode ?? '',
    address: v.address ?? '',
    lng: num(v.lng),
    lat: num(v.lat),
    industry,
    supervisionClass: v.supervisionClass?.toUpperCase(),
    legalRepresentative: v.legalRepresentative ?? '',
    principal: v.principal ?? '',
    safetyManager: v.safetyManager ?? null,
    phone: v.phone ?? '',
    employees: num(v.employees) ?? 0,
    standardizationGrade: grade,
    insuranceStatus: INSURANCE[v.insuranceStatus ?? ''] ?? v.insuranceStatus,
    insuranceExpiry: v.insuranceExpiry ?? null,
    licences: [],
  };
}

/**
 * Imports enterprises and their 一张表 assignments from Excel. Every row is checked first; if any
 * row fails, the whole file is rejected with a row-by-row report and nothing is written (the route's
 * transaction also rolls back anything a later failure would leave).
 */
export async function importEnterprises(ctx: Ctx, file: Buffer, limits: ImportLimits) {
  const locale = ctx.request.locale;
  const { rows, missing } = await readImportSheet(file, limits);
  const errors: ImportRowError[] = [];
  const push = (row: number, f: FieldError) => errors.push({ row, ...renderField(f, locale) });
  for (const m of missing) errors.push({ row: 1, field: m, label: m, message: locale === 'en-US' ? `Missing column "${m}"` : `缺少列「${m}」` });
  if (rows.length === 0) errors.push({ row: 2, field: 'file', label: '', message: locale === 'en-US' ? 'The sheet has no data rows' : '表格没有数据行' });
  if (errors.length) throw new AppError('IMPORT_REJECTED', { count: errors.length }, [], { rows: errors });

  const [regions, departments] = await Promise.all([listRegions(ctx.tx), listDepartments(ctx.tx)]);
  const regionByCode = new Map(regions.map((r) => [r.code, r]));
  const existing = await findEnterpriseIdsByUscc(
    ctx.tx,
    rows.map((r) => toInput(r.values).uscc.trim().toUpperCase()),
  );
  const seen = new Map<string, number>();
  const plan: {
    row: number;
    input: ReturnType<typeof ZCreateEnterprise.parse>;
    regionPath: string;
    existingId?: string;
    depts: { id: string; person: string | null; phone: string | null }[];
  }[] = [];

  for (const { row, values } of rows) {
    const parsed = ZCreateEnterprise.safeParse(toInput(values));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) push(row, zodIssueToFieldError(issue as unknown as ZodIssueLike, 'row'));
      continue;
    }
    const input = parsed.data;
    const region = regionByCode.get(input.regionCode);
    if (!region || !scopeCoversRegion(ctx.scope, region.path)) push(row, { field: 'regionCode', code: 'region' });
    const firstRow = seen.get(input.uscc);
    if (firstRow) push(row, { field: 'uscc', code: 'unique', params: { row: firstRow } });
    seen.set(input.uscc, row);
    const found = existing.get(input.uscc);
    let existingId: string | undefined;
    if (found) {
      // An existing code updates the enterprise only when it is the importer's to edit: in scope, and the
      // policy allows changing its supervision fields (which an import row sets); the write asks the gate again.
      const e = await getEnterprise(ctx.tx, ctx.scope, found);
      if (e && enterprisePolicy.check(ctx.actor, e, 'updateSupervision') === null) existingId = found;
      else push(row, { field: 'uscc', code: 'unique' });
    }
    const names = (values.department ?? '')
      .split(/[、,，;；]/)
      .map((s) => s.trim())
      .filter(Boolean);
    const depts: { id: string; person: string | null; phone: string | null }[] = [];
    for (const n of names) {
      const d = departments.find((x) => x.name === n && region && region.path.includes(`/${x.regionCode}/`));
      if (!d) push(row, { field: 'departmentId', code: 'department' });
      else
        depts.push({
          id: d.id,
          person: depts.length === 0 ? (values.responsiblePerson ?? null) : null,
          phone: depts.length === 0 ? (values.responsiblePhone ?? null) : null,
        });
    }
    if (region) plan.push({ row, input, regionPath: region.path, existingId, depts });
  }
  if (errors.length) throw new AppError('IMPORT_REJECTED', { count: errors.length }, [], { rows: errors });

  const now = ctx.clock.now();
  const valuesOf = (p: (typeof plan)[number]) => {
    const { licences: _l, ...fields } = p.input;
    return {
      ...fields,
      safetyManager: fields.safetyManager ?? null,
      groupId: null,
      insuranceExpiry: fields.insuranceExpiry ?? null,
      regionPath: p.regionPath,
      updatedAt: now,
    };
  };
  const idOf = new Map<(typeof plan)[number], string>();
  // Updates one by one: each asks the gate again under a row lock.
  for (const p of plan) {
    const existingId = p.existingId;
    if (!existingId) continue;
    await loadFor(ctx, enterprisePolicy, 'updateSupervision', (ex, scope) => lockEnterprise(ex, scope, existingId));
    const { groupId: _g, ...keep } = valuesOf(p);
    const after = await updateEnterprise(ctx.tx, existingId, keep);
    idOf.set(p, after.id);
    await ctx.audit.record({ action: 'enterprise.imported', entityType: 'enterprise', entityId: after.id, after: auditEnterprise(after) });
  }
  // New enterprises in bulk (thousands of rows in a few statements); each is still allowed by the policy first.
  const fresh = plan.filter((p) => !p.existingId);
  for (const p of fresh) allowNew(ctx, enterprisePolicy, 'create', { status: 'operating', regionPath: p.regionPath });
  const inserted = await insertEnterprises(
    ctx.tx,
    fresh.map((p) => ({ ...valuesOf(p), status: 'operating', createdAt: now })),
  );
  const freshRows = fresh.map((p) => {
    const row = inserted.get(p.input.uscc);
    if (!row) throw new Error(`import: no row returned for ${p.input.uscc}`);
    idOf.set(p, row.id);
    return row;
  });
  await ctx.audit.recordMany(
    freshRows.map((row) => ({ action: 'enterprise.imported', entityType: 'enterprise', entityId: row.id, after: auditEnterprise(row) })),
  );
  const byEnterprise = new Map(
    plan
      .filter((p) => p.depts.length)
      .map((p) => [
        idOf.get(p) as string,
        p.depts.map((d, i) => ({ departmentId: d.id, responsiblePerson: d.person, responsiblePhone: d.phone, primary: i === 0 })),
      ]),
  );
  await replaceAssignmentsOf(ctx.tx, byEnterprise, now);
  const created = fresh.length;
  const updated = plan.length - fresh.length;
  const assignments = [...byEnterprise.values()].reduce((n, a) => n + a.length, 0);
  return { created, updated, assignments };
}
