import ExcelJS from 'exceljs';
import { INDICATOR_KEYS, type TCreatePlan, ZCreatePlan } from '../../../../common/contracts/plans.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError, type FieldError } from '../../../kernel/errors.js';
import { type ImportLimits, readWorkbook } from '../../../kernel/files/excel.js';
import { allowNew } from '../../../kernel/gate/gate.js';
import { renderField, type ZodIssueLike, zodIssueToFieldError } from '../../../kernel/http/errors-http.js';
import { scopeCoversRegion } from '../../../kernel/scope/scope.js';
import { findRegion } from '../../org/index.js';
import { planPolicy } from '../workplan.policy.js';
import { findPlanByDocument, insertPlan, insertPlanItems } from '../workplan.repository.js';

/** Stores another year's notice as a work plan; the document number is unique. */
export async function createPlan(ctx: Ctx, input: TCreatePlan): Promise<{ id: string }> {
  const errors: FieldError[] = [];
  const r = await findRegion(ctx.tx, input.regionCode);
  if (!r || !scopeCoversRegion(ctx.scope, r.path)) errors.push({ field: 'regionCode', code: 'region' });
  if (await findPlanByDocument(ctx.tx, input.document)) errors.push({ field: 'document', code: 'unique' });
  const numbers = input.items.map((i) => i.number);
  if (new Set(numbers).size !== numbers.length) errors.push({ field: 'items', code: 'unique' });
  if (errors.length || !r) throw new AppError('VALIDATION', {}, errors);
  allowNew(ctx, planPolicy, 'create', { regionPath: r.path });
  const { items, ...head } = input;
  const p = await insertPlan(ctx.tx, { ...head, createdAt: ctx.clock.now() });
  await insertPlanItems(
    ctx.tx,
    items.map((i) => ({ ...i, planId: p.id })),
  );
  await ctx.audit.record({ action: 'plan.created', entityType: 'plan', entityId: p.id, after: { ...head, items: items.length } });
  return { id: p.id };
}

const COLUMNS = ['序号', '部分', '工作任务', '任务内容', '责任单位', '指标代码', '指标名称', '目标'] as const;

/** The Excel template: one row per item; indicators as comma-separated codes with names and targets. */
export async function planTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const head = wb.addWorksheet('文件');
  head.addRows([
    ['年度', 2022],
    ['发文单位', '晋城市人民政府'],
    ['文号', '晋市政发〔2022〕X号'],
    ['标题', '关于做好2022年安全生产和应急管理工作的通知'],
    ['区划代码', '140500'],
  ]);
  const items = wb.addWorksheet('任务');
  items.addRow([...COLUMNS]).font = { bold: true };
  items.addRow([
    1,
    '一、压实安全责任',
    '压实党政领导责任',
    '市、县政府每月至少召开一次会议……',
    '各县（市、区）人民政府',
    'monthlySafetyMeeting,taskOnTime',
    '每月安全生产会议,督办按期落实',
    '每月≥1次,100%',
  ]);
  const help = wb.addWorksheet('指标代码');
  help.addRows([['指标代码'], ...INDICATOR_KEYS.map((k) => [k])]);
  COLUMNS.forEach((_, i) => {
    items.getColumn(i + 1).width = i === 3 ? 60 : 20;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Reads the template into a plan; a bad row is reported by row and field and nothing is stored. Bounded: kernel readWorkbook. */
export async function importPlan(ctx: Ctx, buf: Buffer, limits: ImportLimits): Promise<{ id: string }> {
  const sheets = await readWorkbook(buf, limits);
  const head = sheets.find((s) => s.name === '文件');
  const sheet = sheets.find((s) => s.name === '任务');
  if (!head || !sheet) throw new AppError('VALIDATION', {}, [{ field: 'file', code: 'invalid_format' }]);
  const cell = (row: number) => head.rows.find((r) => r.number === row)?.cells[2] ?? '';
  const items: unknown[] = [];
  for (const r of sheet.rows) {
    if (r.number === 1) continue;
    const v = (c: number) => r.cells[c] ?? '';
    if (!v(1) && !v(3)) continue;
    const keys = v(6)
      .split(/[,，]/)
      .map((s) => s.trim())
      .filter(Boolean);
    const names = v(7)
      .split(/[,，]/)
      .map((s) => s.trim());
    const targets = v(8)
      .split(/[,，]/)
      .map((s) => s.trim());
    items.push({
      number: Number(v(1)),
      section: v(2),
      title: v(3),
      text: v(4),
      responsibleUnits: v(5)
        .split(/[、,，]/)
        .map((s) => s.trim())
        .filter(Boolean),
      indicators: keys.map((key, i) => ({ key, name: names[i] || key, target: targets[i] || '—' })),
    });
  }
  const parsed = ZCreatePlan.safeParse({ year: Number(cell(1)), issuer: cell(2), document: cell(3), title: cell(4), regionCode: cell(5), items });
  if (!parsed.success) {
    const rows = parsed.error.issues.map((i) => {
      const f = zodIssueToFieldError(i as unknown as ZodIssueLike);
      const itemIndex = i.path[0] === 'items' && typeof i.path[1] === 'number' ? i.path[1] : null;
      return { row: itemIndex === null ? 0 : itemIndex + 2, sheet: itemIndex === null ? '文件' : '任务', ...renderField(f, ctx.request.locale) };
    });
    throw new AppError('IMPORT_REJECTED', { count: rows.length }, [], { rows });
  }
  return createPlan(ctx, parsed.data);
}
