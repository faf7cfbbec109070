import { describe, expect, it } from 'vitest';
import { INDUSTRY_KEYS, industryByKey } from '../../../../common/industries.js';
import { isValidPhone } from '../../../../common/validators/phone.js';
import { validateUscc } from '../../../../common/validators/uscc.js';
import { DEMO_REFERENCE_DATE, GAP_COUNTS, generateDemoData } from './generate.js';

const data = generateDemoData();
const { regions, departments, enterprises, users } = data;
const regionByCode = new Map(regions.map((r) => [r.code, r]));
const deptByKey = new Map(departments.map((d) => [d.key, d]));
const entByKey = new Map(enterprises.map((e) => [e.key, e]));

const COUNTY_CODES = ['140502', '140521', '140522', '140524', '140525', '140581', '140571'];

/** The county-level code (county or zone) above a town. */
function countyOf(townCode: string): string {
  return regionByCode.get(townCode)?.parentCode ?? '';
}

function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * 86_400_000).toISOString().slice(0, 10);
}

describe('generateDemoData: determinism', () => {
  it('gives byte-identical output for the same seed', () => {
    const again = generateDemoData();
    expect(again).toEqual(data);
    expect(JSON.stringify(again)).toBe(JSON.stringify(data));
    expect(JSON.stringify(generateDemoData(7))).toBe(JSON.stringify(generateDemoData(7)));
  });

  it('differs for a different seed', () => {
    const other = generateDemoData(42);
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(data));
    expect(other.enterprises.map((e) => e.uscc)).not.toEqual(enterprises.map((e) => e.uscc));
  });
});

describe('generateDemoData: regions', () => {
  it('has the city and the seven county-level divisions with their codes', () => {
    const city = regions.filter((r) => r.level === 'city');
    expect(city).toEqual([expect.objectContaining({ code: '140500', name: '晋城市', parentCode: null })]);
    const countyLevel = regions.filter((r) => r.level === 'county' || r.level === 'zone');
    expect(countyLevel.map((r) => r.code).sort()).toEqual([...COUNTY_CODES].sort());
    expect(countyLevel.every((r) => r.parentCode === '140500')).toBe(true);
    const names = Object.fromEntries(countyLevel.map((r) => [r.code, r.name]));
    expect(names).toEqual({
      '140502': '城区',
      '140521': '沁水县',
      '140522': '阳城县',
      '140524': '陵川县',
      '140525': '泽州县',
      '140581': '高平市',
      '140571': '晋城经济技术开发区',
    });
    expect(regionByCode.get('140571')?.level).toBe('zone');
  });

  it('has 4–8 towns per county (2–3 in the zone) with 9-digit codes under their parent', () => {
    const towns = regions.filter((r) => r.level === 'town');
    for (const code of COUNTY_CODES) {
      const own = towns.filter((t) => t.parentCode === code);
      if (code === '140571') expect(own.length).toBeGreaterThanOrEqual(2);
      else expect(own.length).toBeGreaterThanOrEqual(4);
      expect(own.length).toBeLessThanOrEqual(8);
      for (const t of own) expect(t.code).toMatch(new RegExp(`^${code}\\d{3}$`));
    }
    expect(new Set(regions.map((r) => r.code)).size).toBe(regions.length);
    expect(regions.every((r) => r.nameEn.length > 0)).toBe(true);
    expect(towns.find((t) => t.name === '巴公镇')?.parentCode).toBe('140525');
    expect(towns.find((t) => t.name === '米山镇')?.parentCode).toBe('140581');
  });
});

describe('generateDemoData: departments', () => {
  it('has the city departments with their industries', () => {
    expect(deptByKey.get('city-yjj')).toMatchObject({ name: '晋城市应急管理局', kind: 'government', industries: [], regionCode: '140500' });
    expect(deptByKey.get('city-energy')).toMatchObject({ kind: 'industry', industries: ['coal'], regionCode: '140500' });
    for (const key of ['city-zjj', 'city-jtj', 'city-scjg', 'city-fire', 'city-sthj', 'city-jyj', 'city-wlj', 'city-gxj']) {
      expect(deptByKey.get(key)?.kind, key).toBe('industry');
    }
  });

  it('has county bureaus, with an energy bureau in every coal county but 城区 and the zone', () => {
    for (const slug of ['chengqu', 'qinshui', 'yangcheng', 'lingchuan', 'zezhou', 'gaoping', 'kfq']) {
      expect(deptByKey.get(`${slug}-yjj`)?.kind).toBe('government');
      expect(deptByKey.get(`${slug}-zjj`)?.industries).toEqual(['construction', 'municipal']);
      expect(deptByKey.get(`${slug}-jtj`)?.industries).toEqual(['roadTransport']);
      expect(deptByKey.has(`${slug}-energy`)).toBe(!['chengqu', 'kfq'].includes(slug));
    }
    expect(deptByKey.get('zezhou-yjj')?.name).toBe('泽州县应急管理局');
    expect(deptByKey.get('zezhou-yjj')?.regionCode).toBe('140525');
    expect(new Set(departments.map((d) => d.key)).size).toBe(departments.length);
    for (const d of departments) {
      expect(d.kind === 'government' ? d.industries.length === 0 : d.industries.length > 0, d.key).toBe(true);
    }
  });
});

