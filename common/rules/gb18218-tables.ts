/**
 * GB 18218-2018《危险化学品重大危险源辨识》tables as data (regulations.md §6): Table 1 (the 85 named
 * chemicals and their critical quantities), Table 2 (hazard categories for chemicals not named in
 * Table 1, with Table 4's β), Table 3 (β of common toxic gases), Table 5 (α by exposed population)
 * and Table 6 (grades). Quantities in tonnes.
 *
 * Provenance (from the reference): two community transcriptions that agree on every quantity; check
 * against the official standard before production use.
 *
 * `category` on a Table 1 entry is the Table 2 hazard category Taihang uses for its β when the
 * chemical is not a Table 3 toxic gas (the standard takes β from Table 4 "by its hazard category").
 * These are Taihang's GHS classifications under normal conditions (an ASSUMPTION, not part of the
 * standard's Table 1); a caller who classifies differently passes `category` with the chemical.
 */

export type Gb18218Category =
  | 'J1'
  | 'J2'
  | 'J3'
  | 'J4'
  | 'J5'
  | 'W1.1'
  | 'W1.2'
  | 'W1.3'
  | 'W2'
  | 'W3'
  | 'W4'
  | 'W5.1'
  | 'W5.2'
  | 'W5.3'
  | 'W5.4'
  | 'W6.1'
  | 'W6.2'
  | 'W7.1'
  | 'W7.2'
  | 'W8'
  | 'W9.1'
  | 'W9.2'
  | 'W10'
  | 'W11';

export interface Table1Entry {
  /** Row number in Table 1 (1–85). */
  no: number;
  name: string;
  aliases: string[];
  cas: string[];
  /** Critical quantity Q (临界量), t. */
  Q: number;
  /** Hazard category used for Table 4's β when the chemical is not in Table 3 (see the file comment). */
  category: Gb18218Category;
}

const e = (no: number, name: string, aliases: string[], cas: string[], Q: number, category: Gb18218Category): Table1Entry => ({
  no,
  name,
  aliases,
  cas,
  Q,
  category,
});

