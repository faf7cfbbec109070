/**
 * Seeded demo data for 晋城市 (Jincheng, Shanxi): regions, departments, about 320 enterprises,
 * groups, supervision assignments (监管"一张表") and the demo users of product.md §4.
 *
 * Pure and deterministic: no I/O, no clock, no Math.random. The same seed gives byte-identical
 * output. Dates are relative to DEMO_REFERENCE_DATE, not to "today".
 *
 * All enterprise and person names are invented. Town names are real towns of the counties; town
 * code suffixes (街道 0xx, 镇 1xx, 乡 2xx, parks 4xx) and coordinates are approximations made up
 * for the demo (UNVERIFIED against the 统计用区划代码 list).
 */
import type { IndustryKey, InsuranceStatus, SupervisionClass } from '../../../../common/industries.js';
import { INDUSTRIES, industryByKey } from '../../../../common/industries.js';
import { completeUscc } from '../../../../common/validators/uscc.js';
import type { DemoAssignment, DemoData, DemoDepartment, DemoEnterprise, DemoLicence, DemoRegion, DemoUser } from './demo-data.types.js';

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Data tables
// ─────────────────────────────────────────────────────────────────────────────────────────────

/** The demo's "today": licence expiry, insurance and standardization dates are relative to it. */
export const DEMO_REFERENCE_DATE = '2026-11-22';

export const CITY_CODE = '140500';

type Slug = 'chengqu' | 'qinshui' | 'yangcheng' | 'lingchuan' | 'zezhou' | 'gaoping' | 'kfq';

interface TownDef {
  name: string;
  nameEn: string;
  lng: number; // rough centroid, WGS 84
  lat: number;
  seat?: boolean; // county seat: addresses use streets
}

interface CountyDef {
  slug: Slug;
  code: string;
  name: string;
  nameEn: string;
  level: 'county' | 'zone';
  short: string; // in names: 山西泽州…
  namePrefix: string; // in names: 泽州县…煤业有限公司
  deptPrefix: string; // 泽州县应急管理局
  deptPrefixEn: string;
  addrName: string; // 山西省晋城市泽州县…
  hasCoal: boolean; // has a county 能源局
  roads: string[];
  towns: TownDef[];
}

const COUNTIES: CountyDef[] = [
  {
    slug: 'chengqu',
    code: '140502',
    name: '城区',
    nameEn: 'Chengqu District',
    level: 'county',
    short: '晋城',
    namePrefix: '晋城市',
    deptPrefix: '晋城市城区',
    deptPrefixEn: 'Chengqu District',
    addrName: '城区',
    hasCoal: false,
    roads: ['泽州路', '凤台街', '红星街', '建设路', '文昌街', '书院街', '新市街', '黄华街', '中原街', '太行路'],
    towns: [
      { name: '东街街道', nameEn: 'Dongjie Subdistrict', lng: 112.862, lat: 35.496 },
      { name: '西街街道', nameEn: 'Xijie Subdistrict', lng: 112.842, lat: 35.498 },
      { name: '南街街道', nameEn: 'Nanjie Subdistrict', lng: 112.852, lat: 35.487 },
      { name: '北街街道', nameEn: 'Beijie Subdistrict', lng: 112.85, lat: 35.507 },
      { name: '钟家庄街道', nameEn: 'Zhongjiazhuang Subdistrict', lng: 112.878, lat: 35.484 },
      { name: '北石店镇', nameEn: 'Beishidian Town', lng: 112.905, lat: 35.54 },
    ],
  },
  {
    slug: 'qinshui',
    code: '140521',
    name: '沁水县',
    nameEn: 'Qinshui County',
    level: 'county',
    short: '沁水',
    namePrefix: '沁水县',
    deptPrefix: '沁水县',
    deptPrefixEn: 'Qinshui County',
    addrName: '沁水县',
    hasCoal: true,
    roads: ['梅杏路', '府前街', '滨河路', '建设路', '新华街'],
    towns: [
      { name: '龙港镇', nameEn: 'Longgang Town', lng: 112.187, lat: 35.69, seat: true },
      { name: '嘉峰镇', nameEn: 'Jiafeng Town', lng: 112.44, lat: 35.62 },
      { name: '郑村镇', nameEn: 'Zhengcun Town', lng: 112.29, lat: 35.735 },
      { name: '端氏镇', nameEn: 'Duanshi Town', lng: 112.37, lat: 35.78 },
      { name: '中村镇', nameEn: 'Zhongcun Town', lng: 112.02, lat: 35.62 },
      { name: '郑庄镇', nameEn: 'Zhengzhuang Town', lng: 112.39, lat: 35.66 },
      { name: '土沃乡', nameEn: 'Tuwo Township', lng: 112.05, lat: 35.52 },
    ],
  },
  {
    slug: 'yangcheng',
    code: '140522',
    name: '阳城县',
    nameEn: 'Yangcheng County',
    level: 'county',
    short: '阳城',
    namePrefix: '阳城县',
    deptPrefix: '阳城县',
    deptPrefixEn: 'Yangcheng County',
    addrName: '阳城县',
    hasCoal: true,
    roads: ['凤栖路', '新阳东街', '建设路', '滨河路', '府前街'],
    towns: [
      { name: '凤城镇', nameEn: 'Fengcheng Town', lng: 112.42, lat: 35.486, seat: true },
      { name: '北留镇', nameEn: 'Beiliu Town', lng: 112.52, lat: 35.56 },
      { name: '润城镇', nameEn: 'Runcheng Town', lng: 112.51, lat: 35.49 },
      { name: '町店镇', nameEn: 'Dingdian Town', lng: 112.33, lat: 35.53 },
      { name: '芹池镇', nameEn: 'Qinchi Town', lng: 112.34, lat: 35.59 },
      { name: '东冶镇', nameEn: 'Dongye Town', lng: 112.56, lat: 35.37 },
      { name: '蟒河镇', nameEn: 'Manghe Town', lng: 112.38, lat: 35.285 },
    ],
  },
  {
    slug: 'lingchuan',
    code: '140524',
    name: '陵川县',
    nameEn: 'Lingchuan County',
    level: 'county',
    short: '陵川',
    namePrefix: '陵川县',
    deptPrefix: '陵川县',
    deptPrefixEn: 'Lingchuan County',
    addrName: '陵川县',
    hasCoal: true,
    roads: ['崇安路', '梅园街', '府前街', '建设路', '迎宾路'],
    towns: [
      { name: '崇文镇', nameEn: 'Chongwen Town', lng: 113.28, lat: 35.775, seat: true },
      { name: '礼义镇', nameEn: 'Liyi Town', lng: 113.24, lat: 35.7 },
      { name: '附城镇', nameEn: 'Fucheng Town', lng: 113.17, lat: 35.83 },
      { name: '西河底镇', nameEn: 'Xihedi Town', lng: 113.21, lat: 35.9 },
      { name: '平城镇', nameEn: 'Pingcheng Town', lng: 113.38, lat: 35.76 },
      { name: '杨村镇', nameEn: 'Yangcun Town', lng: 113.15, lat: 35.74 },
      { name: '马圪当乡', nameEn: 'Mageda Township', lng: 113.47, lat: 35.62 },
      { name: '古郊乡', nameEn: 'Gujiao Township', lng: 113.52, lat: 35.76 },
    ],
  },
  {
    slug: 'zezhou',
    code: '140525',
    name: '泽州县',
    nameEn: 'Zezhou County',
    level: 'county',
    short: '泽州',
    namePrefix: '泽州县',
    deptPrefix: '泽州县',
    deptPrefixEn: 'Zezhou County',
    addrName: '泽州县',
    hasCoal: true,
    roads: ['丹河路', '泽州路', '建设路', '府前街', '迎宾路'],
    towns: [
      { name: '南村镇', nameEn: 'Nancun Town', lng: 112.83, lat: 35.61, seat: true },
      { name: '巴公镇', nameEn: 'Bagong Town', lng: 112.88, lat: 35.65 },
      { name: '北义城镇', nameEn: 'Beiyicheng Town', lng: 112.76, lat: 35.69 },
      { name: '高都镇', nameEn: 'Gaodu Town', lng: 112.96, lat: 35.66 },
      { name: '大东沟镇', nameEn: 'Dadonggou Town', lng: 112.72, lat: 35.58 },
      { name: '周村镇', nameEn: 'Zhoucun Town', lng: 112.62, lat: 35.56 },
      { name: '下村镇', nameEn: 'Xiacun Town', lng: 112.65, lat: 35.47 },
      { name: '金村镇', nameEn: 'Jincun Town', lng: 112.8, lat: 35.46 },
    ],
  },
  {
    slug: 'gaoping',
    code: '140581',
    name: '高平市',
    nameEn: 'Gaoping City',
    level: 'county',
    short: '高平',
    namePrefix: '高平市',
    deptPrefix: '高平市',
    deptPrefixEn: 'Gaoping City',
    addrName: '高平市',
    hasCoal: true,
    roads: ['长平路', '神农路', '建设路', '北城街', '东城街', '友谊路'],
    towns: [
      { name: '东城街道', nameEn: 'Dongcheng Subdistrict', lng: 112.935, lat: 35.795, seat: true },
      { name: '米山镇', nameEn: 'Mishan Town', lng: 112.96, lat: 35.76 },
      { name: '三甲镇', nameEn: 'Sanjia Town', lng: 112.88, lat: 35.88 },
      { name: '寺庄镇', nameEn: 'Sizhuang Town', lng: 112.83, lat: 35.76 },
      { name: '陈区镇', nameEn: 'Chenqu Town', lng: 112.99, lat: 35.86 },
      { name: '北诗镇', nameEn: 'Beishi Town', lng: 112.87, lat: 35.7 },
      { name: '河西镇', nameEn: 'Hexi Town', lng: 112.86, lat: 35.8 },
      { name: '马村镇', nameEn: 'Macun Town', lng: 113.02, lat: 35.74 },
    ],
  },
  {
    // 开发区 code is local and UNVERIFIED: GB/T 2260 has no entry for it; 民政部/统计局 lists
    // give zones 1405 7x-style codes (regulations.md §12.2). Its units below are invented.
    slug: 'kfq',
    code: '140571',
    name: '晋城经济技术开发区',
    nameEn: 'Jincheng Economic and Technological Development Zone',
    level: 'zone',
    short: '晋城',
    namePrefix: '晋城市',
    deptPrefix: '晋城经济技术开发区',
    deptPrefixEn: 'Jincheng Development Zone',
    addrName: '晋城经济技术开发区',
    hasCoal: false,
    roads: ['白水街', '金匠路', '凤鸣街', '迎宾街', '福昌路'],
    towns: [
      { name: '金匠街道', nameEn: 'Jinjiang Subdistrict', lng: 112.88, lat: 35.47 },
      { name: '白水产业园', nameEn: 'Baishui Industrial Park', lng: 112.84, lat: 35.44 },
      { name: '南岭产业园', nameEn: 'Nanling Industrial Park', lng: 112.9, lat: 35.43 },
    ],
  },
];

