import { constants, crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, makeCity, makeDepartment, makeUser, randomUscc } from '../../test/factories.js';
import { getTestServer, type TestServer } from '../../test/harness.js';

/**
 * Issue 11 item 8: imports are bounded. A 20 MB spreadsheet bomb (sheet XML that inflates to
 * gigabytes) is refused with a bilingual 413 while the server's memory stays flat, measured here;
 * a legitimate 1.2 MB import still works, timed here. Row and size caps come from the settings.
 */

const HEADER = [
  '统一社会信用代码',
  '企业名称',
  '属地区划代码',
  '地址',
  '经度',
  '纬度',
  '行业',
  '分类分级',
  '法定代表人',
  '主要负责人',
  '安全管理负责人',
  '联系电话',
  '从业人数',
  '标准化等级',
  '安责险状态',
  '安责险到期日',
  '监管部门',
  '监管责任人',
  '责任人电话',
];

function multipart(buf: Buffer) {
  const boundary = '----taihangbomb';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="e.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), buf, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

interface ZipEntry {
  name: string;
  /** Raw deflate data, or the stored bytes when `stored`. */
  data: Buffer;
  size: number;
  crc: number;
  stored?: boolean;
}

/** A zip written by hand, so the sizes in its directory can be whatever the test needs. */
function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const method = e.stored ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const small = (name: string, text: string): ZipEntry => {
  const raw = Buffer.from(text);
  return { name, data: deflateRawSync(raw), size: raw.length, crc: crc32(raw) };
};

/** The parts around the sheet that make it look like a real workbook. */
const SKELETON = [
  small(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  ),
  small(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  ),
  small(
    'xl/workbook.xml',
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="企业" sheetId="1" r:id="rId1"/></sheets></workbook>',
  ),
  small(
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  ),
];

/**
 * Sheet XML of `segments` × 1 MiB that deflates to about 1 KiB a MiB: one segment compressed with a full
 * flush (self-contained, not final) repeated, then an empty final block. A 20 MB file inflates to ~20 GB.
 */
function bombSheet(targetBytes: number): { data: Buffer; size: number } {
  const head = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  const chunk = Buffer.alloc(1024 * 1024, ' ');
  const headPart = deflateRawSync(Buffer.from(head), { finishFlush: constants.Z_FULL_FLUSH });
  const segment = deflateRawSync(chunk, { finishFlush: constants.Z_FULL_FLUSH });
  const final = deflateRawSync(Buffer.alloc(0));
  const count = Math.floor((targetBytes - headPart.length - final.length) / segment.length);
  const data = Buffer.concat([headPart, ...Array.from({ length: count }, () => segment), final]);
  return { data, size: head.length + count * chunk.length };
}

let t: TestServer;
let importer: Record<string, string>;
let county: { code: string };

beforeAll(async () => {
  t = await getTestServer({ env: { TAIHANG_IMPORT_MAX_ROWS: '20000' } });
  const r = await makeCity(t.database.db);
  county = r.countyA;
  const gov = await makeDepartment(t.database.db, r.city, 'government');
  const u = await makeUser(t.database.db, 'government', ['regulator-admin'], { departmentId: gov.id });
  importer = await loginAs(t.app, u.username);
});
afterAll(() => t?.close());

/** Posts an import while sampling the process's resident memory every 5 ms. */
async function importMeasured(buf: Buffer, lang = 'zh-CN') {
  const m = multipart(buf);
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  const started = performance.now();
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/enterprises/import',
    headers: { ...importer, ...m.headers, 'accept-language': lang },
    payload: m.payload,
  });
  const ms = performance.now() - started;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const after = process.memoryUsage().rss;
  const mb = (n: number) => Math.round(n / 1024 / 1024);
  return { res, ms, before: mb(before), peak: mb(peak), after: mb(after), grewMb: mb(peak - before) };
}

