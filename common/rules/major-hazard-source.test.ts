import { describe, expect, it } from 'vitest';
import { GB18218_TABLE1, GB18218_TABLE2, GB18218_TABLE3_BETA } from './gb18218-tables.js';
import {
  alphaOf,
  assessMajorHazard,
  findNamed,
  gradeOf,
  type MajorHazardGrade,
  resolveSubstance,
  searchSubstances,
  unresolvedSubstances,
} from './major-hazard-source.js';

describe('GB 18218-2018 tables as data', () => {
  it('Table 1 has all 85 named rows, numbered 1–85, and Table 2 all 24 categories', () => {
    expect(GB18218_TABLE1).toHaveLength(85);
    expect(GB18218_TABLE1.map((t) => t.no)).toEqual(Array.from({ length: 85 }, (_, i) => i + 1));
    expect(GB18218_TABLE2).toHaveLength(24);
    for (const t of GB18218_TABLE1) expect(GB18218_TABLE2.some((c) => c.code === t.category)).toBe(true);
  });

  it('spot checks of Table 1 quantities', () => {
    const q = (name: string) => findNamed({ name })?.Q;
    expect(q('光气')).toBe(0.3);
    expect(q('异氰酸甲酯')).toBe(0.75);
    expect(q('液氯')).toBe(5);
    expect(q('液氨')).toBe(10);
    expect(q('天然气')).toBe(50);
    expect(q('电石')).toBe(100);
    expect(q('硝酸钾')).toBe(1000);
    expect(q('乙醇')).toBe(500);
  });

  it('Table 3 covers the 14 listed toxic gases (CO through 煤气 and pure CO)', () => {
    expect(GB18218_TABLE3_BETA.size).toBe(14);
    expect(resolveSubstance({ name: '氯', quantityTonnes: 1 })).toMatchObject({ beta: 4, betaTable: 3 });
    expect(resolveSubstance({ name: '光气', quantityTonnes: 1 })).toMatchObject({ beta: 20, Q: 0.3 });
    expect(resolveSubstance({ cas: '630-08-0', quantityTonnes: 1 })).toMatchObject({ name: '一氧化碳', beta: 2, betaTable: 3 });
  });
});

describe('finding a substance by CAS, name (with aliases) or category', () => {
  it('by CAS, Chinese name or alias, ignoring bracket style and spaces', () => {
    expect(findNamed({ cas: '7782-50-5' })?.name).toBe('氯');
    expect(findNamed({ name: '氯气' })?.name).toBe('氯');
    expect(findNamed({ name: ' 甲醛(含量>90%) ' })?.no).toBe(8);
    expect(findNamed({ name: '环氧氯丙烷' })?.cas).toEqual(['106-89-8']);
  });

  it('a CAS shared by several rows takes the smallest Q unless the name picks one', () => {
    expect(findNamed({ cas: '9004-70-0' })?.Q).toBe(1);
    expect(findNamed({ cas: '9004-70-0', name: '硝化纤维素（含水≥25%）' })?.Q).toBe(50);
    expect(findNamed({ name: '硝酸铵' })?.Q).toBe(5);
  });

  it('a chemical outside Table 1 is graded by its Table 2 category; an unknown one is refused', () => {
    expect(resolveSubstance({ name: '某溶剂', category: 'W5.3', quantityTonnes: 1 })).toMatchObject({ Q: 1000, beta: 1, table: 2 });
    expect(resolveSubstance({ category: 'j1', quantityTonnes: 1 })).toMatchObject({ Q: 5, beta: 4, category: 'J1' });
    expect(resolveSubstance({ name: '不存在的物质', quantityTonnes: 1 })).toBeUndefined();
    expect(resolveSubstance({ category: 'W99', quantityTonnes: 1 })).toBeUndefined();
    expect(
      unresolvedSubstances([
        { name: '氯', quantityTonnes: 1 },
        { name: '某物', quantityTonnes: 1 },
      ]),
    ).toEqual([1]);
  });

  it('a category given with a named chemical sets its β category (Table 3 gases keep theirs)', () => {
    expect(resolveSubstance({ name: '苯', category: 'W5.1', quantityTonnes: 1 })).toMatchObject({ Q: 50, beta: 1.5 });
    expect(resolveSubstance({ name: '氨', category: 'W2', quantityTonnes: 1 })).toMatchObject({ beta: 2, betaTable: 3 });
  });

  it('search lists Table 1 and Table 2 entries', () => {
    expect(searchSubstances('7664-41-7')[0]).toMatchObject({ kind: 'named', label: '氨（液氨、氨气）', Q: 10 });
    expect(searchSubstances('W5.3')[0]).toMatchObject({ kind: 'category', category: 'W5.3', Q: 1000 });
    expect(searchSubstances('', 200)).toHaveLength(85 + 24);
  });
});

