import type { TIssueTask } from '../../../../common/contracts/tasks.js';
import { both, day, NOTICE_TERMS, notice } from '../../../../common/i18n/notifications.js';
import { toShanghaiDate } from '../../../../common/rules/calendar/working-days.js';
import { DEFAULT_13710_CONFIG, deadlines13710 } from '../../../../common/rules/deadline-13710.js';
import { loadCalendar } from '../../../kernel/calendar/calendar.js';
import type { Ctx } from '../../../kernel/context.js';
import { AppError, type FieldError } from '../../../kernel/errors.js';
import { attachFiles } from '../../../kernel/files/files.js';
import { allowNew } from '../../../kernel/gate/gate.js';
import { scopeCoversRegion } from '../../../kernel/scope/scope.js';
import { userIdsOfUnit } from '../../identity/index.js';
import { findDepartmentWithPath, findEnterprise } from '../../org/index.js';
import { taskPolicy } from '../task.policy.js';
import { insertAssignees, insertEvent, insertTask, listAssignees, nextTaskNumber } from '../task.repository.js';

interface Unit {
  departmentId: string | null;
  enterpriseId: string | null;
  unitName: string;
  regionPath: string;
}

/**
 * An assignee unit must exist and lie in the issuer's jurisdiction (a city issues to its counties, not to another
 * city): a 400 naming the field here, the task policy's own check before the write.
 */
async function resolveUnit(ctx: Ctx, u: { departmentId?: string; enterpriseId?: string }, field: string, errors: FieldError[]): Promise<Unit | undefined> {
  if (!!u.departmentId === !!u.enterpriseId) {
    errors.push({ field, code: 'required' });
    return undefined;
  }
  if (u.departmentId) {
    const d = await findDepartmentWithPath(ctx.tx, u.departmentId);
    if (!d || !scopeCoversRegion(ctx.scope, d.regionPath)) errors.push({ field: `${field}.departmentId`, code: 'department' });
    else return { departmentId: d.id, enterpriseId: null, unitName: d.name, regionPath: d.regionPath };
    return undefined;
  }
  const e = await findEnterprise(ctx.tx, ctx.scope, u.enterpriseId as string);
  if (!e) errors.push({ field: `${field}.enterpriseId`, code: 'enterprise' });
  else return { departmentId: null, enterpriseId: e.id, unitName: e.name, regionPath: e.regionPath };
  return undefined;
}

/**
 * 交办: one task, its lead and cooperating units, each with its own 13710 due dates computed on the
 * working-day calendar (the day kind is chosen per task; calendar days by default).
 */
export async function issueTask(ctx: Ctx, input: TIssueTask, link: { planItemId?: string } = {}): Promise<{ id: string }> {
  if (!ctx.actor.departmentId) throw new AppError('FORBIDDEN');
  const issuer = await findDepartmentWithPath(ctx.tx, ctx.actor.departmentId);
  if (!issuer) throw new AppError('FORBIDDEN');
  const errors: FieldError[] = [];
  const lead = await resolveUnit(ctx, input.lead, 'lead', errors);
  const cooperating: Unit[] = [];
  for (const [i, c] of input.cooperating.entries()) {
    const u = await resolveUnit(ctx, c, `cooperating.${i}`, errors);
    if (u) cooperating.push(u);
  }
  const units = [lead, ...cooperating].filter((u): u is Unit => !!u);
  const keys = units.map((u) => u.departmentId ?? u.enterpriseId);
  if (new Set(keys).size !== keys.length) errors.push({ field: 'cooperating', code: 'unique' });
  if (errors.length || !lead) throw new AppError('VALIDATION', {}, errors);
  allowNew(ctx, taskPolicy, 'issue', { issuerDepartmentId: issuer.id, units });

  const now = ctx.clock.now();
  const { calendar } = await loadCalendar(ctx.tx);
  const due = deadlines13710({ assignedAt: now, complexity: input.complexity }, calendar, { ...DEFAULT_13710_CONFIG, dayKind: input.dayKind });
  const year = Number(toShanghaiDate(now).slice(0, 4));
  const code = `DB-${year}-${String(await nextTaskNumber(ctx.tx, year)).padStart(4, '0')}`;
  const t = await insertTask(ctx.tx, {
    code,
    title: input.title,
    content: input.content,
    source: input.source,
    sourceRef: input.sourceRef ?? null,
    planItemId: link.planItemId ?? null,
    complexity: input.complexity,
    dayKind: input.dayKind,
    issuerDepartmentId: issuer.id,
    issuerName: issuer.name,
    regionPath: issuer.regionPath,
    assignedAt: now,
    attachments: input.attachments,
    status: 'open',
    createdBy: ctx.actor.id,
    createdAt: now,
    updatedAt: now,
  });
  await attachFiles(ctx.tx, ctx.actor.id, { kind: 'task', id: t.id }, input.attachments, 'attachments');
  await insertAssignees(
    ctx.tx,
    units.map((u, i) => ({
      taskId: t.id,
      role: i === 0 ? 'lead' : 'cooperate',
      ...u,
      status: 'received',
      deployDue: due.deployDue,
      feedbackDue: due.feedbackDue,
      resolveDue: due.resolveDue,
      originalResolveDue: due.resolveDue,
    })),
  );
  for (const a of await listAssignees(ctx.tx, [t.id])) {
    await insertEvent(ctx.tx, {
      taskId: t.id,
      assigneeId: a.id,
      action: 'assign',
      fromStatus: '-',
      toStatus: 'received',
      actorId: ctx.actor.id,
      actorName: ctx.actor.displayName,
      at: now,
      comment: input.title,
    });
    await ctx.notify.send({
      userIds: await userIdsOfUnit(ctx.tx, { departmentId: a.departmentId, enterpriseId: a.enterpriseId }),
      kind: 'task',
      notice: notice('task.issued', {
        title: input.title,
        issuer: both({ zh: issuer.name, en: issuer.nameEn || issuer.name }),
        role: NOTICE_TERMS.taskRole[a.role === 'lead' ? 'lead' : 'cooperate'],
        feedbackDue: day(due.feedbackDue),
        resolveDue: day(due.resolveDue),
      }),
      link: `/tasks/${t.id}`,
      entityType: 'task',
      entityId: t.id,
    });
  }
  await ctx.audit.record({ action: 'task.issued', entityType: 'task', entityId: t.id, after: { ...input, code, due } });
  return { id: t.id };
}
