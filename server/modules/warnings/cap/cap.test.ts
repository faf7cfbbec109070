import { readdirSync, readFileSync } from 'node:fs';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { readCap } from '../commands/import-cap.js';
import {
  buildCap,
  type CapAlert,
  CapEncodingError,
  type CapInfo,
  capIdentifier,
  capTime,
  decodeCap,
  dtdProblem,
  IDENTIFIER_PATTERN,
  issuerCode,
  LEVEL_SEVERITY,
  levelOf,
  mainInfo,
  parseCap,
  pointInRing,
  type Ring,
  referencedIdentifiers,
  referenceOf,
  ringProblem,
  xmlText,
} from './cap.js';
import { validateCap } from './cap-validate.js';

const dir = new URL('./samples/', import.meta.url);
const samples = readdirSync(dir).filter((f) => f.endsWith('.xml'));
const read = (f: string) => readFileSync(new URL(f, dir), 'utf8');

const ring: Ring = [
  [112.8, 35.4],
  [113.0, 35.4],
  [113.0, 35.6],
  [112.8, 35.6],
  [112.8, 35.4],
];

function heavyRain(over: Partial<CapAlert> = {}): CapAlert {
  const at = new Date('2021-07-20T01:30:00Z');
  const issuer = issuerCode('140525');
  return {
    identifier: capIdentifier(issuer, at, 0),
    sender: issuer,
    sent: capTime(at),
    status: 'Actual',
    msgType: 'Alert',
    scope: 'Public',
    infos: [
      {
        language: 'zh-CN',
        category: ['Met'],
        event: '暴雨',
        responseType: ['Prepare', 'Avoid'],
        urgency: 'Expected',
        severity: LEVEL_SEVERITY.orange,
        certainty: 'Likely',
        eventCodes: [{ valueName: 'GB/T 35561', value: '11B03' }],
        effective: capTime(at),
        expires: capTime(new Date(at.getTime() + 24 * 3600_000)),
        senderName: '泽州县应急管理局',
        headline: '泽州县暴雨橙色预警 <测试> & "引号"',
        description: '预计未来6小时降雨量将达50毫米以上。',
        instruction: '三查三避让',
        parameters: [{ valueName: '预警级别', value: '橙色' }],
        areas: [{ areaDesc: '泽州县北部', polygons: [ring], circles: [], geocodes: [{ valueName: 'GB/T 2260', value: '140525' }] }],
      },
    ],
    ...over,
  };
}

describe('GB/T 35965.1 identifiers and times', () => {
  it('issuer code is region + DDD + UUU + XX, 14 digits; the identifier is 31 characters', () => {
    expect(issuerCode('140525')).toBe('14052599900000');
    expect(issuerCode('140525001001')).toBe('14052599900000');
    const id = capIdentifier(issuerCode('140525'), new Date('2021-07-20T01:30:05Z'), 3);
    expect(id).toBe('14052599900000_20210720093005_3');
    expect(id).toHaveLength(31);
    expect(IDENTIFIER_PATTERN.test(id)).toBe(true);
    expect(() => capIdentifier('1405', new Date(), 0)).toThrow();
    expect(() => capIdentifier(issuerCode('140525'), new Date(), 10)).toThrow();
  });

  it('times are Beijing time with +08:00, across the UTC day boundary', () => {
    expect(capTime(new Date('2021-07-20T16:30:00Z'))).toBe('2021-07-21T00:30:00+08:00');
  });

  it('references are sender,identifier,sent triples', () => {
    const r = `${referenceOf({ sender: 'a', identifier: 'x1', sent: 's1' })} ${referenceOf({ sender: 'a', identifier: 'x2', sent: 's2' })}`;
    expect(referencedIdentifiers(r)).toEqual(['x1', 'x2']);
  });
});

describe('levels', () => {
  it.each([
    ['红色', 'red'],
    ['橙色', 'orange'],
    ['黄色', 'yellow'],
    ['蓝色', 'blue'],
    ['Orange', 'orange'],
  ])('parameter %s → %s', (value, level) => {
    expect(levelOf({ parameters: [{ valueName: '预警级别', value }], severity: 'Unknown' })).toBe(level);
  });
  it.each(Object.entries(LEVEL_SEVERITY))('without a parameter, severity of %s maps back', (level, severity) => {
    expect(levelOf({ parameters: [], severity })).toBe(level);
  });
  it('unknown severity and no parameter has no level', () => {
    expect(levelOf({ parameters: [{ valueName: 'other', value: '红' }], severity: 'Unknown' })).toBeNull();
  });
});

