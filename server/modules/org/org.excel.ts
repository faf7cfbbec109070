import ExcelJS from 'exceljs';
import type { Locale } from '../../../common/i18n/api-messages.js';
import { INDUSTRIES, industryByKey } from '../../../common/industries.js';
import { type ImportLimits, readWorkbook } from '../../kernel/files/excel.js';

/** Excel layouts of the registry: the export of what the user sees, and the import template. */

const STATUS = { operating: ['正常生产', 'Operating'], suspended: ['停产整顿', 'Suspended'], closed: ['关闭', 'Closed'] } as const;
const INSURANCE = { insured: ['已投保', 'Insured'], uninsured: ['未投保', 'Uninsured'], expired: ['已过期', 'Expired'] } as const;

export function statusLabel(s: string, locale: Locale) {
  const l = STATUS[s as keyof typeof STATUS];
  return l ? l[locale === 'en-US' ? 1 : 0] : s;
}
export function insuranceLabel(s: string, locale: Locale) {
  const l = INSURANCE[s as keyof typeof INSURANCE];
  return l ? l[locale === 'en-US' ? 1 : 0] : s;
}
export function industryLabel(key: string, locale: Locale) {
  const i = industryByKey(key);
  return i ? (locale === 'en-US' ? i.en : i.zh) : key;
}

// ---------- import layout ----------

/** Import columns: Chinese header (what officials fill in) → field. English headers are accepted too. */
export const IMPORT_COLUMNS = [
  { field: 'uscc', zh: '统一社会信用代码', en: 'USCC', required: true },
  { field: 'name', zh: '企业名称', en: 'Name', required: true },
  { field: 'regionCode', zh: '属地区划代码', en: 'Region code', required: true },
  { field: 'address', zh: '地址', en: 'Address', required: true },
  { field: 'lng', zh: '经度', en: 'Longitude', required: false },
  { field: 'lat', zh: '纬度', en: 'Latitude', required: false },
  { field: 'industry', zh: '行业', en: 'Industry', required: true },
  { field: 'supervisionClass', zh: '分类分级', en: 'Supervision class', required: true },
  { field: 'legalRepresentative', zh: '法定代表人', en: 'Legal representative', required: true },
  { field: 'principal', zh: '主要负责人', en: 'Principal', required: true },
  { field: 'safetyManager', zh: '安全管理负责人', en: 'Safety manager', required: false },
  { field: 'phone', zh: '联系电话', en: 'Phone', required: true },
  { field: 'employees', zh: '从业人数', en: 'Employees', required: true },
  { field: 'standardizationGrade', zh: '标准化等级', en: 'Standardization grade', required: false },
  { field: 'insuranceStatus', zh: '安责险状态', en: 'Liability insurance', required: true },
  { field: 'insuranceExpiry', zh: '安责险到期日', en: 'Insurance expiry', required: false },
  { field: 'department', zh: '监管部门', en: 'Supervising department', required: false },
  { field: 'responsiblePerson', zh: '监管责任人', en: 'Responsible official', required: false },
  { field: 'responsiblePhone', zh: '责任人电话', en: 'Official phone', required: false },
] as const;

export type ImportField = (typeof IMPORT_COLUMNS)[number]['field'];

export async function importTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业');
  ws.addRow(IMPORT_COLUMNS.map((c) => c.zh)).font = { bold: true };
  ws.addRow([
    '91140525MA0K12345X',
    '示例煤业有限公司',
    '140525100',
    '泽州县巴公镇示例路1号',
    112.85,
    35.62,
    '煤矿',
    'B',
    '张三',
    '张三',
    '李四',
    '13903561234',
    320,
    2,
    '已投保',
    '2027-06-30',
    '泽州县能源局',
    '王五',
    '13903565678',
  ]);
  IMPORT_COLUMNS.forEach((_, i) => {
    ws.getColumn(i + 1).width = 18;
  });
  const help = wb.addWorksheet('填写说明');
  help.addRows([
    ['列', '说明'],
    ['统一社会信用代码', '18 位，按 GB 32100 校验；已存在的代码将更新该企业'],
    ['属地区划代码', '乡镇（街道）或县级区划代码，必须在您的管辖范围内'],
    ['行业', INDUSTRIES.map((i) => i.zh).join('、')],
    ['分类分级', 'A / B / C / D'],
    ['标准化等级', '1 / 2 / 3 或留空（未定级）'],
    ['安责险状态', '已投保 / 未投保 / 已过期'],
    ['监管部门', '部门全称（如 泽州县能源局），须为企业所在县或市级部门；多个部门用“、”分隔，第一个为主管部门'],
    ['规则', '任一行有错误时整个文件不导入，并逐行列出错误'],
  ]);
  help.getColumn(1).width = 20;
  help.getColumn(2).width = 90;
  // The example row would be imported if left in: it is clearly named 示例 and its USCC is invalid on purpose.
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Reads the first sheet into header-keyed records; numbers of rows are Excel's (header = 1). Bounded: kernel readWorkbook. */
export async function readImportSheet(
  buf: Buffer,
  limits: ImportLimits,
): Promise<{ rows: { row: number; values: Partial<Record<ImportField, string>> }[]; missing: string[] }> {
  const [ws] = await readWorkbook(buf, limits);
  if (!ws) return { rows: [], missing: IMPORT_COLUMNS.filter((c) => c.required).map((c) => c.zh) };
  const header = ws.rows.find((r) => r.number === 1);
  const data = ws.rows.filter((r) => r.number > 1);
  const colOf = new Map<ImportField, number>();
  header?.cells.forEach((text, col) => {
    const c = IMPORT_COLUMNS.find((x) => x.zh === text || x.en.toLowerCase() === text.toLowerCase() || x.field === text);
    if (c) colOf.set(c.field, col);
  });
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !colOf.has(c.field)).map((c) => c.zh);
  const rows: { row: number; values: Partial<Record<ImportField, string>> }[] = [];
  for (const r of data) {
    const values: Partial<Record<ImportField, string>> = {};
    let any = false;
    for (const [field, col] of colOf) {
      const v = r.cells[col];
      if (v) {
        values[field] = v;
        any = true;
      }
    }
    if (any) rows.push({ row: r.number, values });
  }
  return { rows, missing };
}
