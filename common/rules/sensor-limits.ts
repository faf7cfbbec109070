import type { TSensorRules } from '../contracts/monitoring.js';
import { COAL_CO_ALARM_PPM, COAL_CO_SOURCE, COAL_GAS_SOURCE, findCoalLocation } from './coal-gas-thresholds.js';

/**
 * Limits a sensor's alarm rules take from a regulation, and what an enterprise may do with them
 * (issue 11 item 3). The monitored party may only tighten a legal limit; anything that makes an alarm
 * come later or not at all needs the supervising department's approval, and no approval can set a
 * limit past the law:
 *
 * - The limits below are a CEILING set by law (`direction: 'max'`: the setting may be at most the legal
 *   value; a 'min' limit, e.g. a low-oxygen alarm, may be at least it). For coal CH4 this is the
 *   《煤矿安全规程》 table (Art. 498 in the 2016 numbering): 报警 ≤ the alarm value, 断电 ≤ the power-off
 *   value, and 复电 ≤ the restore value (restoring power at a higher concentration is looser too).
 * - A loosening (a limit raised or removed, a longer on-delay, a different location or type that moves
 *   a limit up, an out-of-service window) needs a request with a reason, approved by a supervising
 *   regulator before it applies. An approval may loosen an enterprise's own tightened limit back
 *   toward the legal one, never past it: "law beats approval" (a value above the ceiling is refused
 *   at the request, again at the approval, and clamped by the engine).
 * - The alarm engine evaluates the effective rules: the stored (tightened or approved) rules clamped to
 *   the legal limits, with a missing legal limit filled in (`effectiveRules`).
 *
 * Not covered, deliberately: O2 ≥ 20 % (规程, intake air at working faces only: the registry does not
 * know whether an O2 point is in intake air, and goaf or sealed-area points read low O2 by design);
 * H2S and the other 规程 gas limits and GB/T 50493 toxic-gas OELs (no sensor type names the gas);
 * tailings water level, dry beach and phreatic line (limits come from each pond's design, not a
 * regulation-wide number). The alarm disposal time limits (alarm.disposal) are set by the city only.
 */

export const SENSOR_LIMIT_RULE_SOURCE =
  '《煤矿安全规程》第四百九十八条等规定的报警、断电、复电浓度为法定上限：企业只能收紧；放宽本企业收紧后的限值、停用监测点须经监管部门审批，审批也不得超过法定限值';
export const SENSOR_LIMIT_RULE_SOURCE_EN =
  'The alarm, power-off and restore concentrations of the Coal Mine Safety Regulations (Art. 498 and others) are legal ceilings: an enterprise may only tighten them; loosening its own tightened limit or taking a sensor out of service needs the supervising department’s approval, and no approval may exceed the legal limit';

export const GBT_50493_SOURCE =
  'GB/T 50493-2019《石油化工可燃气体和有毒气体检测报警设计标准》：可燃气体一级报警设定值 ≤ 25 %LEL，二级报警设定值 ≤ 50 %LEL（未经原文核实）';

/** The rule keys a regulation can bind; all are "high-side" limits today except those marked 'min'. */
export type LegalLimitKey = 'high' | 'highHigh' | 'powerOff' | 'powerRestore' | 'low' | 'lowLow';

export interface LegalLimit {
  key: LegalLimitKey;
  value: number;
  /** 'max': the setting may be at most `value` (tightening = lowering); 'min': at least `value`. */
  direction: 'max' | 'min';
  source: string;
  /** False when the number is from memory or a secondary source (shown as 未核实 next to it). */
  verified: boolean;
}

/** What decides a sensor's legal limits. */
export interface SensorLimitFacts {
  type: string;
  unit: string;
  coalLocationKey: string | null | undefined;
  /** The enterprise's industry (coal mines: CO ≤ 24 ppm underground). */
  industry: string;
}