describe('polygons', () => {
  it('rings need 4 points and closure', () => {
    expect(ringProblem(ring)).toBeNull();
    expect(ringProblem(ring.slice(0, 3))).toMatch(/4 points/);
    expect(ringProblem(ring.slice(0, 4))).toMatch(/closed/);
  });
  it.each([
    [112.9, 35.5, true],
    [112.8, 35.5, true], // on an edge
    [113.1, 35.5, false],
    [112.9, 35.7, false],
  ])('(%f, %f) inside: %s', (lng, lat, inside) => {
    expect(pointInRing(lng, lat, ring)).toBe(inside);
  });
  it('concave rings', () => {
    const u: Ring = [
      [0, 0],
      [3, 0],
      [3, 3],
      [2, 3],
      [2, 1],
      [1, 1],
      [1, 3],
      [0, 3],
      [0, 0],
    ];
    expect(pointInRing(1.5, 2, u)).toBe(false);
    expect(pointInRing(0.5, 2, u)).toBe(true);
    expect(pointInRing(2.5, 2, u)).toBe(true);
  });
});

describe('build → validate → parse', () => {
  it('an Alert validates against the OASIS XSD and parses back to the same content', async () => {
    const alert = heavyRain();
    const xml = buildCap(alert);
    expect(xml).toContain('<polygon>35.4,112.8 35.4,113 35.6,113 35.6,112.8 35.4,112.8</polygon>');
    expect(await validateCap(xml)).toEqual({ valid: true, errors: [] });
    const back = parseCap(xml);
    expect(back.identifier).toBe(alert.identifier);
    expect(mainInfo(back)?.headline).toBe(alert.infos[0]?.headline);
    expect(mainInfo(back)?.areas[0]?.polygons[0]).toEqual(ring);
    expect(mainInfo(back)?.areas[0]?.geocodes).toEqual([{ valueName: 'GB/T 2260', value: '140525' }]);
    expect(levelOf(mainInfo(back) as never)).toBe('orange');
  });

  it('Update and Cancel carry references and validate', async () => {
    const first = heavyRain();
    for (const msgType of ['Update', 'Cancel'] as const) {
      const xml = buildCap(
        heavyRain({ msgType, identifier: capIdentifier(issuerCode('140525'), new Date('2021-07-20T02:00:00Z'), 0), references: referenceOf(first) }),
      );
      expect((await validateCap(xml)).valid).toBe(true);
      expect(referencedIdentifiers(parseCap(xml).references)).toEqual([first.identifier]);
    }
  });

  it('the schema catches a broken build (e.g. a missing certainty) and names the element and line', async () => {
    const xml = buildCap(heavyRain()).replace(/\s*<certainty>Likely<\/certainty>/, '');
    const r = await validateCap(xml);
    expect(r.valid).toBe(false);
    expect(r.errors[0]).toMatch(/^line \d+: .*certainty/);
  });
});

