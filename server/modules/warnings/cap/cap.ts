import { XMLParser } from 'fast-xml-parser';

/**
 * OASIS CAP 1.2 (interop.md §1) as Taihang writes and reads it, with the Chinese profile of
 * GB/T 35965.1-2018 Annex A (interop.md §1.8): identifier `ZZZZZZDDDUUUXX_YYYYMMDDhhmmss_N`, Beijing
 * times with +08:00, the colour level in a `<parameter>` and mapped onto `<severity>`.
 * Pure: no DB, no clock. Schema validation is cap-validate.ts.
 */

export const CAP_NS = 'urn:oasis:names:tc:emergency:cap:1.2';

export const WARNING_LEVELS = ['red', 'orange', 'yellow', 'blue'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

/** 红/一级 → Extreme, 橙/二级 → Severe, 黄/三级 → Moderate, 蓝/四级 → Minor (interop.md §1.8, until GB/T 35965.1 is read). */
export const LEVEL_SEVERITY: Record<WarningLevel, CapSeverity> = { red: 'Extreme', orange: 'Severe', yellow: 'Moderate', blue: 'Minor' };
export const LEVEL_ZH: Record<WarningLevel, string> = { red: '红色', orange: '橙色', yellow: '黄色', blue: '蓝色' };
/** The `<parameter>` valueName that carries the colour (our profile; interop.md §1.7). */
export const LEVEL_PARAMETER = '预警级别';
export const GEOCODE_GB2260 = 'GB/T 2260';

export type CapStatus = 'Actual' | 'Exercise' | 'System' | 'Test' | 'Draft';
export type CapMsgType = 'Alert' | 'Update' | 'Cancel' | 'Ack' | 'Error';
export type CapScope = 'Public' | 'Restricted' | 'Private';
export type CapSeverity = 'Extreme' | 'Severe' | 'Moderate' | 'Minor' | 'Unknown';

/** A closed ring of [lng, lat] positions (GeoJSON order; CAP writes lat,lon). */
export type Ring = [number, number][];

export interface CapArea {
  areaDesc: string;
  polygons: Ring[];
  circles: string[];
  geocodes: { valueName: string; value: string }[];
  altitude?: string;
  ceiling?: string;
}

export interface CapResource {
  resourceDesc: string;
  mimeType: string;
  size?: string;
  uri?: string;
  digest?: string;
}

export interface CapInfo {
  language: string;
  category: string[];
  event: string;
  responseType: string[];
  urgency: string;
  severity: string;
  certainty: string;
  audience?: string;
  eventCodes: { valueName: string; value: string }[];
  effective?: string;
  onset?: string;
  expires?: string;
  senderName?: string;
  headline?: string;
  description?: string;
  instruction?: string;
  web?: string;
  contact?: string;
  parameters: { valueName: string; value: string }[];
  resources?: CapResource[];
  areas: CapArea[];
}

export interface CapAlert {
  identifier: string;
  sender: string;
  sent: string;
  status: CapStatus;
  msgType: CapMsgType;
  source?: string;
  scope: CapScope;
  restriction?: string;
  addresses?: string;
  codes?: string[];
  note?: string;
  references?: string;
  incidents?: string;
  infos: CapInfo[];
}

// ---------------------------------------------------------------- identifiers and times

/** Beijing time (UTC+8) pieces of an instant; China has no daylight saving. */
function beijing(d: Date) {
  const b = new Date(d.getTime() + 8 * 3600_000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return {
    y: p(b.getUTCFullYear(), 4),
    mo: p(b.getUTCMonth() + 1),
    d: p(b.getUTCDate()),
    h: p(b.getUTCHours()),
    mi: p(b.getUTCMinutes()),
    s: p(b.getUTCSeconds()),
  };
}

/** CAP dateTime in Beijing time with the GB/T 35965.1 offset: 2021-07-20T09:30:00+08:00. */
export function capTime(d: Date): string {
  const t = beijing(d);
  return `${t.y}-${t.mo}-${t.d}T${t.h}:${t.mi}:${t.s}+08:00`;
}

/** GB/T 7408 basic form in Beijing time: 20210720093000. */
export function basicTime(d: Date): string {
  const t = beijing(d);
  return `${t.y}${t.mo}${t.d}${t.h}${t.mi}${t.s}`;
}

/** A CAP dateTime (with its offset) as an instant; undefined when it is not one. */
export function parseCapTime(s: string | undefined): Date | undefined {
  if (!s || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[-+]\d\d:\d\d$/.test(s)) return undefined;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/**
 * The 14-character issuer code `ZZZZZZDDDUUUXX` (GB/T 35965.1 Annex A): the GB/T 2260 code of the issuing
 * unit's region, the GB/T 4657 agency code DDD, the sub-unit UUU and the extension XX.
 * UNVERIFIED: the DDD code of an emergency-management bureau was not read from GB/T 4657; `999` is a
 * placeholder (as in interop.md §1.7), to be set by the deployer in ISSUER_CODE_DEFAULTS.
 */
export const ISSUER_CODE_DEFAULTS = { agency: '999', subUnit: '000', extension: '00' } as const;

export function issuerCode(regionCode: string, opts: Partial<typeof ISSUER_CODE_DEFAULTS> = {}): string {
  const z = regionCode.replace(/\D/g, '').slice(0, 6).padEnd(6, '0');
  const o = { ...ISSUER_CODE_DEFAULTS, ...opts };
  return `${z}${o.agency}${o.subUnit}${o.extension}`;
}

/** `ZZZZZZDDDUUUXX_YYYYMMDDhhmmss_N` (31 characters); N is 0–9 for messages of one unit in one second. */
export function capIdentifier(issuer: string, at: Date, n: number): string {
  if (!/^\d{14}$/.test(issuer)) throw new Error(`issuer code must be 14 digits: ${issuer}`);
  if (!Number.isInteger(n) || n < 0 || n > 9) throw new Error(`sequence must be 0–9: ${n}`);
  return `${issuer}_${basicTime(at)}_${n}`;
}

export const IDENTIFIER_PATTERN = /^\d{14}_\d{14}_\d$/;

/** `sender,identifier,sent` triple for `<references>`. */
export const referenceOf = (a: { sender: string; identifier: string; sent: string }) => `${a.sender},${a.identifier},${a.sent}`;

// ---------------------------------------------------------------- levels

/** The colour level of an info: the `<parameter>` first (预警级别 / 预警颜色 / colour words), else the severity. */
export function levelOf(info: Pick<CapInfo, 'parameters' | 'severity'>): WarningLevel | null {
  for (const p of info.parameters) {
    const v = p.value.trim().toLowerCase();
    const byWord: [RegExp, WarningLevel][] = [
      [/红|^red|一级|^i$/, 'red'],
      [/橙|^orange|二级|^ii$/, 'orange'],
      [/黄|^yellow|三级|^iii$/, 'yellow'],
      [/蓝|^blue|四级|^iv$/, 'blue'],
    ];
    if (!/级别|颜色|level|colou?r/i.test(p.valueName)) continue;
    for (const [re, level] of byWord) if (re.test(v)) return level;
  }
  const bySeverity = Object.entries(LEVEL_SEVERITY).find(([, s]) => s === info.severity);
  return bySeverity ? (bySeverity[0] as WarningLevel) : null;
}

// ---------------------------------------------------------------- polygons

/** CAP `<polygon>`: space-separated `lat,lon` pairs; the ring stays closed. */
export function ringToCap(ring: Ring): string {
  return ring.map(([lng, lat]) => `${round(lat)},${round(lng)}`).join(' ');
}

const round = (n: number) => String(Math.round(n * 1e6) / 1e6);

/** Parses a CAP polygon into [lng, lat] positions; throws with the reason when it is malformed. */
export function capToRing(text: string): Ring {
  const pairs = text.trim().split(/\s+/);
  const ring = pairs.map((p) => {
    const m = /^(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$/.exec(p);
    if (!m) throw new Error(`polygon point "${p}" is not "lat,lon"`);
    const lat = Number(m[1]);
    const lng = Number(m[2]);
    if (Math.abs(lat) > 90 || Math.abs(lng) > 180) throw new Error(`polygon point "${p}" is out of range`);
    return [lng, lat] as [number, number];
  });
  const problem = ringProblem(ring);
  if (problem) throw new Error(`polygon ${problem}`);
  return ring;
}

/** Why a ring is not a valid closed polygon ring (≥ 4 positions, first = last), or null. */
export function ringProblem(ring: Ring): string | null {
  if (ring.length < 4) return 'needs at least 4 points';
  const a = ring[0] as [number, number];
  const b = ring[ring.length - 1] as [number, number];
  if (a[0] !== b[0] || a[1] !== b[1]) return 'is not closed (first point must equal the last)';
  return null;
}

/** Ray casting (even-odd rule) on [lng, lat]; points on an edge count as inside. */
export function pointInRing(lng: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (onSegment(lng, lat, xi, yi, xj, yj)) return true;
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function onSegment(px: number, py: number, x1: number, y1: number, x2: number, y2: number): boolean {
  const cross = (px - x1) * (y2 - y1) - (py - y1) * (x2 - x1);
  if (Math.abs(cross) > 1e-12) return false;
  return px >= Math.min(x1, x2) && px <= Math.max(x1, x2) && py >= Math.min(y1, y2) && py <= Math.max(y1, y2);
}

// ---------------------------------------------------------------- build

/**
 * Text as XML 1.0 character data: the five markup characters escaped and the characters XML 1.0 does not allow
 * (C0 controls other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF) dropped, so no stored text can make an
 * emitted document malformed.
 */
export function xmlText(s: string): string {
  return (
    s
      // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters XML 1.0 forbids
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}
const esc = xmlText;
const pair = (tag: string, p: { valueName: string; value: string }, indent: string) =>
  `${indent}<${tag}><valueName>${esc(p.valueName)}</valueName><value>${esc(p.value)}</value></${tag}>\n`;

function el(name: string, value: string | undefined, indent: string): string {
  return value === undefined || value === '' ? '' : `${indent}<${name}>${esc(value)}</${name}>\n`;
}

/** Writes a CAP 1.2 document with the elements in the schema's order. */
export function buildCap(a: CapAlert): string {
  let x = `<?xml version="1.0" encoding="UTF-8"?>\n<alert xmlns="${CAP_NS}">\n`;
  const i1 = '  ';
  x += el('identifier', a.identifier, i1);
  x += el('sender', a.sender, i1);
  x += el('sent', a.sent, i1);
  x += el('status', a.status, i1);
  x += el('msgType', a.msgType, i1);
  x += el('source', a.source, i1);
  x += el('scope', a.scope, i1);
  x += el('restriction', a.restriction, i1);
  x += el('addresses', a.addresses, i1);
  for (const c of a.codes ?? []) x += el('code', c, i1);
  x += el('note', a.note, i1);
  x += el('references', a.references, i1);
  x += el('incidents', a.incidents, i1);
  for (const info of a.infos) {
    const i2 = '    ';
    const i3 = '      ';
    x += `${i1}<info>\n`;
    x += el('language', info.language, i2);
    for (const c of info.category) x += el('category', c, i2);
    x += el('event', info.event, i2);
    for (const r of info.responseType) x += el('responseType', r, i2);
    x += el('urgency', info.urgency, i2);
    x += el('severity', info.severity, i2);
    x += el('certainty', info.certainty, i2);
    x += el('audience', info.audience, i2);
    for (const c of info.eventCodes) x += pair('eventCode', c, i2);
    x += el('effective', info.effective, i2);
    x += el('onset', info.onset, i2);
    x += el('expires', info.expires, i2);
    x += el('senderName', info.senderName, i2);
    x += el('headline', info.headline, i2);
    x += el('description', info.description, i2);
    x += el('instruction', info.instruction, i2);
    x += el('web', info.web, i2);
    x += el('contact', info.contact, i2);
    for (const p of info.parameters) x += pair('parameter', p, i2);
    for (const r of info.resources ?? []) {
      x += `${i2}<resource>\n`;
      x += el('resourceDesc', r.resourceDesc, i3);
      x += el('mimeType', r.mimeType, i3);
      x += el('size', r.size, i3);
      x += el('uri', r.uri, i3);
      x += el('digest', r.digest, i3);
      x += `${i2}</resource>\n`;
    }
    for (const area of info.areas) {
      x += `${i2}<area>\n`;
      x += el('areaDesc', area.areaDesc, i3);
      for (const p of area.polygons) x += el('polygon', ringToCap(p), i3);
      for (const c of area.circles) x += el('circle', c, i3);
      for (const g of area.geocodes) x += pair('geocode', g, i3);
      x += el('altitude', area.altitude, i3);
      if (area.altitude) x += el('ceiling', area.ceiling, i3);
      x += `${i2}</area>\n`;
    }
    x += `${i1}</info>\n`;
  }
  return `${x}</alert>\n`;
}

// ---------------------------------------------------------------- parse

const ARRAYS = new Set(['info', 'category', 'responseType', 'eventCode', 'parameter', 'resource', 'area', 'polygon', 'circle', 'geocode', 'code']);

/** Documents with a DTD are refused before parsing (dtdProblem), so only the five predefined entities remain. */
const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
  isArray: (name) => ARRAYS.has(name),
});

type Node = Record<string, unknown>;
const str = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : typeof v === 'object' ? undefined : String(v));
const arr = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : []);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.map((x) => String(x)) : []);
const pairs = (v: unknown) => arr(v).map((p) => ({ valueName: str(p.valueName) ?? '', value: str(p.value) ?? '' }));

/**
 * Reads a CAP 1.2 document that has passed schema validation into the typed model. Throws with a reason
 * for what the schema does not say (a polygon that is not a closed ring of lat,lon pairs).
 */
export function parseCap(xml: string): CapAlert {
  const doc = parser.parse(xml) as Node;
  const a = doc.alert as Node | undefined;
  if (!a) throw new Error('the root element is not <alert>');
  return {
    identifier: str(a.identifier) ?? '',
    sender: str(a.sender) ?? '',
    sent: str(a.sent) ?? '',
    status: (str(a.status) ?? 'Actual') as CapStatus,
    msgType: (str(a.msgType) ?? 'Alert') as CapMsgType,
    source: str(a.source),
    scope: (str(a.scope) ?? 'Public') as CapScope,
    restriction: str(a.restriction),
    addresses: str(a.addresses),
    codes: strs(a.code),
    note: str(a.note),
    references: str(a.references),
    incidents: str(a.incidents),
    infos: arr(a.info).map((i) => ({
      language: str(i.language) ?? 'en-US',
      category: strs(i.category),
      event: str(i.event) ?? '',
      responseType: strs(i.responseType),
      urgency: str(i.urgency) ?? 'Unknown',
      severity: str(i.severity) ?? 'Unknown',
      certainty: str(i.certainty) ?? 'Unknown',
      audience: str(i.audience),
      eventCodes: pairs(i.eventCode),
      effective: str(i.effective),
      onset: str(i.onset),
      expires: str(i.expires),
      senderName: str(i.senderName),
      headline: str(i.headline),
      description: str(i.description),
      instruction: str(i.instruction),
      web: str(i.web),
      contact: str(i.contact),
      parameters: pairs(i.parameter),
      resources: arr(i.resource).map((r) => ({
        resourceDesc: str(r.resourceDesc) ?? '',
        mimeType: str(r.mimeType) ?? '',
        size: str(r.size),
        uri: str(r.uri),
        digest: str(r.digest),
      })),
      areas: arr(i.area).map((ar, k) => ({
        areaDesc: str(ar.areaDesc) ?? '',
        polygons: strs(ar.polygon).map((p, n) => {
          try {
            return capToRing(p);
          } catch (e) {
            throw new Error(`info/area[${k + 1}]/polygon[${n + 1}]: ${(e as Error).message}`);
          }
        }),
        circles: strs(ar.circle),
        geocodes: pairs(ar.geocode),
        altitude: str(ar.altitude),
        ceiling: str(ar.ceiling),
      })),
    })),
  };
}

/** The info to show: Chinese first, else the first. */
export function mainInfo(a: CapAlert): CapInfo | undefined {
  return a.infos.find((i) => /^zh/i.test(i.language)) ?? a.infos[0];
}

/** Parses the `<references>` triples into identifiers. */
export function referencedIdentifiers(references: string | undefined): string[] {
  if (!references) return [];
  return references
    .trim()
    .split(/\s+/)
    .map((t) => t.split(',')[1])
    .filter((x): x is string => !!x);
}

// ---------------------------------------------------------------- bytes → text

/** Encodings a CAP file may arrive in: the XML defaults and the Chinese national one (labels as TextDecoder knows them). */
const DECLARED: Record<string, string> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-16': 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  'us-ascii': 'utf-8',
  ascii: 'utf-8',
};

