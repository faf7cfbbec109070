import { Badge, Tag, Tooltip } from 'antd';
import { HAZARD_ESCALATION_NAMES, type HazardEscalation } from '../../../common/rules/hazard-deadlines';
import { type Locale, useI18n } from '../../i18n';
import type { DeadlineState, HazardGrade, HazardStatus } from './api';

const STATUS_COLOR: Record<HazardStatus, string> = {
  reported: 'default',
  confirmed: 'gold',
  rectifying: 'processing',
  submitted: 'cyan',
  verified: 'purple',
  closed: 'success',
  rejected: 'default',
};

export function HazardStatusTag({ status }: { status: HazardStatus }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOR[status]}>{t(`hazard.status.${status}`)}</Tag>;
}

export function GradeTag({ grade, suggested }: { grade: HazardGrade | null; suggested?: HazardGrade | null }) {
  const { t } = useI18n();
  if (!grade)
    return suggested ? <Tag bordered={false}>{t('hazard.suggested', { grade: t(`hazard.grade.${suggested}`) })}</Tag> : <Tag>{t('hazard.ungraded')}</Tag>;
  return <Tag color={grade === 'major' ? 'red' : 'blue'}>{t(`hazard.grade.${grade}`)}</Tag>;
}

/** 逾期（企业）/ 逾期督办（监管部门）/ 逾期通报（属地政府）: the same names the server's notifications use. */
export function escalationName(level: number, locale: Locale): string {
  const n = HAZARD_ESCALATION_NAMES[Math.max(1, Math.min(3, level)) as HazardEscalation];
  return locale === 'en-US' ? n.en : n.zh;
}

/** The deadline with a red dot when overdue and the escalation level reached. */
export function DeadlineText({ deadline, state, escalation }: { deadline: string | null; state: DeadlineState; escalation: number }) {
  const { t, locale } = useI18n();
  if (!deadline) return <span>—</span>;
  if (state !== 'overdue') return <span>{deadline}</span>;
  return (
    <Tooltip title={escalation ? escalationName(escalation, locale) : t('common.overdue')}>
      <Badge status="error" text={<span style={{ color: '#cf1322' }}>{deadline}</span>} />
    </Tooltip>
  );
}