describe('the interop reference samples (WMO CAP validator test data)', () => {
  const valid = samples.filter((f) => !f.includes('invalid'));
  const invalid = samples.filter((f) => f.includes('invalid'));
  it('there are valid and invalid samples', () => {
    expect(valid.length).toBeGreaterThanOrEqual(4);
    expect(invalid.length).toBeGreaterThanOrEqual(2);
  });

  it.each(valid)('%s validates and parses', async (f) => {
    const xml = read(f);
    expect(await validateCap(xml)).toEqual({ valid: true, errors: [] });
    const a = parseCap(xml);
    expect(a.identifier).not.toBe('');
    expect(a.infos.length).toBeGreaterThan(0);
    const info = mainInfo(a);
    expect(info?.event).toBeTruthy();
    expect(info?.areas.length).toBeGreaterThan(0);
  });

  it.each(invalid)('%s is rejected with a reason naming the element and line', async (f) => {
    const r = await validateCap(read(f));
    expect(r.valid).toBe(false);
    expect(r.errors[0]).toMatch(/^line \d+: Element '/);
  });

  it('the tg sample misses certainty: the reason says what was expected', async () => {
    const r = await validateCap(read('sample-tg-invalid_schema.xml'));
    expect(r.errors[0]).toMatch(/cap:audience.*Expected is.*cap:certainty/);
  });

  it('malformed XML is rejected with a reason', async () => {
    const r = await validateCap('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>x</identifier>');
    expect(r.valid).toBe(false);
    expect(r.errors.join()).toMatch(/line \d+/);
  });
});

describe('messages from other countries’ systems, in their encodings (samples/intl)', () => {
  const intl = new URL('./samples/intl/', import.meta.url);
  const files = readdirSync(intl);
  const bytes = (f: string) => readFileSync(new URL(f, intl));

  it.each(files)('%s decodes, validates against the XSD and reads (readCap)', async (f) => {
    const xml = decodeCap(bytes(f));
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const a = await readCap(xml);
    expect(a.identifier).not.toBe('');
    if (a.msgType !== 'Cancel') expect(mainInfo(a)?.headline).toBeTruthy();
  });

  it('GB18030 (declared in the prolog) and UTF-16 LE/BE (by the byte-order mark) read as the same text as UTF-8', () => {
    expect(mainInfo(parseCap(decodeCap(bytes('cn-cma-rainstorm.gb18030.xml'))))?.description).toContain('泽州县、高平市降雨量将达50毫米以上');
    expect(mainInfo(parseCap(decodeCap(bytes('cn-cma-rainstorm.gb18030.xml'))))?.description).toContain('𠀋');
    const le = parseCap(decodeCap(bytes('nz-nema-tsunami.utf16le.xml')));
    const be = parseCap(decodeCap(bytes('nz-nema-tsunami.utf16be.xml')));
    expect(mainInfo(le)?.senderName).toBe('National Emergency Management Agency — Te Rākau Whakamarumaru');
    expect(mainInfo(be)?.senderName).toBe(mainInfo(le)?.senderName);
    // The same bytes read as UTF-8 (the old behaviour) are not a CAP message at all.
    expect(bytes('nz-nema-tsunami.utf16le.xml').toString('utf8')).not.toContain('<alert');
  });

  it('an IPAWS Cancel without <info> is accepted; an Alert without one is not', async () => {
    const cancel = await readCap(decodeCap(bytes('us-ipaws-nws-tornado-cancel.xml')));
    expect(cancel).toMatchObject({ msgType: 'Cancel', infos: [] });
    const bare = decodeCap(bytes('us-ipaws-nws-tornado-cancel.xml')).replace('<msgType>Cancel</msgType>', '<msgType>Alert</msgType>');
    await expect(readCap(bare)).rejects.toMatchObject({ code: 'CAP_INVALID' });
  });

  it('undeclared or unknown encodings and broken byte sequences are refused, never guessed', () => {
    expect(() => decodeCap(Buffer.from('<?xml version="1.0" encoding="EBCDIC-X"?><alert/>'))).toThrow(CapEncodingError);
    const gb = bytes('cn-cma-rainstorm.gb18030.xml');
    expect(() => decodeCap(Buffer.from(gb.toString('latin1').replace('GB18030', 'UTF-8'), 'latin1'))).toThrow(CapEncodingError);
  });
});

describe('hostile messages (samples/hostile)', () => {
  const hostile = new URL('./samples/hostile/', import.meta.url);
  const text = (f: string) => decodeCap(readFileSync(new URL(f, hostile)));

  it.each(['xxe-file.xml', 'billion-laughs.xml', 'internal-entity-markup.xml'])('%s: a DTD is refused before parsing (CAP_DTD)', async (f) => {
    expect(dtdProblem(text(f))).toBe('dtd');
    await expect(readCap(text(f))).rejects.toMatchObject({ code: 'CAP_DTD' });
  });

  it('markup, CDATA and "]]>" in texts come back escaped: the rebuilt message is well-formed and still validates', async () => {
    const a = await readCap(text('markup-in-text.xml'));
    expect(mainInfo(a)?.headline).toContain('</alert><script>');
    const out = buildCap(a);
    expect(XMLValidator.validate(out)).toBe(true);
    expect(await validateCap(out)).toEqual({ valid: true, errors: [] });
    expect(mainInfo(parseCap(out))?.headline).toBe(mainInfo(a)?.headline);
    expect(out).not.toContain('xml-stylesheet');
  });

  it('characters XML 1.0 does not allow never reach an emitted document', async () => {
    const dirty = heavyRain();
    (dirty.infos[0] as CapInfo).description = 'NUL\u0000 bell\u0007 lone\uD800 surrogate \uFFFE ok 𠀋';
    const out = buildCap(dirty);
    expect(XMLValidator.validate(out)).toBe(true);
    expect(await validateCap(out)).toEqual({ valid: true, errors: [] });
    expect(xmlText('a\u0001<b>&"\uDC00')).toBe('a&lt;b&gt;&amp;&quot;');
  });
});
