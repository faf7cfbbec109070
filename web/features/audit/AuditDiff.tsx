import { Col, Row, Table, Typography } from 'antd';
import { useI18n } from '../../i18n';

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function show(v: unknown): string {
  if (v === undefined) return '';
  return typeof v === 'string' ? v : JSON.stringify(v, null, 2);
}

interface DiffRow {
  key: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

/** Before/after of an audit row: key by key when both are objects (changed keys highlighted), else side by side. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useI18n();
  if (isPlainObject(before) || isPlainObject(after)) {
    const b = isPlainObject(before) ? before : {};
    const a = isPlainObject(after) ? after : {};
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
    const rows: DiffRow[] = keys.map((k) => ({ key: k, before: b[k], after: a[k], changed: JSON.stringify(b[k]) !== JSON.stringify(a[k]) }));
    return (
      <Table<DiffRow>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        rowClassName={(r) => (r.changed && before != null && after != null ? 'diff-changed' : '')}
        scroll={{ x: 700 }}
        columns={[
          { title: t('audit.field'), dataIndex: 'key', width: 180 },
          { title: t('audit.before'), dataIndex: 'before', render: (v: unknown) => <pre className="json-block">{show(v)}</pre> },
          { title: t('audit.after'), dataIndex: 'after', render: (v: unknown) => <pre className="json-block">{show(v)}</pre> },
        ]}
      />
    );
  }
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Typography.Text strong>{t('audit.before')}</Typography.Text>
        <pre className="json-block">{show(before) || '—'}</pre>
      </Col>
      <Col xs={24} md={12}>
        <Typography.Text strong>{t('audit.after')}</Typography.Text>
        <pre className="json-block">{show(after) || '—'}</pre>
      </Col>
    </Row>
  );
}
