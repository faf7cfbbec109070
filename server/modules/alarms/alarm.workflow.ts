/**
 * The alarm lifecycle (ISA-18.2 / IEC 62682 states, interop.md §4.4; ThingsBoard's ack/clear pairs, §4.3)
 * closed by the enterprise's disposal (报警处置: 分析研判, 核查反馈) as a transition table:
 *
 *   ACTIVE_UNACK ─ack→ ACTIVE_ACK ─clear→ CLEARED ─close (feedback filed)→ CLOSED
 *        └─clear→ CLEARED_UNACK ─ack→ CLEARED
 *   active alarms may be SHELVED (time-limited) and any open alarm put OUT_OF_SERVICE by a regulator;
 *   unshelve / shelve expiry / return to service re-annunciate a still-active alarm (ACTIVE_UNACK) or
 *   land on CLEARED when the condition cleared meanwhile.
 *
 * `clear` is the engine's (the condition returned to normal); `feedback` acknowledges as a side effect;
 * toHazard / toTask / escalate record a step without moving the status. Status is never PATCHed.
 */
export const ALARM_STATUSES = ['ACTIVE_UNACK', 'ACTIVE_ACK', 'CLEARED_UNACK', 'CLEARED', 'SHELVED', 'OUT_OF_SERVICE', 'CLOSED'] as const;
export type AlarmStatus = (typeof ALARM_STATUSES)[number];

export const ALARM_ACTIONS = [
  'ack',
  'clear',
  'feedback',
  'shelve',
  'unshelve',
  'outOfService',
  'returnToService',
  'close',
  'toHazard',
  'toTask',
  'escalate',
] as const;
export type AlarmAction = (typeof ALARM_ACTIONS)[number];

/** Actions people take through `POST /api/alarms/:id/<action>` (clear and escalate are the system's). */
export const USER_ACTIONS = ['ack', 'feedback', 'shelve', 'unshelve', 'outOfService', 'returnToService', 'close', 'toHazard', 'toTask'] as const;
export type AlarmUserAction = (typeof USER_ACTIONS)[number];

type Target = AlarmStatus | ((active: boolean) => AlarmStatus);
const reannunciate = (active: boolean): AlarmStatus => (active ? 'ACTIVE_UNACK' : 'CLEARED');
const OPEN: AlarmStatus[] = ['ACTIVE_UNACK', 'ACTIVE_ACK', 'CLEARED_UNACK', 'CLEARED', 'SHELVED', 'OUT_OF_SERVICE'];
const same = (states: AlarmStatus[]) => Object.fromEntries(states.map((s) => [s, s])) as Partial<Record<AlarmStatus, Target>>;

const TABLE: Record<AlarmAction, Partial<Record<AlarmStatus, Target>>> = {
  ack: { ACTIVE_UNACK: 'ACTIVE_ACK', CLEARED_UNACK: 'CLEARED' },
  // The condition returned to normal; a shelved or out-of-service alarm keeps its status (only `active` changes).
  clear: { ACTIVE_UNACK: 'CLEARED_UNACK', ACTIVE_ACK: 'CLEARED', SHELVED: 'SHELVED', OUT_OF_SERVICE: 'OUT_OF_SERVICE' },
  // Filing (or revising) the disposal feedback acknowledges the alarm.
  feedback: {
    ACTIVE_UNACK: 'ACTIVE_ACK',
    ACTIVE_ACK: 'ACTIVE_ACK',
    CLEARED_UNACK: 'CLEARED',
    CLEARED: 'CLEARED',
    SHELVED: 'SHELVED',
    OUT_OF_SERVICE: 'OUT_OF_SERVICE',
  },
  // Shelving suppresses a standing (active) alarm for a limited time; a cleared one needs no shelving.
  shelve: { ACTIVE_UNACK: 'SHELVED', ACTIVE_ACK: 'SHELVED' },
  unshelve: { SHELVED: reannunciate },
  outOfService: {
    ACTIVE_UNACK: 'OUT_OF_SERVICE',
    ACTIVE_ACK: 'OUT_OF_SERVICE',
    CLEARED_UNACK: 'OUT_OF_SERVICE',
    CLEARED: 'OUT_OF_SERVICE',
    SHELVED: 'OUT_OF_SERVICE',
  },
  returnToService: { OUT_OF_SERVICE: reannunciate },
  // Closed only once acknowledged and cleared; the policy also requires the disposal feedback.
  close: { CLEARED: 'CLOSED' },
  // Links and escalation do not move the status (a closed real alarm may still become a hazard).
  toHazard: same([...OPEN, 'CLOSED']),
  toTask: same([...OPEN, 'CLOSED']),
  escalate: same(OPEN),
};

export function alarmTransition(from: AlarmStatus, action: AlarmAction, active: boolean): AlarmStatus | null {
  const target = TABLE[action][from];
  if (!target) return null;
  return typeof target === 'function' ? target(active) : target;
}

export const OPEN_STATUSES: readonly AlarmStatus[] = OPEN;
export const ACTIVE_STATUSES: readonly AlarmStatus[] = ['ACTIVE_UNACK', 'ACTIVE_ACK'];
export const UNACK_STATUSES: readonly AlarmStatus[] = ['ACTIVE_UNACK', 'CLEARED_UNACK'];

export const CLASSIFICATIONS = ['real', 'false', 'plannedWork', 'equipmentFault'] as const;
export type AlarmClassification = (typeof CLASSIFICATIONS)[number];
