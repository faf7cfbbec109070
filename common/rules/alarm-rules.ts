import type { TSensorRules } from '../contracts/monitoring.js';

/**
 * The alarm engine's rules as a pure state machine: `evaluate(state, rules, readings)` returns the next
 * state (plain JSON, stored per sensor so that on-delays, flat-line runs and rate windows survive a
 * restart) and the raise/clear events. Sources:
 *
 * - Limits with separate clear values (deadband / hysteresis), on-delay, stale data and the alarm
 *   types HH/H/L/LL, rate of change, stale, flat line: ISA-18.2 / IEC 62682 vocabulary
 *   (interop.md §4.4), ThingsBoard's create/clear pairs (§4.3).
 * - Coal methane 报警 / 断电 / 复电: 《煤矿安全规程》(2016 table of methane sensor settings, art. 498 in the
 *   2016 numbering; regulations.md §8.1): alarm at ≥ the alarm value, power-off at ≥ the power-off value,
 *   power restored below the restore value. `high` is the alarm value, `powerOff`/`powerRestore` the
 *   second pair (interop.md §4.4). Power-off never waits for the on-delay: the power-off must act
 *   within 2 s (AQ 6201-2019 4.7.5, regulations.md §8.3).
 *
 * Conventions: a "high"-side limit raises at value ≥ limit and clears at value < clear (default: the
 * limit); a "low"-side limit raises at value ≤ limit and clears at value > clear. The on-delay
 * (`onDelaySeconds`) applies to HH/H/L/LL: the condition must hold without a break for that long;
 * a reading that breaks it restarts the timer. Readings at or before the last one processed are
 * ignored (late or duplicate batches), so replaying a batch raises nothing twice.
 */
export const ALARM_RULES_SOURCE =
  '《煤矿安全规程》甲烷传感器报警/断电/复电浓度（2016年版第四百九十八条表）；ISA-18.2 / IEC 62682 报警管理（回差、延时、变化率、数据失效）';

export const ALARM_TYPES = ['highHigh', 'high', 'low', 'lowLow', 'powerOff', 'rateOfChange', 'flatLine', 'stale'] as const;
export type AlarmType = (typeof ALARM_TYPES)[number];

export const ALARM_SEVERITIES = ['red', 'orange', 'yellow', 'blue'] as const;
export type AlarmSeverity = (typeof ALARM_SEVERITIES)[number];

/**
 * Severity (红/橙/黄/蓝) by alarm type; our choice, documented in docs/glossary.md: 断电 and the HH/LL
 * limits demand immediate action (red); the first-level H/L alarm (e.g. CH4 ≥ 1.0 %) is orange; a
 * fast change or a stuck value is a warning about the process or the instrument (yellow); 断线 /
 * stale data says nothing about the process, only that we are blind (blue).
 */
export const SEVERITY_OF: Record<AlarmType, AlarmSeverity> = {
  powerOff: 'red',
  highHigh: 'red',
  lowLow: 'red',
  high: 'orange',
  low: 'orange',
  rateOfChange: 'yellow',
  flatLine: 'yellow',
  stale: 'blue',
};

export const SEVERITY_RANK: Record<AlarmSeverity, number> = { red: 1, orange: 2, yellow: 3, blue: 4 };

export interface Reading {
  ts: Date;
  value: number;
}

export interface AlarmEvent {
  type: AlarmType;
  action: 'raise' | 'clear';
  at: Date;
  /** The reading that raised or cleared it (stale: the last value seen, or null). */
  value: number | null;
  severity: AlarmSeverity;
  /** The limit that was crossed (raise of a limit alarm), for the alarm record. */
  limit?: number;
}

/** Serialisable per-sensor state (ISO strings, no Dates): stored as jsonb. */
export interface RuleState {
  v: 1;
  lastTs: string | null;
  lastValue: number | null;
  /** Alarms this engine holds raised, with their most extreme value. */
  active: Partial<Record<AlarmType, { since: string; peak: number | null }>>;
  /** On-delay: since when the condition has held without a break. */
  pending: Partial<Record<AlarmType, string>>;
  /** Rate of change: the readings of the last `perSeconds` [epoch ms, value] (bounded). */
  window: [number, number][];
  /** Flat line: the current run of readings within ±epsilon of `ref`. */
  flat: { since: string; ref: number } | null;
}

