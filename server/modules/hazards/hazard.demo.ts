import { addCalendarDays, toShanghaiDate } from '../../../common/rules/calendar/working-days.js';
import type { Executor } from '../../db/client.js';
import { Scope } from '../../kernel/scope/scope.js';
import { departmentsInScope, enterprisesForIndicators } from '../org/index.js';
import { insertHazard, insertListing, insertTransition, nextHazardCode } from './hazard.repository.js';

/**
 * Demo hazards for a fresh install (inside the demo transaction): every stage of the loop at the demo
 * chemical plant and coal mine and a few others, one 重大 coal hazard confirmed by the 判定标准 and
 * listed by the county, some overdue. Deterministic; no notifications are sent.
 */
interface DemoHazard {
  title: string;
  description: string;
  location: string;
  source: string;
  category: string;
  status: 'reported' | 'confirmed' | 'rectifying' | 'submitted' | 'closed';
  grade?: 'general' | 'major';
  /** Days from today: when it was reported, and the deadline. */
  reportedDaysAgo: number;
  deadlineIn?: number;
  rectifier?: string;
}

const CHEM: DemoHazard[] = [
  {
    title: '液氯钢瓶库氯气检测报警仪故障',
    description: '钢瓶库 2 号氯气检测报警仪显示值不变化，疑似传感器失效，未及时维修',
    location: '液氯钢瓶库',
    source: 'worker',
    category: 'site',
    status: 'reported',
    reportedDaysAgo: 1,
  },
  {
    title: '动火作业票审批签字不全',
    description: '抽查 11 月动火作业票 20 份，3 份缺少安全管理人员审批签字',
    location: '安全管理部',
    source: 'selfInspection',
    category: 'management',
    status: 'confirmed',
    grade: 'general',
    reportedDaysAgo: 12,
    deadlineIn: -4,
    rectifier: '李明',
  },
  {
    title: '罐区围堰排水阀常开',
    description: '甲醇罐区围堰雨水排放阀处于常开状态，泄漏时物料可能外流',
    location: '甲醇罐区',
    source: 'inspection',
    category: 'site',
    status: 'rectifying',
    grade: 'general',
    reportedDaysAgo: 5,
    deadlineIn: 3,
    rectifier: '赵强',
  },
  {
    title: '消防通道堆放包装物',
    description: '二车间北侧消防通道堆放空包装桶约 30 个，影响通行',
    location: '二车间北侧',
    source: 'grid',
    category: 'site',
    status: 'submitted',
    grade: 'general',
    reportedDaysAgo: 6,
    deadlineIn: 1,
    rectifier: '孙伟',
  },
  {
    title: '配电室挡鼠板缺失',
    description: '10kV 配电室门口未设挡鼠板',
    location: '10kV 配电室',
    source: 'selfInspection',
    category: 'site',
    status: 'closed',
    grade: 'general',
    reportedDaysAgo: 40,
    deadlineIn: -33,
    rectifier: '孙伟',
  },
];

const COAL: DemoHazard[] = [
  {
    title: '3102 工作面回风隅角瓦斯浓度超限仍作业',
    description: '监控显示 3102 回风隅角甲烷浓度 1.2%，现场未停止作业、未撤人',
    location: '3102 综采工作面回风隅角',
    source: 'alarm',
    category: 'site',
    status: 'rectifying',
    grade: 'major',
    reportedDaysAgo: 8,
    deadlineIn: 20,
    rectifier: '张志刚',
  },
  {
    title: '井下局部通风机未实现双风机双电源',
    description: '1305 掘进工作面局部通风机仅一路电源供电',
    location: '1305 掘进工作面',
    source: 'selfInspection',
    category: 'site',
    status: 'confirmed',
    grade: 'general',
    reportedDaysAgo: 10,
    deadlineIn: -2,
    rectifier: '刘海',
  },
  {
    title: '入井人员未全部携带自救器',
    description: '早班入井检身发现 2 人未携带自救器',
    location: '副井口检身处',
    source: 'inspection',
    category: 'management',
    status: 'closed',
    grade: 'general',
    reportedDaysAgo: 25,
    deadlineIn: -24,
    rectifier: '王东',
  },
];

/** Common general hazards, one per other demo enterprise in turn, at different stages. */
const OTHERS: DemoHazard[] = [
  {
    title: '安全出口指示标志损坏',
    description: '一层东侧安全出口指示标志不亮',
    location: '一层东侧',
    source: 'selfInspection',
    category: 'site',
    status: 'confirmed',
    grade: 'general',
    reportedDaysAgo: 3,
    deadlineIn: 7,
    rectifier: '安全员',
  },
  {
    title: '灭火器压力不足',
    description: '仓库 3 具干粉灭火器压力指针处于红区',
    location: '成品仓库',
    source: 'grid',
    category: 'site',
    status: 'rectifying',
    grade: 'general',
    reportedDaysAgo: 6,
    deadlineIn: 2,
    rectifier: '仓库主管',
  },
  {
    title: '特种作业人员证书过期',
    description: '电工 1 人特种作业操作证已过有效期',
    location: '设备部',
    source: 'inspection',
    category: 'management',
    status: 'confirmed',
    grade: 'general',
    reportedDaysAgo: 15,
    deadlineIn: -3,
    rectifier: '人事专员',
  },
  {
    title: '脚手架连墙件缺失',
    description: '3 号楼外脚手架 8 层以上连墙件设置不足',
    location: '3 号楼',
    source: 'inspection',
    category: 'site',
    status: 'submitted',
    grade: 'general',
    reportedDaysAgo: 9,
    deadlineIn: 1,
    rectifier: '项目安全员',
  },
  {
    title: '有限空间作业未审批',
    description: '污水井清淤作业未办理有限空间作业审批',
    location: '厂区污水井',
    source: 'public',
    category: 'management',
    status: 'reported',
    reportedDaysAgo: 1,
  },
  {
    title: '危废暂存间标识不全',
    description: '危险废物暂存间未张贴危险废物识别标志',
    location: '危废暂存间',
    source: 'selfInspection',
    category: 'site',
    status: 'closed',
    grade: 'general',
    reportedDaysAgo: 30,
    deadlineIn: -20,
    rectifier: '环保专员',
  },
];

