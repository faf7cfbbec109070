/**
 * A warning's life: issued (Alert) → active; Update keeps it active with a new CAP message; Cancel ends it.
 * Expiry is not a stored transition: an active warning past `expires` reads as `expired` and takes no
 * more actions (a new warning is issued instead). PURE: no DB, no HTTP.
 */
export const WARNING_STATES = ['active', 'expired', 'cancelled'] as const;
export type WarningState = (typeof WARNING_STATES)[number];
export const WARNING_ACTIONS = ['update', 'cancel'] as const;
export type WarningAction = (typeof WARNING_ACTIONS)[number];

const TABLE: Record<WarningState, Partial<Record<WarningAction, WarningState>>> = {
  active: { update: 'active', cancel: 'cancelled' },
  expired: {},
  cancelled: {},
};

/** The next state, or null when the action is not allowed (409 INVALID_TRANSITION). */
export function nextWarningState(state: WarningState, action: WarningAction): WarningState | null {
  return TABLE[state][action] ?? null;
}

/** The state as users see it: stored `active` past its expiry reads `expired`. */
export function effectiveState(w: { state: string; expires: Date | null }, now: Date): WarningState {
  if (w.state === 'cancelled') return 'cancelled';
  if (w.expires && w.expires.getTime() <= now.getTime()) return 'expired';
  return 'active';
}
