import { randomInt } from 'node:crypto';
import type { THazardPlan } from '../../../common/contracts/hazards.js';
import { hazardStatsDue } from '../../../common/rules/deadline-13710.js';
import type { Executor } from '../../db/client.js';
import { hazard, hazardListEntry, hazardListing, hazardStatsReport } from '../../modules/hazards/hazard.schema.js';
import type { HazardStatus } from '../../modules/hazards/hazard.workflow.js';

/**
 * Hazard rows in any state in one call, inserted directly and consistent with the workflow: a hazard past `reported`
 * has its grade, rectifier and deadline; a major one past `confirmed` has its Art. 15 plan and was reported twice;
 * `submitted`/`verified`/`closed` carry their instants (and a major `verified` its review date). Override any column
 * with `over`.
 */

type EnterpriseRef = { id: string; name: string; regionPath: string; industry: string; groupId?: string | null };
const DAY = 86_400_000;
const date = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export const TEST_PLAN: THazardPlan = {
  goals: '消除瓦斯超限隐患',
  measures: '加强通风，更换局部通风机',
  fundsYuan: 180_000,
  materials: '局部通风机两台',
  responsibleUnit: '通风区',
  responsiblePersons: '王五',
  deadline: '2099-12-31',
  safetyMeasures: '停止作业，撤出人员',
  emergencyPlan: '执行矿井瓦斯事故应急预案',
};

const AFTER: Record<HazardStatus, HazardStatus[]> = {
  reported: [],
  rejected: [],
  confirmed: ['confirmed'],
  rectifying: ['confirmed', 'rectifying'],
  submitted: ['confirmed', 'rectifying', 'submitted'],
  verified: ['confirmed', 'rectifying', 'submitted', 'verified'],
  closed: ['confirmed', 'rectifying', 'submitted', 'verified', 'closed'],
};

export async function makeHazard(
  ex: Executor,
  e: EnterpriseRef,
  o: {
    status?: HazardStatus;
    grade?: 'general' | 'major';
    /** Report time (also found time); default now. */
    at?: Date;
    /** Rectification deadline (YYYY-MM-DD); default 30 days after `at`. */
    deadline?: string;
    over?: Partial<typeof hazard.$inferInsert>;
  } = {},
) {
  const status = o.status ?? 'reported';
  const at = o.at ?? new Date();
  const passed = new Set(AFTER[status]);
  const grade = passed.has('confirmed') ? (o.grade ?? 'general') : null;
  const major = grade === 'major';
  const deadline = passed.has('confirmed') ? (o.deadline ?? date(new Date(at.getTime() + 30 * DAY))) : null;
  const [row] = await ex
    .insert(hazard)
    .values({
      code: `YH-T${randomInt(1e9)}`,
      enterpriseId: e.id,
      enterpriseName: e.name,
      regionPath: e.regionPath,
      industry: e.industry,
      groupId: e.groupId ?? null,
      title: `测试隐患${randomInt(1e4)}`,
      description: '巷道顶板局部破碎，支护不到位',
      location: '一号井二采区',
      source: 'selfInspection',
      category: 'site',
      foundAt: at,
      reporterName: '测试',
      grade,
      suggestedGrade: status === 'reported' ? (o.grade ?? null) : null,
      status,
      rectifierName: passed.has('confirmed') ? '王五' : null,
      deadline,
      originalDeadline: deadline,
      plan: major && passed.has('rectifying') ? { ...TEST_PLAN, deadline: deadline as string } : null,
      majorReport: major ? { currentState: '顶板破碎，已停止作业', harmAnalysis: '可能冒顶伤人' } : null,
      dualReportedAt: major ? at : null,
      submittedAt: passed.has('submitted') ? new Date(at.getTime() + 10 * DAY) : null,
      verifiedAt: passed.has('verified') || (status === 'closed' && !major) ? new Date(at.getTime() + 11 * DAY) : null,
      reviewDue: major && status === 'verified' ? date(new Date(at.getTime() + 21 * DAY)) : null,
      closedAt: status === 'closed' ? new Date(at.getTime() + 12 * DAY) : null,
      createdAt: at,
      updatedAt: at,
      ...o.over,
    })
    .returning();
  return row as typeof hazard.$inferSelect;
}

/** 挂牌督办 of a hazard by a department, open or closed. */
export async function makeListing(
  ex: Executor,
  h: { id: string },
  d: { id: string; name: string },
  o: { status?: 'open' | 'closed'; deadline?: string; level?: 'province' | 'city' | 'county'; at?: Date } = {},
) {
  const at = o.at ?? new Date();
  const closed = o.status === 'closed';
  const [row] = await ex
    .insert(hazardListing)
    .values({
      hazardId: h.id,
      departmentId: d.id,
      departmentName: d.name,
      level: o.level ?? 'county',
      documentNumber: `测督〔2026〕${randomInt(100)}号`,
      supervisor: '赵六',
      deadline: o.deadline ?? date(new Date(at.getTime() + 30 * DAY)),
      requirements: '按期完成整改并报送',
      status: o.status ?? 'open',
      listedAt: at,
      listedBy: '测试',
      closedAt: closed ? at : null,
      closedBy: closed ? '测试' : null,
      closingComment: closed ? '整改完成，摘牌' : null,
    })
    .returning();
  return row as typeof hazardListing.$inferSelect;
}

/** A 制度措施清单 (measure) or 追责问责清单 (accountability) entry kept by a department. */
export async function makeListEntry(
  ex: Executor,
  d: { id: string; name: string; regionPath: string },
  createdBy: string,
  o: { kind?: 'measure' | 'accountability'; hazardIds?: string[]; date?: string } = {},
) {
  const now = new Date();
  const [row] = await ex
    .insert(hazardListEntry)
    .values({
      kind: o.kind ?? 'measure',
      departmentId: d.id,
      departmentName: d.name,
      regionPath: d.regionPath,
      title: `测试清单${randomInt(1e4)}`,
      content: '建立隐患排查治理制度',
      unitName: d.name,
      date: o.date ?? date(now),
      hazardIds: o.hazardIds ?? [],
      createdBy,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return row as typeof hazardListEntry.$inferSelect;
}

/** A submitted Art. 14 table (figures as given, frozen as the submit command freezes them). */
export async function makeStatsReport(ex: Executor, e: { id: string }, period: string, submittedBy: string, o: { at?: Date; found?: number } = {}) {
  const found = o.found ?? 0;
  const [row] = await ex
    .insert(hazardStatsReport)
    .values({
      enterpriseId: e.id,
      period,
      due: hazardStatsDue(period).due,
      figures: { found, majorFound: 0, rectified: 0, majorRectified: 0, openAtEnd: found, majorOpenAtEnd: 0, majorFundsYuan: 0, closedRate: found ? 0 : null },
      analysis: '本期未发现重大隐患',
      principalName: '张三',
      submittedBy,
      submitterName: '测试',
      submittedAt: o.at ?? new Date(),
    })
    .returning();
  return row as typeof hazardStatsReport.$inferSelect;
}
