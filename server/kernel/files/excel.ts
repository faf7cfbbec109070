import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { formatBeijingDate } from '../../../common/format/beijing.js';
import type { Locale } from '../../../common/i18n/api-messages.js';
import { EXPORT_FILES, type ExportFileKey } from '../../../common/i18n/exports.js';
import { AppError } from '../errors.js';
import { checkXlsx, ZipLimitError } from './zip-limits.js';

/** One Excel sheet from rows and column definitions (header in the user's language); used by every export. */
export interface Column<T> {
  /** From the catalogue: EXPORT_COLUMNS in common/i18n/exports.ts. */
  header: Readonly<Record<Locale, string>>;
  width: number;
  /**
   * `datetime` / `date`: the value is an instant (Date or ISO string) or a civil date (YYYY-MM-DD), written
   * as a real Excel date in Beijing time — a hazard reported at 07:30 Beijing (23:30 UTC the day before)
   * shows its Beijing day. Excel dates carry no zone, so the wall-clock time is what is stored.
   */
  format?: 'datetime' | 'date';
  value: (row: T) => string | number | Date | null | undefined;
}

const OFFSET_MS = 8 * 3_600_000;
const CIVIL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The cell value of a dated column: a Date holding Beijing wall-clock time, or the text as it is when it is not a time. */
export function beijingCell(v: string | Date | number | null | undefined, format: 'datetime' | 'date'): Date | string | number | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'string' && CIVIL_DATE.test(v)) return new Date(`${v}T00:00:00Z`);
  const ms = v instanceof Date ? v.getTime() : typeof v === 'number' ? v : Date.parse(v);
  if (Number.isNaN(ms)) return typeof v === 'string' ? v : null;
  const wall = new Date(ms + OFFSET_MS);
  return format === 'date' ? new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate())) : wall;
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
  const header = ws.addRow(columns.map((c) => c.header[locale]));
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F0FF' } };
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (c.format) col.numFmt = c.format === 'date' ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm';
  });
  for (const r of rows) ws.addRow(columns.map((c) => (c.format ? beijingCell(c.value(r), c.format) : (c.value(r) ?? null))));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What names a download: the catalogue's file name, the requester's language, and a date or period. */
export interface ExportFile {
  key: ExportFileKey;
  locale: Locale;
  /** Appended after a hyphen: the Beijing date of the export, or the period it covers; '' for none (templates). */
  suffix: string;
}

/** The usual file of an export: named in the requester's language with today's Beijing date. */
export function exportFile(ctx: { request: { locale: Locale }; clock: { now(): Date } }, key: ExportFileKey, suffix?: string): ExportFile {
  return { key, locale: ctx.request.locale, suffix: suffix ?? formatBeijingDate(ctx.clock.now()) };
}

/** `隐患清单-2026-12-08.xlsx` / `hazard-list-2026-12-08.xlsx`. */
export function exportFileName(f: ExportFile): string {
  return `${EXPORT_FILES[f.key][f.locale]}${f.suffix ? `-${f.suffix}` : ''}.xlsx`;
}

/** RFC 5987 value-chars: encodeURIComponent leaves ' ( ) * ! unescaped, which attr-char does not allow. */
const rfc5987 = (s: string) => encodeURIComponent(s).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * RFC 6266 Content-Disposition: `filename*` carries the name in UTF-8 (RFC 5987), `filename` an ASCII
 * fallback (the en-US name) for clients that do not read `filename*`.
 */
export function contentDisposition(f: ExportFile): string {
  const ascii = exportFileName({ ...f, locale: 'en-US' }).replace(/[^A-Za-z0-9._-]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(exportFileName(f))}`;
}

/** Sends a workbook as a download named from the catalogue (Chinese names survive every browser). */
export function sendXlsx(reply: import('fastify').FastifyReply, file: ExportFile, buf: Buffer) {
  return reply.header('content-type', XLSX_TYPE).header('content-disposition', contentDisposition(file)).send(buf);
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
