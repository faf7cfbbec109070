import type { HazardRow } from '../hazard.repository.js';
import { type HazardAction, type HazardGrade, type HazardStatus, hazardTransition } from '../hazard.workflow.js';

/** Where a step leads (the policy, asked through loadFor, has already refused an illegal one with 409). */
export function nextStatus(h: Pick<HazardRow, 'status' | 'grade'>, action: HazardAction): HazardStatus {
  return hazardTransition(h.status as HazardStatus, action, h.grade as HazardGrade | null) as HazardStatus;
}