/** CO in the sensor's unit: the 规程 figure is 0.0024 % = 24 ppm; another unit has no conversion (null). */
function coLimitIn(unit: string): number | null {
  const u = unit.trim().toLowerCase();
  if (u === 'ppm') return COAL_CO_ALARM_PPM;
  if (u === '%' || u === '%co') return COAL_CO_ALARM_PPM / 10_000;
  return null;
}

/** The legal limits that bind a sensor (empty when no regulation sets one for it). */
export function legalLimitsOf(s: SensorLimitFacts): LegalLimit[] {
  if (s.type === 'ch4') {
    const row = findCoalLocation(s.coalLocationKey);
    if (!row) return [];
    const out: LegalLimit[] = [{ key: 'high', value: row.alarm, direction: 'max', source: COAL_GAS_SOURCE, verified: row.verified }];
    if (row.powerOff !== null) out.push({ key: 'powerOff', value: row.powerOff, direction: 'max', source: COAL_GAS_SOURCE, verified: row.verified });
    if (row.powerOff !== null && row.restore !== null)
      out.push({ key: 'powerRestore', value: row.restore, direction: 'max', source: COAL_GAS_SOURCE, verified: row.verified });
    return out;
  }
  if (s.type === 'co' && s.industry === 'coal') {
    const v = coLimitIn(s.unit);
    return v === null ? [] : [{ key: 'high', value: v, direction: 'max', source: COAL_CO_SOURCE, verified: true }];
  }
  if (s.type === 'combustibleLel' && s.unit.trim().toUpperCase() === '%LEL')
    return [
      { key: 'high', value: 25, direction: 'max', source: GBT_50493_SOURCE, verified: false },
      { key: 'highHigh', value: 50, direction: 'max', source: GBT_50493_SOURCE, verified: false },
    ];
  return [];
}

/** Which rule clears each legal limit (hysteresis); the clear value must stay on the safe side of the limit. */
const CLEAR_OF: Record<LegalLimitKey, keyof TSensorRules> = {
  high: 'highClear',
  highHigh: 'highHighClear',
  powerOff: 'powerRestore',
  powerRestore: 'powerRestore',
  low: 'lowClear',
  lowLow: 'lowLowClear',
};

const tighter = (l: LegalLimit, a: number, b: number) => (l.direction === 'max' ? Math.min(a, b) : Math.max(a, b));
/** Is `next` looser than `before` for this limit (an alarm later or never)? */
const looser = (l: LegalLimit, before: number, next: number | undefined) => next === undefined || (l.direction === 'max' ? next > before : next < before);

/**
 * The rules the engine evaluates: each legal limit at the stored value if it is tighter, else at the law's
 * (a missing limit gets the law's), and its clear value moved inside the limit so the alarm can clear.
 */
export function effectiveRules(rules: TSensorRules, legal: readonly LegalLimit[]): TSensorRules {
  const out: TSensorRules = { ...rules };
  for (const l of legal) {
    const set = out[l.key];
    out[l.key] = set === undefined ? l.value : tighter(l, set, l.value);
  }
  for (const l of legal) {
    if (l.key === 'powerRestore') continue;
    const clear = CLEAR_OF[l.key];
    const limit = out[l.key] as number;
    const c = out[clear] as number | undefined;
    if (clear === 'powerRestore') {
      // 复电 below the power-off value; by law at most the restore value when the table gives one.
      const legalRestore = legal.find((x) => x.key === 'powerRestore')?.value ?? limit;
      out.powerRestore = Math.min(c ?? legalRestore, legalRestore, limit);
    } else if (c !== undefined) out[clear] = tighter(l, c, limit) as never;
  }
  return out;
}

/** A sensor as the limit rules see it. */
export interface SensorSetting extends SensorLimitFacts {
  rules: TSensorRules;
  inService: boolean;
}

/** One loosening a change would make: `field` as in the request (`rules.powerOff`, `inService`). */
export interface Loosening {
  field: string;
  from: number | boolean | string | null;
  to: number | boolean | string | null;
  /** The legal limit at stake (null for on-delay and out of service). */
  legal: number | null;
  source: string;
}