describe('spreadsheet bombs are refused without the server growing', () => {
  it('a 20 MB xlsx whose sheet inflates to ~20 GB and whose directory lies about it: 413, memory flat', async () => {
    const sheet = bombSheet(19 * 1024 * 1024);
    // The directory claims a modest 5 MB, as a bomb that wants to pass a size check would.
    const file = zip([...SKELETON, { name: 'xl/worksheets/sheet1.xml', data: sheet.data, size: 5 * 1024 * 1024, crc: 0 }]);
    expect(file.length).toBeGreaterThan(18 * 1024 * 1024);
    expect(file.length).toBeLessThanOrEqual(20 * 1024 * 1024);
    const m = await importMeasured(file);
    console.log(
      `spreadsheet bomb (lying directory): ${(file.length / 1024 / 1024).toFixed(1)} MB file, sheet inflates to ${Math.round(sheet.size / 1024 / 1024 / 1024)} GB; ` +
        `status ${m.res.statusCode} in ${Math.round(m.ms)} ms; RSS ${m.before} MB before, ${m.peak} MB peak, ${m.after} MB after (+${m.grewMb} MB)`,
    );
    expect(m.res.statusCode).toBe(413);
    expect(m.res.json().error).toMatchObject({
      code: 'IMPORT_TOO_LARGE',
      message: '导入文件解压后超过 64 MB（疑似压缩炸弹或含有表格以外的内容），未保存任何数据',
    });
    expect(m.grewMb).toBeLessThan(200);
  });

  it('the same bomb with honest sizes is refused from its directory alone, in English too', async () => {
    // Five ~3.6 GB sheets declared truthfully (each under the 4 GB a plain zip can state).
    const parts = Array.from({ length: 5 }, (_, i) => {
      const sheet = bombSheet(3.5 * 1024 * 1024);
      return { name: `xl/worksheets/sheet${i + 1}.xml`, data: sheet.data, size: sheet.size, crc: 0 };
    });
    const file = zip([...SKELETON, ...parts]);
    const m = await importMeasured(file, 'en-US');
    console.log(
      `spreadsheet bomb (honest directory, ${Math.round(parts.reduce((s, p) => s + p.size, 0) / 1024 ** 3)} GB declared): status ${m.res.statusCode} in ${Math.round(m.ms)} ms, RSS +${m.grewMb} MB`,
    );
    expect(m.res.statusCode).toBe(413);
    expect(m.res.json().error.message).toBe('The import file unpacks to more than 64 MB (a zip bomb or content other than the sheet?); nothing was saved');
    expect(m.grewMb).toBeLessThan(200);
  });

  it('a sheet of a million empty rows (small on the wire and within the size cap) is refused for its rows', async () => {
    const rows = Buffer.from('<row/>'.repeat(1_000_000));
    const xml = Buffer.concat([Buffer.from('<worksheet><sheetData>'), rows, Buffer.from('</sheetData></worksheet>')]);
    const file = zip([...SKELETON, { name: 'xl/worksheets/sheet1.xml', data: deflateRawSync(xml), size: xml.length, crc: crc32(xml) }]);
    const m = await importMeasured(file);
    expect(m.res.statusCode).toBe(413);
    expect(m.res.json().error).toMatchObject({ code: 'IMPORT_TOO_MANY_ROWS', message: '导入文件超过 20000 行的上限，未保存任何数据；请分批导入' });
  });

  it('one row of 100,000 cells is a 400 naming the file', async () => {
    const xml = Buffer.from(`<worksheet><sheetData><row r="1">${'<c><v>1</v></c>'.repeat(100_000)}</row></sheetData></worksheet>`);
    const file = zip([...SKELETON, { name: 'xl/worksheets/sheet1.xml', data: deflateRawSync(xml), size: xml.length, crc: crc32(xml) }]);
    const { res } = await importMeasured(file);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ field: 'file', code: 'columns' });
  });

  it('an entry hidden between the directory’s entries (a streaming reader would inflate it) is refused', async () => {
    const hidden = small('xl/worksheets/sheet9.xml', '<worksheet/>');
    const file = zip([...SKELETON, small('xl/worksheets/sheet1.xml', '<worksheet/>'), hidden]);
    // Drop the hidden entry from the directory only: its local header stays in the data.
    const cdStart = file.readUInt32LE(file.length - 6);
    const entries = file.readUInt16LE(file.length - 12);
    const withoutLast = Buffer.from(file);
    withoutLast.writeUInt16LE(entries - 1, file.length - 12);
    withoutLast.writeUInt16LE(entries - 1, file.length - 14);
    const lastCentral = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const trimmed = Buffer.concat([withoutLast.subarray(0, lastCentral), withoutLast.subarray(file.length - 22)]);
    trimmed.writeUInt32LE(lastCentral - cdStart, trimmed.length - 10);
    const { res } = await importMeasured(trimmed);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ field: 'file', code: 'invalid_format' });
  });
});

