import { Badge, Tag, Tooltip } from 'antd';
import { useI18n } from '../../i18n';
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

/** The deadline with a red dot when overdue and the escalation level reached. */
export function DeadlineText({ deadline, state, escalation }: { deadline: string | null; state: DeadlineState; escalation: number }) {
  const { t } = useI18n();
  if (!deadline) return <span>—</span>;
  if (state !== 'overdue') return <span>{deadline}</span>;
  return (
    <Tooltip title={escalation ? t(`hazard.escalation.${Math.min(3, escalation)}` as 'hazard.escalation.1') : t('common.overdue')}>
      <Badge status="error" text={<span style={{ color: '#cf1322' }}>{deadline}</span>} />
    </Tooltip>
  );
}
