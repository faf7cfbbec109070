import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { IssueTaskForm } from './IssueTaskForm';

/** 交办督办事项: a new task with its units; the 13710 due dates show while it is filled in. */
export function IssueTaskPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title={
          <>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/tasks')} aria-label={t('common.back')} /> {t('task.new')}
          </>
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('task.newHint')}
        </Typography.Paragraph>
      </PageHeader>
      <IssueTaskForm endpoint="/api/tasks" onIssued={(res) => navigate(`/tasks/${res.data.id}`, { replace: true })} onCancel={() => navigate('/tasks')} />
    </>
  );
}
