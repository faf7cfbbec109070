import { Table } from 'antd';
import type { TAuditChange } from '../../../common/contracts/platform';
import { useI18n } from '../../i18n';

/** Before/after of an audit row, field by field as the server lists them; changed fields highlighted. */
export function AuditDiff({ changes }: { changes: TAuditChange[] }) {
  const { t } = useI18n();
  if (!changes.length) return <span>{t('audit.noChanges')}</span>;
  return (
    <Table<TAuditChange>
      size="small"
      rowKey={(r) => r.field ?? ''}
      pagination={false}
      dataSource={changes}
      rowClassName={(r) => (r.changed ? 'diff-changed' : '')}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('audit.field'), dataIndex: 'field', width: 160, render: (v: string | null) => v ?? '—' },
        { title: t('audit.before'), dataIndex: 'before', render: (v: string | null) => <pre className="json-block">{v ?? ''}</pre> },
        { title: t('audit.after'), dataIndex: 'after', render: (v: string | null) => <pre className="json-block">{v ?? ''}</pre> },
      ]}
    />
  );
}
