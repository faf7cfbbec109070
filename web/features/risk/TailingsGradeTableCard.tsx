import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, InputNumber, Table, Typography } from 'antd';
import { useState } from 'react';
import { Source } from '../../components/Source';
import { useI18n } from '../../i18n';
import { api } from '../../lib/api';
import { useApiError } from '../../lib/use-api-error';
import { type TTailingsGradeTable, useTailingsGradeTable } from './api';
import { PondGradeTag } from './labels';

type Row = { grade: 1 | 2 | 3 | 4 | 5; limit?: 'g2' | 'g3' | 'g4' };
const ROWS: Row[] = [{ grade: 1 }, { grade: 2, limit: 'g2' }, { grade: 3, limit: 'g3' }, { grade: 4, limit: 'g4' }, { grade: 5 }];

/** 尾矿库等别划分: the lower limits of 二–四等 by total capacity and by dam height (configuration; defaults UNVERIFIED). */
export function TailingsGradeTableCard() {
  const { t } = useI18n();
  const { data } = useTailingsGradeTable();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<TTailingsGradeTable>();
  const [busy, setBusy] = useState(false);
  if (!data) return null;
  const can = data.abilities.configure;
  const save = async (v: TTailingsGradeTable) => {
    setBusy(true);
    try {
      await api('/api/tailings-grade-table', { method: 'PUT', body: v });
      await Promise.all([qc.invalidateQueries({ queryKey: ['tailings-grade-table'] }), qc.invalidateQueries({ queryKey: ['calculators'] })]);
      void message.success(t('common.saved'));
    } catch (err) {
      showError(err, form);
    } finally {
      setBusy(false);
    }
  };
  const cell = (kind: 'capacity' | 'height', r: Row) => {
    if (r.grade === 1) return <Typography.Text type="secondary">—</Typography.Text>;
    if (!r.limit) return <Typography.Text type="secondary">{t('pond.limitBelow')}</Typography.Text>;
    return (
      <Flex gap={6} align="center">
        <span>≥</span>
        <Form.Item name={[kind, r.limit]} noStyle rules={[{ required: true, message: t('validation.required') }]}>
          <InputNumber min={0.01} max={1_000_000} disabled={!can} style={{ width: 120 }} />
        </Form.Item>
      </Flex>
    );
  };
  return (
    <Card size="small" title={t('pond.gradeTable')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 0 }}>
        {t('pond.gradeTableIntro')}
      </Typography.Paragraph>
      {!can ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('pond.gradeTableReadOnly')}
        </Typography.Paragraph>
      ) : null}
      <Form<TTailingsGradeTable> form={form} initialValues={data.table} onFinish={save}>
        <Table<Row>
          rowKey="grade"
          size="small"
          pagination={false}
          dataSource={ROWS}
          columns={[
            { title: t('pond.grade'), dataIndex: 'grade', width: 90, render: (g: Row['grade']) => <PondGradeTag grade={g} /> },
            {
              title: t('pond.limitCapacity'),
              key: 'c',
              render: (_, r) => (r.grade === 1 ? <Typography.Text type="secondary">{t('pond.gradeRaisedHint')}</Typography.Text> : cell('capacity', r)),
              onCell: (r) => ({ colSpan: r.grade === 1 ? 2 : 1 }),
            },
            { title: t('pond.limitHeight'), key: 'h', render: (_, r) => cell('height', r), onCell: (r) => ({ colSpan: r.grade === 1 ? 0 : 1 }) },
          ]}
        />
        {can ? (
          <Flex gap={8} justify="flex-end" wrap style={{ marginTop: 12 }}>
            <Button icon={<UndoOutlined />} onClick={() => form.setFieldsValue(data.defaults)}>
              {t('risk.restoreDefaults')}
            </Button>
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={busy}>
              {t('common.save')}
            </Button>
          </Flex>
        ) : null}
      </Form>
      <div style={{ marginTop: 8 }}>
        <Source text={data.source} />
      </div>
    </Card>
  );
}