describe('generateDemoData: enterprises', () => {
  it('has at least 300 enterprises covering every industry', () => {
    expect(enterprises.length).toBeGreaterThanOrEqual(300);
    const present = new Set(enterprises.map((e) => e.industry));
    for (const key of INDUSTRY_KEYS) expect(present.has(key), key).toBe(true);
    expect(new Set(enterprises.map((e) => e.key)).size).toBe(enterprises.length);
    expect(new Set(enterprises.map((e) => e.name)).size).toBe(enterprises.length);
  });

  it('has valid, unique credit codes whose region part is the county code', () => {
    for (const e of enterprises) {
      expect(validateUscc(e.uscc).valid, e.uscc).toBe(true);
      expect(e.uscc.slice(2, 8)).toBe(countyOf(e.regionCode));
    }
    expect(new Set(enterprises.map((e) => e.uscc)).size).toBe(enterprises.length);
  });

  it('has valid phone numbers everywhere', () => {
    for (const e of enterprises) {
      expect(isValidPhone(e.phone), e.phone).toBe(true);
      for (const a of e.assignments) if (a.responsiblePhone !== null) expect(isValidPhone(a.responsiblePhone)).toBe(true);
    }
  });

  it('places every enterprise in a town of a county-level division, inside Jincheng', () => {
    for (const e of enterprises) {
      const town = regionByCode.get(e.regionCode);
      expect(town?.level, e.key).toBe('town');
      const county = regionByCode.get(town?.parentCode ?? '');
      expect(['county', 'zone']).toContain(county?.level);
      expect(e.lng).toBeGreaterThanOrEqual(111.9);
      expect(e.lng).toBeLessThanOrEqual(113.6);
      expect(e.lat).toBeGreaterThanOrEqual(35.2);
      expect(e.lat).toBeLessThanOrEqual(36.1);
      expect(e.address.startsWith('山西省晋城市')).toBe(true);
      expect(e.address).toContain(town?.name ?? '?');
    }
  });

  it('has sensible field values', () => {
    for (const e of enterprises) {
      expect(['A', 'B', 'C', 'D']).toContain(e.supervisionClass);
      expect(['operating', 'suspended', 'closed']).toContain(e.status);
      expect(e.employees).toBeGreaterThan(0);
      expect(e.standardizationGrade === null).toBe(e.standardizationExpiry === null);
      expect(e.insuranceStatus === 'uninsured').toBe(e.insurer === null);
      for (const l of e.licences) {
        expect(l.validFrom < l.validTo).toBe(true);
        expect(l.number.length).toBeGreaterThan(0);
      }
    }
    const statuses = new Set(enterprises.map((e) => e.status));
    expect(statuses).toEqual(new Set(['operating', 'suspended', 'closed']));
    const operating = enterprises.filter((e) => e.status === 'operating').length;
    expect(operating / enterprises.length).toBeGreaterThan(0.8);
    const coalGrades = enterprises.filter((e) => e.industry === 'coal').map((e) => e.standardizationGrade);
    expect(coalGrades.filter((g) => g === 1 || g === 2).length / coalGrades.length).toBeGreaterThan(0.7);
    const highRisk = enterprises.filter((e) => industryByKey(e.industry)?.highRisk);
    expect(highRisk.filter((e) => e.insuranceStatus === 'insured').length / highRisk.length).toBeGreaterThan(0.7);
    expect(highRisk.some((e) => e.insuranceStatus === 'uninsured')).toBe(true);
    expect(highRisk.some((e) => e.insuranceStatus === 'expired')).toBe(true);
  });

  it('gives licences that fit the industry, some expired and some expiring within 90 days', () => {
    const kinds = (key: string) => new Set(enterprises.filter((e) => e.industry === key).flatMap((e) => e.licences.map((l) => l.kind)));
    expect(kinds('coal')).toContain('安全生产许可证');
    expect(kinds('coal')).toContain('采矿许可证');
    expect(kinds('hazchem')).toContain('危险化学品经营许可证');
    expect(kinds('construction')).toContain('建筑施工企业安全生产许可证');
    expect(kinds('roadTransport')).toContain('道路运输经营许可证');
    expect(kinds('specialEquipment')).toContain('特种设备使用登记证');
    expect(kinds('hazWaste')).toContain('危险废物经营许可证');
    const all = enterprises.flatMap((e) => e.licences);
    expect(all.some((l) => /^（晋）MK安许证字〔\d{4}〕\d{4}$/.test(l.number))).toBe(true);
    const soon = addDays(DEMO_REFERENCE_DATE, 90);
    expect(all.filter((l) => l.validTo < DEMO_REFERENCE_DATE).length).toBeGreaterThanOrEqual(5);
    expect(all.filter((l) => l.validTo >= DEMO_REFERENCE_DATE && l.validTo <= soon).length).toBeGreaterThanOrEqual(5);
  });

  it('has the two fixed demo enterprises', () => {
    const coal = entByKey.get('demo-coal');
    expect(coal).toMatchObject({
      name: '山西泽州天泰煤业有限公司',
      industry: 'coal',
      supervisionClass: 'B',
      insuranceStatus: 'insured',
      standardizationGrade: 2,
      status: 'operating',
    });
    expect(countyOf(coal?.regionCode ?? '')).toBe('140525');
    const chem = entByKey.get('demo-chem');
    expect(chem).toMatchObject({ name: '高平市华晟化工有限公司', industry: 'hazchem', status: 'operating' });
    expect(countyOf(chem?.regionCode ?? '')).toBe('140581');
    for (const e of [coal, chem]) {
      expect(e?.assignments.length).toBeGreaterThan(0);
      expect(e?.assignments.every((a) => a.responsiblePerson !== null)).toBe(true);
      expect(e?.licences.every((l) => l.validTo > addDays(DEMO_REFERENCE_DATE, 90))).toBe(true);
    }
  });

  it('has 3–4 groups with 3–10 subsidiaries each, spread over counties', () => {
    const groups = enterprises.filter((e) => e.isGroup);
    expect(groups.length).toBeGreaterThanOrEqual(3);
    expect(groups.length).toBeLessThanOrEqual(4);
    for (const g of groups) {
      expect(g.groupKey).toBeNull();
      const subs = enterprises.filter((e) => e.groupKey === g.key);
      expect(subs.length, g.name).toBeGreaterThanOrEqual(3);
      expect(subs.length, g.name).toBeLessThanOrEqual(10);
      expect(new Set(subs.map((s) => countyOf(s.regionCode))).size).toBeGreaterThanOrEqual(2);
    }
    for (const e of enterprises) {
      if (e.groupKey !== null) expect(entByKey.get(e.groupKey)?.isGroup, e.key).toBe(true);
    }
    const coalGroup = groups.find((g) => g.industry === 'coal');
    expect(coalGroup?.name).toMatch(/集团有限责任公司$/);
    expect(countyOf(coalGroup?.regionCode ?? '')).toBe('140502');
    expect(groups.some((g) => g.industry === 'hazchem')).toBe(true);
  });
});

