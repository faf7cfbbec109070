import ExcelJS from 'exceljs';
import { INDICATOR_KEYS } from '../../../common/contracts/plans.js';

/** The columns of the 任务 sheet of the work-plan template (the import reads them by position). */
export const PLAN_COLUMNS = ['序号', '部分', '工作任务', '任务内容', '责任单位', '指标代码', '指标名称', '目标'] as const;

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
  items.addRow([...PLAN_COLUMNS]).font = { bold: true };
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
  PLAN_COLUMNS.forEach((_, i) => {
    items.getColumn(i + 1).width = i === 3 ? 60 : 20;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