export function initialRuleState(): RuleState {
  return { v: 1, lastTs: null, lastValue: null, active: {}, pending: {}, window: [], flat: null };
}

/** A stored state of an older or damaged shape is started afresh rather than trusted. */
export function parseRuleState(raw: unknown): RuleState {
  const s = raw as Partial<RuleState> | null;
  if (s?.v !== 1 || typeof s.active !== 'object' || !Array.isArray(s.window)) return initialRuleState();
  return {
    v: 1,
    lastTs: s.lastTs ?? null,
    lastValue: s.lastValue ?? null,
    active: { ...s.active },
    pending: { ...(s.pending ?? {}) },
    window: [...s.window],
    flat: s.flat ?? null,
  };
}

const WINDOW_MAX = 2000;

type LimitType = 'highHigh' | 'high' | 'low' | 'lowLow' | 'powerOff';

/** Each limit: its value, its clear value, its side, and whether the on-delay applies. */
function limitsOf(r: TSensorRules): { type: LimitType; limit: number; clear: number; side: 'high' | 'low'; delayed: boolean }[] {
  const out: { type: LimitType; limit: number; clear: number; side: 'high' | 'low'; delayed: boolean }[] = [];
  if (r.powerOff !== undefined) out.push({ type: 'powerOff', limit: r.powerOff, clear: r.powerRestore ?? r.powerOff, side: 'high', delayed: false });
  if (r.highHigh !== undefined) out.push({ type: 'highHigh', limit: r.highHigh, clear: r.highHighClear ?? r.highHigh, side: 'high', delayed: true });
  if (r.high !== undefined) out.push({ type: 'high', limit: r.high, clear: r.highClear ?? r.high, side: 'high', delayed: true });
  if (r.low !== undefined) out.push({ type: 'low', limit: r.low, clear: r.lowClear ?? r.low, side: 'low', delayed: true });
  if (r.lowLow !== undefined) out.push({ type: 'lowLow', limit: r.lowLow, clear: r.lowLowClear ?? r.lowLow, side: 'low', delayed: true });
  return out;
}

function configured(r: TSensorRules, type: AlarmType): boolean {
  switch (type) {
    case 'powerOff':
    case 'highHigh':
    case 'high':
    case 'low':
    case 'lowLow':
      return r[type] !== undefined;
    case 'rateOfChange':
      return !!r.rateOfChange;
    case 'flatLine':
      return !!r.flatLine;
    case 'stale':
      return r.staleSeconds !== undefined;
  }
}

/**
 * Feeds readings (any order; sorted here) through the rules. Returns the new state and the events in
 * time order. Pure: the same state, rules and readings always give the same result.
 */
