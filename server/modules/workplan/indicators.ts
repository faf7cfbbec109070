import { formatBeijingDate } from '../../../common/format/beijing.js';
import { INDUSTRIES } from '../../../common/industries.js';
import { FATAL_ACCIDENT_ACTIONS } from '../../../common/rules/accident-investigation.js';
import { toShanghaiDate } from '../../../common/rules/calendar/working-days.js';
import type { Ctx } from '../../kernel/context.js';
import { fatalActionsOfPeriod } from '../accidents/index.js';
import { departmentsInScope, enterprisesForIndicators } from '../org/index.js';
import { assigneesOfPlanItems } from '../tasks/index.js';
import type { IndicatorKey } from './data/jincheng-2021.js';
import { activitiesBetween, type PlanItemRow } from './workplan.repository.js';

/**
 * Indicators computed from live records, never typed in: the registry (standardization, insurance, the
 * 一张表), the registers (meetings, lectures, inspections, training, equipment, mining faces, the four
 * systems), accidents and 督办 tasks. Each returns its value, target, a colour and the units that fall short.
 */
export interface Shortfall {
  id: string | null;
  name: string;
  detail: string;
}

export interface IndicatorResult {
  key: IndicatorKey;
  value: number | null;
  /** What the value means, e.g. '68 / 80 = 85%'. */
  display: string;
  target: number;
  unit: 'percent' | 'count' | 'ratio';
  status: 'green' | 'yellow' | 'red' | 'grey';
  shortfalls: Shortfall[];
}

const HIGH_RISK = new Set<string>(INDUSTRIES.filter((i) => i.highRisk).map((i) => i.key));

function status(value: number | null, target: number): IndicatorResult['status'] {
  if (value === null) return 'grey';
  if (value >= target) return 'green';
  return value >= target * 0.8 ? 'yellow' : 'red';
}

function share(key: IndicatorKey, ok: number, all: number, shortfalls: Shortfall[]): IndicatorResult {
  const value = all === 0 ? null : Math.round((ok / all) * 1000) / 10;
  return { key, value, display: all === 0 ? '—' : `${ok} / ${all} = ${value}%`, target: 100, unit: 'percent', status: status(value, 100), shortfalls };
}

/** The months of `year` that have ended by `today` (YYYY-MM-DD), as 'YYYY-MM'. */
function completedMonths(year: number, today: string): string[] {
  const out: string[] = [];
  for (let m = 1; m <= 12; m++) {
    const last = new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
    if (last < today) out.push(`${year}-${String(m).padStart(2, '0')}`);
  }
  return out;
}

export class IndicatorEngine {
  private cache = new Map<IndicatorKey, Promise<IndicatorResult>>();
  private readonly from: string;
  private readonly to: string;
  private readonly today: string;

  constructor(
    private readonly ctx: Ctx,
    private readonly year: number,
    private readonly items: PlanItemRow[],
  ) {
    this.today = toShanghaiDate(ctx.clock.now());
    this.from = `${year}-01-01`;
    const end = `${year}-12-31`;
    this.to = this.today < end ? this.today : end;
  }

  compute(key: IndicatorKey, item?: PlanItemRow): Promise<IndicatorResult> {
    if (key === 'taskOnTime') return this.taskOnTime(item);
    let p = this.cache.get(key);
    if (!p) {
      p = this.run(key);
      this.cache.set(key, p);
    }
    return p;
  }

  private enterprises = () => enterprisesForIndicators(this.ctx.tx, this.ctx.scope);