/** City-level departments. 应急管理局 also supervises hazchem, non-coal mines and fireworks. */
const CITY_DEPARTMENTS: Array<Omit<DemoDepartment, 'regionCode'>> = [
  { key: 'city-yjj', name: '晋城市应急管理局', nameEn: 'Jincheng Emergency Management Bureau', kind: 'government', industries: [] },
  { key: 'city-energy', name: '晋城市能源局', nameEn: 'Jincheng Energy Bureau', kind: 'industry', industries: ['coal'] },
  {
    key: 'city-zjj',
    name: '晋城市住房和城乡建设局',
    nameEn: 'Jincheng Housing and Urban-Rural Development Bureau',
    kind: 'industry',
    industries: ['construction', 'municipal'],
  },
  { key: 'city-jtj', name: '晋城市交通运输局', nameEn: 'Jincheng Transport Bureau', kind: 'industry', industries: ['roadTransport'] },
  {
    key: 'city-scjg',
    name: '晋城市市场监督管理局',
    nameEn: 'Jincheng Market Regulation Administration',
    kind: 'industry',
    industries: ['specialEquipment'],
  },
  {
    key: 'city-fire',
    name: '晋城市消防救援支队',
    nameEn: 'Jincheng Fire and Rescue Detachment',
    kind: 'industry',
    industries: ['fireKey'],
  },
  {
    key: 'city-sthj',
    name: '晋城市生态环境局',
    nameEn: 'Jincheng Ecology and Environment Bureau',
    kind: 'industry',
    industries: ['hazWaste'],
  },
  { key: 'city-jyj', name: '晋城市教育局', nameEn: 'Jincheng Education Bureau', kind: 'industry', industries: ['education'] },
  { key: 'city-wlj', name: '晋城市文化和旅游局', nameEn: 'Jincheng Culture and Tourism Bureau', kind: 'industry', industries: ['tourism'] },
  {
    key: 'city-gxj',
    name: '晋城市工业和信息化局',
    nameEn: 'Jincheng Industry and Information Technology Bureau',
    kind: 'industry',
    industries: ['metallurgy', 'industryTrade', 'fireworks'],
  },
];

