import { ZCreatePlan } from '../../../../common/contracts/plans.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError } from '../../../kernel/errors.js';
import { type ImportLimits, readWorkbook } from '../../../kernel/files/excel.js';
import { renderField, type ZodIssueLike, zodIssueToFieldError } from '../../../kernel/http/errors-http.js';
import { createPlan } from './create-plan.js';

/**
 * Reads the template into a plan; a bad row is reported by row and field and nothing is stored. Bounded: kernel
 * readWorkbook. Parsing stores nothing; the plan policy's gate runs in createPlan before the plan is stored.
 * @gated-by createPlan
 */
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
