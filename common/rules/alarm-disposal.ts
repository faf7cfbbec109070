import type { AlarmSeverity } from './alarm-rules.js';

/**
 * Disposal time limits of alarms (报警处置: 确认, 分析研判 and 核查反馈) and their escalation enterprise →
 * county government → city government. No national text fixes these minutes for all industries:
 * 《煤矿安全规程》 asks for immediate action on 报警/断电 (interop.md §3.1) and the hazardous-chemicals
 * monitoring system's practice is "报警必处置, 处置必反馈". The numbers below are LOCAL PRACTICE,
 * UNVERIFIED: configuration with these defaults, not law.
 */
export const ALARM_DISPOSAL_SOURCE =
  '报警确认、分析研判与核查反馈时限及逐级推送为本地配置（《煤矿安全规程》要求报警、断电立即处置；危化品监测预警系统“报警必处置、处置必反馈”）；默认值未经核实';

/**
 * The 依据 of each default, field by field (shown next to the setting): immediate action on coal
 * 报警/断电 (interop.md §3.1), time-limited shelving (ISA-18.2, interop.md §4.4); the numbers are
 * UNVERIFIED local practice, none is a national time limit.
 */
export const ALARM_DISPOSAL_FIELD_SOURCES: Record<keyof AlarmDisposalConfig, { zh: string; en: string; verified: false }> = {
  ackMinutes: {
    zh: '《煤矿安全规程》：报警、断电须立即处置，未规定分钟数；红/橙 30 分钟、黄 2 小时、蓝 4 小时为本地实践默认值，未经核实',
    en: 'Coal Mine Safety Regulations: alarms and power-offs need immediate action but no minutes are set; red/orange 30 min, yellow 2 h, blue 4 h are local-practice defaults, UNVERIFIED',
    verified: false,
  },
  feedbackHours: {
    zh: '危化品安全生产风险监测预警系统的处置实践“报警必处置、处置必反馈”，未规定时限；红/橙 24 小时、黄/蓝 72 小时为本地实践默认值，未经核实',
    en: 'Practice of the hazardous-chemicals risk monitoring system: every alarm handled, every disposal reported; no time limit set; red/orange 24 h, yellow/blue 72 h are local-practice defaults, UNVERIFIED',
    verified: false,
  },
  escalateStepMinutes: {
    zh: '逐级推送（企业 → 县级政府及行业部门 → 市级政府）的间隔为本地配置，默认 60 分钟，未经核实',
    en: 'The step between escalation levels (enterprise → county government and industry departments → city government) is local configuration; default 60 min, UNVERIFIED',
    verified: false,
  },
  maxShelveHours: {
    zh: 'ISA-18.2 / IEC 62682：搁置须限时；最长 72 小时为本地默认值，未经核实',
    en: 'ISA-18.2 / IEC 62682: shelving is time-limited; the 72-hour maximum is a local default, UNVERIFIED',
    verified: false,
  },
};

export interface AlarmDisposalConfig {
  /** Minutes to acknowledge, by severity. */
  ackMinutes: Record<AlarmSeverity, number>;
  /** Hours to file the disposal feedback (classification + analysis), by severity. */
  feedbackHours: Record<AlarmSeverity, number>;
  /** Minutes after a missed due time before the county government (level 2), and again before the city (level 3). */
  escalateStepMinutes: number;
  /** The longest a regulator may shelve an alarm. */
  maxShelveHours: number;
}

export const DEFAULT_ALARM_DISPOSAL: AlarmDisposalConfig = {
  ackMinutes: { red: 30, orange: 30, yellow: 120, blue: 240 },
  feedbackHours: { red: 24, orange: 24, yellow: 72, blue: 72 },
  escalateStepMinutes: 60,
  maxShelveHours: 72,
};

/**
 * Checks the relations the schema cannot: feedback is due no earlier than the acknowledgement
 * (feedback includes acknowledging). Fields are named as in the request (`feedbackHours.red`).
 */
export function disposalConfigErrors(cfg: AlarmDisposalConfig): { field: string; code: 'too_small'; params: { minimum: number } }[] {
  const errors: { field: string; code: 'too_small'; params: { minimum: number } }[] = [];
  for (const s of ['red', 'orange', 'yellow', 'blue'] as const) {
    if (cfg.feedbackHours[s] * 60 < cfg.ackMinutes[s])
      errors.push({ field: `feedbackHours.${s}`, code: 'too_small', params: { minimum: Math.ceil(cfg.ackMinutes[s] / 60) } });
  }
  return errors;
}

export function disposalDue(severity: AlarmSeverity, raisedAt: Date, cfg: AlarmDisposalConfig = DEFAULT_ALARM_DISPOSAL) {
  return {
    ackDue: new Date(raisedAt.getTime() + cfg.ackMinutes[severity] * 60_000),
    feedbackDue: new Date(raisedAt.getTime() + cfg.feedbackHours[severity] * 3_600_000),
  };
}

/**
 * The escalation level an alarm has reached: 0 in time; 1 a due time missed (the enterprise is told);
 * 2 one step later (county government); 3 two steps later (city government). Both due times count
 * until the step they guard is done (ack; feedback).
 */
export function escalationLevel(
  a: { ackDue: Date | null; ackTs: Date | null; feedbackDue: Date | null; feedbackAt: Date | null },
  now: Date,
  cfg: AlarmDisposalConfig = DEFAULT_ALARM_DISPOSAL,
): 0 | 1 | 2 | 3 {
  const missed = [!a.ackTs ? a.ackDue : null, !a.feedbackAt ? a.feedbackDue : null].filter((d): d is Date => !!d && d.getTime() <= now.getTime());
  if (!missed.length) return 0;
  const since = Math.min(...missed.map((d) => d.getTime()));
  const steps = Math.floor((now.getTime() - since) / (cfg.escalateStepMinutes * 60_000));
  return Math.min(3, 1 + steps) as 1 | 2 | 3;
}
