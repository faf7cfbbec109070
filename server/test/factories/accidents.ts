import { randomInt } from 'node:crypto';
import type { AccidentStatus } from '../../../common/contracts/accidents.js';
import { type AccidentGrade, gradeAccident } from '../../../common/rules/accident-grade.js';
import { FATAL_ACCIDENT_ACTIONS, investigatingLevel, investigationDeadline, replyDeadline } from '../../../common/rules/accident-investigation.js';
import { PARALLEL_RECIPIENTS, reportingChain } from '../../../common/rules/accident-reporting.js';
import type { Executor } from '../../db/client.js';
import {
  accident,
  accidentAccountability,
  accidentAction,
  accidentInvestigation,
  accidentReport,
  accidentRevision,
} from '../../modules/accidents/accident.schema.js';

/**
 * An accident in any status in one call, inserted directly and consistent with the rules: the grade follows the
 * figures (Art. 3), the chain links and their due times follow the grade (Art. 9–11), an investigation exists from
 * `investigating` on with its 60-day due (Art. 29), a report from `reportSubmitted` on with its 批复 due (Art. 32),
 * the 批复 once `closed`; a fatal accident gets its item-27 actions. Override any column with `over`.
 */

const ORDER: AccidentStatus[] = ['reported', 'investigating', 'reportSubmitted', 'closed'];
const atLeast = (s: AccidentStatus, than: AccidentStatus) => ORDER.indexOf(s) >= ORDER.indexOf(than);

export interface AccidentPlace {
  regionCode: string;
  regionPath: string;
}

export async function makeAccident(
  ex: Executor,
  place: AccidentPlace,
  o: {
    enterpriseId?: string | null;
    groupId?: string | null;
    industry?: string;
    accidentType?: string;
    deaths?: number;
    seriousInjuries?: number;
    directLossYuan?: number;
    status?: AccidentStatus;
    published?: boolean;
    occurredAt?: Date;
    /** The departments that receive the county and city links (confirmable in Taihang). */
    departments?: { county?: string; city?: string };
    /** Mark every link reported and confirmed. */
    chainDone?: boolean;
    over?: Partial<typeof accident.$inferInsert>;
  } = {},
) {
  const status = o.status ?? 'reported';
  const occurredAt = o.occurredAt ?? new Date(Date.now() - 2 * 3_600_000);
  const reportedAt = new Date(occurredAt.getTime() + 30 * 60_000);
  const figures = { deaths: o.deaths ?? 0, seriousInjuries: o.seriousInjuries ?? 1, directLossYuan: o.directLossYuan ?? 200_000 };
  const g = gradeAccident(figures);
  const [row] = await ex
    .insert(accident)
    .values({
      enterpriseId: o.enterpriseId ?? null,
      groupId: o.groupId ?? null,
      regionCode: place.regionCode,
      regionPath: place.regionPath,
      industry: o.industry ?? 'coal',
      accidentType: o.accidentType ?? '06',
      title: `测试事故${randomInt(1e6)}`,
      occurredAt,
      reportedAt,
      place: '井下三采区',
      unitOverview: '测试企业，从业人员 100 人',
      scene: '三采区回风巷',
      narrative: '顶板局部冒落',
      ...figures,
      missing: 0,
      minorInjuries: 0,
      measures: '撤出人员，封闭现场',
      grade: g.grade,
      decidedBy: g.decidedBy,
      status,
      reporterName: '测试报告人',
      reporterUnit: '测试企业',
      published: o.published ?? false,
      publishedAt: o.published ? new Date() : null,
      publicSummary: o.published ? '调查处理结果：已依法处理。' : null,
      createdAt: reportedAt,
      updatedAt: reportedAt,
      ...o.over,
    })
    .returning();
  const a = row as typeof accident.$inferSelect;
  await ex.insert(accidentRevision).values({
    accidentId: a.id,
    kind: 'initial',
    at: reportedAt,
    actorName: '测试报告人',
    ...figures,
    missing: 0,
    minorInjuries: 0,
    grade: a.grade,
    note: '快报',
  });

  const chain = reportingChain({ grade: a.grade as AccidentGrade, occurredAt });
  const cityDue = chain.levels.find((l) => l.level === 'city')?.due ?? chain.unitDue;
  const done = o.chainDone ? { reportedAt, reportedBy: '测试', confirmedAt: reportedAt, confirmedBy: '测试' } : {};
  await ex.insert(accidentReport).values([
    ...chain.levels.map((l) => ({
      accidentId: a.id,
      recipient: l.level,
      departmentId: l.level === 'county' ? (o.departments?.county ?? null) : l.level === 'city' ? (o.departments?.city ?? null) : null,
      due: l.due,
      ...done,
    })),
    ...PARALLEL_RECIPIENTS.map((p) => ({ accidentId: a.id, recipient: p.key, departmentId: null, due: cityDue, ...done })),
  ]);

  if (atLeast(status, 'investigating')) {
    const level = investigatingLevel(a.grade as AccidentGrade, { casualties: figures.deaths + figures.seriousInjuries > 0 });
    const submitted = atLeast(status, 'reportSubmitted') ? new Date() : null;
    await ex.insert(accidentInvestigation).values({
      accidentId: a.id,
      level: level.level,
      leader: '调查组长',
      members: ['组员甲', '组员乙'],
      startedAt: reportedAt,
      due: investigationDeadline({ occurredAt }).due,
      report: submitted ? { causes: '支护不及时', nature: 'liability', measures: '加强顶板管理' } : null,
      reportSubmittedAt: submitted,
      replyDue: submitted ? replyDeadline({ grade: a.grade as AccidentGrade, reportReceivedAt: submitted }).due : null,
      repliedAt: status === 'closed' ? new Date() : null,
      replyDocument: status === 'closed' ? '测政函〔2026〕1号' : null,
    });
    if (submitted) await makeAccountability(ex, a.id);
  }
  if (figures.deaths > 0) await makeFatalActions(ex, a, o.departments?.county ?? null);
  return a;
}

export async function makeAccountability(ex: Executor, accidentId: string, over: Partial<typeof accidentAccountability.$inferInsert> = {}) {
  await ex.insert(accidentAccountability).values({
    accidentId,
    subject: '测试企业',
    subjectKind: 'unit',
    finding: '安全管理不到位',
    proposal: '依法予以行政处罚',
    ...over,
  });
}

/** The four item-27 actions of a fatal accident, open and due in 7 days (override a status per key). */
export async function makeFatalActions(
  ex: Executor,
  a: { id: string; reportedAt: Date },
  ownerDepartmentId: string | null,
  statuses: Partial<Record<(typeof FATAL_ACCIDENT_ACTIONS)[number]['key'], 'open' | 'done' | 'setAside'>> = {},
) {
  await ex.insert(accidentAction).values(
    FATAL_ACCIDENT_ACTIONS.map((f) => {
      const status = statuses[f.key] ?? 'open';
      return {
        accidentId: a.id,
        key: f.key,
        ownerDepartmentId,
        due: new Date(a.reportedAt.getTime() + 7 * 86_400_000),
        status,
        closedAt: status === 'open' ? null : new Date(),
        closedBy: status === 'open' ? null : '测试',
        comment: status === 'open' ? null : '已办理',
      };
    }),
  );
}
