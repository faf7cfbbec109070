import { useQueryClient } from '@tanstack/react-query';
import { Col, DatePicker, Form, Modal, Radio, Row, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { REGISTER_DETAIL, ZRecordActivity } from '../../../common/contracts/workplan';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { NumberInput } from '../../components/NumberInput';
import { Source } from '../../components/Source';
import { TextArea, TextInput } from '../../components/TextInput';
import { type MessageKey, useI18n } from '../../i18n';
import { api } from '../../lib/api';
import { useMe } from '../../lib/auth';
import { rulesFor } from '../../lib/form-rules';
import { useAction } from '../../lib/use-action';
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
  const qc = useQueryClient();
  const enterpriseId = Form.useWatch('enterpriseId', form);
  const today = dayjs();
  const isEnterpriseKind = ENTERPRISE_KINDS.includes(kind);
  // An enterprise user records for their own enterprise; the server fills it in.
  const pickEnterprise = isEnterpriseKind && me?.user.kind !== 'enterprise';
  const required = [{ required: true, message: t('validation.required') }];
  // The server checks `detail` with its kind's schema: the fields' rules and limits come from it.
  const detailSchema = REGISTER_DETAIL[kind];
  const defaultDate = year === today.year() ? today : dayjs(`${year}-12-31`).isAfter(today) ? today : null;

  const submit = useAction({
    run: async (v: RegisterForm) => {
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
      // Refetched before onSaved so the register and plan show the entry when the modal closes.
      await Promise.all([['registers'], ['plan'], ['plan-item']].map((queryKey) => qc.invalidateQueries({ queryKey })));
      return date;
    },
    form,
    success: 'register.saved',
    onSuccess: (date) => onSaved(date),
  });

  const field = (name: string, label: MessageKey, input: ReactNode, span = 12, extra?: ReactNode) => (
    <Col xs={24} md={span}>
      <Form.Item name={['detail', name]} label={t(label)} rules={rulesFor(detailSchema, name)} extra={extra}>
        {input}
      </Form.Item>
    </Col>
  );

  // Built for the open kind only: each field's rules are read off that kind's schema.
  const detailFields: Record<RegisterKind, () => ReactNode> = {
    safetyMeeting: () => (
      <>
        {field('chair', 'register.chair', <TextInput schema={detailSchema} field="chair" />)}
        {field('topics', 'register.topics', <TextArea rows={3} schema={detailSchema} field="topics" />, 24)}
      </>
    ),
    leaderLecture: () => (
      <>
        {field('lecturer', 'register.lecturer', <TextInput schema={detailSchema} field="lecturer" />)}
        {field('audience', 'register.audience', <NumberInput integer style={{ width: '100%' }} />)}
      </>
    ),
    groupInspection: () => (
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
          24,
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('register.roleHint')}
          </Typography.Text>,
        )}
        {field('inspector', 'register.inspector', <TextInput schema={detailSchema} field="inspector" />)}
        {field('subsidiaryId', 'register.subsidiary', <EnterpriseSelect groupId={enterpriseId ?? null} placeholder={t('register.subsidiaryHint')} />)}
        {field('findings', 'register.findings', <TextArea rows={3} schema={detailSchema} field="findings" />, 24)}
      </>
    ),
    officerTraining: () => (
      <>
        {field('officer', 'register.officer', <TextInput schema={detailSchema} field="officer" />, 8)}
        {field('days', 'register.days', <NumberInput integer suffix={t('unit.days')} style={{ width: '100%' }} />, 6)}
        {field('course', 'register.course', <TextInput schema={detailSchema} field="course" />, 10)}
      </>
    ),
    enforcementEquipment: () => (
      <>
        {field('officers', 'register.officers', <NumberInput integer style={{ width: '100%' }} />)}
        {field('equipmentSets', 'register.equipmentSets', <NumberInput integer style={{ width: '100%' }} />)}
      </>
    ),
    miningFace: () => (
      <>
        {field('face', 'register.face', <TextInput schema={detailSchema} field="face" />, 14)}
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
          10,
        )}
      </>
    ),
    hazchemSystems: () => (
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
      okButtonProps={{ loading: submit.busy }}
      width={720}
      destroyOnHidden
    >
      <div style={{ marginBottom: 12 }}>
        <Source text={t(`register.source.${kind}`)} />
      </div>
      <Form<RegisterForm>
        form={form}
        layout="vertical"
        onFinish={submit.run}
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
            <Form.Item name="title" label={t('register.title')} rules={rulesFor(ZRecordActivity, 'title')}>
              <TextInput schema={ZRecordActivity} field="title" placeholder={t(`register.titleHint.${kind}`)} />
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
          {detailFields[kind]()}
        </Row>
      </Form>
    </Modal>
  );
}