/** Enterprises per industry and county (group head offices and the two demo enterprises come on top). */
const PLAN: Record<IndustryKey, Partial<Record<Slug, number>>> = {
  coal: { zezhou: 22, gaoping: 20, qinshui: 16, yangcheng: 14, lingchuan: 6 },
  hazchem: { gaoping: 9, zezhou: 8, kfq: 8, chengqu: 3, yangcheng: 3, qinshui: 3 },
  nonCoalMine: { lingchuan: 5, yangcheng: 4, zezhou: 4, qinshui: 2, gaoping: 2 },
  metallurgy: { zezhou: 5, gaoping: 4, kfq: 3, yangcheng: 2 },
  construction: { chengqu: 10, zezhou: 5, gaoping: 5, kfq: 4, yangcheng: 3, qinshui: 3, lingchuan: 3 },
  roadTransport: { chengqu: 7, zezhou: 5, gaoping: 5, yangcheng: 3, qinshui: 3, lingchuan: 2, kfq: 2 },
  fireKey: { chengqu: 8, gaoping: 3, zezhou: 2, yangcheng: 2, qinshui: 1, lingchuan: 1, kfq: 2 },
  hazWaste: { kfq: 2, zezhou: 2, gaoping: 2, chengqu: 1 },
  specialEquipment: { chengqu: 4, kfq: 3, zezhou: 2, gaoping: 2, yangcheng: 1 },
  municipal: { chengqu: 4, gaoping: 2, zezhou: 1, yangcheng: 1, qinshui: 1, lingchuan: 1, kfq: 1 },
  fireworks: { zezhou: 2, gaoping: 2, yangcheng: 1, lingchuan: 1, qinshui: 1 },
  education: { chengqu: 5, zezhou: 3, gaoping: 3, yangcheng: 2, qinshui: 2, lingchuan: 2 },
  tourism: { lingchuan: 5, yangcheng: 5, zezhou: 3, qinshui: 2, gaoping: 2, chengqu: 1 },
  industryTrade: { kfq: 6, zezhou: 5, gaoping: 4, chengqu: 3, yangcheng: 3, qinshui: 2, lingchuan: 1 },
};

/** Industries whose sites lie outside urban subdistricts. */
const RURAL_INDUSTRIES = new Set<IndustryKey>(['coal', 'nonCoalMine', 'hazchem', 'metallurgy', 'hazWaste', 'fireworks', 'industryTrade', 'tourism']);

interface GroupDef {
  key: string;
  industry: IndustryKey;
  slug: Slug;
  name: string;
  brand: string;
  subsidiaries: number; // generated subsidiaries (demo-coal joins the coal group on top)
  employees: number;
}

const GROUPS: GroupDef[] = [
  {
    key: 'group-coal',
    industry: 'coal',
    slug: 'chengqu',
    name: '晋城泰丰煤业集团有限责任公司',
    brand: '泰丰',
    subsidiaries: 7,
    employees: 18600,
  },
  {
    key: 'group-chem',
    industry: 'hazchem',
    slug: 'kfq',
    name: '山西恒润化工集团有限公司',
    brand: '恒润',
    subsidiaries: 5,
    employees: 4200,
  },
  {
    key: 'group-build',
    industry: 'construction',
    slug: 'chengqu',
    name: '晋城宏筑建设集团有限公司',
    brand: '宏筑',
    subsidiaries: 4,
    employees: 3100,
  },
  {
    key: 'group-transport',
    industry: 'roadTransport',
    slug: 'chengqu',
    name: '晋城通衢运输集团有限公司',
    brand: '通衢',
    subsidiaries: 3,
    employees: 1500,
  },
];

// Licence kinds. Number formats follow the usual printed forms; issuing bodies are plausible
// (coal licences: 国家矿山安全监察局山西局 is UNVERIFIED as the current issuer).
type LicenceKey =
  | 'coalSafety'
  | 'mining'
  | 'nonCoalSafety'
  | 'chemSafety'
  | 'chemTrade'
  | 'constructionSafety'
  | 'transport'
  | 'specialEquipment'
  | 'pollution'
  | 'hazWasteOp'
  | 'fireworksTrade'
  | 'explosivesSafety'
  | 'gas'
  | 'school';

