import { useQueryClient } from '@tanstack/react-query';
import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { Source } from '../../components/Source';
import { type MessageKey, useI18n } from '../../i18n';
import { api } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { useApiError } from '../../lib/use-api-error';
import { ENTERPRISE_KINDS, type RegisterKind, type TRecordActivity } from './api';

interface RegisterForm {
  date?: Dayjs | null;
  title: string;
  enterpriseId?: string | null;
  detail: Record<string, unknown>;
}

export const HAZCHEM_SYSTEMS = ['automaticControl', 'safetyInstrumented', 'emergencyShutdown', 'gasLeakDetection'] as const;

const ENTERPRISE_LABEL: Partial<Record<RegisterKind, MessageKey>> = {
  groupInspection: 'register.group',
  miningFace: 'register.coalMine',
  hazchemSystems: 'register.hazchemEnterprise',
};

const INITIAL_DETAIL: Partial<Record<RegisterKind, Record<string, unknown>>> = {
  groupInspection: { role: 'generalManager' },
  miningFace: { kind: 'coalFace' },
  hazchemSystems: { majorHazard: false, automaticControl: false, safetyInstrumented: false, emergencyShutdown: false, gasLeakDetection: false },
};

/** 登记台账: one entry of a register, with the fields of its kind (common/contracts/workplan.ts REGISTER_DETAIL). */
export function RegisterFormModal({
  kind,
  year,
  open,
  onClose,
  onSaved,
}: {
  kind: RegisterKind;
  year: number;
  open: boolean;
  onClose: () => void;
  onSaved: (date: string) => void;
}) {
  const { t } = useI18n();
  const { data: me } = useMe();
  const [form] = Form.useForm<RegisterForm>();
  const { message } = App.useApp();
  const showError = useApiError();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const enterpriseId = Form.useWatch('enterpriseId', form);
  const today = dayjs();
  const isEnterpriseKind = ENTERPRISE_KINDS.includes(kind);
  // An enterprise user records for their own enterprise; the server fills it in.
  const pickEnterprise = isEnterpriseKind && me?.user.kind !== 'enterprise';
  const required = [{ required: true, message: t('validation.required') }];
  const text = (max: number) => [
    { required: true, whitespace: true, message: t('validation.required') },
    { min: 2, max, message: t('validation.length', { min: 2, max }) },
  ];
  const defaultDate = year === today.year() ? today : dayjs(`${year}-12-31`).isAfter(today) ? today : null;

  const submit = async (v: RegisterForm) => {
    setBusy(true);
    try {
      const date = v.date ? v.date.format('YYYY-MM-DD') : '';
      const detail = Object.fromEntries(Object.entries(v.detail ?? {}).map(([k, x]) => [k, typeof x === 'string' ? x.trim() : x]));
      const body: TRecordActivity = {
        kind,
        date,
        title: v.title?.trim(),
        ...(pickEnterprise && v.enterpriseId ? { enterpriseId: v.enterpriseId } : {}),
        detail,
      };
      await api<{ id: string }>('/api/registers', { body });
      void message.success(t('register.saved'));
      await qc.invalidateQueries({ queryKey: ['registers'] });
      await qc.invalidateQueries({ queryKey: ['plan'] });
      await qc.invalidateQueries({ queryKey: ['plan-item'] });
      onSaved(date);
    } catch (err) {
      showError(err, form);
    } finally {
      setBusy(false);
    }
  };

  const field = (name: string, label: MessageKey, input: ReactNode, rules: object[], span = 12, extra?: ReactNode) => (
    <Col xs={24} md={span}>
      <Form.Item name={['detail', name]} label={t(label)} rules={rules} extra={extra}>
        {input}
      </Form.Item>
    </Col>
  );

  const detailFields: Record<RegisterKind, ReactNode> = {
    safetyMeeting: (
      <>
        {field('chair', 'register.chair', <Input maxLength={40} />, text(40))}
        {field('topics', 'register.topics', <Input.TextArea rows={3} maxLength={1000} showCount />, text(1000), 24)}
      </>
    ),
    leaderLecture: (
      <>
        {field('lecturer', 'register.lecturer', <Input maxLength={40} />, text(40))}
        {field('audience', 'register.audience', <InputNumber min={1} max={100_000} precision={0} style={{ width: '100%' }} />, required)}
      </>
    ),
    groupInspection: (
      <>
        {field(
          'role',
          'register.role',
          <Radio.Group
            optionType="button"
            options={[
              { value: 'chairman', label: t('register.role.chairman') },
              { value: 'generalManager', label: t('register.role.generalManager') },
            ]}
          />,
          required,
          24,
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('register.roleHint')}
          </Typography.Text>,
        )}
        {field('inspector', 'register.inspector', <Input maxLength={40} />, text(40))}
        {field('subsidiaryId', 'register.subsidiary', <EnterpriseSelect groupId={enterpriseId ?? null} placeholder={t('register.subsidiaryHint')} />, required)}
        {field('findings', 'register.findings', <Input.TextArea rows={3} maxLength={1000} showCount />, text(1000), 24)}
      </>
    ),
    officerTraining: (
      <>
        {field('officer', 'register.officer', <Input maxLength={40} />, text(40), 8)}
        {field('days', 'register.days', <InputNumber min={1} max={365} precision={0} suffix={t('unit.days')} style={{ width: '100%' }} />, required, 6)}
        {field('course', 'register.course', <Input maxLength={200} />, text(200), 10)}
      </>
    ),
    enforcementEquipment: (
      <>
        {field('officers', 'register.officers', <InputNumber min={0} max={100_000} precision={0} style={{ width: '100%' }} />, required)}
        {field('equipmentSets', 'register.equipmentSets', <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />, required)}
      </>
    ),
    miningFace: (
      <>
        {field('face', 'register.face', <Input maxLength={100} />, text(100), 14)}
        {field(
          'kind',
          'register.faceKind',
          <Radio.Group
            optionType="button"
            options={[
              { value: 'coalFace', label: t('register.faceKind.coalFace') },
              { value: 'heading', label: t('register.faceKind.heading') },
            ]}
          />,
          required,
          10,
        )}
      </>
    ),
    hazchemSystems: (
      <>
        <Col xs={24}>
          <Form.Item name={['detail', 'majorHazard']} label={t('register.majorHazard')} valuePropName="checked">
            <Switch checkedChildren={t('register.yes')} unCheckedChildren={t('register.no')} />
          </Form.Item>
        </Col>
        {HAZCHEM_SYSTEMS.map((s) => (
          <Col key={s} xs={12} md={6}>
            <Form.Item name={['detail', s]} label={t(`register.system.${s}`)} valuePropName="checked">
              <Switch checkedChildren={t('register.inService')} unCheckedChildren={t('register.missing')} />
            </Form.Item>
          </Col>
        ))}
      </>
    ),
  };

  return (
    <Modal
      open={open}
      title={t('register.addTitle', { kind: t(`register.kind.${kind}`) })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ loading: busy }}
      width={720}
      destroyOnHidden
    >
      <div style={{ marginBottom: 12 }}>
        <Source text={t(`register.source.${kind}`)} />
      </div>
      <Form<RegisterForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={{ date: defaultDate, title: '', detail: INITIAL_DETAIL[kind] ?? {} }}
        onValuesChange={(changed: Partial<RegisterForm>) => {
          if ('enterpriseId' in changed && kind === 'groupInspection') form.setFieldValue(['detail', 'subsidiaryId'], undefined);
        }}
      >
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="date" label={t(`register.date.${kind}`)} rules={required}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(today, 'day')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="title" label={t('register.title')} rules={text(200)}>
              <Input maxLength={200} placeholder={t(`register.titleHint.${kind}`)} />
            </Form.Item>
          </Col>
          {pickEnterprise ? (
            <Col xs={24}>
              <Form.Item name="enterpriseId" label={t(ENTERPRISE_LABEL[kind] ?? 'register.enterprise')} rules={required}>
                <EnterpriseSelect
                  groupsOnly={kind === 'groupInspection'}
                  industry={kind === 'miningFace' ? 'coal' : kind === 'hazchemSystems' ? 'hazchem' : undefined}
                  autoSelectSingle={me?.user.kind === 'group'}
                />
              </Form.Item>
            </Col>
          ) : null}
          {detailFields[kind]}
        </Row>
      </Form>
    </Modal>
  );
}
