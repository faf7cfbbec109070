import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type IndicatorKey, JINCHENG_2021_PLAN } from './jincheng-2021.js';

// The notice as published (晋市政发〔2021〕1号, 此件公开发布), kept beside the plan so the quotation checks
// always run: a missing file fails here instead of skipping.
const notice = readFileSync(new URL('./jincheng-2021.notice.txt', import.meta.url), 'utf8');

/** Drop whitespace (page breaks, PDF spacing) and the source's markdown emphasis markers. */
const squash = (s: string): string => s.replace(/\s+/g, '').replace(/\*\*/g, '');

const KEYS: readonly IndicatorKey[] = [
  'leaderLecture',
  'monthlySafetyMeeting',
  'supervisionTableComplete',
  'groupInspections',
  'hazchemFourSystems',
  'officerTraining',
  'equipmentPerOfficer',
  'intelligentMiningFaces',
  'standardizationCoal',
  'standardizationHighRisk',
  'liabilityInsurance',
  'fatalAccidentActions',
  'taskOnTime',
];

describe('JINCHENG_2021_PLAN', () => {
  const { items } = JINCHENG_2021_PLAN;

  it('identifies the notice', () => {
    expect(JINCHENG_2021_PLAN.year).toBe(2021);
    expect(JINCHENG_2021_PLAN.issuer).toBe('晋城市人民政府');
    expect(JINCHENG_2021_PLAN.document).toBe('晋市政发〔2021〕1号');
    expect(JINCHENG_2021_PLAN.title).toContain('关于做好2021年安全生产和应急管理工作的通知');
  });

  it('has 27 items numbered 1..27 in order', () => {
    expect(items).toHaveLength(27);
    expect(items.map((item) => item.number)).toEqual(Array.from({ length: 27 }, (_, i) => i + 1));
  });

  it('gives every item a section, title, English title, non-empty text and responsible units', () => {
    for (const item of items) {
      expect(item.section, `item ${item.number}`).toMatch(/^[一二三四五六七八]、\S+/);
      expect(item.title.trim(), `item ${item.number}`).not.toBe('');
      expect(item.titleEn.trim(), `item ${item.number}`).not.toBe('');
      expect(item.text.trim(), `item ${item.number}`).not.toBe('');
      expect(item.text.startsWith(item.title), `item ${item.number}`).toBe(true);
      expect(item.responsibleUnits.length, `item ${item.number}`).toBeGreaterThan(0);
    }
  });

  it('keeps sections in document order with eight sections', () => {
    const sections = [...new Set(items.map((item) => item.section))];
    expect(sections).toHaveLength(8);
    expect(sections.map((s) => s[0])).toEqual(['一', '二', '三', '四', '五', '六', '七', '八']);
    expect(sections[0]).toBe('一、提高政治站位，压实安全责任');
  });

  it('uses only known indicator keys, unique per item, with a taskOnTime on every item', () => {
    for (const item of items) {
      const keys = item.indicators.map((ind) => ind.key);
      expect(new Set(keys).size, `item ${item.number}`).toBe(keys.length);
      expect(keys, `item ${item.number}`).toContain('taskOnTime');
      for (const ind of item.indicators) {
        expect(KEYS, `item ${item.number}`).toContain(ind.key);
        expect(ind.name.trim()).not.toBe('');
        expect(ind.nameEn.trim()).not.toBe('');
        expect(ind.target.trim()).not.toBe('');
      }
    }
  });

  it('places each quote inside its own item text', () => {
    for (const item of items) {
      for (const ind of item.indicators) {
        expect(item.text, `item ${item.number} ${ind.key}`).toContain(ind.quote);
      }
    }
  });

  it('places every measurable requirement once, on the expected item', () => {
    const placement = new Map<IndicatorKey, number[]>();
    for (const item of items) {
      for (const ind of item.indicators) {
        if (ind.key !== 'taskOnTime') placement.set(ind.key, [...(placement.get(ind.key) ?? []), item.number]);
      }
    }
    expect(Object.fromEntries(placement)).toEqual({
      leaderLecture: [1],
      monthlySafetyMeeting: [2],
      supervisionTableComplete: [3],
      groupInspections: [4],
      hazchemFourSystems: [9],
      officerTraining: [12],
      equipmentPerOfficer: [14],
      intelligentMiningFaces: [18],
      liabilityInsurance: [20],
      standardizationCoal: [20],
      standardizationHighRisk: [20],
      fatalAccidentActions: [27],
    });
  });

  it('quotes every item text from the notice (ignoring whitespace)', () => {
    expect(notice).toContain('晋市政发〔2021〕1号');
    const source = squash(notice);
    for (const item of items) {
      expect(source.includes(squash(item.text)), `item ${item.number}`).toBe(true);
      expect(source.includes(squash(`${item.number}.${item.title}。`)), `item ${item.number} heading`).toBe(true);
    }
  });

  it('quotes every indicator verbatim from the notice', () => {
    for (const item of items) {
      for (const ind of item.indicators) {
        expect(notice.includes(ind.quote), `item ${item.number} ${ind.key}: ${ind.quote}`).toBe(true);
      }
    }
  });
});
