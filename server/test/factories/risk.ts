import { randomInt } from 'node:crypto';
import type { TAILINGS_SAFETY_STATUSES, TRiskAssessment, TSubstanceInput } from '../../../common/contracts/risk.js';
import { assessMajorHazard } from '../../../common/rules/major-hazard-source.js';
import { assessRisk, SUGGESTED_CONTROL_LEVEL } from '../../../common/rules/risk-assessment.js';
import { TAILINGS_SAFETY, TAILINGS_SAFETY_SOURCE, tailingsGrade } from '../../../common/rules/tailings-pond.js';
import type { Executor } from '../../db/client.js';
import {
  majorHazardSource,
  riskPoint,
  riskPointReview,
  riskReport,
  riskReportRecipient,
  tailingsPond,
  tailingsPondReport,
} from '../../modules/risk/risk.schema.js';

/**
 * Risk rows in any state in one call, inserted directly and consistent with the schema and the rules: the level,
 * colour and 依据 of a risk point come from its assessment, S/R/grade of an installation from its chemicals, a
 * pond's 等别 from its capacity and height (default limits). Override any column with `over`.
 */

const code = (prefix: string) => `${prefix}-T${randomInt(1e6)}`;

/** Assessments that land on each level with the default bands. */
export const ASSESSMENT_OF_LEVEL: Record<1 | 2 | 3 | 4, TRiskAssessment> = {
  1: { method: 'lec', L: 10, E: 6, C: 15 },
  2: { method: 'lec', L: 6, E: 6, C: 7 },
  3: { method: 'lec', L: 3, E: 6, C: 7 },
  4: { method: 'ls', L: 1, S: 2 },
};

export async function makeRiskPoint(
  ex: Executor,
  enterpriseId: string,
  o: { assessment?: TRiskAssessment; level?: 1 | 2 | 3 | 4; reviewDue?: string; at?: Date; over?: Partial<typeof riskPoint.$inferInsert> } = {},
) {
  const assessment = o.assessment ?? ASSESSMENT_OF_LEVEL[o.level ?? 3];
  const a = assessRisk(assessment);
  const { method, ...inputs } = assessment;
  const at = o.at ?? new Date();
  const [row] = await ex
    .insert(riskPoint)
    .values({
      enterpriseId,
      code: code('FXD'),
      name: `测试风险点${randomInt(1e4)}`,
      kind: 'area',
      location: '一号车间',
      hazardFactors: '可燃气体泄漏',
      accidentTypes: ['08'],
      method,
      inputs,
      score: a.score,
      level: a.level,
      color: a.color,
      source: a.source,
      measures: { engineering: ['可燃气体报警仪'], management: [], training: [], ppe: [], emergency: [] },
      controlLevel: SUGGESTED_CONTROL_LEVEL[a.level],
      responsiblePerson: '王五',
      responsiblePhone: '13903561234',
      assessedAt: at,
      assessedBy: '测试',
      reviewDue: o.reviewDue ?? new Date(at.getTime() + 180 * 86_400_000).toISOString().slice(0, 10),
      createdAt: at,
      updatedAt: at,
      ...o.over,
    })
    .returning();
  return row as typeof riskPoint.$inferSelect;
}

/** A 定期评审 of a risk point (level unchanged unless `toLevel` is given). */
export async function makeRiskReview(ex: Executor, p: typeof riskPoint.$inferSelect, o: { toLevel?: number; nextReviewDue?: string; at?: Date } = {}) {
  const at = o.at ?? new Date();
  await ex.insert(riskPointReview).values({
    riskPointId: p.id,
    at,
    actorName: '测试',
    comment: '评审通过',
    fromLevel: p.level,
    toLevel: o.toLevel ?? p.level,
    score: p.score,
    nextReviewDue: o.nextReviewDue ?? p.reviewDue,
  });
}

/** A 重大风险 report of a risk point to the given departments, each receipt read or not. */
export async function makeRiskReport(
  ex: Executor,
  p: typeof riskPoint.$inferSelect,
  enterpriseName: string,
  recipients: { id: string; name: string; readAt?: Date; readByName?: string }[],
  at = new Date(),
) {
  const [report] = await ex
    .insert(riskReport)
    .values({
      riskPointId: p.id,
      enterpriseId: p.enterpriseId,
      enterpriseName,
      title: `${enterpriseName}：${p.name}（重大风险）`,
      content: {
        trigger: 'created',
        code: p.code,
        name: p.name,
        location: p.location,
        hazardFactors: p.hazardFactors,
        accidentTypes: p.accidentTypes,
        method: p.method,
        inputs: p.inputs,
        score: p.score,
        level: p.level,
        color: p.color,
        source: p.source,
        controlLevel: p.controlLevel,
        measures: p.measures,
        responsiblePerson: p.responsiblePerson,
        responsiblePhone: p.responsiblePhone,
        reviewDue: p.reviewDue,
        reportedBy: '测试',
      },
      reportedAt: at,
    })
    .returning();
  const r = report as typeof riskReport.$inferSelect;
  if (recipients.length)
    await ex.insert(riskReportRecipient).values(
      recipients.map((d) => ({
        reportId: r.id,
        departmentId: d.id,
        departmentName: d.name,
        readAt: d.readAt ?? null,
        readByName: d.readAt ? (d.readByName ?? '测试读者') : null,
      })),
    );
  return r;
}

