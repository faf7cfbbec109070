import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { TASK_SOURCES, TIssueTask, TTaskStep } from '../../../common/contracts/tasks';
import { api, type Page, type Query } from '../../lib/api';

/**
 * 督办 ("13710") API. The server declares the detail as a plain record, so the shapes below follow
 * server/modules/tasks/queries/task-queries.ts and task-stats.ts field by field.
 */

export type { TIssueTask, TTaskStep };
export type TaskSource = (typeof TASK_SOURCES)[number];
export const TASK_SOURCE_KEYS: readonly TaskSource[] = ['meeting', 'document', 'leaderInstruction', 'noticeItem', 'threeYear', 'alarm'];
export type Complexity = 'general' | 'major';
export type DayKind = 'calendar' | 'working';
export type TaskStatus = 'open' | 'closed';
export const TASK_STATUSES: readonly TaskStatus[] = ['open', 'closed'];
export type AssigneeRole = 'lead' | 'cooperate';
export const ASSIGNEE_STATUSES = ['received', 'deployed', 'inProgress', 'resolved', 'closed'] as const;
export type AssigneeStatus = (typeof ASSIGNEE_STATUSES)[number];
/** Where an assignee stands against its due points: the colour of its dot. */
export type AssigneeState = 'onTrack' | 'dueSoon' | 'overdue' | 'done';
export type StepAction = 'deploy' | 'feedback' | 'resolve' | 'accept' | 'return';
export const TASK_SIDES = ['all', 'issued', 'assigned'] as const;
export type TaskSide = (typeof TASK_SIDES)[number];

/** The list filters, as they appear in the URL. */
export const TASK_FILTER_KEYS = ['side', 'q', 'status', 'overdue'] as const;

/** A unit a task is issued to: a government unit or department, or an enterprise. */
export interface UnitRef {
  departmentId?: string;
  enterpriseId?: string;
}

export interface TMilestone {
  date: string;
  milestone: string;
}

export interface TAssigneeSummary {
  id: string;
  role: AssigneeRole;
  unitName: string;
  departmentId: string | null;
  enterpriseId: string | null;
  status: AssigneeStatus;
  deployDue: string;
  feedbackDue: string;
  resolveDue: string;
  originalResolveDue: string;
  deployedAt: string | null;
  firstFeedbackAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  /** 0 none, 1 提醒, 2 预警, 3 通报. */
  escalation: number;
  state: AssigneeState;
  plan: TMilestone[] | null;
}

export interface TTaskBase {
  id: string;
  code: string;
  title: string;
  source: TaskSource;
  sourceRef: string | null;
  complexity: Complexity;
  dayKind: DayKind;
  issuerDepartmentId: string;
  issuerName: string;
  assignedAt: string;
  status: TaskStatus;
}

export interface TTaskSummary extends TTaskBase {
  assignees: TAssigneeSummary[];
}

export interface TTaskEvent {
  id: string;
  assigneeId: string;
  action: string;
  fromStatus: string;
  toStatus: string;
  actorName: string;
  at: string;
  comment: string;
  evidence: string[];
  progress: number | null;
}

export type ExtensionStatus = 'pending' | 'approved' | 'refused';

export interface TExtension {
  id: string;
  assigneeId: string;
  requestedDue: string;
  reason: string;
  status: ExtensionStatus;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionComment: string | null;
}

export interface TAssigneeAbilities {
  deploy: boolean;
  feedback: boolean;
  resolve: boolean;
  accept: boolean;
  return: boolean;
  requestExtension: boolean;
  decideExtension: boolean;
}

export interface TAssigneeDetail extends TAssigneeSummary {
  abilities: TAssigneeAbilities;
  extensions: TExtension[];
  events: TTaskEvent[];
}

export interface TTaskDetail extends TTaskBase {
  content: string;
  attachments: string[];
  source13710: string;
  assignees: TAssigneeDetail[];
  isIssuer: boolean;
  /** The server's clock when the detail was read (lateness is judged by it, not the browser's). */
  now: string;
}

export interface TaskResponse {
  data: TTaskDetail;
  abilities: { issue: boolean };
}

export function useTasks(query: Query) {
  return useQuery({
    queryKey: ['tasks', query],
    queryFn: () => api<Page<TTaskSummary>>('/api/tasks', { query }),
    placeholderData: keepPreviousData,
  });
}

export const taskKey = (id: string | undefined) => ['task', id] as const;

export function useTask(id: string | undefined) {
  return useQuery({
    queryKey: taskKey(id),
    queryFn: () => api<TaskResponse>(`/api/tasks/${id}`),
    enabled: Boolean(id),
  });
}

// ---- board ----

export interface BoardTotals {
  open: number;
  dueSoon: number;
  overdue: number;
  noticed: number;
}

export interface BoardUnit extends BoardTotals {
  unitName: string;
}

export interface BoardItem extends TAssigneeSummary {
  taskId: string;
  code: string;
  title: string;
  issuerName: string;
}

export interface TaskBoard {
  totals: BoardTotals;
  units: BoardUnit[];
  items: BoardItem[];
  source: string;
}

export function useTaskBoard(enabled = true) {
  return useQuery({ queryKey: ['task-board'], queryFn: () => api<TaskBoard>('/api/tasks/board'), enabled });
}

// ---- statistics ----

export interface TaskStatsUnit {
  unitName: string;
  assigned: number;
  closed: number;
  extended: number;
  deployOnTimeRate: number | null;
  feedbackOnTimeRate: number | null;
  resolve7OnTimeRate: number | null;
  resolveMonthOnTimeRate: number | null;
  /** [on time, counted] per stage. */
  counts: { deploy: [number, number]; feedback: [number, number]; resolve7: [number, number]; resolveMonth: [number, number] };
}

export interface TaskStats {
  from: string;
  to: string;
  units: TaskStatsUnit[];
}

export function useTaskStats(query: { from: string; to: string }) {
  return useQuery({
    queryKey: ['task-stats', query],
    queryFn: () => api<TaskStats>('/api/tasks/stats', { query }),
    placeholderData: keepPreviousData,
  });
}

// ---- 13710 calculator ----

export interface TDeadlines {
  deployDue: string;
  feedbackDue: string;
  resolveDue: string;
  dayKind: DayKind;
  source: string;
}

/** Now as an ISO instant in Beijing time, e.g. 2021-03-05T10:00:00+08:00, whatever the browser's zone. */
export function nowBeijingIso(): string {
  return `${new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

export function deadlinesRemote(body: { assignedAt: string; complexity: Complexity; dayKind: DayKind }, signal?: AbortSignal) {
  return api<TDeadlines>('/api/calculators/deadline-13710', { body, signal });
}

/** After an action the server answers with the whole detail: show it and refresh everything built on it. */
export function useTaskUpdated(): (res: TaskResponse) => Promise<void> {
  const qc = useQueryClient();
  return useCallback(
    async (res: TaskResponse) => {
      qc.setQueryData(taskKey(res.data.id), res);
      await Promise.all(
        [['tasks'], ['task-board'], ['task-stats'], ['plan'], ['plan-item'], ['notifications']].map((queryKey) => qc.invalidateQueries({ queryKey })),
      );
    },
    [qc],
  );
}
