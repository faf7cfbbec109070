import { pondSafetyReportable, type TMeasures } from '../../../common/contracts/risk.js';
import { addCalendarDays, toShanghaiDate } from '../../../common/rules/calendar/working-days.js';
import { assessMajorHazard, type SubstanceInput } from '../../../common/rules/major-hazard-source.js';
import { assessRisk, type RiskAssessmentInput, SUGGESTED_CONTROL_LEVEL } from '../../../common/rules/risk-assessment.js';
import { type TailingsSafetyStatus, tailingsGrade } from '../../../common/rules/tailings-pond.js';
import type { Executor } from '../../db/client.js';
import { Notifier } from '../../kernel/notify/notify.js';
import { Scope } from '../../kernel/scope/scope.js';
import { enterprisesForIndicators } from '../org/index.js';
import { reportValues, supervisingDepartments } from './commands/_report-major-risk.js';
import { fileTailingsPondReport } from './commands/_report-pond-safety.js';
import { insertMajorHazard, insertRecipients, insertReport, insertRiskPoint, insertTailingsPond } from './risk.repository.js';

/**
 * Demo risk data for a fresh install (called by bootstrap inside the demo transaction): risk points
 * of all four colours for the demo chemical plant and coal mine and a few other enterprises, the
 * 重大 ones reported to their supervisors, two GB 18218 units at the chemical plant (with their points),
 * and tailings ponds at five non-coal mines (two 头顶库; one pond lies inside the demo heavy-rain warning
 * while its mine's plant lies just outside). Deterministic.
 */

type Kind = 'area' | 'activity' | 'equipment';
interface DemoPoint {
  name: string;
  kind: Kind;
  location: string;
  hazardFactors: string;
  accidentTypes: string[];
  a: RiskAssessmentInput;
  measures: Partial<TMeasures>;
  person: string;
  /** Days from today to the review due date (negative: overdue). */
  reviewIn: number;
}

const lec = (L: number, E: number, C: number): RiskAssessmentInput => ({ method: 'lec', L, E, C });
const ls = (L: number, S: number): RiskAssessmentInput => ({ method: 'ls', L, S });