  private async run(key: Exclude<IndicatorKey, 'taskOnTime'>): Promise<IndicatorResult> {
    const { ctx } = this;
    switch (key) {
      case 'supervisionTableComplete': {
        const es = (await this.enterprises()).filter((e) => e.status !== 'closed');
        const short = es.filter((e) => e.noDepartment || e.noPerson);
        return share(
          key,
          es.length - short.length,
          es.length,
          short.map((e) => ({ id: e.id, name: e.name, detail: e.noDepartment ? '无监管部门' : '未明确责任人' })),
        );
      }
      case 'standardizationCoal': {
        const es = (await this.enterprises()).filter((e) => e.industry === 'coal' && e.status === 'operating' && !e.isGroup);
        const short = es.filter((e) => e.standardizationGrade === null || e.standardizationGrade > 2);
        return share(
          key,
          es.length - short.length,
          es.length,
          short.map((e) => ({ id: e.id, name: e.name, detail: e.standardizationGrade ? `${e.standardizationGrade}级` : '未定级' })),
        );
      }
      case 'standardizationHighRisk': {
        const es = (await this.enterprises()).filter((e) => HIGH_RISK.has(e.industry) && e.industry !== 'coal' && e.status === 'operating' && !e.isGroup);
        const short = es.filter((e) => e.standardizationGrade === null);
        return share(
          key,
          es.length - short.length,
          es.length,
          short.map((e) => ({ id: e.id, name: e.name, detail: '未达三级' })),
        );
      }
      case 'liabilityInsurance': {
        const es = (await this.enterprises()).filter((e) => HIGH_RISK.has(e.industry) && e.status === 'operating');
        const short = es.filter((e) => e.insuranceStatus !== 'insured');
        return share(
          key,
          es.length - short.length,
          es.length,
          short.map((e) => ({ id: e.id, name: e.name, detail: e.insuranceStatus === 'expired' ? '已过期' : '未投保' })),
        );
      }
      case 'hazchemFourSystems': {
        const hazchem = (await this.enterprises()).filter((e) => e.industry === 'hazchem' && e.status !== 'closed' && !e.isGroup);
        const records = await activitiesBetween(ctx.tx, ctx.scope, 'hazchemSystems', '2000-01-01', this.to);
        const latest = new Map<string, Record<string, boolean>>();
        for (const r of records) if (r.enterpriseId) latest.set(r.enterpriseId, r.detail as Record<string, boolean>);
        const short: { id: string; name: string; detail: string }[] = [];
        let major = 0;
        for (const e of hazchem) {
          const d = latest.get(e.id);
          if (!d) {
            short.push({ id: e.id, name: e.name, detail: '未填报四个系统情况' });
            continue;
          }
          if (!d.majorHazard) continue;
          major++;
          const missing = [
            ['automaticControl', '自动化控制'],
            ['safetyInstrumented', '安全仪表'],
            ['emergencyShutdown', '紧急停车'],
            ['gasLeakDetection', '气体泄漏检测'],
          ]
            .filter(([k]) => !d[k as string])
            .map(([, n]) => n);
          if (missing.length) short.push({ id: e.id, name: e.name, detail: `缺少：${missing.join('、')}（应停产整顿）` });
        }
        const reported = hazchem.length - short.filter((s) => s.detail.startsWith('未填报')).length;
        const ok = reported - short.filter((s) => !s.detail.startsWith('未填报')).length;
        return share(key, ok, hazchem.length, short).display === '—'
          ? share(key, ok, hazchem.length, short)
          : { ...share(key, ok, hazchem.length, short), display: `${ok} / ${hazchem.length}（其中重大危险源企业 ${major} 家）` };
      }
      case 'leaderLecture': {
        const units = (await departmentsInScope(ctx.tx, ctx.scope)).filter(
          (d) => d.kind === 'government' || d.regionPath.split('/').filter(Boolean).length === 1,
        );
        const done = new Set((await activitiesBetween(ctx.tx, ctx.scope, 'leaderLecture', this.from, this.to)).map((r) => r.departmentId));
        const short = units.filter((u) => !done.has(u.id));
        return share(
          key,
          units.length - short.length,
          units.length,
          short.map((u) => ({ id: u.id, name: u.name, detail: '本年度尚未登记主要领导安全生产授课' })),
        );
      }
      case 'monthlySafetyMeeting': {
        const months = completedMonths(this.year, this.today);
        const units = (await departmentsInScope(ctx.tx, ctx.scope)).filter((d) => d.kind === 'government');
        const meetings = await activitiesBetween(ctx.tx, ctx.scope, 'safetyMeeting', this.from, this.to);
        const held = new Set(meetings.map((m) => `${m.departmentId}|${m.date.slice(0, 7)}`));
        const slots = units.length * months.length;
        const short: Shortfall[] = [];
        let ok = 0;
        for (const u of units) {
          const missing = months.filter((m) => !held.has(`${u.id}|${m}`));
          ok += months.length - missing.length;
          if (missing.length) short.push({ id: u.id, name: u.name, detail: `未召开：${missing.join('、')}` });
        }
        return share(key, ok, slots, short);
      }
      case 'groupInspections': {
        const es = await this.enterprises();
        const groups = es.filter((e) => e.isGroup && es.some((s) => s.groupId === e.id));
        const months = completedMonths(this.year, this.today);
        const quarters = [...new Set(months.map((m) => `${m.slice(0, 4)}Q${Math.ceil(Number(m.slice(5)) / 3)}`))].filter((q) =>
          months.includes(`${q.slice(0, 4)}-${String(Number(q.slice(5)) * 3).padStart(2, '0')}`),
        );
        const recs = await activitiesBetween(ctx.tx, ctx.scope, 'groupInspection', this.from, this.to);
        const short: Shortfall[] = [];
        let ok = 0;
        let all = 0;
        for (const g of groups) {
          const mine = recs.filter((r) => r.enterpriseId === g.id);
          const gm = new Set(mine.filter((r) => (r.detail as { role: string }).role === 'generalManager').map((r) => r.date.slice(0, 7)));
          const ch = new Set(
            mine
              .filter((r) => (r.detail as { role: string }).role === 'chairman')
              .map((r) => `${r.date.slice(0, 4)}Q${Math.ceil(Number(r.date.slice(5, 7)) / 3)}`),
          );
          const gmMissing = months.filter((m) => !gm.has(m));
          const chMissing = quarters.filter((q) => !ch.has(q));
          all += months.length + quarters.length;
          ok += months.length - gmMissing.length + quarters.length - chMissing.length;
          if (gmMissing.length || chMissing.length) {
            short.push({
              id: g.id,
              name: g.name,
              detail: [chMissing.length ? `董事长未检查：${chMissing.join('、')}` : '', gmMissing.length ? `总经理未检查：${gmMissing.join('、')}` : '']
                .filter(Boolean)
                .join('；'),
            });
          }
        }
        return share(key, ok, all, short);
      }
      case 'officerTraining': {
        const recs = await activitiesBetween(ctx.tx, ctx.scope, 'officerTraining', this.from, this.to);
        const equipment = await activitiesBetween(ctx.tx, ctx.scope, 'enforcementEquipment', '2000-01-01', this.to);
        const officersByUnit = new Map<string, { name: string; officers: number }>();
        for (const r of equipment)
          if (r.departmentId) officersByUnit.set(r.departmentId, { name: r.unitName, officers: (r.detail as { officers: number }).officers });
        const daysByOfficer = new Map<string, number>();
        for (const r of recs) {
          const k = `${r.departmentId}|${(r.detail as { officer: string }).officer}`;
          daysByOfficer.set(k, (daysByOfficer.get(k) ?? 0) + (r.detail as { days: number }).days);
        }
        let trained = 0;
        let officers = 0;
        const short: Shortfall[] = [];
        for (const [unitId, u] of officersByUnit) {
          const n = [...daysByOfficer.entries()].filter(([k, d]) => k.startsWith(`${unitId}|`) && d >= 14).length;
          trained += Math.min(n, u.officers);
          officers += u.officers;
          if (n < u.officers) short.push({ id: unitId, name: u.name, detail: `轮训满两周 ${n} / ${u.officers} 人` });
        }
        return share(key, trained, officers, short);
      }
      case 'equipmentPerOfficer': {
        const equipment = await activitiesBetween(ctx.tx, ctx.scope, 'enforcementEquipment', '2000-01-01', this.to);
        const latest = new Map<string, { name: string; officers: number; sets: number }>();
        for (const r of equipment)
          if (r.departmentId)
            latest.set(r.departmentId, {
              name: r.unitName,
              officers: (r.detail as { officers: number }).officers,
              sets: (r.detail as { equipmentSets: number }).equipmentSets,
            });
        const units = [...latest.entries()];
        const officers = units.reduce((s, [, u]) => s + u.officers, 0);
        const sets = units.reduce((s, [, u]) => s + Math.min(u.sets, u.officers), 0);
        const short = units
          .filter(([, u]) => u.sets < u.officers)
          .map(([id, u]) => ({ id, name: u.name, detail: `执法装备 ${u.sets} 套 / 执法人员 ${u.officers} 人` }));
        return share(key, sets, officers, short);
      }
      case 'intelligentMiningFaces': {
        const recs = await activitiesBetween(ctx.tx, ctx.scope, 'miningFace', this.from, this.to);
        const target = 151;
        return { key, value: recs.length, display: `${recs.length} / ${target}`, target, unit: 'count', status: status(recs.length, target), shortfalls: [] };
      }
      case 'fatalAccidentActions': {
        const rows = await fatalActionsOfPeriod(ctx.tx, ctx.scope, new Date(`${this.from}T00:00:00+08:00`), new Date(`${this.to}T23:59:59.999+08:00`));
        const open = rows.filter((r) => r.action.status === 'open');
        return share(
          key,
          rows.length - open.length,
          rows.length,
          open.map((r) => ({
            id: r.accidentId,
            name: r.title,
            detail: `${FATAL_ACCIDENT_ACTIONS.find((x) => x.key === r.action.key)?.zh ?? r.action.key} 未落实（期限 ${formatBeijingDate(r.action.due)}）`,
          })),
        );
      }
    }
  }

  /** 13710 tasks issued against this item: resolved by their (original) due date. */
  private async taskOnTime(item?: PlanItemRow): Promise<IndicatorResult> {
    const rows = item ? await assigneesOfPlanItems(this.ctx.tx, this.ctx.scope, [item.id]) : [];
    const now = this.ctx.clock.now();
    const due = rows.filter(({ a }) => a.resolvedAt || a.originalResolveDue < now);
    const late = due.filter(({ a }) => !a.resolvedAt || a.resolvedAt > a.originalResolveDue);
    return share(
      'taskOnTime',
      due.length - late.length,
      due.length,
      late.map(({ a, t }) => ({ id: t.id, name: `${t.code} ${t.title}`, detail: `${a.unitName} 未按期落实` })),
    );
  }

  get planItems() {
    return this.items;
  }
}