export class CapEncodingError extends Error {
  constructor(readonly encoding: string) {
    super(`unsupported encoding ${encoding}`);
  }
}

/**
 * A CAP file's bytes as text (XML 1.0 §4.3.3 and Appendix F): a byte-order mark decides UTF-8 or UTF-16 LE/BE; a
 * UTF-16 document without one is recognised by its first `<?` or `<`; otherwise the encoding declaration in the prolog
 * (UTF-8 when there is none; GB18030, GBK and GB2312 are read as GB18030, their superset). Invalid byte sequences
 * are refused rather than replaced. The returned text's declaration says UTF-8, as it is now.
 */
export function decodeCap(bytes: Uint8Array): string {
  const b = bytes;
  let label: string;
  let skip = 0;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) [label, skip] = ['utf-8', 3];
  else if (b[0] === 0xff && b[1] === 0xfe) [label, skip] = ['utf-16le', 2];
  else if (b[0] === 0xfe && b[1] === 0xff) [label, skip] = ['utf-16be', 2];
  else if (b[0] === 0x3c && b[1] === 0x00) label = 'utf-16le';
  else if (b[0] === 0x00 && b[1] === 0x3c) label = 'utf-16be';
  else {
    // The prolog is ASCII in every encoding accepted here.
    const head = Buffer.from(b.subarray(0, 200)).toString('latin1');
    const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1]?.toLowerCase();
    label = declared ? (DECLARED[declared] ?? '') : 'utf-8';
    if (!label) throw new CapEncodingError(declared as string);
  }
  let text: string;
  try {
    text = new TextDecoder(label, { fatal: true }).decode(b.subarray(skip));
  } catch {
    throw new CapEncodingError(label);
  }
  return text.replace(/^(\s*<\?xml[^>]*?)\s+encoding\s*=\s*["'][^"']*["']/, '$1 encoding="UTF-8"');
}

/**
 * Why a document is refused before it is parsed, or null: CAP 1.2 has no DTD, and a DOCTYPE or entity declaration
 * is how XXE and entity-expansion bombs arrive, and how markup slips into what we republish.
 */
export function dtdProblem(xml: string): 'dtd' | null {
  return /<!DOCTYPE|<!ENTITY|<!ELEMENT|<!ATTLIST/i.test(xml) ? 'dtd' : null;
}