const CHEM: DemoPoint[] = [
  {
    name: '液氯储罐区',
    kind: 'area',
    location: '厂区东侧罐区 T101–T102',
    hazardFactors: '液氯储罐、管线、阀门泄漏；超压；安全附件失效',
    accidentTypes: ['19', '17'],
    a: lec(3, 6, 40),
    measures: {
      engineering: ['储罐区设置氯气泄漏检测报警仪，与事故氯吸收装置联锁', '储罐设置液位、压力远传及高低限报警'],
      management: ['执行重大危险源包保责任制，每班巡检两次并记录'],
      training: ['岗位人员每季度开展氯气泄漏应急处置培训'],
      ppe: ['配备正压式空气呼吸器、重型防化服'],
      emergency: ['液氯泄漏现场处置方案，每半年演练一次'],
    },
    person: '王建军',
    reviewIn: 45,
  },
  {
    name: '氯化反应釜（危险化工工艺）',
    kind: 'equipment',
    location: '一车间氯化工段 R201',
    hazardFactors: '氯化反应温度、压力失控；氯气进料过量；冷却失效',
    accidentTypes: ['17', '19', '08'],
    a: ls(4, 5),
    measures: {
      engineering: ['反应釜温度、压力与氯气进料紧急切断联锁', '设置独立安全仪表系统（SIS）'],
      management: ['工艺参数变更执行变更管理'],
      training: ['操作人员持证上岗，每月工艺安全培训'],
      emergency: ['反应失控紧急停车程序'],
    },
    person: '李国华',
    reviewIn: 3,
  },
  {
    name: '液氨储罐区',
    kind: 'area',
    location: '厂区北侧 T301',
    hazardFactors: '液氨泄漏，遇明火爆炸；储罐超装',
    accidentTypes: ['19', '18'],
    a: lec(3, 6, 15),
    measures: {
      engineering: ['氨气泄漏报警与喷淋系统联动'],
      management: ['充装前核对液位，严禁超装'],
      ppe: ['配备防毒面具、防护手套'],
      emergency: ['液氨泄漏处置卡上墙'],
    },
    person: '张志强',
    reviewIn: 120,
  },
  {
    name: '储罐清洗有限空间作业',
    kind: 'activity',
    location: '罐区、地下污水池',
    hazardFactors: '有限空间缺氧、有毒气体积聚；未经审批作业',
    accidentTypes: ['19'],
    a: ls(3, 5),
    measures: {
      management: ['执行有限空间作业审批，先通风、再检测、后作业'],
      ppe: ['配备便携式四合一气体检测仪、安全绳'],
      emergency: ['作业现场设监护人，配备救援三脚架'],
    },
    person: '赵磊',
    reviewIn: -5,
  },
  {
    name: '甲醇装卸作业',
    kind: 'activity',
    location: '装卸栈台',
    hazardFactors: '装卸过程静电、泄漏遇点火源',
    accidentTypes: ['08', '18'],
    a: lec(3, 3, 15),
    measures: { engineering: ['装卸鹤管设置静电接地报警器'], management: ['装卸作业双人操作'] },
    person: '刘洋',
    reviewIn: 60,
  },
  {
    name: '管廊检修高处作业',
    kind: 'activity',
    location: '全厂管廊',
    hazardFactors: '高处作业未系安全带、脚手架不稳',
    accidentTypes: ['09', '01'],
    a: lec(3, 2, 15),
    measures: { management: ['高处作业票审批'], ppe: ['全身式安全带'] },
    person: '陈晨',
    reviewIn: 90,
  },
  {
    name: '厂区动火作业',
    kind: 'activity',
    location: '全厂',
    hazardFactors: '动火点周边可燃物、可燃气体未检测',
    accidentTypes: ['08', '07'],
    a: lec(6, 3, 7),
    measures: { management: ['特级、一级动火作业票审批，动火前气体分析'], emergency: ['动火现场配备灭火器材'] },
    person: '周涛',
    reviewIn: 30,
  },
  {
    name: '10 kV 配电室',
    kind: 'area',
    location: '综合楼一层',
    hazardFactors: '带电设备误操作、绝缘老化',
    accidentTypes: ['05'],
    a: lec(1, 6, 7),
    measures: { management: ['倒闸操作执行操作票'], ppe: ['绝缘手套、绝缘靴'] },
    person: '孙涛',
    reviewIn: 180,
  },
  {
    name: '叉车搬运作业',
    kind: 'activity',
    location: '成品库',
    hazardFactors: '叉车超速、视线受阻',
    accidentTypes: ['02'],
    a: ls(2, 3),
    measures: { management: ['库区限速 5 km/h，人车分流'], training: ['叉车司机持证上岗'] },
    person: '吴敏',
    reviewIn: 200,
  },
  {
    name: '循环水泵房',
    kind: 'equipment',
    location: '公用工程区',
    hazardFactors: '转动部件无防护罩',
    accidentTypes: ['03'],
    a: ls(2, 4),
    measures: { engineering: ['联轴器加装防护罩'] },
    person: '郑凯',
    reviewIn: 240,
  },
];

const COAL: DemoPoint[] = [
  {
    name: '回采工作面上隅角瓦斯积聚',
    kind: 'area',
    location: '15103 综采工作面',
    hazardFactors: '上隅角瓦斯积聚超限；通风系统不稳定',
    accidentTypes: ['15'],
    a: lec(1, 10, 40),
    measures: {
      engineering: ['上隅角设置甲烷传感器，超限断电', '采用高位钻孔抽采'],
      management: ['瓦斯检查员每班检查三次'],
      training: ['全员瓦斯防治培训'],
      ppe: ['配备自救器'],
      emergency: ['瓦斯超限撤人制度'],
    },
    person: '马国栋',
    reviewIn: 20,
  },
  {
    name: '采空区积水',
    kind: 'area',
    location: '3# 煤层采空区',
    hazardFactors: '老空水突水',
    accidentTypes: ['12'],
    a: lec(1, 6, 40),
    measures: { engineering: ['有掘必探，先探后掘'], management: ['水文地质台账'], emergency: ['透水避灾路线'] },
    person: '马国栋',
    reviewIn: 50,
  },
  {
    name: '掘进工作面顶板',
    kind: 'area',
    location: '15105 运输顺槽掘进面',
    hazardFactors: '空顶作业、支护不及时',
    accidentTypes: ['11'],
    a: ls(4, 4),
    measures: { engineering: ['锚网索联合支护'], management: ['严禁空顶作业'] },
    person: '郭强',
    reviewIn: -2,
  },
  {
    name: '主斜井带式输送机',
    kind: 'equipment',
    location: '主斜井',
    hazardFactors: '输送带跑偏、打滑着火；人员违规跨越',
    accidentTypes: ['03', '08'],
    a: lec(3, 6, 15),
    measures: { engineering: ['设置防跑偏、防打滑、烟雾保护'], management: ['严禁乘坐、跨越输送带'] },
    person: '韩伟',
    reviewIn: 75,
  },
  {
    name: '井下中央变电所',
    kind: 'area',
    location: '井底车场',
    hazardFactors: '高压触电、电气火灾',
    accidentTypes: ['05', '08'],
    a: ls(3, 4),
    measures: { management: ['停送电工作票'], ppe: ['绝缘防护用品'] },
    person: '韩伟',
    reviewIn: 100,
  },
  {
    name: '井下爆破作业',
    kind: 'activity',
    location: '掘进工作面',
    hazardFactors: '拒爆、残爆；警戒不到位',
    accidentTypes: ['13'],
    a: lec(1, 3, 40),
    measures: { management: ['一炮三检、三人连锁放炮'] },
    person: '郭强',
    reviewIn: 40,
  },
  {
    name: '地面锅炉房',
    kind: 'equipment',
    location: '工业广场',
    hazardFactors: '锅炉超压、缺水',
    accidentTypes: ['16'],
    a: ls(2, 4),
    measures: { management: ['司炉工持证上岗，安全阀定期校验'] },
    person: '冯涛',
    reviewIn: 150,
  },
  {
    name: '矿灯房',
    kind: 'area',
    location: '工业广场',
    hazardFactors: '充电设备漏电',
    accidentTypes: ['05'],
    a: ls(1, 3),
    measures: { management: ['定期检测充电架绝缘'] },
    person: '冯涛',
    reviewIn: 300,
  },
];

