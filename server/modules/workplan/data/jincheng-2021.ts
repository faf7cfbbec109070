/**
 * 晋城市人民政府《关于做好2021年安全生产和应急管理工作的通知》（晋市政发〔2021〕1号，2021年3月25日）
 * as a structured work plan: 8 sections, 27 numbered items.
 *
 * `text` is the item verbatim from the notice (page-broken lines joined, paragraphs separated by '\n',
 * the source's markdown emphasis `**` around the 分行业 sub-headings dropped). Every indicator `quote` is an
 * exact substring of the notice and of the item's own `text`.
 */

import type { INDICATOR_KEYS } from '../../../../common/contracts/plans.js';

export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

export interface IndicatorDef {
  key: IndicatorKey;
  name: string;
  nameEn: string;
  target: string;
  /** The exact phrase of the notice the indicator measures. */
  quote: string;
}

export interface PlanItem {
  /** 1..27 */
  number: number;
  section: string;
  title: string;
  titleEn: string;
  text: string;
  responsibleUnits: string[];
  indicators: IndicatorDef[];
}

type IndicatorMeta = Omit<IndicatorDef, 'key' | 'quote'>;

const INDICATOR_META: Record<IndicatorKey, IndicatorMeta> = {
  leaderLecture: {
    name: '主要领导讲安全生产课',
    nameEn: 'Safety lecture given by the principal leader',
    target: '各县（市、区）人民政府和市直有关部门主要领导全年至少讲一堂安全生产课',
  },
  monthlySafetyMeeting: {
    name: '政府每月安全生产会议',
    nameEn: 'Monthly government meeting on work safety',
    target: '市、县（市、区）人民政府每月至少召开一次会议研究解决安全生产重大问题',
  },
  supervisionTableComplete: {
    name: '安全监管“一张表”完整率',
    nameEn: '“One table” supervision assignment completeness',
    target: '每一个生产经营单位的监管责任明确到相关行业部门及责任人员（100%）',
  },
  groupInspections: {
    name: '集团领导深入分（子）公司安全检查',
    nameEn: 'Group leadership safety inspections of subsidiaries',
    target: '集团公司董事长每季度、总经理每月至少深入所属分（子）公司进行一次安全检查',
  },
  hazchemFourSystems: {
    name: '重大危险源企业“四个系统”实现并投用',
    nameEn: 'Major-hazard chemical sites with all four safety systems in service',
    target: '自动化控制系统、安全仪表系统、紧急切断装置（紧急停车）、可燃有毒气体泄漏检测报警装置全部实现并投用；缺任一项一律停产整顿',
  },
  officerTraining: {
    name: '执法人员轮训',
    nameEn: 'Enforcement officer rotation training',
    target: '所有执法人员轮训不少于2周',
  },
  equipmentPerOfficer: {
    name: '执法装备人手一套',
    nameEn: 'Enforcement equipment kit per officer',
    target: '到2021年底基本实现监管执法人员移动执法终端、执法记录仪、个人防护等装备人手一套',
  },
  intelligentMiningFaces: {
    name: '智能化采掘工作面建设',
    nameEn: 'Intelligent mining and tunnelling faces under construction',
    target: '全面推动151个智能化采掘工作面建设',
  },
  standardizationCoal: {
    name: '生产煤矿安全生产标准化达标',
    nameEn: 'Producing coal mines at standardization grade II or above',
    target: '正常生产煤矿必须达到二级及以上标准',
  },
  standardizationHighRisk: {
    name: '其他高危行业企业标准化达标',
    nameEn: 'Other high-risk enterprises at standardization grade III or above',
    target: '其他高危行业企业达到三级及以上标准',
  },
  liabilityInsurance: {
    name: '安全生产责任保险推行',
    nameEn: 'Work-safety liability insurance in high-risk industries',
    target: '煤矿、非煤矿山、危险化学品、金属冶炼、交通运输、建筑施工、民用爆炸物品等高危行业全面推行安全生产责任保险',
  },
  fatalAccidentActions: {
    name: '亡人事故企业“四个一律”落实',
    nameEn: 'Mandatory actions after a fatal accident',
    target: '一律责令停产整顿、取消标准化等级、暂扣或吊销安全生产许可证、启动刑事调查',
  },
  taskOnTime: {
    name: '督办任务按期办结',
    nameEn: 'Linked 13710 supervision tasks resolved on time',
    target: '关联的“13710”督办任务全部按期办结',
  },
};

