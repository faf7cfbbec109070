import { z } from 'zod';
import { ZDate } from './dates.js';

/** 督办 task requests ("13710"). */

const text = (max: number) => z.string().trim().min(2).max(max);

export const TASK_SOURCES = ['meeting', 'document', 'leaderInstruction', 'noticeItem', 'threeYear', 'alarm'] as const;

export const ZIssueTask = z.strictObject({
  title: text(120),
  content: text(4000),
  source: z.enum(TASK_SOURCES),
  sourceRef: z.string().trim().max(120).optional(),
  complexity: z.enum(['general', 'major']),
  dayKind: z.enum(['calendar', 'working']).default('calendar'),
  /** Lead unit first; any government unit, department or enterprise. */
  lead: z.strictObject({ departmentId: z.string().uuid().optional(), enterpriseId: z.string().uuid().optional() }),
  cooperating: z
    .array(z.strictObject({ departmentId: z.string().uuid().optional(), enterpriseId: z.string().uuid().optional() }))
    .max(30)
    .default([]),
  attachments: z.array(z.string().uuid()).max(20).default([]),
});
export type TIssueTask = z.infer<typeof ZIssueTask>;

export const ZTaskStep = z.strictObject({
  comment: text(4000),
  evidence: z.array(z.string().uuid()).max(20).default([]),
  progress: z.number().int().min(0).max(100).optional(),
  /** Major/complex items may hand in a plan with milestones at their first feedback. */
  plan: z
    .array(z.strictObject({ date: ZDate, milestone: text(200) }))
    .max(20)
    .optional(),
});
export type TTaskStep = z.infer<typeof ZTaskStep>;

export const ZRequestExtension = z.strictObject({ requestedDue: ZDate, reason: text(1000) });
export const ZDecideExtension = z.strictObject({ comment: z.string().trim().max(1000).optional() });

export const ZTaskListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  q: z.string().trim().max(100).optional(),
  side: z.enum(['issued', 'assigned', 'all']).default('all'),
  status: z.enum(['open', 'closed']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  lang: z.string().optional(),
});
export type TTaskListQuery = z.infer<typeof ZTaskListQuery>;

export const ZTaskStatsQuery = z.object({
  from: ZDate,
  to: ZDate,
  lang: z.string().optional(),
});