/** Three points for each of the other demo enterprises, colours cycling so the roll-up has every colour. */
const OTHER: Omit<DemoPoint, 'person' | 'reviewIn'>[] = [
  {
    name: '生产车间机械设备',
    kind: 'equipment',
    location: '生产车间',
    hazardFactors: '转动部位防护缺失',
    accidentTypes: ['03'],
    a: lec(3, 6, 7),
    measures: { engineering: ['加装防护罩'] },
  },
  {
    name: '厂内机动车辆',
    kind: 'activity',
    location: '厂区道路',
    hazardFactors: '车辆超速、人车混行',
    accidentTypes: ['02'],
    a: ls(2, 4),
    measures: { management: ['限速、人车分流'] },
  },
  {
    name: '起重吊装作业',
    kind: 'activity',
    location: '装配区',
    hazardFactors: '吊索具损坏、违章指挥',
    accidentTypes: ['04'],
    a: lec(3, 6, 15),
    measures: { management: ['吊装作业票，专人指挥'], training: ['司索工持证上岗'] },
  },
];

const RED_OTHER: Omit<DemoPoint, 'person' | 'reviewIn'> = {
  name: '粉尘涉爆除尘系统',
  kind: 'equipment',
  location: '抛光车间',
  hazardFactors: '铝镁粉尘积聚，遇点火源爆炸',
  accidentTypes: ['18'],
  a: lec(3, 10, 15),
  measures: { engineering: ['湿式除尘，设置泄爆装置'], management: ['每班清理积尘'] },
};

const PEOPLE = ['杨帆', '林峰', '何静', '高磊', '罗勇', '梁斌', '宋涛', '唐亮'];

function measuresOf(m: Partial<TMeasures>): TMeasures {
  return { engineering: m.engineering ?? [], management: m.management ?? [], training: m.training ?? [], ppe: m.ppe ?? [], emergency: m.emergency ?? [] };
}