/** Table 1: named hazardous chemicals and their critical quantities. */
export const GB18218_TABLE1: readonly Table1Entry[] = [
  e(1, '氨', ['液氨', '氨气'], ['7664-41-7'], 10, 'J3'),
  e(2, '二氟化氧', ['一氧化二氟'], ['7783-41-7'], 1, 'J1'),
  e(3, '二氧化氮', [], ['10102-44-0'], 1, 'J3'),
  e(4, '二氧化硫', [], ['7446-09-5'], 20, 'J3'),
  e(5, '氟', [], ['7782-41-4'], 1, 'J3'),
  e(6, '碳酰氯', ['光气'], ['75-44-5'], 0.3, 'J1'),
  e(7, '环氧乙烷', [], ['75-21-8'], 10, 'W2'),
  e(8, '甲醛（含量>90%）', ['甲醛'], ['50-00-0'], 5, 'J3'),
  e(9, '磷化氢', [], ['7803-51-2'], 1, 'J1'),
  e(10, '硫化氢', [], ['7783-06-4'], 5, 'J3'),
  e(11, '氯化氢（无水）', ['氯化氢'], ['7647-01-0'], 20, 'J3'),
  e(12, '氯', ['液氯', '氯气'], ['7782-50-5'], 5, 'J3'),
  e(13, '煤气（CO，CO和H2、CH4的混合物等）', ['煤气'], [], 20, 'J3'),
  e(14, '砷化氢', [], ['7784-42-1'], 1, 'J3'),
  e(15, '锑化氢', [], ['7803-52-3'], 1, 'J3'),
  e(16, '硒化氢', [], ['7783-07-5'], 1, 'J3'),
  e(17, '溴甲烷', ['甲基溴'], ['74-83-9'], 10, 'J3'),
  e(18, '丙酮氰醇', [], ['75-86-5'], 20, 'J5'),
  e(19, '丙烯醛', [], ['107-02-8'], 20, 'J2'),
  e(20, '氟化氢', [], ['7664-39-3'], 1, 'J3'),
  e(21, '1-氯-2,3-环氧丙烷', ['环氧氯丙烷'], ['106-89-8'], 20, 'J5'),
  e(22, '3-溴-1,2-环氧丙烷', ['环氧溴丙烷'], ['3132-64-7'], 20, 'J5'),
  e(23, '甲苯二异氰酸酯', ['TDI'], ['26471-62-5'], 100, 'J5'),
  e(24, '一氯化硫', [], ['10025-67-9'], 1, 'J5'),
  e(25, '氰化氢', [], ['74-90-8'], 1, 'J1'),
  e(26, '三氧化硫', [], ['7446-11-9'], 75, 'J5'),
  e(27, '3-氨基丙烯', ['烯丙胺'], ['107-11-9'], 20, 'J5'),
  e(28, '溴', [], ['7726-95-6'], 20, 'J5'),
  e(29, '乙撑亚胺', ['氮丙啶'], ['151-56-4'], 20, 'J5'),
  e(30, '异氰酸甲酯', [], ['624-83-9'], 0.75, 'J2'),
  e(31, '叠氮化钡', [], ['18810-58-7'], 0.5, 'W1.1'),
  e(32, '叠氮化铅', [], ['13424-46-9'], 0.5, 'W1.1'),
  e(33, '雷汞', [], ['628-86-4'], 0.5, 'W1.1'),
  e(34, '三硝基苯甲醚', [], ['28653-16-9'], 5, 'W1.1'),
  e(35, '2,4,6-三硝基甲苯', ['TNT'], ['118-96-7'], 5, 'W1.1'),
  e(36, '硝化甘油', [], ['55-63-0'], 1, 'W1.1'),
  e(37, '硝化纤维素［干的或含水（或乙醇）<25%］', [], ['9004-70-0'], 1, 'W1.1'),
  e(38, '硝化纤维素（未改型的，或增塑的，含增塑剂<18%）', [], ['9004-70-0'], 1, 'W1.1'),
  e(39, '硝化纤维素（含乙醇≥25%）', [], ['9004-70-0'], 10, 'W1.2'),
  e(40, '硝化纤维素（含氮≤12.6%）', [], ['9004-70-0'], 50, 'W10'),
  e(41, '硝化纤维素（含水≥25%）', [], ['9004-70-0'], 50, 'W10'),
  e(42, '硝化纤维素溶液（含氮量≤12.6%，含硝化纤维素≤55%）', [], ['9004-70-0'], 50, 'W5.3'),
  e(43, '硝酸铵（含可燃物>0.2%）', [], ['6484-52-2'], 5, 'W1.1'),
  e(44, '硝酸铵（含可燃物≤0.2%）', [], ['6484-52-2'], 50, 'W9.2'),
  e(45, '硝酸铵肥料（含可燃物≤0.4%）', ['硝酸铵肥料'], [], 200, 'W9.2'),
  e(46, '硝酸钾', [], ['7757-79-1'], 1000, 'W9.2'),
  e(47, '1,3-丁二烯', ['丁二烯'], ['106-99-0'], 5, 'W2'),
  e(48, '二甲醚', [], ['115-10-6'], 50, 'W2'),
  e(49, '甲烷、天然气', ['甲烷', '天然气'], ['74-82-8', '8006-14-2'], 50, 'W2'),
  e(50, '氯乙烯', [], ['75-01-4'], 50, 'W2'),
  e(51, '氢', ['氢气'], ['1333-74-0'], 5, 'W2'),
  e(52, '液化石油气（含丙烷、丁烷及其混合物）', ['液化石油气', 'LPG'], ['68476-85-7'], 50, 'W2'),
  e(53, '一甲胺', ['甲胺'], ['74-89-5'], 5, 'W2'),
  e(54, '乙炔', [], ['74-86-2'], 1, 'W2'),
  e(55, '乙烯', [], ['74-85-1'], 50, 'W2'),
  e(56, '氧（压缩的或液化的）', ['氧', '氧气', '液氧'], ['7782-44-7'], 200, 'W4'),
  e(57, '苯', [], ['71-43-2'], 50, 'W5.3'),
  e(58, '苯乙烯', [], ['100-42-5'], 500, 'W5.4'),
  e(59, '丙酮', [], ['67-64-1'], 500, 'W5.3'),
  e(60, '2-丙烯腈', ['丙烯腈'], ['107-13-1'], 50, 'W5.3'),
  e(61, '二硫化碳', [], ['75-15-0'], 50, 'W5.1'),
  e(62, '环己烷', [], ['110-82-7'], 500, 'W5.3'),
  e(63, '1,2-环氧丙烷', ['环氧丙烷'], ['75-56-9'], 10, 'W5.1'),
  e(64, '甲苯', [], ['108-88-3'], 500, 'W5.3'),
  e(65, '甲醇', [], ['67-56-1'], 500, 'W5.3'),
  e(66, '汽油（乙醇汽油、甲醇汽油）', ['汽油', '乙醇汽油', '甲醇汽油'], ['86290-81-5'], 200, 'W5.1'),
  e(67, '乙醇', ['酒精'], ['64-17-5'], 500, 'W5.3'),
  e(68, '乙醚', [], ['60-29-7'], 10, 'W5.1'),
  e(69, '乙酸乙酯', [], ['141-78-6'], 500, 'W5.3'),
  e(70, '正己烷', [], ['110-54-3'], 500, 'W5.3'),
  e(71, '过乙酸', ['过氧乙酸'], ['79-21-0'], 10, 'W7.1'),
  e(72, '过氧化甲基乙基酮（10%<有效氧≤10.7%，含A型稀释剂≥48%）', ['过氧化甲基乙基酮'], ['1338-23-4'], 10, 'W7.1'),
  e(73, '白磷', ['黄磷'], ['12185-10-3'], 50, 'W8'),
  e(74, '烷基铝', [], [], 1, 'W8'),
  e(75, '戊硼烷', [], ['19624-22-7'], 1, 'W8'),
  e(76, '过氧化钾', [], ['17014-71-0'], 20, 'W9.1'),
  e(77, '过氧化钠', [], ['1313-60-6'], 20, 'W9.1'),
  e(78, '氯酸钾', [], ['3811-04-9'], 100, 'W9.1'),
  e(79, '氯酸钠', [], ['7775-09-9'], 100, 'W9.1'),
  e(80, '发烟硝酸', [], ['52583-42-3'], 20, 'W9.1'),
  e(81, '硝酸（发红烟的除外，含硝酸>70%）', ['硝酸'], ['7697-37-2'], 100, 'W9.2'),
  e(82, '硝酸胍', [], ['506-93-4'], 50, 'W9.2'),
  e(83, '碳化钙', ['电石'], ['75-20-7'], 100, 'W11'),
  e(84, '钾', [], ['7440-09-7'], 1, 'W11'),
  e(85, '钠', [], ['7440-23-5'], 10, 'W11'),
];