describe('the reference worked examples (regulations.md §6.5)', () => {
  it('8 t chlorine + 30 t ammonia + 300 t ethanol, 60 residents → S = 5.2, R = 19.5, 三级', () => {
    const r = assessMajorHazard({
      exposedPopulation: 60,
      substances: [
        { name: '液氯', quantityTonnes: 8 },
        { cas: '7664-41-7', quantityTonnes: 30 },
        { name: '乙醇', quantityTonnes: 300 },
      ],
    });
    expect(r.S).toBe(5.2);
    expect(r.isMajor).toBe(true);
    expect(r.alpha).toBe(1.5);
    expect(r.R).toBe(19.5);
    expect(r.grade).toBe(3);
    expect(r.gradeName).toBe('三级');
    expect(r.terms.map((t) => [t.q, t.Q, t.beta, t.ratio, t.weighted])).toEqual([
      [8, 5, 4, 1.6, 6.4],
      [30, 10, 2, 3, 6],
      [300, 500, 1, 0.6, 0.6],
    ]);
    expect(r.source).toContain('GB 18218-2018');
  });

  it('5 t chlorine + 5 t ammonia with α 1.5 → S 1.5, R 7.5, 四级', () => {
    const r = assessMajorHazard({ exposedPopulation: 50, substances: [{ name: '氯' }, { name: '氨' }].map((s) => ({ ...s, quantityTonnes: 5 })) });
    expect(r).toMatchObject({ S: 1.5, isMajor: true, alpha: 1.5, R: 7.5, grade: 4 });
  });

  it('below the critical quantity it is not a major hazard installation and has no grade', () => {
    const r = assessMajorHazard({ exposedPopulation: 10, substances: [{ name: '甲醇', quantityTonnes: 100 }] });
    expect(r).toMatchObject({ S: 0.2, isMajor: false, grade: null });
  });

  it('S = 1 exactly is a major hazard installation (≥)', () => {
    expect(assessMajorHazard({ exposedPopulation: 0, substances: [{ name: '氢', quantityTonnes: 5 }] })).toMatchObject({
      S: 1,
      isMajor: true,
      alpha: 0.5,
      R: 0.75,
      grade: 4,
    });
  });
});

describe('Table 5 α and Table 6 grade boundaries', () => {
  it.each<[number, number]>([
    [0, 0.5],
    [1, 1.0],
    [29, 1.0],
    [30, 1.2],
    [49, 1.2],
    [50, 1.5],
    [99, 1.5],
    [100, 2.0],
    [5000, 2.0],
  ])('%i people → α %d', (people, alpha) => {
    expect(alphaOf(people)).toBe(alpha);
  });

  it.each<[number, MajorHazardGrade]>([
    [0.5, 4],
    [9.999, 4],
    [10, 3],
    [49.999, 3],
    [50, 2],
    [99.999, 2],
    [100, 1],
    [1000, 1],
  ])('R = %d → grade %i', (R, grade) => {
    expect(gradeOf(R)).toBe(grade);
  });

  it('grades at the boundaries through the whole computation', () => {
    // Chlorine (β 4, Q 5) with α 1.0: q chosen so that R lands on each limit.
    const at = (q: number, people: number) => assessMajorHazard({ exposedPopulation: people, substances: [{ name: '氯', quantityTonnes: q }] });
    expect(at(12.5, 10)).toMatchObject({ R: 10, grade: 3 }); // 1.0 × 4 × 2.5
    expect(at(62.5, 10)).toMatchObject({ R: 50, grade: 2 });
    expect(at(125, 10)).toMatchObject({ R: 100, grade: 1 });
    expect(at(12.4, 10).grade).toBe(4);
  });
});
