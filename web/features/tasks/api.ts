import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { z } from 'zod';
import type { ZDeadline13710 } from '../../../common/contracts/platform';
import type {
  ASSIGNEE_ROLES,
  ASSIGNEE_STATES,
  ASSIGNEE_STATUSES as ASSIGNEE_STATUS_VALUES,
  DAY_KINDS,
  EXTENSION_STATUSES,
  TASK_COMPLEXITIES,
  TASK_SOURCES,
  TASK_STATUSES as TASK_STATUS_VALUES,
  TIssueTask,
  TTaskStep,
  ZAssigneeAbilities,
  ZAssigneeDetail,
  ZAssigneeSummary,
  ZIssueTask,
  ZMilestone,
  ZTaskBase,
  ZTaskBoard,
  ZTaskDetail,
  ZTaskEvent,
  ZTaskExtension,
  ZTaskResponse,
  ZTaskStats,
  ZTaskStatsUnit,
  ZTaskSummary,
} from '../../../common/contracts/tasks';
import { api, type Page, type Query } from '../../lib/api';

/** 督办 ("13710") API; every response type is inferred from common/contracts/tasks.ts (the server's declared schemas). */

export type { TIssueTask, TTaskStep };
export type TaskSource = (typeof TASK_SOURCES)[number];
export const TASK_SOURCE_KEYS: readonly TaskSource[] = ['meeting', 'document', 'leaderInstruction', 'noticeItem', 'threeYear', 'alarm'];
export type Complexity = (typeof TASK_COMPLEXITIES)[number];
export type DayKind = (typeof DAY_KINDS)[number];
export type TaskStatus = (typeof TASK_STATUS_VALUES)[number];
export const TASK_STATUSES: readonly TaskStatus[] = ['open', 'closed'];
export type AssigneeRole = (typeof ASSIGNEE_ROLES)[number];
export const ASSIGNEE_STATUSES = ['received', 'deployed', 'inProgress', 'resolved', 'closed'] as const satisfies readonly AssigneeStatus[];
export type AssigneeStatus = (typeof ASSIGNEE_STATUS_VALUES)[number];
/** Where an assignee stands against its due points: the colour of its dot. */
export type AssigneeState = (typeof ASSIGNEE_STATES)[number];
export type StepAction = 'deploy' | 'feedback' | 'resolve' | 'accept' | 'return';
export const TASK_SIDES = ['all', 'issued', 'assigned'] as const;
export type TaskSide = (typeof TASK_SIDES)[number];
export type ExtensionStatus = (typeof EXTENSION_STATUSES)[number];

/** The list filters, as they appear in the URL. */
export const TASK_FILTER_KEYS = ['side', 'q', 'status', 'overdue'] as const;

/** A unit a task is issued to: a government unit or department, or an enterprise. */
export type UnitRef = z.input<typeof ZIssueTask>['lead'];
export type TMilestone = z.infer<typeof ZMilestone>;
export type TAssigneeSummary = z.infer<typeof ZAssigneeSummary>;
export type TTaskBase = z.infer<typeof ZTaskBase>;
export type TTaskSummary = z.infer<typeof ZTaskSummary>;
export type TTaskEvent = z.infer<typeof ZTaskEvent>;
export type TExtension = z.infer<typeof ZTaskExtension>;
export type TAssigneeAbilities = z.infer<typeof ZAssigneeAbilities>;
export type TAssigneeDetail = z.infer<typeof ZAssigneeDetail>;
export type TTaskDetail = z.infer<typeof ZTaskDetail>;
export type TaskResponse = z.infer<typeof ZTaskResponse>;
export type TaskBoard = z.infer<typeof ZTaskBoard>;
export type BoardTotals = TaskBoard['totals'];
export type BoardUnit = TaskBoard['units'][number];
export type BoardItem = TaskBoard['items'][number];
export type TaskStatsUnit = z.infer<typeof ZTaskStatsUnit>;
export type TaskStats = z.infer<typeof ZTaskStats>;
export type TDeadlines = z.infer<typeof ZDeadline13710>;

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

export function useTaskBoard(enabled = true) {
  return useQuery({ queryKey: ['task-board'], queryFn: () => api<TaskBoard>('/api/tasks/board'), enabled });
}

// ---- statistics ----

export function useTaskStats(query: { from: string; to: string }) {
  return useQuery({
    queryKey: ['task-stats', query],
    queryFn: () => api<TaskStats>('/api/tasks/stats', { query }),
    placeholderData: keepPreviousData,
  });
}

// ---- 13710 calculator ----

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
