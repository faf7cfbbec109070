import type { AccidentRow } from '../accident.repository.js';
import { type AccidentAction, type AccidentStatus, accidentTransition } from '../accident.workflow.js';

/** The status an investigation step leads to (the policy has already refused an illegal step with 409). */
export function nextStatus(a: AccidentRow, action: AccidentAction): AccidentStatus {
  return accidentTransition(a.status as AccidentStatus, action) as AccidentStatus;
}