export async function seedRiskDemo(tx: Executor, now: Date): Promise<void> {
  const all = await enterprisesForIndicators(tx, Scope.system());
  const chem = all.find((e) => e.name === '高平市华晟化工有限公司');
  const coal = all.find((e) => e.name === '山西泽州天泰煤业有限公司');
  const today = toShanghaiDate(now);
  const seedPoints = async (e: { id: string; name: string; regionPath: string }, points: DemoPoint[]) => {
    let n = 0;
    for (const p of points) {
      n++;
      const r = assessRisk(p.a);
      const { method, ...inputs } = p.a;
      const row = await insertRiskPoint(tx, {
        enterpriseId: e.id,
        code: `FXD-${String(n).padStart(4, '0')}`,
        name: p.name,
        kind: p.kind,
        location: p.location,
        hazardFactors: p.hazardFactors,
        accidentTypes: p.accidentTypes,
        method,
        inputs,
        score: r.score,
        level: r.level,
        color: r.color,
        source: r.source,
        measures: measuresOf(p.measures),
        controlLevel: SUGGESTED_CONTROL_LEVEL[r.level],
        responsiblePerson: p.person,
        responsiblePhone: `1390356${String(1000 + n * 37).slice(-4)}`,
        assessedAt: now,
        assessedBy: '演示数据',
        reviewDue: addCalendarDays(today, p.reviewIn),
        createdAt: now,
        updatedAt: now,
      });
      if (row.level === 1) {
        const report = await insertReport(tx, reportValues(row, e, 'created', '演示数据', now));
        const recipients = await supervisingDepartments(tx, e.id);
        await insertRecipients(
          tx,
          recipients.map((d) => ({ reportId: report.id, departmentId: d.id, departmentName: d.name })),
        );
      }
    }
  };
  if (chem) {
    await seedPoints(chem, CHEM);
    const units: {
      name: string;
      unitKind: 'production' | 'storage';
      location: string;
      lng: number;
      lat: number;
      exposedPopulation: number;
      substances: SubstanceInput[];
    }[] = [
      {
        name: '罐区储存单元',
        unitKind: 'storage',
        location: '厂区东侧罐区',
        lng: 112.9306,
        lat: 35.7627,
        exposedPopulation: 60,
        substances: [
          { name: '液氯', cas: '7782-50-5', quantityTonnes: 8 },
          { name: '液氨', cas: '7664-41-7', quantityTonnes: 30 },
          { name: '乙醇', cas: '64-17-5', quantityTonnes: 300 },
        ],
      },
      {
        name: '氯化生产单元',
        unitKind: 'production',
        location: '一车间',
        lng: 112.9281,
        lat: 35.7616,
        exposedPopulation: 120,
        substances: [
          { name: '氯', cas: '7782-50-5', quantityTonnes: 4 },
          { name: '氢', cas: '1333-74-0', quantityTonnes: 2 },
        ],
      },
    ];
    let n = 0;
    for (const u of units) {
      n++;
      const r = assessMajorHazard(u);
      await insertMajorHazard(tx, {
        enterpriseId: chem.id,
        code: `ZDWXY-${String(n).padStart(3, '0')}`,
        ...u,
        terms: r.terms,
        s: r.S,
        isMajor: r.isMajor,
        alpha: r.alpha,
        r: r.R,
        grade: r.grade,
        source: r.source,
        principalName: '高建平',
        principalPhone: '13903561001',
        technicalName: '李国华',
        technicalPhone: '13903561002',
        operationalName: n === 1 ? '王建军' : '张志强',
        operationalPhone: n === 1 ? '13903561003' : '13903561004',
        createdAt: now,
        updatedAt: now,
      });
    }
  }
  if (coal) await seedPoints(coal, COAL);
  await seedPonds(tx, all, today, now);
  // A handful of other enterprises, chosen by name so every install picks the same ones.
  const others = all
    .filter(
      (e) =>
        !e.isGroup &&
        e.id !== chem?.id &&
        e.id !== coal?.id &&
        ['hazchem', 'nonCoalMine', 'metallurgy', 'industryTrade', 'construction', 'coal'].includes(e.industry),
    )
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
    .filter((_, i) => i % 7 === 0)
    .slice(0, 8);
  for (const [i, e] of others.entries()) {
    const pts = OTHER.map((p, k) => ({
      ...p,
      person: PEOPLE[(i + k) % PEOPLE.length] as string,
      reviewIn: 20 + ((i * 37 + k * 53) % 300) - (k === 1 && i % 3 === 0 ? 40 : 0),
    }));
    if (i % 4 === 1) pts.push({ ...RED_OTHER, person: PEOPLE[i % PEOPLE.length] as string, reviewIn: 30 });
    await seedPoints(e, pts);
  }
}

interface DemoPond {
  enterprise: string;
  name: string;
  location: string;
  lng: number;
  lat: number;
  damMethod: 'upstream' | 'centerline' | 'downstream' | 'oneTime';
  designDamHeight: number;
  currentDamHeight: number;
  totalCapacity: number;
  currentCapacity: number;
  overhead: boolean;
  downstreamPopulation: number;
  downstreamFacilities: string | null;
  safetyStatus: TailingsSafetyStatus;
  operatingStatus: 'operating' | 'idle' | 'closed' | 'deregistered';
  responsible: [string, string];
  /** Licence number and days from today to its expiry (negative: expired); null for a closed pond. */
  licence: [string, number] | null;
}

