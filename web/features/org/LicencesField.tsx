import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Card, Col, DatePicker, Form, Input, Row } from 'antd';
import { useI18n } from '../../i18n';

const COMMON_KINDS = [
  '安全生产许可证',
  '危险化学品经营许可证',
  '危险化学品登记证',
  '采矿许可证',
  '建筑施工企业安全生产许可证',
  '道路运输经营许可证',
  '烟花爆竹经营许可证',
];

/** Licences (安全生产许可证 …) as an editable list; field names match the server's error paths. */
export function LicencesField() {
  const { t } = useI18n();
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <Form.List name="licences">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f, i) => (
            <Card
              key={f.key}
              size="small"
              style={{ marginBottom: 8 }}
              title={t('licence.item', { n: i + 1 })}
              extra={<Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.delete')} />}
            >
              <Row gutter={12}>
                <Col xs={24} md={12}>
                  <Form.Item name={[f.name, 'kind']} label={t('licence.kind')} rules={required}>
                    <AutoComplete options={COMMON_KINDS.map((k) => ({ value: k }))} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name={[f.name, 'number']} label={t('licence.number')} rules={required}>
                    <Input maxLength={80} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name={[f.name, 'issuedBy']} label={t('licence.issuedBy')} rules={required}>
                    <Input maxLength={80} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={8}>
                  <Form.Item name={[f.name, 'validFrom']} label={t('licence.validFrom')} rules={required}>
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={8}>
                  <Form.Item name={[f.name, 'validTo']} label={t('licence.validTo')} rules={required}>
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          ))}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ kind: '', number: '', issuedBy: '', validFrom: null, validTo: null })}>
            {t('licence.add')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
