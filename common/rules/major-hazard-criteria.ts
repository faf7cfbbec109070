/**
 * 重大事故隐患判定标准: selecting one of these items makes a hazard 重大 and records the criterion
 * (regulations.md §4, §5). Short names as the standards list them, with an English gloss.
 */
export interface MajorHazardCriterion {
  code: string;
  zh: string;
  en: string;
  /** Wording marked UNVERIFIED in the reference. */
  unverified?: boolean;
}

export interface MajorHazardCatalogue {
  key: 'coal' | 'chemical';
  zh: string;
  en: string;
  /** The industries (common/industries.ts keys) whose enterprises the catalogue applies to. */
  industries: readonly string[];
  source: string;
  items: readonly MajorHazardCriterion[];
}

export const COAL_CRITERIA_SOURCE = '《煤矿重大事故隐患判定标准》（应急管理部令第4号，2021年1月1日起施行）第三条';
export const CHEMICAL_CRITERIA_SOURCE = '《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）》（安监总管三〔2017〕121号）';

const coal = (n: number, zh: string, en: string): MajorHazardCriterion => ({ code: `C${String(n).padStart(2, '0')}`, zh, en });
const chem = (n: number, zh: string, en: string, unverified = false): MajorHazardCriterion => ({
  code: `H${String(n).padStart(2, '0')}`,
  zh,
  en,
  ...(unverified ? { unverified } : {}),
});

