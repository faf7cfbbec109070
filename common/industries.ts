/**
 * Industries (行业领域) named in the 2021 Jincheng notice. The key is stable and used in data,
 * URLs and Excel imports; names are shown in the UI.
 * `highRisk` follows 安全生产责任保险实施办法 (安监总办〔2017〕140号) Art. 6: these sectors must
 * carry 安责险; it also drives which standardization grade the notice expects (item 20).
 */
export const INDUSTRIES = [
  { key: 'coal', zh: '煤矿', en: 'Coal mining', highRisk: true },
  { key: 'hazchem', zh: '危险化学品', en: 'Hazardous chemicals', highRisk: true },
  { key: 'nonCoalMine', zh: '非煤矿山', en: 'Non-coal mining', highRisk: true },
  { key: 'metallurgy', zh: '冶金', en: 'Metallurgy', highRisk: true },
  { key: 'construction', zh: '建筑施工', en: 'Construction', highRisk: true },
  { key: 'roadTransport', zh: '道路运输', en: 'Road transport', highRisk: true },
  { key: 'fireKey', zh: '消防重点单位', en: 'Key fire-safety units', highRisk: false },
  { key: 'hazWaste', zh: '危险废物', en: 'Hazardous waste', highRisk: false },
  { key: 'specialEquipment', zh: '特种设备', en: 'Special equipment', highRisk: false },
  { key: 'municipal', zh: '市政公用', en: 'Municipal utilities', highRisk: false },
  { key: 'fireworks', zh: '烟花爆竹/民爆', en: 'Fireworks and civil explosives', highRisk: true },
  { key: 'education', zh: '学校', en: 'Schools', highRisk: false },
  { key: 'tourism', zh: '文旅', en: 'Culture and tourism', highRisk: false },
  { key: 'industryTrade', zh: '工贸', en: 'Industry and trade', highRisk: false },
] as const;

export type IndustryKey = (typeof INDUSTRIES)[number]['key'];
export const INDUSTRY_KEYS = INDUSTRIES.map((i) => i.key) as [IndustryKey, ...IndustryKey[]];

export function industryByKey(key: string) {
  return INDUSTRIES.find((i) => i.key === key);
}

/** 分类分级 supervision classes (regulations.md §10.4). */
export const SUPERVISION_CLASSES = ['A', 'B', 'C', 'D'] as const;
export type SupervisionClass = (typeof SUPERVISION_CLASSES)[number];

export const ENTERPRISE_STATUSES = ['operating', 'suspended', 'closed'] as const;
export type EnterpriseStatus = (typeof ENTERPRISE_STATUSES)[number];

export const INSURANCE_STATUSES = ['insured', 'uninsured', 'expired'] as const;
export type InsuranceStatus = (typeof INSURANCE_STATUSES)[number];
