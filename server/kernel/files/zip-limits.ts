import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

/**
 * Checks an xlsx (a zip) before anything inflates it for real, so a spreadsheet bomb — a few MB that
 * unpack to gigabytes of sheet XML — is refused at the cost of reading its directory and at most
 * `maxUnpackedBytes` of inflation, with memory that does not grow with the file:
 *
 * 1. the central directory: entry count, compression methods, and the declared unpacked sizes, whose
 *    sum must stay within the limit (an honest bomb stops here, before any inflation);
 * 2. the layout: every local entry sits exactly where the directory says and the entries follow one
 *    another with no gap, so a streaming reader (exceljs reads local headers in order) meets exactly
 *    the entries checked here and no hidden one;
 * 3. every entry inflated as a stream, counting bytes and keeping none: more bytes than declared (a
 *    lying bomb) is refused the moment it happens; worksheets are scanned for their row count and
 *    the cells of their widest row, the shared strings for their count.
 */

export type ZipRefusal =
  | { kind: 'too-large'; limit: number }
  | { kind: 'too-many-rows'; max: number }
  | { kind: 'too-many-columns'; max: number }
  | { kind: 'malformed'; reason: string };

export class ZipLimitError extends Error {
  constructor(readonly refusal: ZipRefusal) {
    super(refusal.kind);
  }
}

export interface ZipLimits {
  maxUnpackedBytes: number;
  /** Data rows per worksheet (a header row comes on top). */
  maxRows: number;
  maxColumns: number;
}

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
const MAX_ENTRIES = 2000;

const malformed = (reason: string) => new ZipLimitError({ kind: 'malformed', reason });

function centralDirectory(buf: Buffer): { entries: Entry[]; cdOffset: number } {
  // The end record is in the last 22 + 65,535 (comment) bytes.
  const from = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw malformed('no zip end record');
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  // ZIP64 markers: no spreadsheet worth importing needs 4 GB or 65,535 entries.
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) throw malformed('zip64');
  if (count > MAX_ENTRIES) throw malformed('too many entries');
  if (cdOffset + cdSize > eocd) throw malformed('central directory out of bounds');
  const entries: Entry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL) throw malformed('bad central directory entry');
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const entry: Entry = {
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLength),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.localOffset === 0xffffffff) throw malformed('zip64');
    if (entry.method !== 0 && entry.method !== 8) throw malformed(`compression method ${entry.method}`);
    if (entry.flags & 1) throw malformed('encrypted');
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { entries, cdOffset };
}

/** Where an entry's data starts and where the next local header must begin. */
function layout(buf: Buffer, e: Entry): { dataStart: number; end: number } {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL) throw malformed(`no local header for ${e.name}`);
  const nameLength = buf.readUInt16LE(p + 26);
  const extraLength = buf.readUInt16LE(p + 28);
  if (buf.toString('utf8', p + 30, p + 30 + nameLength) !== e.name) throw malformed(`local name differs for ${e.name}`);
  const dataStart = p + 30 + nameLength + extraLength;
  let end = dataStart + e.compressedSize;
  if (end > buf.length) throw malformed(`${e.name} runs past the end`);
  if (e.flags & 8) {
    // Data descriptor after the data, with or without its optional signature.
    end += end + 4 <= buf.length && buf.readUInt32LE(end) === DESCRIPTOR ? 16 : 12;
  }
  return { dataStart, end };
}

/** Counts `<row` and the `<c` of the widest row in sheet XML, across chunk boundaries. */
class SheetScanner {
  rows = 0;
  widest = 0;
  sharedStrings = 0;
  private cells = 0;
  private tail = '';
  constructor(private readonly kind: 'sheet' | 'strings') {}
  push(chunk: Buffer) {
    const text = this.tail + chunk.toString('latin1');
    // Tags are ASCII; latin1 keeps byte offsets simple and cannot fail on a split UTF-8 sequence.
    const re = this.kind === 'sheet' ? /<(row|c)[\s>/]/g : /<si[\s>/]/g;
    let m: RegExpExecArray | null = re.exec(text);
    while (m) {
      if (this.kind === 'strings') this.sharedStrings++;
      else if (m[1] === 'row') {
        this.rows++;
        this.cells = 0;
      } else this.widest = Math.max(this.widest, ++this.cells);
      m = re.exec(text);
    }
    // Keep the last few characters: a tag may be split between chunks (none matched there yet).
    const cut = Math.max(0, text.length - 4);
    const lastMatchEnd = re.lastIndex;
    this.tail = text.slice(Math.max(cut, lastMatchEnd));
  }
}

async function inflateCounting(data: Buffer, declared: number, total: { bytes: number }, limits: ZipLimits, scanner: SheetScanner | null): Promise<void> {
  const inflate = createInflateRaw();
  let bytes = 0;
  const source = Readable.from([data]);
  source.pipe(inflate);
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      total.bytes += chunk.length;
      if (bytes > declared) throw new ZipLimitError({ kind: 'too-large', limit: limits.maxUnpackedBytes });
      if (total.bytes > limits.maxUnpackedBytes) throw new ZipLimitError({ kind: 'too-large', limit: limits.maxUnpackedBytes });
      scanner?.push(chunk);
      if (scanner && scanner.rows > limits.maxRows + 1) throw new ZipLimitError({ kind: 'too-many-rows', max: limits.maxRows });
      if (scanner && scanner.widest > limits.maxColumns) throw new ZipLimitError({ kind: 'too-many-columns', max: limits.maxColumns });
      if (scanner && scanner.sharedStrings > limits.maxRows * limits.maxColumns) throw new ZipLimitError({ kind: 'too-large', limit: limits.maxUnpackedBytes });
    }
  } catch (err) {
    if (err instanceof ZipLimitError) throw err;
    throw malformed(`inflate: ${(err as Error).message}`);
  } finally {
    source.unpipe(inflate);
    inflate.destroy();
  }
  if (bytes !== declared) throw malformed('size differs from the directory');
}

/** Throws ZipLimitError unless the xlsx stays within the limits (see the file comment). */
export async function checkXlsx(buf: Buffer, limits: ZipLimits): Promise<void> {
  const { entries, cdOffset } = centralDirectory(buf);
  const declared = entries.reduce((s, e) => s + e.size, 0);
  if (declared > limits.maxUnpackedBytes) throw new ZipLimitError({ kind: 'too-large', limit: limits.maxUnpackedBytes });
  const ordered = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  let expected = 0;
  const total = { bytes: 0 };
  for (const e of ordered) {
    if (e.localOffset !== expected) throw malformed('gap or overlap between entries');
    const { dataStart, end } = layout(buf, e);
    expected = end;
    const data = buf.subarray(dataStart, dataStart + e.compressedSize);
    const scanner = /^xl\/worksheets\/[^/]+\.xml$/.test(e.name)
      ? new SheetScanner('sheet')
      : e.name === 'xl/sharedStrings.xml'
        ? new SheetScanner('strings')
        : null;
    if (e.method === 0) {
      if (e.compressedSize !== e.size) throw malformed('stored size differs');
      total.bytes += e.size;
      scanner?.push(data);
      if (scanner && scanner.rows > limits.maxRows + 1) throw new ZipLimitError({ kind: 'too-many-rows', max: limits.maxRows });
      if (scanner && scanner.widest > limits.maxColumns) throw new ZipLimitError({ kind: 'too-many-columns', max: limits.maxColumns });
    } else {
      await inflateCounting(data, e.size, total, limits, scanner);
    }
  }
  if (expected !== cdOffset) throw malformed('data between the entries and the directory');
}
