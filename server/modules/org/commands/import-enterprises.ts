import { ZCreateEnterprise } from '../../../../common/contracts/org.js';
import { INDUSTRIES } from '../../../../common/industries.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError, type FieldError } from '../../../kernel/errors.js';
import { allowNew, loadFor } from '../../../kernel/gate/gate.js';
import { renderField, type ZodIssueLike, zodIssueToFieldError } from '../../../kernel/http/errors-http.js';
import { scopeCoversRegion } from '../../../kernel/scope/scope.js';
import { type ImportField, readImportSheet } from '../org.excel.js';
import { enterprisePolicy } from '../org.policy.js';
import { auditEnterprise } from '../org.presenter.js';
import {
  findEnterpriseIdsByUscc,
  getEnterprise,
  insertEnterprise,
  listDepartments,
  listRegions,
  lockEnterprise,
  replaceAssignments,
  updateEnterprise,
} from '../org.repository.js';

export interface ImportRowError {
  row: number;
  field: string;
  label: string;
  message: string;
}

const MAX_ROWS = 5000;
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
export async function importEnterprises(ctx: Ctx, file: Buffer) {
  const locale = ctx.request.locale;
  const { rows, missing } = await readImportSheet(file).catch(() => {
    throw new AppError('VALIDATION', {}, [{ field: 'file', code: 'invalid_format' }]);
  });
  const errors: ImportRowError[] = [];
  const push = (row: number, f: FieldError) => errors.push({ row, ...renderField(f, locale) });
  for (const m of missing) errors.push({ row: 1, field: m, label: m, message: locale === 'en-US' ? `Missing column "${m}"` : `缺少列「${m}」` });
  if (rows.length === 0) errors.push({ row: 2, field: 'file', label: '', message: locale === 'en-US' ? 'The sheet has no data rows' : '表格没有数据行' });
  if (rows.length > MAX_ROWS) errors.push({ row: MAX_ROWS + 2, field: 'file', label: '', message: `> ${MAX_ROWS}` });
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
  let created = 0;
  let updated = 0;
  let assignments = 0;
  for (const p of plan) {
    const { licences: _l, ...fields } = p.input;
    const values = {
      ...fields,
      safetyManager: fields.safetyManager ?? null,
      groupId: null,
      insuranceExpiry: fields.insuranceExpiry ?? null,
      regionPath: p.regionPath,
      updatedAt: now,
    };
    let id: string;
    if (p.existingId) {
      const existingId = p.existingId;
      await loadFor(ctx, enterprisePolicy, 'updateSupervision', (ex, scope) => lockEnterprise(ex, scope, existingId));
      const { groupId: _g, ...keep } = values;
      const after = await updateEnterprise(ctx.tx, existingId, keep);
      id = after.id;
      updated++;
      await ctx.audit.record({ action: 'enterprise.imported', entityType: 'enterprise', entityId: id, after: auditEnterprise(after) });
    } else {
      allowNew(ctx, enterprisePolicy, 'create', { status: 'operating', regionPath: p.regionPath });
      const row = await insertEnterprise(ctx.tx, { ...values, status: 'operating', createdAt: now });
      id = row.id;
      created++;
      await ctx.audit.record({ action: 'enterprise.imported', entityType: 'enterprise', entityId: id, after: auditEnterprise(row) });
    }
    if (p.depts.length) {
      await replaceAssignments(
        ctx.tx,
        id,
        p.depts.map((d, i) => ({ departmentId: d.id, responsiblePerson: d.person, responsiblePhone: d.phone, primary: i === 0 })),
        now,
      );
      assignments += p.depts.length;
    }
  }
  return { created, updated, assignments };
}
