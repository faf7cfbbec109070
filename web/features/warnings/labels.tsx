import { Tag } from 'antd';
import { useI18n } from '../../i18n';
import { CAP_MSG_TYPES, CAP_SCOPES, CAP_SEVERITIES, CAP_STATUSES, type TWarningLevel, WARNING_EVENTS, type WarningState } from './api';

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

const CAP_VALUES = { msgType: CAP_MSG_TYPES, capStatus: CAP_STATUSES, scope: CAP_SCOPES, severity: CAP_SEVERITIES } as const;
type CapField = keyof typeof CAP_VALUES;

/** A CAP enumeration by its name in the user's language (消息类型 Alert → 首次发布); a value outside CAP 1.2 as sent. */
export function useCapName(): (field: CapField, value: string) => string {
  const { t } = useI18n();
  return (field, value) => ((CAP_VALUES[field] as readonly string[]).includes(value) ? t(`warning.${field}.${value}` as 'warning.msgType.Alert') : value);
}

/** A region of the warning's area by name in the user's language (its code only when the registry does not know it). */
export function useRegionName(): (r: { code: string; name: string | null; nameEn: string | null }) => string {
  const { locale } = useI18n();
  return (r) => (locale === 'en-US' ? (r.nameEn ?? r.name) : r.name) ?? r.code;
}
