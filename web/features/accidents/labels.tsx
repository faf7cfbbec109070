import { Tag } from 'antd';
import type { ChainRecipient } from '../../../common/contracts/accidents';
import { GB6441_TYPES } from '../../../common/gb6441';
import { ACCIDENT_GRADE_NAMES, type AccidentGrade, type AccidentGradeCriterion } from '../../../common/rules/accident-grade';
import { INVESTIGATING_LEVEL_NAMES, type InvestigatingLevel } from '../../../common/rules/accident-investigation';
import { PARALLEL_RECIPIENTS, REPORT_LEVEL_NAMES, type ReportLevel } from '../../../common/rules/accident-reporting';
import { type Locale, type Translate, useI18n } from '../../i18n';
import type { AccidentStatus, FatalActionStatus } from './api';

const GRADE_COLORS: Record<AccidentGrade, string> = { 1: 'red', 2: 'volcano', 3: 'orange', 4: 'blue' };

export function gradeName(grade: AccidentGrade, locale: Locale): string {
  const n = ACCIDENT_GRADE_NAMES[grade];
  return n ? (locale === 'en-US' ? n.en : n.zh) : String(grade);
}

/** 特别重大 red, 重大 volcano, 较大 orange, 一般 blue (国务院令第493号 Art. 3); solid, so it never reads as a status. */
export function GradeTag({ grade }: { grade: AccidentGrade }) {
  const { t, locale } = useI18n();
  return (
    <Tag color={GRADE_COLORS[grade] ?? 'default'} variant="solid" style={{ marginInlineEnd: 0 }}>
      {t('accident.gradeTag', { name: gradeName(grade, locale) })}
    </Tag>
  );
}

const STATUS_COLORS: Record<AccidentStatus, string> = { reported: 'orange', investigating: 'processing', reportSubmitted: 'cyan', closed: 'green' };

export function AccidentStatusTag({ status }: { status: AccidentStatus }) {
  const { t } = useI18n();
  const known = status in STATUS_COLORS;
  return <Tag color={STATUS_COLORS[status] ?? 'default'}>{known ? t(`accidentStatus.${status}`) : status}</Tag>;
}

const ACTION_COLORS: Record<FatalActionStatus, string> = { open: 'orange', done: 'green', setAside: 'default' };

export function ActionStatusTag({ status }: { status: FatalActionStatus }) {
  const { t } = useI18n();
  const known = status in ACTION_COLORS;
  return <Tag color={ACTION_COLORS[status] ?? 'default'}>{known ? t(`fatal.status.${status}`) : status}</Tag>;
}

/** GB 6441-1986 §6.2 category: "15 瓦斯爆炸". */
export function accidentTypeName(code: string, locale: Locale): string {
  const type = GB6441_TYPES.find((x) => x.code === code);
  if (!type) return code;
  return locale === 'en-US' ? type.en : type.zh;
}

/** "由死亡人数认定"; an 一般 accident reaches no threshold, so no single criterion decided it. */
export function decidedByText(grade: AccidentGrade, decidedBy: AccidentGradeCriterion, t: Translate): string {
  return grade === 4 ? t('accident.belowThresholds') : t('accident.decidedBy', { criterion: t(`accident.criterion.${decidedBy}`) });
}

export const GOVERNMENT_LEVELS: readonly ChainRecipient[] = ['county', 'city', 'province', 'stateCouncil'];

export function isParallel(recipient: ChainRecipient): boolean {
  return !GOVERNMENT_LEVELS.includes(recipient);
}

/** A chain recipient's name: a government level (Art. 10) or a body notified alongside it. */
export function recipientName(recipient: ChainRecipient, locale: Locale): string {
  const level = REPORT_LEVEL_NAMES[recipient as ReportLevel];
  const parallel = PARALLEL_RECIPIENTS.find((p) => p.key === recipient);
  const n = level ?? parallel;
  if (!n) return recipient;
  return locale === 'en-US' ? n.en : n.zh;
}

/** Chain rows bottom-up: the government levels first, then the parallel bodies in the regulation's order. */
export function chainOrder(recipient: ChainRecipient): number {
  const level = GOVERNMENT_LEVELS.indexOf(recipient);
  if (level >= 0) return level;
  const parallel = PARALLEL_RECIPIENTS.findIndex((p) => p.key === recipient);
  return GOVERNMENT_LEVELS.length + (parallel >= 0 ? parallel : PARALLEL_RECIPIENTS.length);
}

export function investigatingLevelName(level: InvestigatingLevel, locale: Locale): string {
  const n = INVESTIGATING_LEVEL_NAMES[level];
  if (!n) return level;
  return locale === 'en-US' ? n.en : n.zh;
}

/** Yuan → 万元 for display, at most two decimals ("150", "12.5"). */
export function formatWan(yuan: number | null | undefined, locale: Locale): string {
  if (yuan === null || yuan === undefined) return '';
  return (yuan / 10_000).toLocaleString(locale, { maximumFractionDigits: 2 });
}

/** Form helpers: the form keeps yuan (the API's field), the input shows 万元. */
export const wanInputProps = {
  getValueProps: (v: number | null | undefined) => ({ value: v === null || v === undefined ? v : v / 10_000 }),
  normalize: (v: number | null | undefined) => (v === null || v === undefined ? v : Math.round(v * 10_000)),
};
