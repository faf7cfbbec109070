import ExcelJS from 'exceljs';
import type { Locale } from '../../../common/i18n/api-messages.js';

/** One Excel sheet from rows and column definitions (header in the user's language); used by every export. */
export interface Column<T> {
  header: [string, string];
  width: number;
  value: (row: T) => string | number | null;
}

export async function workbookOf<T>(sheetName: string, columns: Column<T>[], rows: T[], locale: Locale, title?: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Taihang';
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: title ? 2 : 1 }] });
  if (title) {
    ws.addRow([title]);
    ws.mergeCells(1, 1, 1, columns.length);
    ws.getRow(1).font = { bold: true, size: 13 };
  }
  const header = ws.addRow(columns.map((c) => c.header[locale === 'en-US' ? 1 : 0]));
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F0FF' } };
  columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  for (const r of rows) ws.addRow(columns.map((c) => c.value(r)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a workbook as a download with a UTF-8 file name (Chinese names survive every browser). */
export function sendXlsx(reply: import('fastify').FastifyReply, filename: string, buf: Buffer) {
  return reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .send(buf);
}
