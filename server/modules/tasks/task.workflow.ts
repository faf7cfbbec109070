/**
 * An assignee's way through a 督办 task (13710: 1 deploy, 3 feedback, 7/1-month resolve, 0 track to
 * 销号) as a transition table. Feedback repeats; the issuer accepts (销号) or returns for rework.
 */
export const ASSIGNEE_STATUSES = ['received', 'deployed', 'inProgress', 'resolved', 'closed'] as const;
export type AssigneeStatus = (typeof ASSIGNEE_STATUSES)[number];

export const ASSIGNEE_ACTIONS = ['deploy', 'feedback', 'resolve', 'accept', 'return'] as const;
export type AssigneeAction = (typeof ASSIGNEE_ACTIONS)[number];

/** Who acts: the assignee unit, or the issuer. */
export const ACTION_SIDE: Record<AssigneeAction, 'assignee' | 'issuer'> = {
  deploy: 'assignee',
  feedback: 'assignee',
  resolve: 'assignee',
  accept: 'issuer',
  return: 'issuer',
};

const TABLE: Record<AssigneeAction, { from: AssigneeStatus[]; to: AssigneeStatus }> = {
  deploy: { from: ['received'], to: 'deployed' },
  feedback: { from: ['deployed', 'inProgress'], to: 'inProgress' },
  resolve: { from: ['deployed', 'inProgress'], to: 'resolved' },
  accept: { from: ['resolved'], to: 'closed' },
  return: { from: ['resolved'], to: 'inProgress' },
};

export function assigneeTransition(from: AssigneeStatus, action: AssigneeAction): AssigneeStatus | null {
  const t = TABLE[action];
  return t.from.includes(from) ? t.to : null;
}

/** An extension may be asked for while the work is not yet handed in. */
export function canRequestExtension(status: AssigneeStatus): boolean {
  return status === 'received' || status === 'deployed' || status === 'inProgress';
}

/**
 * Escalation by how long a due point has passed (13710 "跟踪到底"): reminder at once, warning after
 * one day, 通报 after three. The day counts are configuration (the reference marks them UNVERIFIED).
 */
export const DEFAULT_ESCALATION = { warningAfterHours: 24, noticeAfterHours: 72 } as const;

export function escalationLevel(overdueMs: number, cfg: { warningAfterHours: number; noticeAfterHours: number } = DEFAULT_ESCALATION): 0 | 1 | 2 | 3 {
  if (overdueMs <= 0) return 0;
  if (overdueMs >= cfg.noticeAfterHours * 3_600_000) return 3;
  if (overdueMs >= cfg.warningAfterHours * 3_600_000) return 2;
  return 1;
}
