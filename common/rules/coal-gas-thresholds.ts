import type { SensorType, TSensorRules } from '../contracts/monitoring.js';

/**
 * Coal-mine methane sensor settings by location (煤矿安全规程 2016 table, Art. 498 in the 2016
 * numbering; AQ 1029-2019 §6 repeats the placement): 报警 (alarm), 断电 (power-off) and 复电 (restore)
 * concentrations in %CH4. `verified` marks rows seen in a public republished table
 * (regulations.md §8.1); the others are from memory and are flagged as such to the user.
 * Whether the 2022 amendment (应急管理部令第8号) changed this table is unverified.
 */
export const COAL_GAS_SOURCE =
  '《煤矿安全规程》（2016年版，应急管理部令第8号修订）第四百九十八条 甲烷传感器报警浓度、断电浓度、复电浓度和断电范围；AQ 1029-2019 第6章';
export const COAL_CO_SOURCE = '《煤矿安全规程》第一百三十五条 井下空气中一氧化碳最高允许浓度 0.0024%（24 ppm）；AQ 1029-2019 第7章（报警值常用 ≥24 ppm）';

export interface CoalGasRow {
  key: string;
  zh: string;
  en: string;
  /** %CH4: alarm at ≥ alarm. */
  alarm: number;
  /** %CH4: power off at ≥ powerOff; null = alarm only. */
  powerOff: number | null;
  /** %CH4: power restored below this. */
  restore: number | null;
  rangeZh: string;
  rangeEn: string;
  verified: boolean;
}

export const COAL_GAS_TABLE: readonly CoalGasRow[] = [
  {
    key: 'faceUpperCorner',
    zh: '采煤工作面回风隅角 T0',
    en: 'Longwall face upper corner T0',
    alarm: 1.0,
    powerOff: 1.5,
    restore: 1.0,
    rangeZh: '工作面及其回风巷内全部非本质安全型电气设备',
    rangeEn: 'All non-intrinsically-safe electrical equipment in the face and its return roadway',
    verified: true,
  },
  {
    key: 'face',
    zh: '低瓦斯和高瓦斯矿井采煤工作面 T1',
    en: 'Longwall face (low/high-gas mine) T1',
    alarm: 1.0,
    powerOff: 1.5,
    restore: 1.0,
    rangeZh: '工作面及其回风巷内全部非本质安全型电气设备',
    rangeEn: 'Face and return roadway, all non-intrinsically-safe equipment',
    verified: true,
  },
  {
    key: 'faceOutburst',
    zh: '煤与瓦斯突出矿井采煤工作面 T1',
    en: 'Longwall face (outburst mine) T1',
    alarm: 1.0,
    powerOff: 1.5,
    restore: 1.0,
    rangeZh: '工作面及其进、回风巷内全部非本质安全型电气设备',
    rangeEn: 'Face and its intake and return roadways',
    verified: true,
  },
  {
    key: 'faceReturn',
    zh: '采煤工作面回风巷 T2',
    en: 'Longwall face return roadway T2',
    alarm: 1.0,
    powerOff: 1.0,
    restore: 1.0,
    rangeZh: '工作面及其回风巷内全部非本质安全型电气设备',
    rangeEn: 'Face and return roadway',
    verified: true,
  },
  {
    key: 'faceIntake',
    zh: '高瓦斯、突出矿井采煤工作面进风巷 T3',
    en: 'Longwall face intake roadway (high-gas/outburst) T3',
    alarm: 0.5,
    powerOff: 0.5,
    restore: 0.5,
    rangeZh: '进风巷内全部非本质安全型电气设备',
    rangeEn: 'All non-intrinsically-safe equipment in the intake roadway',
    verified: true,
  },
  {
    key: 'seriesIntake',
    zh: '串联通风被串采煤工作面进风巷 T4',
    en: 'Intake of a series-ventilated downstream face T4',
    alarm: 0.5,
    powerOff: 0.5,
    restore: 0.5,
    rangeZh: '被串采煤工作面及其进、回风巷内全部非本质安全型电气设备',
    rangeEn: 'The downstream face and its intake and return roadways',
    verified: true,
  },
  {
    key: 'faceReturnMiddle',
    zh: '高瓦斯、突出矿井采煤工作面回风巷中部',
    en: 'Middle of a long (>1000 m) return roadway (high-gas/outburst)',
    alarm: 1.0,
    powerOff: 1.0,
    restore: 1.0,
    rangeZh: '工作面及其回风巷内全部非本质安全型电气设备',
    rangeEn: 'Face and return roadway',
    verified: true,
  },
  {
    key: 'shearer',
    zh: '采煤机（机载）',
    en: 'Shearer-mounted',
    alarm: 1.0,
    powerOff: 1.5,
    restore: 1.0,
    rangeZh: '采煤机电源',
    rangeEn: 'Shearer power supply',
    verified: true,
  },
  {
    key: 'gasExhaustRoadway',
    zh: '专用排瓦斯巷 T7（AQ 1029-2019 已删除）',
    en: 'Dedicated gas-exhaust roadway T7 (dropped in AQ 1029-2019)',
    alarm: 2.5,
    powerOff: 2.5,
    restore: 2.5,
    rangeZh: '工作面内全部非本质安全型电气设备',
    rangeEn: 'All non-intrinsically-safe equipment of the face',
    verified: true,
  },
  {
    key: 'mixedReturn',
    zh: '有专用排瓦斯巷的采煤工作面混合回风流处 T8',
    en: 'Mixed return flow of a face with a gas-exhaust roadway T8',
    alarm: 1.0,
    powerOff: 1.0,
    restore: 1.0,
    rangeZh: '工作面及其回风巷内全部非本质安全型电气设备',
    rangeEn: 'Face and return roadway',
    verified: true,
  },
  {
    key: 'heading',
    zh: '煤巷、半煤岩巷和有瓦斯涌出岩巷掘进工作面 T1',
    en: 'Heading face (coal / half-coal / gassy rock roadway) T1',
    alarm: 1.0,
    powerOff: 1.5,
    restore: 1.0,
    rangeZh: '掘进巷道内全部非本质安全型电气设备',
    rangeEn: 'All non-intrinsically-safe equipment in the roadway being driven',
    verified: true,
  },
  {
    key: 'headingReturn',
    zh: '掘进工作面回风流中 T2',
    en: 'Heading face return flow T2',
    alarm: 1.0,
    powerOff: 1.0,
    restore: 1.0,
    rangeZh: '掘进巷道内全部非本质安全型电气设备',
    rangeEn: 'All non-intrinsically-safe equipment in the roadway being driven',
    verified: true,
  },
  {
    key: 'seriesHeadingFan',
    zh: '串联通风被串掘进工作面局部通风机前 T3',
    en: 'Before the auxiliary fan of a series-ventilated heading T3',
    alarm: 0.5,
    powerOff: 0.5,
    restore: 0.5,
    rangeZh: '被串掘进巷道内全部非本质安全型电气设备',
    rangeEn: 'The downstream roadway',
    verified: false,
  },
  {
    key: 'districtReturn',
    zh: '采区回风巷',
    en: 'District return roadway',
    alarm: 1.0,
    powerOff: 1.0,
    restore: 1.0,
    rangeZh: '采区回风巷内全部非本质安全型电气设备',
    rangeEn: 'All non-intrinsically-safe equipment in the district return',
    verified: false,
  },
  {
    key: 'mainReturn',
    zh: '一翼回风巷、总回风巷',
    en: 'Wing / main return roadway',
    alarm: 0.75,
    powerOff: null,
    restore: null,
    rangeZh: '—（仅报警）',
    rangeEn: '— (alarm only)',
    verified: false,
  },
  {
    key: 'trolleyHaulage',
    zh: '高瓦斯矿井进风主要运输巷道架线电机车装煤点、瓦斯涌出巷道下风流',
    en: 'Trolley-locomotive loading point / gassy roadway downwind (high-gas mine)',
    alarm: 0.5,
    powerOff: 0.5,
    restore: 0.5,
    rangeZh: '架线电源及上风侧100 m至下风侧全部非本质安全型电气设备',
    rangeEn: 'Trolley wire power and equipment from 100 m upwind to downwind',
    verified: true,
  },
  {
    key: 'vehicle',
    zh: '防爆蓄电池电机车、柴油机车、无轨胶轮车（车载）',
    en: 'Battery / diesel locomotive, trackless vehicle (on board)',
    alarm: 0.5,
    powerOff: 0.5,
    restore: 0.5,
    rangeZh: '车辆动力电源',
    rangeEn: 'Vehicle power',
    verified: false,
  },
  {
    key: 'bunker',
    zh: '井下煤仓；封闭式带式输送机地面走廊',
    en: 'Underground bunker; enclosed belt gallery',
    alarm: 1.5,
    powerOff: 1.5,
    restore: 1.5,
    rangeZh: '煤仓、走廊内全部非本质安全型电气设备',
    rangeEn: 'Equipment in the bunker / gallery',
    verified: false,
  },
  {
    key: 'drainagePump',
    zh: '井下临时抽采泵站下风侧栅栏外',
    en: 'Downwind of a temporary underground drainage pump station',
    alarm: 1.0,
    powerOff: 1.0,
    restore: 1.0,
    rangeZh: '抽采泵站电源',
    rangeEn: 'Pump station power',
    verified: false,
  },
];