function ind(key: IndicatorKey, quote: string): IndicatorDef {
  return { key, ...INDICATOR_META[key], quote };
}

/** Every item can have linked 督办 tasks; the quote is the item heading except for item 9, which names the 13710 system. */
function task(quote: string): IndicatorDef {
  return ind('taskOnTime', quote);
}

const S1 = '一、提高政治站位，压实安全责任';
const S2 = '二、深化源头治理，严格风险管控';
const S3 = '三、推进专项行动，实施系统治理';
const S4 = '四、强化能力建设，推进依法行政';
const S5 = '五、加强灾害防治，提升防灾能力';
const S6 = '六、强化基础保障，促进本质安全';
const S7 = '七、健全体制机制，提升应急水平';
const S8 = '八、严格巡查考核，严肃责任追究';

export const JINCHENG_2021_PLAN: { year: 2021; issuer: '晋城市人民政府'; document: '晋市政发〔2021〕1号'; title: string; items: PlanItem[] } = {
  year: 2021,
  issuer: '晋城市人民政府',
  document: '晋市政发〔2021〕1号',
  title: '晋城市人民政府关于做好2021年安全生产和应急管理工作的通知',
  items: [
    {
      number: 1,
      section: S1,
      title: '深入贯彻落实习近平总书记重要论述',
      titleEn: 'Thoroughly implement General Secretary Xi Jinping’s important expositions on work safety',
      text: '深入贯彻落实习近平总书记重要论述。深入贯彻落实习近平总书记关于安全生产重要论述和视察山西重要讲话重要指示，各县（市、区）人民政府和市直有关部门要研究制定本地区、本行业贯彻落实方案，主要领导全年至少讲一堂安全生产课。通过开展领导干部大讲堂、专家学者专题讲座、一线工作者上讲台等多种宣讲形式，组织各级安全监管干部和企业负责人、安全管理人员开展专题培训，推动学习贯彻落实习近平总书记重要论述走深走实。',
      responsibleUnits: ['各县（市、区）人民政府', '市直有关部门'],
      indicators: [ind('leaderLecture', '主要领导全年至少讲一堂安全生产课'), task('深入贯彻落实习近平总书记重要论述')],
    },
    {
      number: 2,
      section: S1,
      title: '压实党政领导责任',
      titleEn: 'Enforce the work-safety responsibility of Party and government leaders',
      text: '压实党政领导责任。坚持“党政同责、一岗双责、齐抓共管、失职追责”，严格落实《地方党政领导干部安全生产责任制规定》及其实施细则，制定领导干部安全生产“职责清单”和年度“重点工作任务清单”。市、县（市、区）人民政府每月至少召开一次会议，研究解决安全生产重大问题，主要领导要定期深入基层一线，检查指导安全生产工作。',
      responsibleUnits: ['市人民政府', '各县（市、区）人民政府'],
      indicators: [ind('monthlySafetyMeeting', '市、县（市、区）人民政府每月至少召开一次会议，研究解决安全生产重大问题'), task('压实党政领导责任')],
    },
    {
      number: 3,
      section: S1,
      title: '压实部门监管责任',
      titleEn: 'Enforce the supervisory responsibility of departments',
      text: '压实部门监管责任。认真制定并严格落实我市《管行业必须管安全、管业务必须管安全、管生产经营必须管安全实施细则》，负有安全监管职责的部门要结合我市《实施细则》，制定本部门安全生产责任清单和年度安全生产工作方案。全面落实重点行业领域分类分级监管办法，各级行业管理部门要绘制行业领域安全监管“一张表”，将每一个生产经营单位的监管责任明确到相关行业部门及责任人员，确保精准化监管执法。要建立安全生产协调联动机制，定期组织会商研判，适时开展联合执法检查，着力化解行业领域内的重大风险，形成监管合力。',
      responsibleUnits: ['负有安全监管职责的部门', '各级行业管理部门'],
      indicators: [
        ind('supervisionTableComplete', '各级行业管理部门要绘制行业领域安全监管“一张表”，将每一个生产经营单位的监管责任明确到相关行业部门及责任人员'),
        task('压实部门监管责任'),
      ],
    },
    {
      number: 4,
      section: S1,
      title: '压实主体企业（集团）责任',
      titleEn: 'Enforce the responsibility of parent enterprises (groups)',
      text: '压实主体企业（集团）责任。严格落实《山西省生产经营单位主要负责人安全生产责任制实施办法（试行）》，各集团公司董事长每季度，总经理每月至少深入所属分（子）公司进行一次安全检查，每月组织召开董事会研究解决本企业（集团）内的安全生产重大问题。要建立完善主体企业班子成员检查清单、企业隐患整改清单、高风险作业集团公司审批清单、集团领导跟踪督办清单、追责问责清单等“五个清单”。',
      responsibleUnits: ['各集团公司'],
      indicators: [ind('groupInspections', '各集团公司董事长每季度，总经理每月至少深入所属分（子）公司进行一次安全检查'), task('压实主体企业（集团）责任')],
    },
    {
      number: 5,
      section: S1,
      title: '压实企业主体责任',
      titleEn: 'Enforce enterprises’ primary responsibility for safety',
      text: '压实企业主体责任。紧盯董事长、总经理、实际控制人这一关键少数，严格落实主要负责人安全生产履职尽责承诺制度、安全生产责任制实施办法，推动企业做到主体责任、基础管理、安全投入、安全培训和应急救援“五到位”。严格落实安全生产领域失信惩戒有关管理规定，及时有效惩戒失信行为，倒逼企业落实安全生产责任。',
      responsibleUnits: ['生产经营单位', '负有安全监管职责的部门'],
      indicators: [task('压实企业主体责任')],
    },
    {
      number: 6,
      section: S2,
      title: '强化源头管理',
      titleEn: 'Strengthen control at the source',
      text: '强化源头管理。严格执行安全设施“三同时”和安全生产许可制度，严把安全生产准入门槛；健全完善安全风险评估制度和论证机制，对产业园区、重大工程项目开展安全风险评估和论证，严防已淘汰高风险的项目落地。',
      responsibleUnits: ['负有安全监管职责的部门', '开发区管委会'],
      indicators: [task('强化源头管理')],
    },
    {
      number: 7,
      section: S2,
      title: '强化风险防控',
      titleEn: 'Strengthen risk prevention and control',
      text: '强化风险防控。推动高危企业建立风险分级管控和隐患排查治理双重预防机制，督促企业自主开展全过程、全方位的危害辨识，对风险按危害程度分级，严格落实监测、监控、预警等管控措施，建立并落实企业风险主动报告制度。',
      responsibleUnits: ['负有安全监管职责的部门', '高危企业'],
      indicators: [task('强化风险防控')],
    },
    {
      number: 8,
      section: S2,
      title: '强化隐患治理',
      titleEn: 'Strengthen hidden-hazard remediation',
      text: '强化隐患治理。推动企业落实隐患排查治理制度，实现自查自改自报闭环管理，严格落实重大隐患及其排查整改情况向监管部门和企业职工“双报告”制度。各行业管理部门要建立完善并严格落实重大隐患挂牌跟踪督办制度。强化“隐患就是事故”的理念，落实重大隐患调查处理办法，对不按规定整改重大隐患的，严格追究相关人员责任。',
      responsibleUnits: ['各行业管理部门', '生产经营单位'],
      indicators: [task('强化隐患治理')],
    },
    {
      number: 9,
      section: S3,
      title: '深入推进安全生产专项整治三年行动',
      titleEn: 'Advance the three-year special campaign on work safety',
      text: [
        '深入推进安全生产专项整治三年行动。突出重点行业领域安全风险隐患排查治理，按照《山西省安全生产专项整治三年行动计划》要求的时间节点和目标任务，健全完善制度措施，动态更新问题隐患、制度措施、挂牌督办、追责问责“四个清单”。针对重点难点问题，采取召开现场推进会、纳入“13710”督办系统进行跟踪督办和专项督查等措施集中攻坚，按照时间节点有序推进各项工作。',
        '——煤矿：严格落实加强煤矿安全生产工作特别规定、煤矿安全监管专员制度、煤矿分级分类监察监管办法和煤矿矿长安全考核记分制度等制度措施，加强煤矿瓦斯、水害、顶板灾害治理，严厉打击违法违规生产行为。',
        '——危险化学品：全面开展化工园区评估和达标认定工作，有效管控化工园区安全风险；开展涉及剧毒、易燃易爆等特别管控危化品的重大危险源企业专项行动，凡未实现或未投用自动化控制系统、安全仪表系统、紧急切断装置（紧急停车）、可燃有毒气体泄漏检测报警装置的一律停产整顿。',
        '——非煤矿山：严厉打击非煤矿山不按批准的设计组织建设生产；不及时填绘图纸或开采现状图与实际严重不符；涉及人身安全、危险性较大的设备设施未按照相关规定进行检测检验；外包工程以包代管、包而不管等非法违法行为。',
        '——冶金制造：突出高温熔融金属、冶金煤气、有限空间作业、涉爆粉尘等安全设备设施及危险作业环节安全风险排查整治。',
        '——道路运输：以“两客一危”、网约车、临时包车等为重点，严厉打击非法营运、“三超一疲劳”、农用机动车载人等违法行为。严格危险货物道路运输市场准入，推进危险货物道路运输安全集中整治；实施公路安全生命防护工程、危桥改造工程，加强对长下坡、桥梁、隧道等风险较高和事故多发路段隐患排查整治。',
        '——建筑施工：严格落实《山西省农村自建房规划许可管理办法（试行）》等“四办法一标准”，规范农村房屋建设管理；持续开展城乡房屋安全隐患排查整治行动，拆危拆违；加强对转包分包建设项目的安全管理，严格落实建设、施工、监理等各方安全责任；严格桥梁、隧道、高边坡等高危工程施工安全管理，防范坍塌和高空坠落事故发生。',
        '——消防：强化高层建筑、文物单位、学校医院、养老机构、物流仓储以及“多合一”、群租房、老旧小区等场所、领域专项整治；持续深化人员密集场所、彩钢板建筑、文旅场所、大型商业综合体、“打通生命通道”、电动自行车、电气火灾等消防安全综合治理，切实消除火灾隐患。',
        '——危险废物：加强危险废物收集、贮存、运输、利用、处置单位的容器、包装物、设施的风险隐患排查；严厉打击偷排偷放偷存或违法违规利用处置危险废物的违法行为；以粉尘作业场所 30 人以上的企业为重点，深入排查涉爆粉尘安全隐患。',
        '——特种设备：深入开展长输油气管道、城市公用管道、工业管道，尤其是 20 年以上的老旧压力管道和高后果区油气管道的安全隐患排查治理；突出大型游乐设施、客运索道、电梯、移动式压力容器的专项整治。',
        '——市政公用：开展燃气、供水、供热、污水处理企业的安全生产专项整治，突出沟、池、井等有限空间以及生产运行设施、设备、构筑物、供电设备的风险排查治理。',
        '水利、教育、旅游、民爆等行业领域也要结合各自实际开展专项整治。',
      ].join('\n'),
      responsibleUnits: ['市应急局', '市能源局', '市交通运输局', '市住建局', '市消防救援支队', '市生态环境局', '市市场监管局'],
      indicators: [
        ind('hazchemFourSystems', '凡未实现或未投用自动化控制系统、安全仪表系统、紧急切断装置（紧急停车）、可燃有毒气体泄漏检测报警装置的一律停产整顿'),
        task('纳入“13710”督办系统进行跟踪督办'),
      ],
    },
    {
      number: 10,
      section: S3,
      title: '深入推进“零事故”单位创建',
      titleEn: 'Advance the creation of “zero-accident” units',
      text: '深入推进“零事故”单位创建。以“零事故”单位创建为抓手，制定农村、社区安全风险分级管控和隐患排查治理工作指南，加强农村、社区、企事业单位安全基础管理，推进安全生产与应急管理全方位、深层次融入全科网格管理体系，在创新管理、发现问题、夯实基础、提升本质安全上下功夫，不断扩大创建成果。',
      responsibleUnits: ['各县（市、区）人民政府', '市应急局'],
      indicators: [task('深入推进“零事故”单位创建')],
    },
    {
      number: 11,
      section: S3,
      title: '深入推进“反三违”专项整治',
      titleEn: 'Advance the special campaign against the “three violations”',
      text: '深入推进“反三违”专项整治。在煤矿、危险化学品、金属冶炼、非煤矿山、建筑施工、道路交通等重点行业领域，继续深化“反三违”专项整治，严厉打击违章指挥、违章作业、违反劳动纪律等行为；生产经营单位要探索建立“反三违”工作长效机制，落实工作责任，明确惩戒措施，广泛宣传教育，确保专项整治取得实效。',
      responsibleUnits: ['负有安全监管职责的部门', '生产经营单位'],
      indicators: [task('深入推进“反三违”专项整治')],
    },
    {
      number: 12,
      section: S4,
      title: '强化队伍建设',
      titleEn: 'Strengthen the supervision workforce',
      text: '强化队伍建设。严格落实中办国办《关于深化应急管理综合行政执法改革的意见》（中办发〔2020〕35号）和省政府办公厅《关于进一步加强安全生产监管能力建设的意见》（晋政办发〔2020〕107号），加强各级政府领导班子安全监管能力建设；各行业领域要明确负责安全监管的内设机构，配足配强监管人员；推进市、县两级应急管理部门实行“局队合一”，加快应急管理人员专业化建设，通过调整补充、竞争上岗等方式，优化监管人员的专业结构素质；对所有执法人员开展不少于2周的轮训。',
      responsibleUnits: ['各级人民政府', '各行业管理部门', '市应急局'],
      indicators: [ind('officerTraining', '对所有执法人员开展不少于2周的轮训'), task('强化队伍建设')],
    },
    {
      number: 13,
      section: S4,
      title: '推进依法行政',
      titleEn: 'Advance law-based administration',
      text: '推进依法行政。进一步完善执法监督机制，规范执法行为，严格执行重大行政执法决定法制审核、执法全过程记录、执法公示等制度。各负有安全监管职责的部门要分类制定安全生产现场检查清单，明确检查内容、检查标准、检查依据、整改要求及保障措施，推进标准化执法。严格事故前严重违法行为的刑事责任追究，做好安全生产行政惩处与司法惩处的衔接，完善安全生产违法线索通报、案件移送与协查机制，持续保持打非治违高压态势。',
      responsibleUnits: ['负有安全监管职责的部门'],
      indicators: [task('推进依法行政')],
    },
    {
      number: 14,
      section: S4,
      title: '加强执法保障',
      titleEn: 'Strengthen enforcement support',
      text: '加强执法保障。提高安全监管装备保障能力，到2021年底基本实现监管执法人员移动执法终端、执法记录仪、个人防护等装备人手一套，全面推广应用“互联网+监管+专家”执法，提高执法质量效能。按照分级管理、分级负担的原则，将安全监管执法经费纳入同级财政保障范围，加大安全监管执法经费保障力度。',
      responsibleUnits: ['负有安全监管职责的部门', '市财政局'],
      indicators: [ind('equipmentPerOfficer', '到2021年底基本实现监管执法人员移动执法终端、执法记录仪、个人防护等装备人手一套'), task('加强执法保障')],
    },
    {
      number: 15,
      section: S5,
      title: '抓好自然灾害风险防控',
      titleEn: 'Manage natural-disaster risks',
      text: '抓好自然灾害风险防控。扎实开展好全国第一次灾害综合风险普查工作，按照时间节点要求完成阶段性目标任务。建立完善自然灾害综合风险监测预警、定期调度、会商研判等各项制度，强化自然灾害联防联控。深入开展综合减灾示范社区创建，筑牢防灾减灾的人民防线。',
      responsibleUnits: ['市应急局', '各县（市、区）人民政府'],
      indicators: [task('抓好自然灾害风险防控')],
    },
    {
      number: 16,
      section: S5,
      title: '实施自然灾害防治重点工程',
      titleEn: 'Implement key natural-disaster prevention projects',
      text: '实施自然灾害防治重点工程。按照国家《自然灾害防治重点工程实施方案》和我市《关于实施自然灾害防治重点工程的通知》要求，加快推进九项灾害防治工程项目建设，及时研究解决工程建设中遇到的困难和问题，建立健全自然灾害防治联席会议等各项工作机制，强化资金保障，全面提升全市自然灾害防治能力。',
      responsibleUnits: ['市应急局', '市直有关部门'],
      indicators: [task('实施自然灾害防治重点工程')],
    },
    {
      number: 17,
      section: S5,
      title: '突出重点灾种防范',
      titleEn: 'Focus on key disaster types',
      text: [
        '突出重点灾种防范。',
        '——森林防火：认真贯彻落实《关于禁止野外用火的决定》《晋城市森林防灭火工作四条特别规定》，加强火源管控，落实各级领导干部包保责任制和群防群治措施，一旦发生火情能够“打早、打小、打了”，确保不扩大为重大森林草原火灾。',
        '——水旱灾害：加强对防洪工程隐患排查治理，强化会商研判和监测预警预报，落实群策群防措施，严格水旱灾害风险管控，切实保障人民群众生产生活和生命财产安全。',
        '——地质灾害：充分运用气象雷达、卫星等技术手段，加强对重要目标和重要地区的地质灾害监测预警，及时组织受到山体崩塌、滑坡、泥石流等地质灾害威胁人员及早撤离危险区域。',
        '——气象灾害：加强监测预报预警，做好防范应对和应急处置工作，严格气象灾害风险管控，积极开展人工增雨防雹作业，助力减灾救灾工作。',
      ].join('\n'),
      responsibleUnits: ['市应急局', '市林业局', '市水务局', '市规划和自然资源局', '市气象局'],
      indicators: [task('突出重点灾种防范')],
    },
    {
      number: 18,
      section: S6,
      title: '强化规划和科技保障',
      titleEn: 'Strengthen planning and technology support',
      text: '强化规划和科技保障。认真编制并实施《晋城市“十四五”应急管理体系和本质安全能力建设规划》，明确“十四五”时期应急管理体系和本质安全能力建设方面的重点工程和保障措施。加快推进煤矿智能化开采和机器人应用，全面推动 151 个智能化采掘工作面建设，打造一批本质安全型矿井；在化工企业继续推进连锁切断装置改造升级；在高危行业领域持续推进“机械化换人，自动化减人，智能化作业”，提高装备现代化水平。',
      responsibleUnits: ['市应急局', '市能源局', '市工信局'],
      indicators: [ind('intelligentMiningFaces', '全面推动 151 个智能化采掘工作面建设'), task('强化规划和科技保障')],
    },
    {
      number: 19,
      section: S6,
      title: '强化人才技术保障',
      titleEn: 'Strengthen expert and technical support',
      text: '强化人才技术保障。加强应急管理和安全生产专家队伍建设，进一步充实专家队伍，组织开展专家业务能力提升培训，推动各行业管理部门建立行业领域安全生产专家库，专家数量和质量要满足各级各行业安全监管、防灾减灾和抢险救援工作需要。',
      responsibleUnits: ['市应急局', '各行业管理部门'],
      indicators: [task('强化人才技术保障')],
    },
    {
      number: 20,
      section: S6,
      title: '强化基础保障',
      titleEn: 'Strengthen foundational support',
      text: '强化基础保障。在煤矿、非煤矿山、危险化学品、金属冶炼、交通运输、建筑施工、民用爆炸物品等高危行业全面推行安全生产责任保险，提高抵御风险的能力。大力推进安全生产标准化建设，正常生产煤矿必须达到二级及以上标准，其他高危行业企业要达到三级及以上标准。',
      responsibleUnits: ['市应急局', '市能源局', '各行业管理部门'],
      indicators: [
        ind('liabilityInsurance', '在煤矿、非煤矿山、危险化学品、金属冶炼、交通运输、建筑施工、民用爆炸物品等高危行业全面推行安全生产责任保险'),
        ind('standardizationCoal', '正常生产煤矿必须达到二级及以上标准'),
        ind('standardizationHighRisk', '其他高危行业企业要达到三级及以上标准'),
        task('强化基础保障'),
      ],
    },
    {
      number: 21,
      section: S6,
      title: '强化宣教保障',
      titleEn: 'Strengthen publicity and education',
      text: '强化宣教保障。在各级行政学院开设安全和应急管理课程，强化对领导干部的安全培训；各部门要加强与党报党刊、电台电视台等主流媒体沟通联系，加大安全生产宣传报道力度；新媒体要发挥传播和更新速度快的优势，与传统媒体齐唱共鸣，强化舆论引导。组织开展好防灾减灾日、安全生产月、消防宣传月、“安康杯”竞赛、安全文化示范企业创建等主题活动，推进安全生产宣传教育“五进”常态化。将企业全员安全培训情况纳入执法检查的重要内容，大力推广和规范网络在线教育，深入推进安全技能提升行动计划。',
      responsibleUnits: ['各级行政学院', '市直各部门', '市应急局'],
      indicators: [task('强化宣教保障')],
    },
    {
      number: 22,
      section: S7,
      title: '加强应急管理体制机制建设',
      titleEn: 'Build emergency-management systems and mechanisms',
      text: '加强应急管理体制机制建设。进一步建立健全统分结合的指挥体系、边界明晰的责任体系、相互衔接的预案体系、配套齐全的法制体系、规范有序的标准体系等“五大应急管理体系”，构建完善风险防控、监测预警、会商研判等“十项机制”，逐步形成统一指挥、专常兼备、反应灵敏、上下联动的应急管理体制。',
      responsibleUnits: ['市应急局', '市直有关部门'],
      indicators: [task('加强应急管理体制机制建设')],
    },
    {
      number: 23,
      section: S7,
      title: '加快应急管理信息化建设',
      titleEn: 'Accelerate emergency-management informatization',
      text: '加快应急管理信息化建设。完成煤矿、危化等高危行业安全生产监测预警系统等各项信息化建设任务。汇聚各部门、高危行业企业和社会数据，建设自然灾害监测预警信息系统。加快建设上下贯通的应急指挥信息化体系，做好极端条件下应急通信保障，提升应急响应、指挥决策、救援协调和资源调拨等信息化支撑能力。',
      responsibleUnits: ['市应急局', '市能源局'],
      indicators: [task('加快应急管理信息化建设')],
    },
    {
      number: 24,
      section: S7,
      title: '加强应急救援队伍建设',
      titleEn: 'Build up emergency rescue forces',
      text: '加强应急救援队伍建设。完善以国家综合性消防救援队伍为主力、专业救援队伍协同、军队非战争军事行动力量为突击、社会力量为辅助的应急救援力量管理模式。加快推进市级直管应急救援队伍建设，将国、省大型企业应急消防救援力量列入市级应急救援队伍，予以资金政策支持。加强航空救援能力建设，通过政府购买航空救援服务，提升救援能力；优化各级各类救援队伍科技装备配备，补齐应急救援力量短板。',
      responsibleUnits: ['市应急局', '市消防救援支队'],
      indicators: [task('加强应急救援队伍建设')],
    },
    {
      number: 25,
      section: S7,
      title: '加强应急救援协调机制建设',
      titleEn: 'Strengthen emergency rescue coordination mechanisms',
      text: '加强应急救援协调机制建设。及时修订完善应急预案，认真组织开展生产安全事故应急预案演练。完善跨部门、跨层级、跨地域的抢险救援救灾协调联动机制。确保发生灾害事故和重大险情后能够及时启动应急响应，加强现场指挥协调，加强事故和自然灾害情况报送，及时下拨救灾资金和物资，最大限度减轻事故灾害造成的损失。',
      responsibleUnits: ['市应急局', '市直有关部门', '各县（市、区）人民政府'],
      indicators: [task('加强应急救援协调机制建设')],
    },
    {
      number: 26,
      section: S8,
      title: '加强巡查考核',
      titleEn: 'Strengthen inspection tours and assessment',
      text: '加强巡查考核。要把安全生产工作情况纳入各级政府督查督办主要内容。组织对 2019 年至 2020 年度发生过重大自然灾害和较大生产安全事故的县级政府和行业部门开展安全生产专项巡查，推动各级各部门进一步树牢安全发展理念，落实安全防范措施，提升本质安全水平。采取通报、主流媒体公告等形式公开巡查考核结果，把巡查考核结果作为评先评优的重要依据之一。',
      responsibleUnits: ['市政府督查室', '市安委办'],
      indicators: [task('加强巡查考核')],
    },
    {
      number: 27,
      section: S8,
      title: '严肃追究问责',
      titleEn: 'Hold those responsible strictly accountable',
      text: '严肃追究问责。对领导干部安全履职不到位、阻挠干扰安全执法工作的，要严肃问责。对发生生产安全亡人事故的企业，一律责令停产整顿，取消标准化等级，暂扣或吊销安全生产许可证，启动刑事调查，构成犯罪的，依法追究有关人员刑事责任。推进安全生产责任事故快查快处，及时向社会公布查处结果，接受群众监督。要加强事故警示教育，举一反三，堵塞漏洞，用事故教训推动安全生产工作落实。',
      responsibleUnits: ['负有安全监管职责的部门', '市应急局', '市公安局'],
      indicators: [
        ind('fatalAccidentActions', '对发生生产安全亡人事故的企业，一律责令停产整顿，取消标准化等级，暂扣或吊销安全生产许可证，启动刑事调查'),
        task('严肃追究问责'),
      ],
    },
  ],
};