interface LicenceDef {
  kind: string;
  years: number;
  issuedBy: (c: CountyDef) => string;
  number: (year: number, seq: number, c: CountyDef, uscc: string) => string;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

const LICENCES: Record<LicenceKey, LicenceDef> = {
  coalSafety: {
    kind: '安全生产许可证',
    years: 3,
    issuedBy: () => '国家矿山安全监察局山西局',
    number: (y, n) => `（晋）MK安许证字〔${y}〕${pad(n, 4)}`,
  },
  mining: {
    kind: '采矿许可证',
    years: 10,
    issuedBy: () => '山西省自然资源厅',
    number: (y, n) => `C140000${y}${pad(n * 7919 + 110000000, 12)}`,
  },
  nonCoalSafety: {
    kind: '安全生产许可证',
    years: 3,
    issuedBy: () => '山西省应急管理厅',
    number: (y, n) => `（晋）FM安许证字〔${y}〕${pad(n, 4)}`,
  },
  chemSafety: {
    kind: '安全生产许可证',
    years: 3,
    issuedBy: () => '山西省应急管理厅',
    number: (y, n) => `（晋）WH安许证字〔${y}〕${pad(n, 4)}`,
  },
  chemTrade: {
    kind: '危险化学品经营许可证',
    years: 3,
    issuedBy: () => '晋城市应急管理局',
    number: (y, n) => `晋晋城危化经字〔${y}〕${pad(n, 6)}`,
  },
  constructionSafety: {
    kind: '建筑施工企业安全生产许可证',
    years: 3,
    issuedBy: () => '山西省住房和城乡建设厅',
    number: (y, n) => `（晋）JZ安许证字〔${y}〕${pad(n, 6)}`,
  },
  transport: {
    kind: '道路运输经营许可证',
    years: 4,
    issuedBy: (c) => `${c.deptPrefix}交通运输局`,
    number: (_y, n, c) => `晋交运管许可晋字${c.code}${pad(n, 6)}号`,
  },
  // 使用登记 itself does not expire; validTo carries the next periodic inspection (定期检验) date.
  specialEquipment: {
    kind: '特种设备使用登记证',
    years: 1,
    issuedBy: () => '晋城市市场监督管理局',
    number: (y, n) => `起11晋E${pad(n, 5)}(${String(y).slice(2)})`,
  },
  pollution: {
    kind: '排污许可证',
    years: 5,
    issuedBy: () => '晋城市生态环境局',
    number: (_y, _n, _c, uscc) => `${uscc}001P`,
  },
  hazWasteOp: {
    kind: '危险废物经营许可证',
    years: 5,
    issuedBy: () => '山西省生态环境厅',
    number: (y, n) => `晋危废经字〔${y}〕第${pad(n, 3)}号`,
  },
  fireworksTrade: {
    kind: '烟花爆竹经营（批发）许可证',
    years: 3,
    issuedBy: () => '山西省应急管理厅',
    number: (y, n) => `（晋）YH经许证字〔${y}〕${pad(n, 4)}`,
  },
  explosivesSafety: {
    kind: '民用爆炸物品安全生产许可证',
    years: 3,
    issuedBy: () => '山西省工业和信息化厅',
    number: (y, n) => `（晋）MB安许证字〔${y}〕${pad(n, 3)}`,
  },
  gas: {
    kind: '燃气经营许可证',
    years: 3,
    issuedBy: () => '晋城市住房和城乡建设局',
    number: (y, n) => `晋${y}${pad(n, 6)}`,
  },
  school: {
    kind: '民办学校办学许可证',
    years: 5,
    issuedBy: (c) => (c.slug === 'chengqu' ? '晋城市教育局' : `${c.deptPrefix}教育局`),
    number: (_y, n, c) => `教民${c.code}${pad(n, 9)}号`,
  },
};

/** Context passed to name templates. */
interface NameCtx {
  c: CountyDef;
  brand: string; // 2-character trade name (字号)
  edu: string; // school name word
  scenic: string; // scenic-area word
}

interface Template {
  name: (x: NameCtx) => string;
  licences: LicenceKey[];
}

const TEMPLATES: Record<IndustryKey, Template[]> = {
  coal: [
    { name: (x) => `山西${x.c.short}${x.brand}煤业有限公司`, licences: ['coalSafety', 'mining'] },
    { name: (x) => `${x.c.namePrefix}${x.brand}煤业有限公司`, licences: ['coalSafety', 'mining'] },
    { name: (x) => `山西晋城${x.brand}煤矿有限责任公司`, licences: ['coalSafety', 'mining'] },
  ],
  hazchem: [
    { name: (x) => `${x.c.namePrefix}${x.brand}化工有限公司`, licences: ['chemSafety', 'pollution'] },
    { name: (x) => `山西${x.c.short}${x.brand}化肥有限公司`, licences: ['chemSafety', 'pollution'] },
    { name: (x) => `${x.c.namePrefix}${x.brand}石油化工销售有限公司`, licences: ['chemTrade'] },
    { name: (x) => `山西${x.c.short}${x.brand}煤层气液化有限公司`, licences: ['chemSafety'] },
    { name: (x) => `${x.c.namePrefix}${x.brand}工业气体有限公司`, licences: ['chemSafety', 'specialEquipment'] },
  ],
  nonCoalMine: [
    { name: (x) => `${x.c.namePrefix}${x.brand}石料有限公司`, licences: ['nonCoalSafety', 'mining'] },
    { name: (x) => `${x.c.namePrefix}${x.brand}矿业有限公司`, licences: ['nonCoalSafety', 'mining'] },
    { name: (x) => `山西${x.c.short}${x.brand}铁矿有限公司`, licences: ['nonCoalSafety', 'mining'] },
  ],
  metallurgy: [
    { name: (x) => `${x.c.namePrefix}${x.brand}铸造有限公司`, licences: ['pollution'] },
    { name: (x) => `山西${x.c.short}${x.brand}钢铁有限公司`, licences: ['pollution', 'specialEquipment'] },
    { name: (x) => `${x.c.namePrefix}${x.brand}铁合金有限公司`, licences: ['pollution'] },
  ],
  construction: [
    { name: (x) => `山西${x.brand}建设工程有限公司`, licences: ['constructionSafety'] },
    { name: (x) => `${x.c.namePrefix}${x.brand}建筑工程有限公司`, licences: ['constructionSafety'] },
    { name: (x) => `晋城市${x.brand}建筑安装工程有限公司`, licences: ['constructionSafety'] },
    { name: (x) => `山西${x.c.short}${x.brand}路桥工程有限公司`, licences: ['constructionSafety'] },
  ],
  roadTransport: [
    { name: (x) => `${x.c.namePrefix}${x.brand}物流有限公司`, licences: ['transport'] },
    { name: (x) => `${x.c.namePrefix}${x.brand}运输有限公司`, licences: ['transport'] },
    { name: (x) => `晋城市${x.brand}危险货物运输有限公司`, licences: ['transport'] },
    { name: (x) => `${x.c.namePrefix}${x.brand}汽车运输有限公司`, licences: ['transport'] },
  ],
  fireKey: [
    { name: (x) => `${x.c.namePrefix}${x.brand}大酒店有限公司`, licences: [] },
    { name: (x) => `${x.c.namePrefix}${x.brand}商业管理有限公司`, licences: [] },
    { name: (x) => `晋城${x.brand}医院有限公司`, licences: [] },
    { name: (x) => `${x.c.namePrefix}${x.brand}养老服务有限公司`, licences: [] },
  ],
  hazWaste: [
    { name: (x) => `山西${x.brand}环保科技有限公司`, licences: ['hazWasteOp', 'pollution'] },
    { name: (x) => `晋城市${x.brand}危险废物处置有限公司`, licences: ['hazWasteOp', 'pollution'] },
    { name: (x) => `${x.c.namePrefix}${x.brand}资源再生利用有限公司`, licences: ['hazWasteOp', 'pollution'] },
  ],
  specialEquipment: [
    { name: (x) => `晋城市${x.brand}电梯工程有限公司`, licences: ['specialEquipment'] },
    { name: (x) => `${x.c.namePrefix}${x.brand}起重机械有限公司`, licences: ['specialEquipment'] },
    { name: (x) => `${x.c.namePrefix}${x.brand}气体充装有限公司`, licences: ['specialEquipment'] },
  ],
  municipal: [
    { name: (x) => `${x.c.namePrefix}${x.brand}燃气有限公司`, licences: ['gas'] },
    { name: (x) => `${x.c.namePrefix}${x.brand}热力有限公司`, licences: ['specialEquipment'] },
    { name: (x) => `${x.c.namePrefix}${x.brand}供水有限公司`, licences: [] },
    { name: (x) => `${x.c.namePrefix}${x.brand}污水处理有限公司`, licences: ['pollution'] },
  ],
  fireworks: [
    { name: (x) => `${x.c.namePrefix}${x.brand}烟花爆竹批发有限公司`, licences: ['fireworksTrade'] },
    { name: (x) => `山西${x.c.short}${x.brand}民爆器材有限公司`, licences: ['explosivesSafety'] },
  ],
  education: [
    { name: (x) => `${x.c.namePrefix}${x.edu}学校`, licences: ['school'] },
    { name: (x) => `晋城${x.edu}实验学校`, licences: ['school'] },
    { name: (x) => `${x.c.namePrefix}${x.edu}幼儿园`, licences: ['school'] },
    { name: (x) => `${x.c.namePrefix}${x.edu}职业培训学校`, licences: ['school'] },
  ],
  tourism: [
    { name: (x) => `${x.c.namePrefix}${x.scenic}旅游开发有限公司`, licences: [] },
    { name: (x) => `${x.c.namePrefix}${x.scenic}景区管理有限公司`, licences: [] },
    { name: (x) => `山西${x.c.short}${x.scenic}文化旅游有限公司`, licences: [] },
  ],
  industryTrade: [
    { name: (x) => `${x.c.namePrefix}${x.brand}建材有限公司`, licences: [] },
    { name: (x) => `${x.c.namePrefix}${x.brand}陶瓷有限公司`, licences: ['pollution'] },
    { name: (x) => `晋城市${x.brand}食品有限公司`, licences: [] },
    { name: (x) => `${x.c.namePrefix}${x.brand}机械制造有限公司`, licences: ['specialEquipment'] },
    { name: (x) => `${x.c.namePrefix}${x.brand}水泥有限公司`, licences: ['pollution'] },
    { name: (x) => `山西${x.c.short}${x.brand}丝麻制品有限公司`, licences: [] },
  ],
};

/** Names of group subsidiaries carry the group's brand. */
const SUBSIDIARY_NAMES: Record<string, (g: GroupDef, x: NameCtx) => string> = {
  'group-coal': (g, x) => `山西${g.brand}${x.c.short}${x.brand}煤业有限公司`,
  'group-chem': (g, x) => `${x.c.namePrefix}${g.brand}${x.brand}化工有限公司`,
  'group-build': (g, x) => `山西${g.brand}${x.c.short}${x.brand}建筑工程有限公司`,
  'group-transport': (g, x) => `晋城${g.brand}${x.c.short}${x.brand}物流有限公司`,
};

const EMPLOYEES: Record<IndustryKey, [number, number]> = {
  coal: [280, 2400],
  hazchem: [40, 650],
  nonCoalMine: [15, 140],
  metallurgy: [80, 1600],
  construction: [60, 900],
  roadTransport: [30, 620],
  fireKey: [30, 450],
  hazWaste: [20, 130],
  specialEquipment: [15, 260],
  municipal: [50, 520],
  fireworks: [6, 60],
  education: [40, 320],
  tourism: [20, 260],
  industryTrade: [20, 560],
};

// Name pools (invented combinations).
const BRAND_A = '鑫恒宏兴金华瑞盛泰隆丰昌润嘉永广成安福德富荣通和天正东远凯佳汇鼎峰祥旺利顺益晖';
const BRAND_B = '源达晟昌泰盛丰通利鑫隆安宇峰鼎发祥信业辉诚越基裕新誉旺兴阳';
/** Combinations that are well-known real brands or place names. */
const AVOID_BRANDS = new Set(['顺丰', '华润', '恒大', '万达', '华阳', '泰安', '天安', '安信', '华信', '兴业', '广发', '永安', '天源', '华兴', '金达']);
const EDU_WORDS = [
  '育才',
  '博文',
  '明德',
  '启航',
  '英才',
  '阳光',
  '致远',
  '德润',
  '求是',
  '立达',
  '博雅',
  '弘毅',
  '书香',
  '励志',
  '崇德',
  '树人',
  '文华',
  '思源',
];
const SCENIC_WORDS = [
  '云岭',
  '松林峡',
  '龙湾',
  '太行翠谷',
  '丹河',
  '翠屏山',
  '莲花峪',
  '仙人谷',
  '黄龙潭',
  '石门峡',
  '天池岭',
  '红叶谷',
  '古堡',
  '青龙峡',
  '神泉',
  '九女台',
];
const SURNAMES = '王李张刘赵郭杨陈牛申原靳焦常秦冯段史程贾卫崔霍范吕田宋郝侯苗武韩马孙周吴徐胡高梁';
const GIVEN = [
  '伟',
  '强',
  '磊',
  '军',
  '勇',
  '杰',
  '涛',
  '斌',
  '超',
  '明',
  '刚',
  '平',
  '辉',
  '鹏',
  '华',
  '飞',
  '鑫',
  '波',
  '宁',
  '亮',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '艳',
  '霞',
  '燕',
  '红',
  '玲',
  '建国',
  '建军',
  '晓东',
  '志刚',
  '志强',
  '海军',
  '卫东',
  '国庆',
  '红梅',
  '丽娟',
  '晋生',
  '宏伟',
  '文斌',
  '俊峰',
  '永红',
  '晓燕',
  '春生',
  '金龙',
  '小平',
  '爱民',
  '保平',
  '双喜',
  '玉珍',
  '海燕',
  '瑞峰',
  '晋军',
  '泽民',
  '鹏飞',
  '立新',
  '振华',
  '晓军',
  '利民',
  '丽萍',
  '建华',
  '雪梅',
  '志勇',
  '艳红',
  '彦斌',
  '玉龙',
  '慧敏',
];
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '134',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '177',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '199',
];
const VILLAGE_A = '东西南北上下前后大小张李王赵石马柳杨河泉槐枣庙窑';
const VILLAGE_B = ['庄', '沟', '岭', '头', '坡', '河', '峪', '洼', '坪', '底', '寨', '掌', '家庄', '王庄'];
const INSURERS = [
  '中国人民财产保险股份有限公司',
  '中国平安财产保险股份有限公司',
  '中国太平洋财产保险股份有限公司',
  '中华联合财产保险股份有限公司',
  '中国人寿财产保险股份有限公司',
];