export const COAL_LOCATION_KEYS = COAL_GAS_TABLE.map((r) => r.key);

export function findCoalLocation(key: string | null | undefined): CoalGasRow | undefined {
  return key ? COAL_GAS_TABLE.find((r) => r.key === key) : undefined;
}

/** CO alarm at ≥ 24 ppm (0.0024 %), the 规程 maximum allowed concentration where people work. */
export const COAL_CO_ALARM_PPM = 24;

/**
 * The default rules of a coal sensor: CH4 by location (alarm → high / highClear, power-off →
 * powerOff / powerRestore; values "< restore" clear), CO at 24 ppm. Readings arrive at least every
 * 30 s (AQ 6201-2019 4.7.4 polling ≤ 30 s), so a point silent for 2 minutes is 断线 by default.
 * Other types and unknown locations get only the stale check.
 */
export function defaultRulesFor(type: SensorType, locationKey?: string | null): TSensorRules {
  const stale = { staleSeconds: 120 };
  if (type === 'ch4') {
    const row = findCoalLocation(locationKey);
    if (!row) return stale;
    const rules: TSensorRules = { high: row.alarm, highClear: row.restore ?? row.alarm, ...stale };
    if (row.powerOff !== null) {
      rules.powerOff = row.powerOff;
      rules.powerRestore = row.restore ?? row.alarm;
    }
    return rules;
  }
  if (type === 'co') return { high: COAL_CO_ALARM_PPM, highClear: COAL_CO_ALARM_PPM, ...stale };
  return stale;
}