describe('legitimate imports', () => {
  async function workbook(rows: number) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('企业');
    ws.addRow(HEADER);
    for (let i = 0; i < rows; i++) {
      ws.addRow([
        randomUscc(),
        `晋城市测试第${i}号煤业有限公司`,
        county.code,
        `泽州县巴公镇测试路${i}号院${i % 97}栋`,
        112.5 + (i % 100) / 1000,
        35.5 + (i % 100) / 1000,
        '煤矿',
        'ABCD'[i % 4],
        `法人${i}`,
        `负责人${i}`,
        `安全员${i}`,
        `139${String(10_000_000 + i).slice(-8)}`,
        50 + (i % 900),
        (i % 3) + 1,
        '已投保',
        new Date(Date.UTC(2027, i % 12, (i % 28) + 1)),
        '',
        '',
        '',
      ]);
    }
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('a 1.2 MB file (11,500 enterprises) imports quickly and completely', async () => {
    const file = await workbook(11_500);
    const m = await importMeasured(file);
    console.log(
      `legitimate import: ${(file.length / 1024 / 1024).toFixed(2)} MB, 11,500 rows, status ${m.res.statusCode} in ${(m.ms / 1000).toFixed(1)} s; RSS +${m.grewMb} MB`,
    );
    expect(file.length).toBeGreaterThan(1.1 * 1024 * 1024);
    expect(m.res.statusCode, m.res.body.slice(0, 500)).toBe(200);
    expect(m.res.json()).toEqual({ created: 11_500, updated: 0, assignments: 0 });
    const { rows } = await t.database.query<{ n: number }>(`select count(*)::int as n from enterprise where region_code = $1`, [county.code]);
    expect(rows[0]?.n).toBe(11_500);
    const { rows: dated } = await t.database.query<{ d: string }>(
      `select insurance_expiry::text as d from enterprise where name = '晋城市测试第5号煤业有限公司'`,
    );
    expect(dated[0]?.d).toBe('2027-06-06');
    expect(m.ms).toBeLessThan(40_000);
  }, 120_000);

  it('the row cap is a setting', async () => {
    const small = await getTestServer({ env: { TAIHANG_IMPORT_MAX_ROWS: '5' } });
    try {
      const r = await makeCity(small.database.db);
      const gov = await makeDepartment(small.database.db, r.city, 'government');
      const u = await makeUser(small.database.db, 'government', ['regulator-admin'], { departmentId: gov.id });
      const h = await loginAs(small.app, u.username);
      county = r.countyA;
      const m = multipart(await workbook(6));
      const res = await small.app.inject({
        method: 'POST',
        url: '/api/enterprises/import',
        headers: { ...h, ...m.headers, 'accept-language': 'en-US' },
        payload: m.payload,
      });
      expect(res.statusCode).toBe(413);
      expect(res.json().error.message).toBe('The import file has more than 5 rows; nothing was saved; import it in parts');
    } finally {
      await small.close();
    }
  });
});
