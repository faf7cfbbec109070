import { Tag, Typography } from 'antd';
import { useI18n } from '../../i18n';
import type { AlarmStatus, Severity, TAlarmSummary } from './api';

/** 红/橙/黄/蓝 as the alarm colours: the same hues as the risk pages' 四色 (text stays readable on yellow). */
export const SEVERITY_COLOR: Record<Severity, string> = { red: '#e8342e', orange: '#f77f00', yellow: '#f5d000', blue: '#1668dc' };
export const SEVERITY_FG: Record<Severity, string> = { red: '#fff', orange: '#fff', yellow: '#3d3200', blue: '#fff' };

export function SeverityTag({ severity }: { severity: Severity }) {
  const { t } = useI18n();
  const bg = SEVERITY_COLOR[severity];
  return (
    <Tag style={{ background: bg, borderColor: bg, color: SEVERITY_FG[severity], marginInlineEnd: 0, fontWeight: 500 }}>{t(`alarm.severity.${severity}`)}</Tag>
  );
}

const STATUS_COLOR: Record<AlarmStatus, string> = {
  ACTIVE_UNACK: 'red',
  ACTIVE_ACK: 'volcano',
  CLEARED_UNACK: 'gold',
  CLEARED: 'blue',
  SHELVED: 'purple',
  OUT_OF_SERVICE: 'default',
  CLOSED: 'green',
};

export function AlarmStatusTag({ status }: { status: AlarmStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOR[status]} style={{ marginInlineEnd: 0 }}>
      {t(`alarm.status.${status}`)}
    </Tag>
  );
}

export function DisposalText({ a }: { a: Pick<TAlarmSummary, 'disposalState' | 'escalation'> }) {
  const { t } = useI18n();
  const level = a.escalation >= 1 && a.escalation <= 3 ? t(`alarm.escalation.${a.escalation as 1 | 2 | 3}`) : null;
  return (
    <Typography.Text type={a.disposalState === 'overdue' ? 'danger' : a.disposalState === 'done' ? 'success' : 'secondary'} style={{ fontSize: 12 }}>
      {t(`alarm.disposal.${a.disposalState}`)}
      {level ? ` · ${t('alarm.escalation', { level })}` : ''}
    </Typography.Text>
  );
}

/** A reading as people read it: two decimals below 10, one above (readings carry three), no trailing zeros. */
export const valueText = (v: number | null, unit: string) => (v === null ? '—' : `${Number(v.toFixed(Math.abs(v) < 10 ? 2 : 1))} ${unit}`);
