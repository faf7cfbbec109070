import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Drawer, Form, Input, Row, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { isValidPhone } from '../../../common/validators/phone';
import { useI18n } from '../../i18n';
import { api } from '../../lib/api';
import { useApiError } from '../../lib/use-api-error';
import { type TAssignment, useAllDepartments } from './api';

interface AssignmentValues {
  departmentId?: string;
  responsiblePerson?: string | null;
  responsiblePhone?: string | null;
  primary: boolean;
}

interface Props {
  open: boolean;
  enterpriseId: string;
  assignments: TAssignment[];
  onClose: () => void;
}

/** 分配监管: which departments supervise the enterprise and the named responsible officials. */
export function AssignmentsDrawer({ open, enterpriseId, assignments, onClose }: Props) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<{ assignments: AssignmentValues[] }>();
  const { message } = App.useApp();
  const showError = useApiError();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const departments = useAllDepartments(open);
  const options = (departments.data ?? []).map((d) => ({
    value: d.id,
    label: `${locale === 'en-US' ? d.nameEn || d.name : d.name}`,
  }));
  // Departments no longer visible in the picker still show by name.
  for (const a of assignments) if (!options.some((o) => o.value === a.departmentId)) options.push({ value: a.departmentId, label: a.departmentName });

  const submit = async (v: { assignments?: AssignmentValues[] }) => {
    setBusy(true);
    try {
      const body = {
        assignments: (v.assignments ?? []).map((a) => ({
          departmentId: a.departmentId as string,
          responsiblePerson: a.responsiblePerson?.trim() || null,
          responsiblePhone: a.responsiblePhone?.trim() || null,
          primary: Boolean(a.primary),
        })),
      };
      await api(`/api/enterprises/${enterpriseId}/assignments`, { method: 'PUT', body });
      void message.success(t('common.saved'));
      await qc.invalidateQueries({ queryKey: ['enterprise', enterpriseId] });
      await qc.invalidateQueries({ queryKey: ['supervision-table'] });
      onClose();
    } catch (err) {
      showError(err, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('assign.title')}
      size={640}
      destroyOnHidden
      extra={
        <Button type="primary" loading={busy} onClick={() => form.submit()}>
          {t('common.save')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('assign.hint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          assignments: assignments.map((a) => ({
            departmentId: a.departmentId,
            responsiblePerson: a.responsiblePerson,
            responsiblePhone: a.responsiblePhone,
            primary: a.primary,
          })),
        }}
      >
        <Form.List name="assignments">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Card
                  key={f.key}
                  size="small"
                  style={{ marginBottom: 8 }}
                  title={t('assign.item', { n: i + 1 })}
                  extra={<Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.delete')} />}
                >
                  <Row gutter={12}>
                    <Col xs={24} md={16}>
                      <Form.Item name={[f.name, 'departmentId']} label={t('field.department')} rules={[{ required: true, message: t('validation.required') }]}>
                        <Select options={options} loading={departments.isLoading} showSearch={{ optionFilterProp: 'label' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item name={[f.name, 'primary']} label={t('assign.primary')} valuePropName="checked">
                        <Switch checkedChildren={t('assign.primaryShort')} unCheckedChildren={t('assign.secondaryShort')} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item name={[f.name, 'responsiblePerson']} label={t('field.responsiblePerson')}>
                        <Input maxLength={40} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item
                        name={[f.name, 'responsiblePhone']}
                        label={t('field.responsiblePhone')}
                        rules={[
                          {
                            validator: (_, v?: string | null) => (!v || isValidPhone(v) ? Promise.resolve() : Promise.reject(new Error(t('validation.phone')))),
                          },
                        ]}
                      >
                        <Input maxLength={20} inputMode="tel" />
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} disabled={fields.length >= 10} onClick={() => add({ primary: fields.length === 0 })}>
                {t('assign.add')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