/** A GB 18218 unit; by default liquid chlorine enough to be a major hazard installation. */
export async function makeMajorHazard(
  ex: Executor,
  enterpriseId: string,
  o: { substances?: TSubstanceInput[]; exposedPopulation?: number; over?: Partial<typeof majorHazardSource.$inferInsert> } = {},
) {
  const substances = o.substances ?? [{ name: '氯', quantityTonnes: 20 }];
  const exposedPopulation = o.exposedPopulation ?? 50;
  const r = assessMajorHazard({ exposedPopulation, substances });
  const now = new Date();
  const [row] = await ex
    .insert(majorHazardSource)
    .values({
      enterpriseId,
      code: code('ZDWXY'),
      name: `测试储罐区${randomInt(1e4)}`,
      unitKind: 'storage',
      location: '罐区',
      lng: 112.85,
      lat: 35.5,
      exposedPopulation,
      substances,
      terms: r.terms,
      s: r.S,
      isMajor: r.isMajor,
      alpha: r.alpha,
      r: r.R,
      grade: r.grade,
      source: r.source,
      principalName: '赵一',
      principalPhone: '13903561111',
      technicalName: '钱二',
      technicalPhone: '13903562222',
      operationalName: '孙三',
      operationalPhone: '13903563333',
      createdAt: now,
      updatedAt: now,
      ...o.over,
    })
    .returning();
  return row as typeof majorHazardSource.$inferSelect;
}

/** A tailings pond in any 安全度 and operating status; its 等别 follows capacity and design height. */
export async function makeTailingsPond(
  ex: Executor,
  enterpriseId: string,
  o: {
    safetyStatus?: (typeof TAILINGS_SAFETY_STATUSES)[number];
    operatingStatus?: 'operating' | 'idle' | 'closed' | 'deregistered';
    totalCapacity?: number;
    designDamHeight?: number;
    over?: Partial<typeof tailingsPond.$inferInsert>;
  } = {},
) {
  const totalCapacity = o.totalCapacity ?? 500;
  const designDamHeight = o.designDamHeight ?? 45;
  const g = tailingsGrade({ totalCapacity, damHeight: designDamHeight });
  const now = new Date();
  const [row] = await ex
    .insert(tailingsPond)
    .values({
      enterpriseId,
      code: code('WKK'),
      name: `测试尾矿库${randomInt(1e4)}`,
      location: '东沟',
      lng: 112.9,
      lat: 35.45,
      damMethod: 'upstream',
      designDamHeight,
      currentDamHeight: designDamHeight * 0.6,
      totalCapacity,
      currentCapacity: totalCapacity * 0.5,
      grade: g.grade,
      gradeSource: g.source,
      overhead: false,
      downstreamPopulation: 0,
      safetyStatus: o.safetyStatus ?? 'normal',
      operatingStatus: o.operatingStatus ?? 'operating',
      responsiblePerson: '周四',
      responsiblePhone: '13903564444',
      licenceNumber: '（晋）FM安许证字〔2024〕001',
      licenceExpiry: '2027-12-31',
      createdAt: now,
      updatedAt: now,
      ...o.over,
    })
    .returning();
  return row as typeof tailingsPond.$inferSelect;
}

/** A 安全度 report of a pond (from its previous to its current 安全度) addressed to the given departments. */
export async function makePondReport(
  ex: Executor,
  p: typeof tailingsPond.$inferSelect,
  departments: { id: string; name: string }[],
  o: { fromStatus?: string | null; at?: Date } = {},
) {
  const to = p.safetyStatus as (typeof TAILINGS_SAFETY_STATUSES)[number];
  const [row] = await ex
    .insert(tailingsPondReport)
    .values({
      pondId: p.id,
      enterpriseId: p.enterpriseId,
      fromStatus: o.fromStatus ?? null,
      toStatus: to,
      action: TAILINGS_SAFETY[to].action,
      source: TAILINGS_SAFETY_SOURCE,
      departments,
      reportedAt: o.at ?? new Date(),
      reportedByName: '测试',
    })
    .returning();
  return row as typeof tailingsPondReport.$inferSelect;
}