const REPORTER: Record<string, string> = { inspection: '监管执法人员', grid: '网格员', public: '群众举报（匿名）', worker: '职工', alarm: '监测系统' };

export async function seedHazardDemo(tx: Executor, now: Date): Promise<void> {
  const all = await enterprisesForIndicators(tx, Scope.system());
  const chem = all.find((e) => e.name === '高平市华晟化工有限公司');
  const coal = all.find((e) => e.name === '山西泽州天泰煤业有限公司');
  const others = all.filter((e) => !e.isGroup && e.id !== chem?.id && e.id !== coal?.id).slice(0, 12);
  const today = toShanghaiDate(now);
  const year = Number(today.slice(0, 4));
  const zezhou = (await departmentsInScope(tx, Scope.system())).find((d) => d.key === 'zezhou-yjj');
  const plan = (d: DemoHazard) => ({
    goals: '将回风隅角瓦斯浓度控制在 0.8% 以下，消除瓦斯超限作业隐患',
    measures: '调整工作面配风量，增设回风隅角抽采管路，完善瓦斯超限断电撤人制度',
    fundsYuan: 350000,
    materials: '抽采管路 300 m、便携式甲烷检测报警仪 20 台已到位',
    responsibleUnit: '通风科',
    responsiblePersons: `${d.rectifier}（通风副总）`,
    deadline: addCalendarDays(today, d.deadlineIn ?? 20),
    safetyMeasures: '治理期间 3102 工作面停止回采，设警戒，瓦斯检查员每班巡检',
    emergencyPlan: '《瓦斯超限事故现场处置方案》',
  });
  const rows: [NonNullable<typeof chem>, DemoHazard][] = [
    ...(chem ? CHEM.map((h) => [chem, h] as [typeof chem, DemoHazard]) : []),
    ...(coal ? COAL.map((h) => [coal, h] as [typeof coal, DemoHazard]) : []),
    ...others.map((e, i) => [e, OTHERS[i % OTHERS.length] as DemoHazard] as [typeof e, DemoHazard]),
  ];
  for (const [e, d] of rows) {
    const at = new Date(now.getTime() - d.reportedDaysAgo * 86_400_000);
    const deadline = d.deadlineIn === undefined ? null : addCalendarDays(today, d.deadlineIn);
    const major = d.grade === 'major';
    const h = await insertHazard(tx, {
      code: await nextHazardCode(tx, year),
      enterpriseId: e.id,
      enterpriseName: e.name,
      regionPath: e.regionPath,
      industry: e.industry,
      groupId: e.groupId,
      title: d.title,
      description: d.description,
      location: d.location,
      source: d.source,
      category: d.category,
      foundAt: at,
      reportedBy: null,
      reporterName: REPORTER[d.source] ?? '企业安全员',
      grade: d.grade ?? null,
      criterionCatalogue: major ? 'coal' : null,
      criterionCode: major ? 'C02' : null,
      status: d.status,
      rectifierName: d.rectifier ?? null,
      deadline,
      originalDeadline: deadline,
      plan: major ? plan(d) : null,
      majorReport: major ? { currentState: d.description, harmAnalysis: '可能引发瓦斯爆炸，需停产撤人并调整通风系统，整改难度较大' } : null,
      dualReportedAt: major ? at : null,
      submittedAt: d.status === 'submitted' || d.status === 'closed' ? at : null,
      closedAt: d.status === 'closed' ? new Date(at.getTime() + 3 * 86_400_000) : null,
      createdAt: at,
      updatedAt: at,
    });
    const step = (action: string, from: string, to: string, comment: string) =>
      insertTransition(tx, { hazardId: h.id, action, fromStatus: from, toStatus: to, actorId: null, actorName: '演示数据', at, comment, data: null });
    await step('report', 'new', 'reported', d.description);
    if (d.status === 'reported') continue;
    await step('confirm', 'reported', 'confirmed', `确认为${major ? '重大' : '一般'}事故隐患，整改责任人 ${d.rectifier}，期限 ${deadline}`);
    if (major) await step('dualReport', 'confirmed', 'confirmed', '重大事故隐患双报告：报告泽州县应急管理局、市能源局；告知职工');
    if (major) await step('plan', 'confirmed', 'confirmed', plan(d).goals);
    if (d.status === 'confirmed') continue;
    await step('rectify', 'confirmed', 'rectifying', '开始整改');
    if (major && zezhou) {
      await insertListing(tx, {
        hazardId: h.id,
        departmentId: zezhou.id,
        departmentName: zezhou.name,
        level: 'county',
        documentNumber: `泽应急督〔${year}〕1号`,
        supervisor: '泽州县应急管理局 监管科',
        deadline: addCalendarDays(today, (d.deadlineIn ?? 20) + 5),
        requirements: '治理期间停止 3102 工作面回采，按方案落实抽采措施，每周报告进展',
        status: 'open',
        listedAt: at,
        listedBy: '泽州县应急管理局',
      });
      await step('list', 'rectifying', 'rectifying', '泽州县应急管理局挂牌督办');
    }
    if (d.status === 'rectifying') continue;
    await step('submit', 'rectifying', 'submitted', '已整改完毕');
    if (d.status === 'closed') await step('verify', 'submitted', 'closed', '验收合格，销号');
  }
}