/** USCC alphabet (GB 32100), also used for subject identifiers. */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Seeded randomness
// ─────────────────────────────────────────────────────────────────────────────────────────────

/** mulberry32: a small, fast 32-bit PRNG; plenty for demo data. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, to derive independent streams per section from one seed. */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number, label: string) {
    this.next = mulberry32((seed ^ hash32(label)) >>> 0);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [min, max], inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  char(s: string): string {
    return s[Math.floor(this.next() * s.length)] as string;
  }
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [v, w] of entries) {
      r -= w;
      if (r < 0) return v;
    }
    return (entries[entries.length - 1] as readonly [T, number])[0];
  }
  shuffle<T>(items: readonly T[]): T[] {
    const a = [...items];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j] as T, a[i] as T];
    }
    return a;
  }
}

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Small helpers
// ─────────────────────────────────────────────────────────────────────────────────────────────

function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * 86_400_000).toISOString().slice(0, 10);
}

function addYears(iso: string, years: number): string {
  const md = iso.slice(4) === '-02-29' ? '-02-28' : iso.slice(4);
  return `${Number(iso.slice(0, 4)) + years}${md}`;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

function personName(rng: Rng): string {
  return rng.char(SURNAMES) + rng.pick(GIVEN);
}

function mobile(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + pad(rng.int(0, 99_999_999), 8);
}

function brand(rng: Rng): string {
  for (;;) {
    const b = rng.char(BRAND_A) + rng.char(BRAND_B);
    if (b[0] !== b[1] && !AVOID_BRANDS.has(b)) return b;
  }
}

/** 9-character subject identifier: an organisation code with a valid GB 11714 check character. */
function subjectId(rng: Rng): string {
  let body = rng.chance(0.6) ? 'MA' : '';
  while (body.length < 8) body += rng.chance(0.7) ? String(rng.int(0, 9)) : rng.char(USCC_CHARS.slice(10));
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body[i] as string;
    sum += (/\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55) * (weights[i] as number);
  }
  const c = 11 - (sum % 11);
  return body + (c === 10 ? 'X' : c === 11 ? '0' : String(c));
}

type TownKind = 'street' | 'town' | 'township' | 'park';

function townKind(name: string): TownKind {
  if (name.endsWith('街道')) return 'street';
  if (name.endsWith('乡')) return 'township';
  if (name.endsWith('园')) return 'park';
  return 'town';
}

