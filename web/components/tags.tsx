import { Tag } from 'antd';
import { useI18n } from '../i18n';

const STATUS_COLORS: Record<string, string> = { operating: 'green', suspended: 'orange', closed: 'default' };

/** Enterprise status: operating green, 停产整顿 orange, closed grey. */
export function StatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  const key = status === 'operating' || status === 'suspended' || status === 'closed' ? status : null;
  return <Tag color={STATUS_COLORS[status] ?? 'default'}>{key ? t(`status.${key}`) : status}</Tag>;
}

export function GapTags({ gaps }: { gaps: string[] }) {
  const { t } = useI18n();
  return (
    <>
      {gaps.includes('noDepartment') ? <Tag color="red">{t('gap.noDepartment')}</Tag> : null}
      {gaps.includes('noPerson') ? <Tag color="orange">{t('gap.noPerson')}</Tag> : null}
    </>
  );
}

export function InsuranceTag({ status }: { status: string }) {
  const { t } = useI18n();
  const colors: Record<string, string> = { insured: 'green', uninsured: 'red', expired: 'orange' };
  const key = status === 'insured' || status === 'uninsured' || status === 'expired' ? status : null;
  return <Tag color={colors[status] ?? 'default'}>{key ? t(`insurance.${key}`) : status}</Tag>;
}

export function GradeText({ grade }: { grade: number | null }) {
  const { t } = useI18n();
  if (grade === 1 || grade === 2 || grade === 3) return <>{t(`grade.${grade}`)}</>;
  return <>{t('grade.none')}</>;
}
