import { Tag } from 'antd';
import { useI18n } from '../../i18n';
import { type TWarningLevel, WARNING_EVENTS, type WarningState } from './api';

/** 红橙黄蓝: the colours of the Emergency Response Law's four levels. */
export const LEVEL_COLOR: Record<TWarningLevel, string> = { red: '#cf1322', orange: '#fa8c16', yellow: '#fadb14', blue: '#1677ff' };

export function LevelTag({ level }: { level: TWarningLevel | null }) {
  const { t } = useI18n();
  if (!level) return <Tag>{t('warning.level.none')}</Tag>;
  return (
    <Tag variant="solid" color={LEVEL_COLOR[level]} style={level === 'yellow' ? { color: '#3d2e00' } : undefined}>
      {t(`warning.level.${level}`)}
    </Tag>
  );
}

const STATE_COLOR: Record<WarningState, string> = { active: 'processing', expired: 'default', cancelled: 'default' };

export function WarningStateTag({ state }: { state: WarningState }) {
  const { t } = useI18n();
  return <Tag color={STATE_COLOR[state]}>{t(`warning.state.${state}`)}</Tag>;
}

/** The event name in the user's language (imported events are shown as sent). */
export function useEventName(): (event: string) => string {
  const { locale } = useI18n();
  return (event) => (locale === 'en-US' ? (WARNING_EVENTS.find((e) => e.key === event)?.en ?? event) : event);
}