/** Ponds of demo non-coal mines (名称、坐标 made up near each mine; villages fictional). */
const PONDS: DemoPond[] = [
  {
    enterprise: '泽州县润通矿业有限公司',
    name: '润通尾矿库',
    location: '巴公镇东沟，选矿厂东南约 1.5 km',
    lng: 112.8615,
    lat: 35.6172,
    damMethod: 'upstream',
    designDamHeight: 48,
    currentDamHeight: 36.5,
    totalCapacity: 320,
    currentCapacity: 214,
    overhead: true,
    downstreamPopulation: 186,
    downstreamFacilities: '坝下游约 600 m 为东沟村（52 户 186 人），800 m 处有乡道穿过',
    safetyStatus: 'normal',
    operatingStatus: 'operating',
    responsible: ['赵志刚', '13903562101'],
    licence: ['（晋）FM安许证字〔2025〕0191', 830],
  },
  {
    enterprise: '高平市和达矿业有限公司',
    name: '和达尾矿库',
    location: '米山镇北沟',
    lng: 112.8921,
    lat: 35.6785,
    damMethod: 'upstream',
    designDamHeight: 24,
    currentDamHeight: 17,
    totalCapacity: 62,
    currentCapacity: 35,
    overhead: false,
    downstreamPopulation: 0,
    downstreamFacilities: '下游 2 km 内无居民',
    safetyStatus: 'normal',
    operatingStatus: 'operating',
    responsible: ['崔文斌', '13903562102'],
    licence: ['（晋）FM安许证字〔2024〕0197', 400],
  },
  {
    enterprise: '山西泽州凯辉铁矿有限公司',
    name: '凯辉铁矿尾矿库',
    location: '大东沟，采矿区西南',
    lng: 112.7702,
    lat: 35.4331,
    damMethod: 'centerline',
    designDamHeight: 85,
    currentDamHeight: 61,
    totalCapacity: 1_860,
    currentCapacity: 1_120,
    overhead: false,
    downstreamPopulation: 64,
    downstreamFacilities: '下游约 1.6 km 为后沟村',
    safetyStatus: 'defective',
    operatingStatus: 'operating',
    responsible: ['申建国', '13903562103'],
    licence: ['（晋）FM安许证字〔2023〕0175', 45],
  },
  {
    enterprise: '山西阳城华越铁矿有限公司',
    name: '华越铁矿尾矿库',
    location: '西沟',
    lng: 112.3551,
    lat: 35.5778,
    damMethod: 'upstream',
    designDamHeight: 62,
    currentDamHeight: 58,
    totalCapacity: 420,
    currentCapacity: 431,
    overhead: true,
    downstreamPopulation: 420,
    downstreamFacilities: '坝下游约 400 m 为西沟村（130 户 420 人）及村小学',
    safetyStatus: 'dangerous',
    operatingStatus: 'idle',
    responsible: ['原志强', '13903562104'],
    licence: ['（晋）FM安许证字〔2023〕0116', -20],
  },
  {
    enterprise: '山西陵川顺越铁矿有限公司',
    name: '顺越铁矿老尾矿库',
    location: '矿区北侧老沟',
    lng: 113.1392,
    lat: 35.8571,
    damMethod: 'oneTime',
    designDamHeight: 35,
    currentDamHeight: 35,
    totalCapacity: 150,
    currentCapacity: 148,
    overhead: false,
    downstreamPopulation: 0,
    downstreamFacilities: null,
    safetyStatus: 'normal',
    operatingStatus: 'closed',
    responsible: ['秦海军', '13903562105'],
    licence: null,
  },
];

async function seedPonds(tx: Executor, all: { id: string; name: string }[], today: string, now: Date) {
  const demoNotify = new Notifier(tx, { send: async () => null }, () => now);
  const count = new Map<string, number>();
  for (const d of PONDS) {
    const e = all.find((x) => x.name === d.enterprise);
    if (!e) continue;
    const n = (count.get(e.id) ?? 0) + 1;
    count.set(e.id, n);
    const g = tailingsGrade({ totalCapacity: d.totalCapacity, damHeight: d.designDamHeight });
    const { enterprise: _e, responsible, licence, ...fields } = d;
    const row = await insertTailingsPond(tx, {
      ...fields,
      enterpriseId: e.id,
      code: `WKK-${String(n).padStart(3, '0')}`,
      gradeRaised: false,
      grade: g.grade,
      gradeSource: g.source,
      responsiblePerson: responsible[0],
      responsiblePhone: responsible[1],
      licenceNumber: licence?.[0] ?? null,
      licenceExpiry: licence ? addCalendarDays(today, licence[1]) : null,
      createdAt: now,
      updatedAt: now,
    });
    // Registered 病库/险库 are reported as a save would; the notices are not sent to outside channels.
    if (pondSafetyReportable(null, d.safetyStatus)) await fileTailingsPondReport(tx, demoNotify, row, e.name, null, { id: null, name: '演示数据' }, now);
  }
}