export interface Table2Entry {
  code: Gb18218Category;
  zh: string;
  en: string;
  Q: number;
  /** β of Table 4 for this category. */
  beta: number;
}

/** Table 2 with Table 4's β: hazard categories for chemicals not named in Table 1. */
export const GB18218_TABLE2: readonly Table2Entry[] = [
  { code: 'J1', zh: '急性毒性 类别1，所有暴露途径，气体', en: 'Acute toxicity cat. 1, all routes, gases', Q: 5, beta: 4 },
  { code: 'J2', zh: '急性毒性 类别1，所有暴露途径，固体、液体', en: 'Acute toxicity cat. 1, all routes, solids and liquids', Q: 50, beta: 1 },
  { code: 'J3', zh: '急性毒性 类别2、3，所有暴露途径，气体', en: 'Acute toxicity cat. 2 and 3, all routes, gases', Q: 50, beta: 2 },
  { code: 'J4', zh: '急性毒性 类别2、3，吸入途径，液体（沸点≤35℃）', en: 'Acute toxicity cat. 2 and 3, inhalation, liquids (b.p. ≤ 35 °C)', Q: 50, beta: 2 },
  {
    code: 'J5',
    zh: '急性毒性 类别2，所有暴露途径，液体（除J4外）、固体',
    en: 'Acute toxicity cat. 2, all routes, liquids (other than J4) and solids',
    Q: 500,
    beta: 1,
  },
  { code: 'W1.1', zh: '不稳定爆炸物；1.1项爆炸物', en: 'Unstable explosives; division 1.1', Q: 1, beta: 2 },
  { code: 'W1.2', zh: '1.2、1.3、1.5、1.6项爆炸物', en: 'Explosives, divisions 1.2, 1.3, 1.5, 1.6', Q: 10, beta: 2 },
  { code: 'W1.3', zh: '1.4项爆炸物', en: 'Explosives, division 1.4', Q: 50, beta: 2 },
  { code: 'W2', zh: '易燃气体 类别1和类别2', en: 'Flammable gases cat. 1 and 2', Q: 10, beta: 1.5 },
  { code: 'W3', zh: '气溶胶 类别1和类别2（净重）', en: 'Aerosols cat. 1 and 2 (net weight)', Q: 150, beta: 1 },
  { code: 'W4', zh: '氧化性气体 类别1', en: 'Oxidizing gases cat. 1', Q: 50, beta: 1 },
  { code: 'W5.1', zh: '易燃液体 类别1；类别2和3且工作温度高于沸点', en: 'Flammable liquids cat. 1; cat. 2 and 3 above their boiling point', Q: 10, beta: 1.5 },
  {
    code: 'W5.2',
    zh: '易燃液体 类别2和3，具有引发重大事故的特殊工艺条件',
    en: 'Flammable liquids cat. 2 and 3 under special process conditions',
    Q: 50,
    beta: 1,
  },
  { code: 'W5.3', zh: '不属于W5.1或W5.2的其他类别2易燃液体', en: 'Other flammable liquids cat. 2', Q: 1000, beta: 1 },
  { code: 'W5.4', zh: '不属于W5.1或W5.2的其他类别3易燃液体', en: 'Other flammable liquids cat. 3', Q: 5000, beta: 1 },
  { code: 'W6.1', zh: 'A型和B型自反应物质和混合物', en: 'Self-reactive substances types A and B', Q: 10, beta: 1.5 },
  { code: 'W6.2', zh: 'C型、D型、E型自反应物质和混合物', en: 'Self-reactive substances types C, D, E', Q: 50, beta: 1 },
  { code: 'W7.1', zh: 'A型和B型有机过氧化物', en: 'Organic peroxides types A and B', Q: 10, beta: 1.5 },
  { code: 'W7.2', zh: 'C型、D型、E型、F型有机过氧化物', en: 'Organic peroxides types C, D, E, F', Q: 50, beta: 1 },
  { code: 'W8', zh: '自燃液体、自燃固体 类别1', en: 'Pyrophoric liquids and solids cat. 1', Q: 50, beta: 1 },
  { code: 'W9.1', zh: '氧化性固体和液体 类别1', en: 'Oxidizing solids and liquids cat. 1', Q: 50, beta: 1 },
  { code: 'W9.2', zh: '氧化性固体和液体 类别2、3', en: 'Oxidizing solids and liquids cat. 2 and 3', Q: 200, beta: 1 },
  { code: 'W10', zh: '易燃固体 类别1', en: 'Flammable solids cat. 1', Q: 200, beta: 1 },
  { code: 'W11', zh: '遇水放出易燃气体的物质和混合物 类别1和类别2', en: 'Substances emitting flammable gases with water cat. 1 and 2', Q: 200, beta: 1 },
];

