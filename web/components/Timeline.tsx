import { Timeline as AntTimeline, Empty, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { formatDateTime } from '../lib/format';

export interface TimelineEvent {
  key: string;
  /** What happened, e.g. a Tag or the step's name. */
  action: ReactNode;
  /** ISO instant; shown as Beijing time `YYYY-MM-DD HH:mm`. */
  at: string;
  /** Who did it (a name, never an id). */
  actor?: string | null;
  /** The person's note, shown as typed (line breaks kept). */
  note?: string | null;
  /** More under the note: attachments, a value change, a receipt. */
  extra?: ReactNode;
  /** 'red' for escalations and rejections, 'green' for closing, default blue. */
  color?: 'blue' | 'red' | 'green' | 'gray' | 'orange';
}

/**
 * The history of a record (hazard, task, alarm, accident…): each event's action, then the note, then
 * time and actor. Oldest first unless `newestFirst`.
 */
export function Timeline({ events, newestFirst = false, empty }: { events: TimelineEvent[]; newestFirst?: boolean; empty?: ReactNode }) {
  const { t } = useI18n();
  if (!events.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty ?? t('kit.timeline.empty')} />;
  const shown = newestFirst ? [...events].reverse() : events;
  return (
    <AntTimeline
      items={shown.map((e) => ({
        key: e.key,
        color: e.color ?? 'blue',
        content: (
          <Flex vertical gap={2} style={{ minWidth: 0 }} data-testid="timeline-event">
            <div>{e.action}</div>
            {e.note ? <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{e.note}</div> : null}
            {e.extra}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(e.at)}
              {e.actor ? ` · ${t('kit.timeline.by', { actor: e.actor })}` : ''}
            </Typography.Text>
          </Flex>
        ),
      }))}
    />
  );
}
