import { and, asc, desc, eq, gte, ilike, inArray, isNull, lte, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { type Scope, unitScopeSql } from '../../kernel/scope/scope.js';
import { enterpriseInScope } from '../org/index.js';
import { task, taskAssignee, taskEvent, taskExtension } from './task.schema.js';

/** The only SQL on the task tables; every read takes a Scope. */

export type TaskRow = typeof task.$inferSelect;
export type AssigneeRow = typeof taskAssignee.$inferSelect;
export type EventRow = typeof taskEvent.$inferSelect;
export type ExtensionRow = typeof taskExtension.$inferSelect;

const TASK_ID = sql.raw('"task"."id"');

/**
 * Tasks visible to a scope: those its unit issued or oversees (the issuer as a unit), and those addressed to a unit
 * in its scope (kernel unitScopeSql; group membership through org).
 */
export function taskScopeSql(scope: Scope): SQL {
  const issuer = unitScopeSql(scope, { regionPath: task.regionPath, departmentId: task.issuerDepartmentId, enterpriseId: sql`null` }, enterpriseInScope);
  const addressed = unitScopeSql(
    scope,
    { regionPath: sql.raw('ta.region_path'), departmentId: sql.raw('ta.department_id'), enterpriseId: sql.raw('ta.enterprise_id') },
    enterpriseInScope,
  );
  return sql`(${issuer} or exists (select 1 from task_assignee ta where ta.task_id = ${TASK_ID} and ${addressed}))`;
}

export interface TaskFilter {
  q?: string;
  status?: string;
  issuerDepartmentId?: string;
  assignedToDepartmentId?: string;
  assignedToEnterpriseId?: string;
  overdueAt?: Date;
}

function where(scope: Scope, f: TaskFilter): SQL {
  const w: (SQL | undefined)[] = [taskScopeSql(scope)];
  if (f.q) w.push(or(ilike(task.title, `%${f.q}%`), ilike(task.code, `%${f.q}%`)));
  if (f.status) w.push(eq(task.status, f.status));
  if (f.issuerDepartmentId) w.push(eq(task.issuerDepartmentId, f.issuerDepartmentId));
  if (f.assignedToDepartmentId)
    w.push(sql`exists (select 1 from task_assignee ta where ta.task_id = ${TASK_ID} and ta.department_id = ${f.assignedToDepartmentId})`);
  if (f.assignedToEnterpriseId)
    w.push(sql`exists (select 1 from task_assignee ta where ta.task_id = ${TASK_ID} and ta.enterprise_id = ${f.assignedToEnterpriseId})`);
  // Overdue at any of the three due points, as the board's red dot shows it.
  if (f.overdueAt) {
    const at = f.overdueAt.toISOString();
    w.push(
      sql`exists (select 1 from task_assignee ta where ta.task_id = ${TASK_ID} and ta.status <> 'closed' and ((ta.deployed_at is null and ta.deploy_due < ${at}::timestamptz) or (ta.first_feedback_at is null and ta.feedback_due < ${at}::timestamptz) or (ta.resolved_at is null and ta.resolve_due < ${at}::timestamptz)))`,
    );
  }
  return and(...w) as SQL;
}

export async function findTasks(ex: Executor, scope: Scope, f: TaskFilter, page: number, pageSize: number) {
  const w = where(scope, f);
  const rows = await ex
    .select()
    .from(task)
    .where(w)
    .orderBy(desc(task.assignedAt), asc(task.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [c] = await ex.select({ n: sql<number>`count(*)::int` }).from(task).where(w);
  return { rows, total: c?.n ?? 0 };
}

export function allTasks(ex: Executor, scope: Scope, f: TaskFilter, limit: number) {
  return ex.select().from(task).where(where(scope, f)).orderBy(desc(task.assignedAt)).limit(limit);
}

export async function getTask(ex: Executor, scope: Scope, id: string): Promise<TaskRow | undefined> {
  const [row] = await ex
    .select()
    .from(task)
    .where(and(eq(task.id, id), taskScopeSql(scope)));
  return row;
}

export async function insertTask(ex: Executor, values: typeof task.$inferInsert): Promise<TaskRow> {
  const [row] = await ex.insert(task).values(values).returning();
  return row as TaskRow;
}

export async function updateTask(ex: Executor, id: string, values: Partial<typeof task.$inferInsert>) {
  await ex.update(task).set(values).where(eq(task.id, id));
}

export async function nextTaskNumber(ex: Executor, year: number): Promise<number> {
  const [r] = await ex
    .select({ n: sql<number>`count(*)::int` })
    .from(task)
    .where(ilike(task.code, `DB-${year}-%`));
  return (r?.n ?? 0) + 1;
}

export async function insertAssignees(ex: Executor, rows: (typeof taskAssignee.$inferInsert)[]) {
  if (rows.length) await ex.insert(taskAssignee).values(rows);
}

export function listAssignees(ex: Executor, taskIds: string[]) {
  if (!taskIds.length) return Promise.resolve([] as AssigneeRow[]);
  // The lead unit first, then the cooperating units by name.
  return ex
    .select()
    .from(taskAssignee)
    .where(inArray(taskAssignee.taskId, taskIds))
    .orderBy(sql`case when ${taskAssignee.role} = 'lead' then 0 else 1 end`, asc(taskAssignee.unitName));
}

/**
 * Loads one assignee of a task for a write: the task through the scope, the assignee row locked, and whether an
 * extension request waits; undefined when the task is out of scope or the assignee is not one of its units.
 */
export async function lockAssigneeOfTask(ex: Executor, scope: Scope, taskId: string, assigneeId: string) {
  const t = await getTask(ex, scope, taskId);
  if (!t) return undefined;
  const [a] = await ex
    .select()
    .from(taskAssignee)
    .where(and(eq(taskAssignee.id, assigneeId), eq(taskAssignee.taskId, taskId)))
    .for('update');
  if (!a) return undefined;
  const pending = await pendingExtension(ex, assigneeId);
  return { task: t, assignee: a, pending, pendingExtension: !!pending };
}

export async function updateAssignee(ex: Executor, id: string, values: Partial<typeof taskAssignee.$inferInsert>) {
  await ex
    .update(taskAssignee)
    .set({ ...values, version: sql`${taskAssignee.version} + 1` })
    .where(eq(taskAssignee.id, id));
}

export async function openAssigneesOf(ex: Executor, taskId: string) {
  return ex
    .select()
    .from(taskAssignee)
    .where(and(eq(taskAssignee.taskId, taskId), ne(taskAssignee.status, 'closed')));
}

export async function insertEvent(ex: Executor, values: typeof taskEvent.$inferInsert) {
  await ex.insert(taskEvent).values(values);
}

export function listEvents(ex: Executor, taskId: string) {
  return ex.select().from(taskEvent).where(eq(taskEvent.taskId, taskId)).orderBy(asc(taskEvent.at));
}

export async function insertExtension(ex: Executor, values: typeof taskExtension.$inferInsert) {
  const [row] = await ex.insert(taskExtension).values(values).returning();
  return row as ExtensionRow;
}

export async function pendingExtension(ex: Executor, assigneeId: string) {
  const [row] = await ex
    .select()
    .from(taskExtension)
    .where(and(eq(taskExtension.assigneeId, assigneeId), eq(taskExtension.status, 'pending')))
    .for('update');
  return row;
}

export async function updateExtension(ex: Executor, id: string, values: Partial<typeof taskExtension.$inferInsert>) {
  await ex.update(taskExtension).set(values).where(eq(taskExtension.id, id));
}

export function listExtensions(ex: Executor, assigneeIds: string[]) {
  if (!assigneeIds.length) return Promise.resolve([]);
  return ex.select().from(taskExtension).where(inArray(taskExtension.assigneeId, assigneeIds)).orderBy(asc(taskExtension.requestedAt));
}

/** The sweep: open assignees in scope (the system's, for the job) with a due point passed or within the reminder window (bounded). */
export function assigneesToSweep(ex: Executor, scope: Scope, horizon: Date, limit: number) {
  return ex
    .select({ a: taskAssignee, t: task })
    .from(taskAssignee)
    .innerJoin(task, eq(task.id, taskAssignee.taskId))
    .where(
      and(
        taskScopeSql(scope),
        ne(taskAssignee.status, 'closed'),
        or(
          and(isNull(taskAssignee.deployedAt), lte(taskAssignee.deployDue, horizon)),
          and(isNull(taskAssignee.firstFeedbackAt), lte(taskAssignee.feedbackDue, horizon)),
          and(isNull(taskAssignee.resolvedAt), lte(taskAssignee.resolveDue, horizon)),
        ),
      ),
    )
    .orderBy(asc(taskAssignee.resolveDue))
    .limit(limit);
}

/** Assignees of tasks assigned in a period, for statistics (scoped through the task). */
export function assigneesInPeriod(ex: Executor, scope: Scope, from: Date, to: Date) {
  return ex
    .select({ a: taskAssignee, t: task })
    .from(taskAssignee)
    .innerJoin(task, eq(task.id, taskAssignee.taskId))
    .where(and(taskScopeSql(scope), gte(task.assignedAt, from), lte(task.assignedAt, to)));
}

/** Assignees of tasks that carry out given work-plan items (scoped through the task). */
export function assigneesOfPlanItems(ex: Executor, scope: Scope, planItemIds: string[]) {
  if (!planItemIds.length) return Promise.resolve([]);
  return ex
    .select({ a: taskAssignee, t: task })
    .from(taskAssignee)
    .innerJoin(task, eq(task.id, taskAssignee.taskId))
    .where(and(taskScopeSql(scope), inArray(task.planItemId, planItemIds)));
}
