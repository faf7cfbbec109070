import { LoadingOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Descriptions, Typography } from 'antd';
import { Source } from '../../components/Source';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../lib/api';
import { type Complexity, type DayKind, deadlinesRemote, nowBeijingIso } from './api';
import { formatDue } from './labels';

/**
 * The 13710 due dates a task issued now would get (POST /api/calculators/deadline-13710), recomputed
 * when the complexity or the day kind changes. The server computes them again on issue.
 */
export function DeadlinePreview({ complexity, dayKind }: { complexity: Complexity | undefined; dayKind: DayKind | undefined }) {
  const { t } = useI18n();
  const c: Complexity = complexity === 'major' ? 'major' : 'general';
  const d: DayKind = dayKind === 'working' ? 'working' : 'calendar';
  // Keyed by the day: a form left open past midnight gets the next day's dates.
  const today = nowBeijingIso().slice(0, 10);
  const calc = useQuery({
    queryKey: ['calculators', 'deadline-13710', c, d, today],
    queryFn: ({ signal }) => deadlinesRemote({ assignedAt: nowBeijingIso(), complexity: c, dayKind: d }, signal),
    staleTime: 5 * 60_000,
  });
  return (
    <div style={{ padding: '8px 12px', background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 4 }}>
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
        {t('task.previewTitle')}
      </Typography.Text>
      {calc.data ? (
        <>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'deploy', label: t('task.due.deploy'), children: formatDue(calc.data.deployDue) },
              { key: 'feedback', label: t('task.due.feedback'), children: formatDue(calc.data.feedbackDue) },
              {
                key: 'resolve',
                label: t(c === 'major' ? 'task.due.resolveMonth' : 'task.due.resolve7'),
                children: <Typography.Text strong>{formatDue(calc.data.resolveDue)}</Typography.Text>,
              },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0' }}>
            {t(d === 'working' ? 'task.previewWorking' : 'task.previewCalendar')}
          </Typography.Paragraph>
          <Source text={calc.data.source} />
        </>
      ) : calc.error ? (
        <Typography.Text type="warning">{errorMessage(calc.error)}</Typography.Text>
      ) : (
        <LoadingOutlined />
      )}
    </div>
  );
}
