/**
 * The hazard closed loop (隐患排查治理, 原国家安监总局令第16号) as a transition table:
 * reported → confirmed → rectifying → submitted → closed (一般), or → verified → closed (重大: the
 * enterprise's acceptance, then the regulator's on-site review and 核销, Art. 18 and 23), with reject,
 * return for rework and reopen. Status is never PATCHed; every action appends a transition row.
 */
export const HAZARD_STATUSES = ['reported', 'confirmed', 'rectifying', 'submitted', 'verified', 'closed', 'rejected'] as const;
export type HazardStatus = (typeof HAZARD_STATUSES)[number];

export const HAZARD_ACTIONS = ['confirm', 'reject', 'rectify', 'submit', 'verify', 'return', 'close', 'reopen'] as const;
export type HazardAction = (typeof HAZARD_ACTIONS)[number];

export type HazardGrade = 'general' | 'major';

type Target = HazardStatus | ((grade: HazardGrade | null) => HazardStatus | null);

/** from → to per action; a function decides by grade where the two grades part. */
const TABLE: Record<HazardAction, Partial<Record<HazardStatus, Target>>> = {
  confirm: { reported: 'confirmed' },
  reject: { reported: 'rejected' },
  rectify: { confirmed: 'rectifying' },
  submit: { rectifying: 'submitted' },
  // 一般: verification closes it. 重大: verification is the enterprise's acceptance; the regulator reviews and closes out.
  verify: { submitted: (g) => (g === 'major' ? 'verified' : 'closed') },
  // Verification failed (submitted) or the regulator's on-site review failed (verified): rework.
  return: { submitted: 'rectifying', verified: 'rectifying' },
  // 核销 after the on-site review: only major hazards pass through `verified`.
  close: { verified: (g) => (g === 'major' ? 'closed' : null) },
  // A closed hazard that recurs goes back to rectification; a wrongly rejected report is looked at again.
  reopen: { closed: 'rectifying', rejected: 'reported' },
};

export function hazardTransition(from: HazardStatus, action: HazardAction, grade: HazardGrade | null): HazardStatus | null {
  const target = TABLE[action][from];
  if (!target) return null;
  return typeof target === 'function' ? target(grade) : target;
}

/** Which side acts: the enterprise, the regulator, or either (a regulator who found it on inspection). */
export const ACTION_SIDE: Record<HazardAction, 'enterprise' | 'regulator' | 'either'> = {
  confirm: 'either',
  reject: 'either',
  rectify: 'enterprise',
  submit: 'enterprise',
  verify: 'either',
  return: 'either',
  close: 'regulator',
  reopen: 'either',
};

/** Open = not yet closed or rejected: counted as 未整改 and swept for deadlines. */
export const OPEN_STATUSES: readonly HazardStatus[] = ['reported', 'confirmed', 'rectifying', 'submitted', 'verified'];
/** Statuses in which the rectification deadline runs. */
export const RUNNING_STATUSES: readonly HazardStatus[] = ['confirmed', 'rectifying'];

/** The plan (Art. 15) may be filed or revised before the work is handed in. */
export function canFilePlan(status: HazardStatus, grade: HazardGrade | null): boolean {
  return grade === 'major' && (status === 'confirmed' || status === 'rectifying');
}

/** Rectifier and deadline may change while the work runs (assign, extend). */
export function canReassign(status: HazardStatus): boolean {
  return RUNNING_STATUSES.includes(status);
}
