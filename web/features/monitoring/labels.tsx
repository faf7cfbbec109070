import { Badge, Tag } from 'antd';
import type { MessageKey } from '../../i18n';
import { useI18n } from '../../i18n';
import { LEVEL_COLOR, type Level } from './api';

export function LevelTag({ level }: { level: Level }) {
  const { t } = useI18n();
  return (
    <Tag color={level === 'normal' ? 'success' : level === 'alarm' ? 'warning' : level === 'powerOff' ? 'error' : 'default'} style={{ marginInlineEnd: 0 }}>
      <Badge color={LEVEL_COLOR[level]} /> {t(`mon.level.${level}` as MessageKey)}
    </Tag>
  );
}

export const typeKey = (type: string) => `mon.type.${type}` as MessageKey;