export const MAJOR_HAZARD_CATALOGUES: readonly MajorHazardCatalogue[] = [
  {
    key: 'coal',
    zh: '煤矿重大事故隐患（15类）',
    en: 'Coal mine major hazards (15 categories)',
    industries: ['coal'],
    source: COAL_CRITERIA_SOURCE,
    items: [
      coal(1, '超能力、超强度或者超定员组织生产', 'Over-capacity, over-intensity or over-staffing'),
      coal(2, '瓦斯超限作业', 'Working with methane over the limit'),
      coal(3, '煤与瓦斯突出矿井，未依照规定实施防突出措施', 'Outburst mine without the required anti-outburst measures'),
      coal(4, '高瓦斯矿井未建立瓦斯抽采系统和监控系统，或者系统不能正常运行', 'High-gas mine without working drainage or monitoring'),
      coal(5, '通风系统不完善、不可靠', 'Deficient or unreliable ventilation'),
      coal(6, '有严重水患，未采取有效措施', 'Serious water hazard not controlled'),
      coal(7, '超层越界开采', 'Mining beyond the permitted seam or boundary'),
      coal(8, '有冲击地压危险，未采取有效措施', 'Rock-burst risk not controlled'),
      coal(9, '自然发火严重，未采取有效措施', 'Serious spontaneous combustion not controlled'),
      coal(10, '使用明令禁止使用或者淘汰的设备、工艺', 'Banned or obsolete equipment or process'),
      coal(11, '煤矿没有双回路供电系统', 'No dual-circuit power supply'),
      coal(
        12,
        '新建煤矿边建设边生产，煤矿改扩建期间，在改扩建的区域生产，或者在其他区域的生产超出安全设施设计规定的范围和规模',
        'Producing while building, or beyond the approved safety-facility design during expansion',
      ),
      coal(
        13,
        '煤矿实行整体承包生产经营后，未重新取得或者及时变更安全生产许可证而从事生产，或者承包方再次转包，以及将井下采掘工作面和井巷维修作业进行劳务承包',
        'Contracting, subcontracting or labour-only contracting violations',
      ),
      coal(
        14,
        '煤矿改制期间，未明确安全生产责任人和安全管理机构，或者在完成改制后，未重新取得或者变更采矿许可证、安全生产许可证和营业执照',
        'Restructuring without responsibility or licences',
      ),
      coal(15, '其他重大事故隐患', 'Other major hazards'),
    ],
  },
  {
    key: 'chemical',
    zh: '化工和危险化学品重大隐患（20项）',
    en: 'Chemical and hazardous-chemical major hazards (20 items)',
    industries: ['hazchem'],
    source: CHEMICAL_CRITERIA_SOURCE,
    items: [
      chem(1, '危险化学品生产、经营单位主要负责人和安全生产管理人员未依法经考核合格', 'Principal head and safety managers not certified'),
      chem(2, '特种作业人员未持证上岗', 'Special-operation workers uncertified'),
      chem(3, '涉及“两重点一重大”的生产装置、储存设施外部安全防护距离不符合国家标准要求', 'External safety distance of 两重点一重大 units inadequate'),
      chem(
        4,
        '涉及重点监管危险化工工艺的装置未实现自动化控制，系统未实现紧急停车功能，装备的自动化控制系统、紧急停车系统未投入使用',
        'Key hazardous processes without automation or ESD, or not in use',
      ),
      chem(
        5,
        '构成一级、二级重大危险源的危险化学品罐区未实现紧急切断功能；涉及毒性气体、液化气体、剧毒液体的一级、二级重大危险源的危险化学品罐区未配备独立的安全仪表系统',
        'Grade 1/2 tank farms without emergency shut-off or an independent SIS',
      ),
      chem(6, '全压力式液化烃储罐未按国家标准设置注水措施', 'Fully pressurised LPG-type tanks without water injection'),
      chem(7, '液化烃、液氨、液氯等易燃易爆、有毒有害液化气体的充装未使用万向管道充装系统', 'Loading without swivel-arm (万向) loading systems'),
      chem(8, '光气、氯气等剧毒气体及硫化氢气体管道穿越除厂区（包括化工园区、工业园区）外的公共区域', 'Toxic-gas pipelines crossing public areas'),
      chem(9, '地区架空电力线路穿越生产区且不符合国家标准要求', 'Overhead power lines crossing the production area'),
      chem(10, '在役化工装置未经正规设计且未进行安全设计诊断', 'Units never properly designed and not design-diagnosed'),
      chem(11, '使用淘汰落后安全技术工艺、设备目录列出的工艺、设备', 'Listed obsolete processes or equipment'),
      chem(
        12,
        '涉及可燃和有毒有害气体泄漏的场所未按国家标准设置检测报警装置，爆炸危险场所未按国家标准安装使用防爆电气设备',
        'No gas detection, or non-explosion-proof electrics in explosive areas',
      ),
      chem(13, '控制室或机柜间面向具有火灾、爆炸危险性装置一侧不满足国家标准关于防火防爆的要求', 'Control or rack room not fire- or blast-protected'),
      chem(14, '化工生产装置未按国家标准要求设置双重电源供电，自动化控制系统未设置不间断电源', 'No dual power supply or no UPS'),
      chem(15, '安全阀、爆破片等安全附件未正常投用', 'Relief valves, rupture discs etc. not in service', true),
      chem(
        16,
        '未建立与岗位相匹配的全员安全生产责任制或者未制定实施生产安全事故隐患排查治理制度',
        'No all-staff responsibility system or hazard-management system',
      ),
      chem(17, '未制定操作规程和工艺控制指标', 'No operating procedures or process control limits'),
      chem(18, '未按照国家标准制定动火、进入受限空间等特殊作业管理制度，或者制度未有效执行', 'No or unenforced hot-work and confined-space rules'),
      chem(
        19,
        '新开发的危险化学品生产工艺未经小试、中试、工业化试验直接进行工业化生产；国内首次使用的化工工艺未经过省级人民政府有关部门组织的安全可靠性论证；新建装置未制定试生产方案投料开车；精细化工企业未按规范性文件要求开展反应安全风险评估',
        'Process development, first use, trial run or reaction-risk assessment skipped',
        true,
      ),
      chem(
        20,
        '未按国家标准分区分类储存危险化学品，超量、超品种储存危险化学品，相互禁配物质混放混存',
        'Improper segregated storage, over-storage or incompatible materials stored together',
        true,
      ),
    ],
  },
];

export function findCriterion(catalogue: string, code: string): { catalogue: MajorHazardCatalogue; item: MajorHazardCriterion } | null {
  const c = MAJOR_HAZARD_CATALOGUES.find((x) => x.key === catalogue);
  const item = c?.items.find((i) => i.code === code);
  return c && item ? { catalogue: c, item } : null;
}
