import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Locale } from '../../../common/i18n/api-messages.js';
import { AppError } from '../errors.js';
import { checkXlsx, ZipLimitError } from './zip-limits.js';

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

// ---------- bounded reading of uploaded workbooks (every import) ----------

export interface ImportLimits {
  /** Data rows per sheet (TAIHANG_IMPORT_MAX_ROWS). */
  maxRows: number;
  /** All entries of the xlsx unpacked together (TAIHANG_IMPORT_MAX_UNPACKED_MB). */
  maxUnpackedBytes: number;
}

/** Columns a row may have: the widest import (enterprises) has 19. */
const MAX_COLUMNS = 64;

export interface SheetRow {
  /** Excel's row number (the header is 1). */
  number: number;
  /** Cell texts by column, 1-based (cells[1] is column A); a date cell as YYYY-MM-DD. */
  cells: string[];
}

export interface ReadSheet {
  name: string;
  rows: SheetRow[];
}

const megabytes = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(cell.text ?? '').trim();
}

/**
 * Reads an uploaded xlsx within limits: the zip is checked first (zip-limits.ts: declared and actual
 * unpacked size, rows and columns, no hidden entries), then the sheets are streamed with exceljs's
 * WorkbookReader, keeping only the first MAX_COLUMNS texts of each row. Refusals are bilingual
 * AppErrors: 413 IMPORT_TOO_LARGE / IMPORT_TOO_MANY_ROWS, 400 for a file that is not an xlsx.
 */
export async function readWorkbook(buf: Buffer, limits: ImportLimits): Promise<ReadSheet[]> {
  try {
    await checkXlsx(buf, { maxUnpackedBytes: limits.maxUnpackedBytes, maxRows: limits.maxRows, maxColumns: MAX_COLUMNS });
  } catch (err) {
    if (!(err instanceof ZipLimitError)) throw err;
    const r = err.refusal;
    if (r.kind === 'too-large') throw new AppError('IMPORT_TOO_LARGE', { limit: megabytes(r.limit) });
    if (r.kind === 'too-many-rows') throw new AppError('IMPORT_TOO_MANY_ROWS', { max: r.max });
    if (r.kind === 'too-many-columns') throw new AppError('VALIDATION', {}, [{ field: 'file', code: 'columns', params: { max: r.max } }]);
    throw new AppError('VALIDATION', {}, [{ field: 'file', code: 'invalid_format' }]);
  }
  const sheets: ReadSheet[] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), {
      sharedStrings: 'cache',
      styles: 'cache', // date cells are numbers with a date format: the styles say which
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    });
    for await (const ws of reader) {
      const sheet: ReadSheet = { name: (ws as unknown as { name: string }).name, rows: [] };
      for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
        const cells: string[] = [];
        const width = Math.min(row.cellCount, MAX_COLUMNS);
        for (let c = 1; c <= width; c++) cells[c] = cellText(row.getCell(c));
        sheet.rows.push({ number: row.number, cells });
      }
      sheets.push(sheet);
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('VALIDATION', {}, [{ field: 'file', code: 'invalid_format' }]);
  }
  return sheets;
}