/**
 * What `next` loosens compared with `before`, limit by limit on the effective rules (so a new location,
 * type or unit that moves a legal limit up counts too, and a removed limit counts as loosened); a longer
 * on-delay on a regulated sensor; and taking the sensor out of service. Empty: the change may apply at once.
 */
export function loosenings(before: SensorSetting, next: SensorSetting): Loosening[] {
  const out: Loosening[] = [];
  const legalBefore = legalLimitsOf(before);
  const effBefore = effectiveRules(before.rules, legalBefore);
  const effNext = effectiveRules(next.rules, legalLimitsOf(next));
  for (const l of legalBefore) {
    const b = effBefore[l.key] as number;
    const n = effNext[l.key] as number | undefined;
    if (looser(l, b, n)) out.push({ field: `rules.${l.key}`, from: b, to: n ?? null, legal: l.value, source: l.source });
  }
  const delayBefore = before.rules.onDelaySeconds ?? 0;
  const delayNext = next.rules.onDelaySeconds ?? 0;
  if (legalBefore.length && delayNext > delayBefore)
    out.push({ field: 'rules.onDelaySeconds', from: delayBefore, to: delayNext, legal: null, source: legalBefore[0]?.source ?? '' });
  if (legalBefore.length) out.push(...blindSpots(before.rules, next.rules, legalBefore[0]?.source ?? ''));
  if (before.inService && !next.inService) out.push({ field: 'inService', from: true, to: false, legal: null, source: SENSOR_LIMIT_RULE_SOURCE });
  return out;
}

/**
 * On a regulated sensor, the checks that see a blind or stuck sensor are part of the protection too: a longer 断线
 * (stale) time, a longer flat-line window or a wider band, a slower or larger rate of change — or removing any of them —
 * would let a dead or tampered sensor read 正常 for longer.
 */
function blindSpots(before: TSensorRules, next: TSensorRules, source: string): Loosening[] {
  const out: Loosening[] = [];
  const push = (field: string, from: number | null, to: number | null) => out.push({ field, from, to, legal: null, source });
  const larger = (field: string, b: number | undefined, n: number | undefined) => {
    if (b !== undefined && (n === undefined || n > b)) push(field, b, n ?? null);
  };
  larger('rules.staleSeconds', before.staleSeconds, next.staleSeconds);
  larger('rules.flatLine.seconds', before.flatLine?.seconds, next.flatLine?.seconds);
  if (before.flatLine && next.flatLine) larger('rules.flatLine.epsilon', before.flatLine.epsilon, next.flatLine.epsilon);
  larger('rules.rateOfChange.delta', before.rateOfChange?.delta, next.rateOfChange?.delta);
  if (before.rateOfChange && next.rateOfChange && next.rateOfChange.perSeconds < before.rateOfChange.perSeconds)
    push('rules.rateOfChange.perSeconds', before.rateOfChange.perSeconds, next.rateOfChange.perSeconds);
  return out;
}

/** Values past the law, which no approval can allow: `{ field, maximum | minimum, source }` per limit. */
export function beyondLegal(s: SensorLimitFacts & { rules: TSensorRules }): { field: string; direction: 'max' | 'min'; value: number; source: string }[] {
  return legalLimitsOf(s)
    .filter((l) => {
      const v = s.rules[l.key];
      return v !== undefined && (l.direction === 'max' ? v > l.value : v < l.value);
    })
    .map((l) => ({ field: `rules.${l.key}`, direction: l.direction, value: l.value, source: l.source }));
}

/** The longest approved out-of-service window (calibration, maintenance); a local choice, not a legal figure. */
export const MAX_OUT_OF_SERVICE_DAYS = 30;

/** Is the sensor evaluated at `now`? Registered in service and outside an approved out-of-service window (which ends by itself). */
export function inServiceAt(s: { inService: boolean; outOfServiceUntil: Date | null }, now: Date): boolean {
  return s.inService && !(s.outOfServiceUntil && now.getTime() < s.outOfServiceUntil.getTime());
}