interface Town extends TownDef {
  code: string;
  county: CountyDef;
  kind: TownKind;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Regions and departments
// ─────────────────────────────────────────────────────────────────────────────────────────────

/** Town codes: county code + 3 digits, numbered by kind (街道 001…, 镇 100…, 乡 200…, 园区 400…). */
function buildTowns(): Town[] {
  const towns: Town[] = [];
  const base: Record<TownKind, number> = { street: 1, town: 100, township: 200, park: 400 };
  for (const c of COUNTIES) {
    const next = { ...base };
    for (const t of c.towns) {
      const kind = townKind(t.name);
      towns.push({ ...t, kind, county: c, code: c.code + pad(next[kind]++, 3) });
    }
  }
  return towns;
}

function buildRegions(towns: Town[]): DemoRegion[] {
  const regions: DemoRegion[] = [{ code: CITY_CODE, name: '晋城市', nameEn: 'Jincheng City', level: 'city', parentCode: null }];
  for (const c of COUNTIES) {
    regions.push({ code: c.code, name: c.name, nameEn: c.nameEn, level: c.level, parentCode: CITY_CODE });
  }
  for (const t of towns) {
    regions.push({ code: t.code, name: t.name, nameEn: t.nameEn, level: 'town', parentCode: t.county.code });
  }
  return regions;
}

function buildDepartments(): DemoDepartment[] {
  const depts: DemoDepartment[] = CITY_DEPARTMENTS.map((d) => ({ ...d, regionCode: CITY_CODE }));
  for (const c of COUNTIES) {
    const dept = (suffix: string, name: string, nameEn: string, industries: IndustryKey[]): DemoDepartment => ({
      key: `${c.slug}-${suffix}`,
      name: c.deptPrefix + name,
      nameEn: `${c.deptPrefixEn} ${nameEn}`,
      regionCode: c.code,
      kind: industries.length ? 'industry' : 'government',
      industries,
    });
    depts.push(dept('yjj', '应急管理局', 'Emergency Management Bureau', []));
    if (c.hasCoal) depts.push(dept('energy', '能源局', 'Energy Bureau', ['coal']));
    depts.push(dept('zjj', '住房和城乡建设局', 'Housing and Urban-Rural Development Bureau', ['construction', 'municipal']));
    depts.push(dept('jtj', '交通运输局', 'Transport Bureau', ['roadTransport']));
  }
  return depts;
}

interface Official {
  name: string;
  phone: string;
}

/** Three named officials per department: the responsible persons of its assignments. */
function buildOfficials(depts: DemoDepartment[], rng: Rng): Map<string, Official[]> {
  const map = new Map<string, Official[]>();
  for (const d of depts) {
    map.set(
      d.key,
      [0, 1, 2].map(() => ({ name: personName(rng), phone: mobile(rng) })),
    );
  }
  return map;
}

/** Which departments supervise an enterprise of this industry in this county; the first is primary. */
function supervisorsFor(industry: IndustryKey, c: CountyDef): string[] {
  const s = c.slug;
  switch (industry) {
    case 'coal':
      return c.hasCoal ? [`${s}-energy`, 'city-energy'] : ['city-energy'];
    case 'hazchem':
    case 'nonCoalMine':
      return [`${s}-yjj`];
    case 'fireworks':
    case 'metallurgy':
    case 'industryTrade':
      // No county 工信局 in the demo: the county 应急管理局 is primary, the city 工信局 secondary.
      return [`${s}-yjj`, 'city-gxj'];
    case 'construction':
    case 'municipal':
      return [`${s}-zjj`];
    case 'roadTransport':
      return [`${s}-jtj`];
    case 'specialEquipment':
      return ['city-scjg'];
    case 'fireKey':
      return ['city-fire'];
    case 'hazWaste':
      return ['city-sthj'];
    case 'education':
      return ['city-jyj'];
    case 'tourism':
      return ['city-wlj'];
  }
}

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Enterprises
// ─────────────────────────────────────────────────────────────────────────────────────────────

interface Slot {
  key: string;
  industry: IndustryKey;
  county: CountyDef;
  groupKey: string | null;
}

interface Gen {
  rng: Rng;
  towns: Town[];
  officials: Map<string, Official[]>;
  names: Set<string>;
  usccs: Set<string>;
  licenceSeq: Map<LicenceKey, number>;
}

function countyBySlug(slug: Slug): CountyDef {
  return COUNTIES.find((c) => c.slug === slug) as CountyDef;
}

function townByName(name: string, towns: Town[]): Town {
  return towns.find((t) => t.name === name) as Town;
}

function pickTown(g: Gen, industry: IndustryKey, c: CountyDef): Town {
  const own = g.towns.filter((t) => t.county === c);
  const rural = own.filter((t) => t.kind !== 'street');
  const pool = RURAL_INDUSTRIES.has(industry) && rural.length > 0 ? rural : own;
  return g.rng.pick(pool);
}

function uniqueName(g: Gen, make: (x: NameCtx) => string, c: CountyDef): string {
  for (let attempt = 0; ; attempt++) {
    const x: NameCtx = { c, brand: brand(g.rng), edu: g.rng.pick(EDU_WORDS), scenic: g.rng.pick(SCENIC_WORDS) };
    let name = make(x);
    if (attempt > 20) name = name.replace('有限公司', `${g.rng.pick(['第一', '第二', '东方', '北方'])}有限公司`);
    if (!g.names.has(name)) {
      g.names.add(name);
      return name;
    }
  }
}

function uniqueUscc(g: Gen, entityClass: string, c: CountyDef): string {
  for (;;) {
    const code = completeUscc(entityClass + c.code + subjectId(g.rng));
    if (!g.usccs.has(code)) {
      g.usccs.add(code);
      return code;
    }
  }
}

function address(g: Gen, industry: IndustryKey, town: Town): string {
  const c = town.county;
  const head = `山西省晋城市${c.addrName}${town.name}`;
  const onStreet = town.kind === 'street' || town.kind === 'park' || (town.seat && !RURAL_INDUSTRIES.has(industry));
  if (onStreet) return `${head}${g.rng.pick(c.roads)}${g.rng.int(1, 1299)}号`;
  return `${head}${g.rng.char(VILLAGE_A)}${g.rng.pick(VILLAGE_B)}村`;
}

function coordinates(g: Gen, town: Town): { lng: number; lat: number } {
  const spread = town.kind === 'street' ? 0.008 : town.seat || town.kind === 'park' ? 0.015 : 0.03;
  const lng = town.lng + (g.rng.float() * 2 - 1) * spread * 1.2;
  const lat = town.lat + (g.rng.float() * 2 - 1) * spread;
  return { lng: round6(clamp(lng, 111.92, 113.58)), lat: round6(clamp(lat, 35.22, 36.08)) };
}

/** Licence dates: mostly valid; some expired, some expiring within 90 days of the reference date. */
function licence(g: Gen, key: LicenceKey, c: CountyDef, uscc: string, mode: 'closed' | 'normal' | 'valid'): DemoLicence {
  const def = LICENCES[key];
  const bucket =
    mode === 'closed'
      ? 'expired'
      : mode === 'valid'
        ? 'valid'
        : g.rng.weighted([
            ['expired', 8],
            ['soon', 9],
            ['valid', 83],
          ] as const);
  const validTo =
    bucket === 'expired'
      ? addDays(DEMO_REFERENCE_DATE, -g.rng.int(1, 420))
      : bucket === 'soon'
        ? addDays(DEMO_REFERENCE_DATE, g.rng.int(1, 89))
        : addDays(DEMO_REFERENCE_DATE, g.rng.int(95, Math.max(120, def.years * 365 - 30)));
  const validFrom = addDays(addYears(validTo, -def.years), 1);
  const seq = (g.licenceSeq.get(key) ?? g.rng.int(20, 300)) + g.rng.int(1, 9);
  g.licenceSeq.set(key, seq);
  return {
    kind: def.kind,
    number: def.number(Number(validFrom.slice(0, 4)), seq, c, uscc),
    issuedBy: def.issuedBy(c),
    validFrom,
    validTo,
  };
}

function standardization(g: Gen, industry: IndustryKey): { grade: 1 | 2 | 3 | null; expiry: string | null } {
  const highRisk = industryByKey(industry)?.highRisk ?? false;
  const grade =
    industry === 'coal'
      ? g.rng.weighted<1 | 2 | 3>([
          [1, 30],
          [2, 60],
          [3, 10],
        ])
      : highRisk
        ? g.rng.weighted<2 | 3 | null>([
            [2, 30],
            [3, 50],
            [null, 20],
          ])
        : g.rng.weighted<2 | 3 | null>([
            [2, 10],
            [3, 45],
            [null, 45],
          ]);
  // Grades are valid for three years; a few have lapsed.
  const expiry = grade === null ? null : addDays(DEMO_REFERENCE_DATE, g.rng.int(-150, 1000));
  return { grade, expiry };
}

function insurance(g: Gen, industry: IndustryKey, closed: boolean): { status: InsuranceStatus; expiry: string | null; insurer: string | null } {
  const highRisk = industryByKey(industry)?.highRisk ?? false;
  const status: InsuranceStatus = closed
    ? 'expired'
    : highRisk
      ? g.rng.weighted<InsuranceStatus>([
          ['insured', 85],
          ['expired', 8],
          ['uninsured', 7],
        ])
      : g.rng.weighted<InsuranceStatus>([
          ['insured', 50],
          ['expired', 5],
          ['uninsured', 45],
        ]);
  if (status === 'uninsured') return { status, expiry: null, insurer: null };
  const expiry = status === 'insured' ? addDays(DEMO_REFERENCE_DATE, g.rng.int(5, 360)) : addDays(DEMO_REFERENCE_DATE, -g.rng.int(1, 240));
  return { status, expiry, insurer: g.rng.pick(INSURERS) };
}

function assignments(g: Gen, industry: IndustryKey, c: CountyDef): DemoAssignment[] {
  return supervisorsFor(industry, c).map((departmentKey, i) => {
    const official = g.rng.pick(g.officials.get(departmentKey) as Official[]);
    return { departmentKey, responsiblePerson: official.name, responsiblePhone: official.phone, primary: i === 0 };
  });
}

interface EnterpriseOverrides {
  name?: string;
  town?: Town;
  isGroup?: boolean;
  employees?: number;
  supervisionClass?: SupervisionClass;
  status?: DemoEnterprise['status'];
  standardizationGrade?: 1 | 2 | 3 | null;
  insured?: boolean;
  licences?: LicenceKey[];
  validLicences?: boolean; // no expired or expiring licence (the demo enterprises)
}

function enterprise(g: Gen, slot: Slot, o: EnterpriseOverrides = {}): DemoEnterprise {
  const { industry, county: c } = slot;
  const group = GROUPS.find((x) => x.key === slot.groupKey);
  const template = g.rng.pick(TEMPLATES[industry]);
  const name = o.name ?? uniqueName(g, group ? (x) => (SUBSIDIARY_NAMES[group.key] as (g: GroupDef, x: NameCtx) => string)(group, x) : template.name, c);
  g.names.add(name);
  const town = o.town ?? pickTown(g, industry, c);
  const uscc = uniqueUscc(g, industry === 'education' ? '52' : '91', c);
  const status =
    o.status ??
    g.rng.weighted<DemoEnterprise['status']>(
      industry === 'coal'
        ? [
            ['operating', 84],
            ['suspended', 12],
            ['closed', 4],
          ]
        : [
            ['operating', 90],
            ['suspended', 7],
            ['closed', 3],
          ],
    );
  const closed = status === 'closed';
  const supervisionClass =
    o.supervisionClass ??
    (industry === 'coal' && status !== 'operating'
      ? 'D'
      : g.rng.weighted<SupervisionClass>(
          industry === 'coal'
            ? [
                ['A', 35],
                ['B', 50],
                ['C', 15],
              ]
            : [
                ['A', 15],
                ['B', 40],
                ['C', 35],
                ['D', 10],
              ],
        ));
  const legalRepresentative = personName(g.rng);
  const principal = g.rng.chance(0.5) ? legalRepresentative : personName(g.rng);
  const [minEmp, maxEmp] = EMPLOYEES[industry];
  const std = standardization(g, industry);
  const grade = o.standardizationGrade !== undefined ? o.standardizationGrade : std.grade;
  const ins = insurance(g, industry, closed);
  const insured = o.insured ? { status: 'insured' as const, expiry: addDays(DEMO_REFERENCE_DATE, g.rng.int(100, 360)), insurer: g.rng.pick(INSURERS) } : ins;
  const coords = coordinates(g, town);
  return {
    key: slot.key,
    uscc,
    name,
    regionCode: town.code,
    address: address(g, industry, town),
    lng: coords.lng,
    lat: coords.lat,
    industry,
    supervisionClass,
    status,
    legalRepresentative,
    principal,
    safetyManager: personName(g.rng),
    phone: mobile(g.rng),
    employees: o.employees ?? g.rng.int(minEmp, maxEmp),
    isGroup: o.isGroup ?? false,
    groupKey: slot.groupKey,
    standardizationGrade: grade,
    standardizationExpiry: grade === null ? null : (std.expiry ?? addDays(DEMO_REFERENCE_DATE, 700)),
    insuranceStatus: insured.status,
    insuranceExpiry: insured.expiry,
    insurer: insured.insurer,
    licences: (o.licences ?? template.licences).map((k) => licence(g, k, c, uscc, closed ? 'closed' : o.validLicences ? 'valid' : 'normal')),
    assignments: assignments(g, industry, c),
  };
}

/** Regular slots from PLAN, keyed ent-0001…, in industry then county order. */
function planSlots(): Slot[] {
  const slots: Slot[] = [];
  for (const { key: industry } of INDUSTRIES) {
    for (const c of COUNTIES) {
      const n = PLAN[industry][c.slug] ?? 0;
      for (let i = 0; i < n; i++) {
        slots.push({ key: `ent-${pad(slots.length + 1, 4)}`, industry, county: c, groupKey: null });
      }
    }
  }
  return slots;
}

/** Spreads each group's subsidiaries over counties: round-robin over shuffled per-county candidates. */
function assignSubsidiaries(slots: Slot[], rng: Rng): void {
  for (const group of GROUPS) {
    const byCounty = new Map<Slug, Slot[]>();
    for (const s of slots) {
      if (s.industry !== group.industry || s.groupKey) continue;
      byCounty.set(s.county.slug, [...(byCounty.get(s.county.slug) ?? []), s]);
    }
    const queues = rng.shuffle([...byCounty.values()].map((list) => rng.shuffle(list)));
    let taken = 0;
    for (let round = 0; taken < group.subsidiaries && queues.some((q) => q.length > 0); round++) {
      const q = queues[round % queues.length] as Slot[];
      const s = q.shift();
      if (s && taken < group.subsidiaries) {
        s.groupKey = group.key;
        taken++;
      }
    }
  }
}

function buildEnterprises(seed: number, towns: Town[], officials: Map<string, Official[]>): DemoEnterprise[] {
  const g: Gen = {
    rng: new Rng(seed, 'enterprises'),
    towns,
    officials,
    names: new Set(['山西泽州天泰煤业有限公司', '高平市华晟化工有限公司', ...GROUPS.map((x) => x.name)]),
    usccs: new Set(),
    licenceSeq: new Map(),
  };
  const slots = planSlots();
  assignSubsidiaries(slots, new Rng(seed, 'groups'));

  const groups = GROUPS.map((d) => {
    const c = countyBySlug(d.slug);
    const offices = g.towns.filter((t) => t.county === c && t.kind === 'street');
    const town = offices.length > 0 ? g.rng.pick(offices) : pickTown(g, d.industry, c);
    const licences: LicenceKey[] =
      d.industry === 'coal' ? [] : d.industry === 'hazchem' ? ['chemSafety', 'pollution'] : (TEMPLATES[d.industry][0]?.licences ?? []);
    return enterprise(
      g,
      { key: d.key, industry: d.industry, county: c, groupKey: null },
      { name: d.name, town, isGroup: true, employees: d.employees, status: 'operating', supervisionClass: 'B', insured: true, licences },
    );
  });

  const demoCoal = enterprise(
    g,
    { key: 'demo-coal', industry: 'coal', county: countyBySlug('zezhou'), groupKey: 'group-coal' },
    {
      name: '山西泽州天泰煤业有限公司',
      town: townByName('巴公镇', towns),
      employees: 860,
      status: 'operating',
      supervisionClass: 'B',
      standardizationGrade: 2,
      insured: true,
      licences: ['coalSafety', 'mining'],
      validLicences: true,
    },
  );
  const demoChem = enterprise(
    g,
    { key: 'demo-chem', industry: 'hazchem', county: countyBySlug('gaoping'), groupKey: null },
    {
      name: '高平市华晟化工有限公司',
      town: townByName('米山镇', towns),
      employees: 236,
      status: 'operating',
      supervisionClass: 'B',
      standardizationGrade: 2,
      insured: true,
      licences: ['chemSafety', 'pollution'],
      validLicences: true,
    },
  );

  const regular = slots.map((s) => enterprise(g, s));
  markGaps(regular, new Rng(seed, 'gaps'));
  return [...groups, demoCoal, demoChem, ...regular];
}

/** On purpose: 8 enterprises with no supervising department, 8 whose primary has no named person. */
export const GAP_COUNTS = { noAssignment: 8, noResponsiblePerson: 8 } as const;

function markGaps(regular: DemoEnterprise[], rng: Rng): void {
  const eligible = rng.shuffle(regular.filter((e) => e.groupKey === null));
  const { noAssignment, noResponsiblePerson } = GAP_COUNTS;
  for (const e of eligible.slice(0, noAssignment)) e.assignments = [];
  for (const e of eligible.slice(noAssignment, noAssignment + noResponsiblePerson)) {
    const primary = e.assignments.find((a) => a.primary) as DemoAssignment;
    primary.responsiblePerson = null;
    primary.responsiblePhone = null;
  }
}

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Users (product.md §4)
// ─────────────────────────────────────────────────────────────────────────────────────────────

function buildUsers(depts: DemoDepartment[], officials: Map<string, Official[]>, enterprises: DemoEnterprise[]): DemoUser[] {
  const deptUser = (username: string, departmentKey: string, kind: 'government' | 'industry', role: string): DemoUser => {
    const d = depts.find((x) => x.key === departmentKey) as DemoDepartment;
    const person = (officials.get(departmentKey) as Official[])[0] as Official;
    return { username, displayName: `${d.name} ${person.name}`, kind, departmentKey, roles: [role] };
  };
  const entUser = (username: string, enterpriseKey: string, kind: 'enterprise' | 'group', role: string, who?: 'principal' | 'worker'): DemoUser => {
    const e = enterprises.find((x) => x.key === enterpriseKey) as DemoEnterprise;
    const person = who === 'worker' ? '职工 王师傅' : kind === 'group' || who === 'principal' ? e.principal : e.safetyManager;
    return { username, displayName: `${e.name} ${person}`, kind, enterpriseKey, roles: [role] };
  };
  return [
    { username: 'admin', displayName: '系统管理员', kind: 'platform', roles: ['system-admin'] },
    { username: 'secadmin', displayName: '安全管理员', kind: 'platform', roles: ['security-admin'] },
    { username: 'auditor', displayName: '安全审计员', kind: 'platform', roles: ['audit-admin'] },
    deptUser('city', 'city-yjj', 'government', 'regulator-admin'),
    deptUser('zezhou', 'zezhou-yjj', 'government', 'regulator-admin'),
    deptUser('gaoping', 'gaoping-yjj', 'government', 'regulator-admin'),
    deptUser('energy', 'city-energy', 'industry', 'regulator'),
    entUser('ent-coal', 'demo-coal', 'enterprise', 'enterprise-manager'),
    entUser('ent-chem', 'demo-chem', 'enterprise', 'enterprise-manager'),
    // A second manager (the principal) verifies what the safety manager rectified; a worker receives the 双报告.
    entUser('ent-chem2', 'demo-chem', 'enterprise', 'enterprise-manager', 'principal'),
    entUser('worker-chem', 'demo-chem', 'enterprise', 'enterprise-worker', 'worker'),
    entUser('group-coal', 'group-coal', 'group', 'group-manager'),
    ...(['chengqu', 'qinshui', 'yangcheng', 'lingchuan', 'kfq'] as const).map((slug) => deptUser(slug, `${slug}-yjj`, 'government', 'regulator-admin')),
  ];
}

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Entry point
// ─────────────────────────────────────────────────────────────────────────────────────────────

export function generateDemoData(seed = 20210101): DemoData {
  const towns = buildTowns();
  const regions = buildRegions(towns);
  const departments = buildDepartments();
  const officials = buildOfficials(departments, new Rng(seed, 'officials'));
  const enterprises = buildEnterprises(seed, towns, officials);
  const users = buildUsers(departments, officials, enterprises);
  return { regions, departments, enterprises, users };
}
