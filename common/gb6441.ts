/**
 * Accident types of GB 6441-1986《企业职工伤亡事故分类》§6.2 (20 categories by cause), used by accident
 * reports and by risk points (风险点) for the hazard factors they may cause.
 */
export const GB6441_SOURCE = 'GB 6441-1986《企业职工伤亡事故分类》6.2 事故类别';

export const GB6441_TYPES = [
  { code: '01', zh: '物体打击', en: 'Struck by object' },
  { code: '02', zh: '车辆伤害', en: 'Vehicle injury' },
  { code: '03', zh: '机械伤害', en: 'Machinery injury' },
  { code: '04', zh: '起重伤害', en: 'Lifting injury' },
  { code: '05', zh: '触电', en: 'Electric shock' },
  { code: '06', zh: '淹溺', en: 'Drowning' },
  { code: '07', zh: '灼烫', en: 'Burns and scalds' },
  { code: '08', zh: '火灾', en: 'Fire' },
  { code: '09', zh: '高处坠落', en: 'Fall from height' },
  { code: '10', zh: '坍塌', en: 'Collapse' },
  { code: '11', zh: '冒顶片帮', en: 'Roof or rib fall' },
  { code: '12', zh: '透水', en: 'Water inrush' },
  { code: '13', zh: '放炮', en: 'Blasting' },
  { code: '14', zh: '火药爆炸', en: 'Explosive blast' },
  { code: '15', zh: '瓦斯爆炸', en: 'Gas explosion' },
  { code: '16', zh: '锅炉爆炸', en: 'Boiler explosion' },
  { code: '17', zh: '容器爆炸', en: 'Pressure vessel explosion' },
  { code: '18', zh: '其它爆炸', en: 'Other explosion' },
  { code: '19', zh: '中毒和窒息', en: 'Poisoning and asphyxiation' },
  { code: '20', zh: '其它伤害', en: 'Other injury' },
] as const;

export type Gb6441Code = (typeof GB6441_TYPES)[number]['code'];
export const GB6441_CODES = GB6441_TYPES.map((t) => t.code) as [Gb6441Code, ...Gb6441Code[]];