describe('generateDemoData: supervision assignments', () => {
  it('points every assignment at an existing department of the same county or the city', () => {
    for (const e of enterprises) {
      const county = countyOf(e.regionCode);
      for (const a of e.assignments) {
        const d = deptByKey.get(a.departmentKey);
        expect(d, a.departmentKey).toBeDefined();
        expect([county, '140500'], `${e.key} → ${a.departmentKey}`).toContain(d?.regionCode);
      }
      if (e.assignments.length > 0) expect(e.assignments.filter((a) => a.primary)).toHaveLength(1);
    }
  });

  it('gives coal mines their county energy bureau as primary and the city one as secondary', () => {
    const mines = enterprises.filter((e) => e.industry === 'coal' && !e.isGroup && e.assignments.length > 0);
    for (const e of mines) {
      const primary = e.assignments.find((a) => a.primary);
      expect(primary?.departmentKey).toMatch(/-energy$/);
      expect(deptByKey.get(primary?.departmentKey ?? '')?.regionCode).toBe(countyOf(e.regionCode));
      expect(e.assignments.some((a) => !a.primary && a.departmentKey === 'city-energy')).toBe(true);
    }
    const chem = enterprises.filter((e) => e.industry === 'hazchem' && e.assignments.length > 0);
    for (const e of chem) expect(e.assignments.find((a) => a.primary)?.departmentKey).toMatch(/-yjj$/);
  });

  it('leaves the deliberate gaps for the 一张表 page to flag', () => {
    const none = enterprises.filter((e) => e.assignments.length === 0);
    const unnamed = enterprises.filter((e) => e.assignments.some((a) => a.responsiblePerson === null));
    expect(none).toHaveLength(GAP_COUNTS.noAssignment);
    expect(unnamed).toHaveLength(GAP_COUNTS.noResponsiblePerson);
    expect(none.length).toBeGreaterThanOrEqual(5);
    expect(unnamed.length).toBeGreaterThanOrEqual(5);
    for (const e of unnamed) {
      for (const a of e.assignments) expect(a.responsiblePerson === null).toBe(a.responsiblePhone === null);
    }
    const named = enterprises.filter((e) => e.assignments.length > 0 && !unnamed.includes(e));
    expect(named.every((e) => e.assignments.every((a) => a.responsiblePerson && a.responsiblePhone))).toBe(true);
  });
});