/**
 * Table 3: β of common toxic gases, by Table 1 row number. 一氧化碳 has no Table 1 row: 煤气 (CO and
 * its mixtures, row 13) takes CO's β; pure CO is handled in major-hazard-source.ts.
 */
export const GB18218_TABLE3_BETA: ReadonlyMap<number, number> = new Map([
  [13, 2], // 一氧化碳 (煤气)
  [4, 2], // 二氧化硫
  [1, 2], // 氨
  [7, 2], // 环氧乙烷
  [11, 3], // 氯化氢
  [17, 3], // 溴甲烷
  [12, 4], // 氯
  [10, 5], // 硫化氢
  [20, 5], // 氟化氢
  [3, 10], // 二氧化氮
  [25, 10], // 氰化氢
  [6, 20], // 碳酰氯
  [9, 20], // 磷化氢
  [30, 20], // 异氰酸甲酯
]);

/**
 * Pure carbon monoxide: in Table 3 (β = 2) but not named in Table 1; UNVERIFIED (reference §6.2) how
 * the standard places it. Taihang takes the smallest Q of its categories (flammable gas W2, 10 t;
 * toxic gas J3, 50 t), as 4.2 prescribes for a chemical with several categories.
 */
export const CARBON_MONOXIDE = { name: '一氧化碳', aliases: ['CO'], cas: ['630-08-0'], category: 'W2' as Gb18218Category, Q: 10, beta: 2 };

/** Table 5: α by the number of people normally resident within 500 m of the plant boundary. */
export const GB18218_TABLE5 = [
  { min: 100, alpha: 2.0, label: '100人以上' },
  { min: 50, alpha: 1.5, label: '50～99人' },
  { min: 30, alpha: 1.2, label: '30～49人' },
  { min: 1, alpha: 1.0, label: '1～29人' },
  { min: 0, alpha: 0.5, label: '0人' },
] as const;

/** Table 6: grade by R (一级 highest); each limit is the lowest R of its grade. */
export const GB18218_TABLE6 = [
  { grade: 1, min: 100, zh: '一级', en: 'Grade I' },
  { grade: 2, min: 50, zh: '二级', en: 'Grade II' },
  { grade: 3, min: 10, zh: '三级', en: 'Grade III' },
  { grade: 4, min: Number.NEGATIVE_INFINITY, zh: '四级', en: 'Grade IV' },
] as const;