export function evaluate(state: RuleState, rules: TSensorRules, readings: readonly Reading[]): { state: RuleState; events: AlarmEvent[] } {
  const s = parseRuleState(state);
  const events: AlarmEvent[] = [];
  const raise = (type: AlarmType, at: Date, value: number | null, limit?: number) => {
    s.active[type] = { since: at.toISOString(), peak: value };
    delete s.pending[type];
    events.push({ type, action: 'raise', at, value, severity: SEVERITY_OF[type], ...(limit !== undefined ? { limit } : {}) });
  };
  const clear = (type: AlarmType, at: Date, value: number | null) => {
    delete s.active[type];
    events.push({ type, action: 'clear', at, value, severity: SEVERITY_OF[type] });
  };
  const sorted = readings.filter((r) => Number.isFinite(r.value) && !Number.isNaN(r.ts.getTime())).sort((a, b) => a.ts.getTime() - b.ts.getTime());
  for (const { ts, value } of sorted) {
    if (s.lastTs && ts.getTime() <= Date.parse(s.lastTs)) continue;
    const t = ts.getTime();
    // Data arrived: a stale (断线) alarm clears.
    if (s.active.stale) clear('stale', ts, value);
    // An alarm whose rule was removed clears on the next reading.
    for (const type of Object.keys(s.active) as AlarmType[]) if (type !== 'stale' && !configured(rules, type)) clear(type, ts, value);
    for (const type of Object.keys(s.pending) as AlarmType[]) if (!configured(rules, type)) delete s.pending[type];

    // ---- limits with hysteresis and on-delay ----
    for (const l of limitsOf(rules)) {
      const beyond = l.side === 'high' ? value >= l.limit : value <= l.limit;
      const back = l.side === 'high' ? value < l.clear : value > l.clear;
      const held = s.active[l.type];
      if (held) {
        if (back) clear(l.type, ts, value);
        else if (held.peak === null || (l.side === 'high' ? value > held.peak : value < held.peak)) held.peak = value;
        continue;
      }
      if (!beyond) {
        delete s.pending[l.type];
        continue;
      }
      const delay = l.delayed ? (rules.onDelaySeconds ?? 0) : 0;
      const since = s.pending[l.type] ?? ts.toISOString();
      if (t - Date.parse(since) >= delay * 1000) raise(l.type, ts, value, l.limit);
      else s.pending[l.type] = since;
    }

    // ---- rate of change: |Δ| ≥ delta between this reading and any within the last perSeconds ----
    if (rules.rateOfChange) {
      const { delta, perSeconds } = rules.rateOfChange;
      s.window = s.window.filter(([wt]) => t - wt <= perSeconds * 1000);
      s.window.push([t, value]);
      if (s.window.length > WINDOW_MAX) s.window.splice(0, s.window.length - WINDOW_MAX);
      let min = value;
      let max = value;
      for (const [, v] of s.window) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
      // A tolerance for binary fractions: 0.7 − 0.2 is 0.49999… in floating point.
      const spread = max - min + 1e-9;
      const held = s.active.rateOfChange;
      if (held) {
        if (spread < delta) clear('rateOfChange', ts, value);
        else held.peak = value;
      } else if (spread >= delta) raise('rateOfChange', ts, value);
    } else s.window = [];

    // ---- flat line: within ±epsilon of the run's first value for `seconds` ----
    if (rules.flatLine) {
      const { seconds, epsilon } = rules.flatLine;
      if (!s.flat || Math.abs(value - s.flat.ref) > epsilon) {
        s.flat = { since: ts.toISOString(), ref: value };
        if (s.active.flatLine) clear('flatLine', ts, value);
      } else if (!s.active.flatLine && t - Date.parse(s.flat.since) >= seconds * 1000) raise('flatLine', ts, value);
      else if (s.active.flatLine) s.active.flatLine.peak = value;
    } else s.flat = null;

    s.lastTs = ts.toISOString();
    s.lastValue = value;
  }
  return { state: s, events };
}

/**
 * 断线 / stale data: no reading for `staleSeconds` raises a stale alarm (once); the next reading clears
 * it (in `evaluate`). `lastSeen` overrides the state's own last reading time when the caller knows
 * better (e.g. the sensor registry's last-seen after a restart).
 */
export function checkStale(state: RuleState, rules: TSensorRules, now: Date, lastSeen?: Date | null): { state: RuleState; events: AlarmEvent[] } {
  const s = parseRuleState(state);
  if (rules.staleSeconds === undefined || s.active.stale) return { state: s, events: [] };
  const last = lastSeen ?? (s.lastTs ? new Date(s.lastTs) : null);
  // A sensor never heard from (no reading, no lastSeen) is stale at once: we are blind to it.
  if (last && now.getTime() - last.getTime() < rules.staleSeconds * 1000) return { state: s, events: [] };
  s.active.stale = { since: now.toISOString(), peak: s.lastValue };
  return { state: s, events: [{ type: 'stale', action: 'raise', at: now, value: s.lastValue, severity: 'blue' }] };
}

/** Clears a stale alarm without a reading (the registry saw the sensor again, e.g. a heartbeat). */
export function resolveStale(state: RuleState, at: Date): { state: RuleState; events: AlarmEvent[] } {
  const s = parseRuleState(state);
  if (!s.active.stale) return { state: s, events: [] };
  delete s.active.stale;
  return { state: s, events: [{ type: 'stale', action: 'clear', at, value: s.lastValue, severity: 'blue' }] };
}