describe('generateDemoData: users', () => {
  it('has exactly the demo users with their kinds and roles', () => {
    const expected: Record<string, { kind: string; roles: string[]; departmentKey?: string; enterpriseKey?: string }> = {
      admin: { kind: 'platform', roles: ['system-admin'] },
      secadmin: { kind: 'platform', roles: ['security-admin'] },
      auditor: { kind: 'platform', roles: ['audit-admin'] },
      city: { kind: 'government', departmentKey: 'city-yjj', roles: ['regulator-admin'] },
      zezhou: { kind: 'government', departmentKey: 'zezhou-yjj', roles: ['regulator-admin'] },
      gaoping: { kind: 'government', departmentKey: 'gaoping-yjj', roles: ['regulator-admin'] },
      energy: { kind: 'industry', departmentKey: 'city-energy', roles: ['regulator'] },
      'ent-coal': { kind: 'enterprise', enterpriseKey: 'demo-coal', roles: ['enterprise-manager'] },
      'ent-chem': { kind: 'enterprise', enterpriseKey: 'demo-chem', roles: ['enterprise-manager'] },
      'ent-chem2': { kind: 'enterprise', enterpriseKey: 'demo-chem', roles: ['enterprise-manager'] },
      'worker-chem': { kind: 'enterprise', enterpriseKey: 'demo-chem', roles: ['enterprise-worker'] },
      'group-coal': { kind: 'group', enterpriseKey: 'group-coal', roles: ['group-manager'] },
      chengqu: { kind: 'government', departmentKey: 'chengqu-yjj', roles: ['regulator-admin'] },
      qinshui: { kind: 'government', departmentKey: 'qinshui-yjj', roles: ['regulator-admin'] },
      yangcheng: { kind: 'government', departmentKey: 'yangcheng-yjj', roles: ['regulator-admin'] },
      lingchuan: { kind: 'government', departmentKey: 'lingchuan-yjj', roles: ['regulator-admin'] },
      kfq: { kind: 'government', departmentKey: 'kfq-yjj', roles: ['regulator-admin'] },
    };
    expect(users.map((u) => u.username).sort()).toEqual(Object.keys(expected).sort());
    for (const u of users) {
      const { kind, roles, departmentKey, enterpriseKey } = u;
      expect({ kind, roles, departmentKey, enterpriseKey }, u.username).toEqual({
        departmentKey: undefined,
        enterpriseKey: undefined,
        ...expected[u.username],
      });
      if (departmentKey) expect(deptByKey.has(departmentKey)).toBe(true);
      if (enterpriseKey) expect(entByKey.has(enterpriseKey)).toBe(true);
      expect(u.displayName).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(entByKey.get('group-coal')?.isGroup).toBe(true);
    expect(entByKey.get('group-coal')?.industry).toBe('coal');
    expect(users.find((u) => u.username === 'zezhou')?.displayName.startsWith('泽州县应急管理局 ')).toBe(true);
  });
});
